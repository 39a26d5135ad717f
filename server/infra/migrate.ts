import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Database } from './database.js';

/** `<repo>/prisma/migrations`, from `server/infra/` under tsx and from `dist/server/infra/` once built (tsc copies no SQL). */
function defaultMigrationsDir(): string {
  const candidates = ['../../prisma/migrations', '../../../prisma/migrations'].map((relative) =>
    fileURLToPath(new URL(relative, import.meta.url)),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`No migrations directory found at ${candidates.join(' or ')}`);
  return found;
}

/** The key `prisma migrate` itself locks, so this migrator and the Prisma CLI exclude each other too. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** Exactly the DDL of Prisma's schema engine (PostgreSQL flavour), so `prisma migrate status` reads our rows. */
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** Long enough for any migration; the lock-holding transaction must not be killed by Prisma's 5 s default. */
const LOCK_TRANSACTION_TIMEOUT_MS = 15 * 60 * 1000;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

type RawReader = Pick<Database['prisma'], '$queryRawUnsafe'>;

/**
 * Applies `<migrationsDir>/<name>/migration.sql` in name order, each atomically together with its
 * `_prisma_migrations` row (same format as `prisma migrate deploy`). Exists because `prisma migrate`
 * cannot run through @prisma/adapter-pg (prisma/orm#27403). Throws if an applied migration was edited.
 */
export async function migrateDatabase(
  db: Database,
  migrationsDir: string = defaultMigrationsDir(),
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(migrationsDir);
  if (db.kind === 'pglite') {
    // One process owns a PGlite directory, so there is nobody to race. An interactive transaction would
    // also hold PGlite's only connection and deadlock the exec() calls below.
    return { applied: await applyPending(db, db.prisma, migrations) };
  }
  // API and worker may start together. The lock is a transaction-scoped advisory lock held by one pooled
  // connection while the migrations run on others: it is released even if this process dies mid-way.
  const applied = await db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
      return applyPending(db, tx, migrations);
    },
    { maxWait: LOCK_TRANSACTION_TIMEOUT_MS, timeout: LOCK_TRANSACTION_TIMEOUT_MS },
  );
  return { applied };
}

async function applyPending(db: Database, reader: RawReader, migrations: MigrationFile[]): Promise<string[]> {
  await db.exec(MIGRATIONS_TABLE_DDL);
  const rows = await reader.$queryRawUnsafe<AppliedRow[]>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations',
  );
  const appliedByName = new Map<string, AppliedRow>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new Error(`Migration ${row.migration_name} is recorded as started but not finished: resolve it first`);
    }
    appliedByName.set(row.migration_name, row);
  }

  const applied: string[] = [];
  for (const migration of migrations) {
    const row = appliedByName.get(migration.name);
    if (row) {
      if (row.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was modified after it was applied (checksum mismatch)`);
      }
      continue;
    }
    await db.exec(applyScript(migration));
    applied.push(migration.name);
  }
  return applied;
}

/**
 * One simple-protocol query string runs as one implicit transaction: if the migration fails, neither its
 * changes nor its `_prisma_migrations` row are kept. Values are literals because exec() takes no parameters;
 * the name is checked by readMigrations() and the checksum is hex.
 */
function applyScript(migration: MigrationFile): string {
  return `${migration.sql}
;
INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
VALUES ('${randomUUID()}', '${migration.checksum}', clock_timestamp(), '${migration.name}', NULL, NULL, now(), 1);`;
}

async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`Unsupported migration directory name: ${name}`);
    const bytes = await readFile(path.join(migrationsDir, name, 'migration.sql'));
    migrations.push({ name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') });
  }
  return migrations;
}
