import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../server/infra/database.js';
import { migrateDatabase } from '../../server/infra/migrate.js';

import { openTestDatabase, type TestDatabase } from './test-database.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
/** The migrations the project ships, in the order they apply. */
const SHIPPED = (await readdir(migrationsDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

describe('migrateDatabase', () => {
  let test: TestDatabase;
  let scratch: string;

  beforeEach(async () => {
    test = await openTestDatabase();
    scratch = await mkdtemp(path.join(tmpdir(), 'loan-migrations-'));
  });

  afterEach(async () => {
    await test.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  async function copyMigrations(): Promise<string> {
    const dir = path.join(scratch, 'migrations');
    await cp(migrationsDir, dir, { recursive: true });
    return dir;
  }

  it('applies every migration once and records it the way prisma migrate does', async () => {
    const result = await migrateDatabase(test.db);

    expect(result.applied).toEqual(SHIPPED);
    const rows = await test.db.prisma.$queryRawUnsafe<MigrationRow[]>(
      'SELECT * FROM _prisma_migrations ORDER BY migration_name',
    );
    const sql = await readFile(path.join(migrationsDir, '0001_init', 'migration.sql'));
    expect(rows).toHaveLength(SHIPPED.length);
    expect(rows[0]).toMatchObject({
      migration_name: '0001_init',
      checksum: createHash('sha256').update(sql).digest('hex'),
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(await test.db.prisma.ward.count()).toBe(0);
  });

  it('applies nothing on a second run', async () => {
    await migrateDatabase(test.db);

    const second = await migrateDatabase(test.db);

    expect(second.applied).toEqual([]);
    const rows = await test.db.prisma.$queryRawUnsafe<MigrationRow[]>('SELECT * FROM _prisma_migrations');
    expect(rows).toHaveLength(SHIPPED.length);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const dir = await copyMigrations();
    await migrateDatabase(test.db, dir);
    await writeFile(path.join(dir, '0001_init', 'migration.sql'), '-- edited\n', { flag: 'a' });

    await expect(migrateDatabase(test.db, dir)).rejects.toThrow(/0001_init was modified after it was applied/);
  });

  it('applies a new migration added later, in name order', async () => {
    const dir = await copyMigrations();
    await migrateDatabase(test.db, dir);
    await mkdir(path.join(dir, '9999_add_note'));
    await writeFile(path.join(dir, '9999_add_note', 'migration.sql'), 'ALTER TABLE "wards" ADD COLUMN "note" TEXT;\n');

    const result = await migrateDatabase(test.db, dir);

    expect(result.applied).toEqual(['9999_add_note']);
    const names = await test.db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(names.map((row) => row.migration_name)).toEqual([...SHIPPED, '9999_add_note']);
  });

  it('leaves no trace of a failing migration, so it can be fixed and rerun', async () => {
    const dir = await copyMigrations();
    await migrateDatabase(test.db, dir);
    const brokenFile = path.join(dir, '9999_broken', 'migration.sql');
    await mkdir(path.dirname(brokenFile));
    await writeFile(brokenFile, 'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT 1 / 0;\n');

    await expect(migrateDatabase(test.db, dir)).rejects.toThrow(/division by zero/);

    const [table] = await test.db.prisma.$queryRawUnsafe<{ name: string | null }[]>(
      "SELECT to_regclass('half_done')::text AS name",
    );
    expect(table?.name).toBeNull();
    const recorded = await test.db.prisma.$queryRawUnsafe<MigrationRow[]>(
      "SELECT * FROM _prisma_migrations WHERE migration_name = '9999_broken'",
    );
    expect(recorded).toEqual([]);

    await writeFile(brokenFile, 'CREATE TABLE "half_done" ("id" INTEGER);\n');
    expect((await migrateDatabase(test.db, dir)).applied).toEqual(['9999_broken']);
  });

  it.runIf(process.env.DATABASE_URL)('lets two processes starting together apply each migration once', async () => {
    const other = await openDatabase({ databaseUrl: test.databaseUrl });
    try {
      const results = await Promise.all([migrateDatabase(test.db), migrateDatabase(other)]);

      expect(results.flatMap((result) => result.applied)).toEqual(SHIPPED);
    } finally {
      await other.close();
    }
  });
});

describe('prisma migrate status on a PGlite directory migrated by migrateDatabase', () => {
  let scratch: string;

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'loan-pglite-'));
  });

  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('reports the database as up to date', async () => {
    const pgliteDir = path.join(scratch, 'db');
    const db = await openDatabase({ pgliteDir });
    await migrateDatabase(db);
    await db.close();
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: pgliteDir, CHECKPOINT_DISABLE: '1' };
    delete env.DATABASE_URL;

    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js'), 'migrate', 'status'],
      { cwd: repoRoot, env, timeout: 60_000 },
    );

    expect(stdout).toContain('Database schema is up to date!');
  });
});
