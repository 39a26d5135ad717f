/**
 * Production needs no demo seed: `npm run admin:create` makes the first administrator, and the entry points
 * refuse to start while an enabled account still has the demo password or SEED_DEMO=true asks for them.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed.js';
import { loadConfig } from '../../server/main/config.js';
import { StartRefused } from '../../server/main/demo-passwords.js';
import { openStore } from '../../server/main/runtime.js';
import { hashPassword, verifyPassword } from '../../server/infra/passwords.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules/.bin/tsx');
let dataDir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(root, script), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

// Production requires payload keys; this TEST-ONLY key is the test stack's (test/support/test-payload-keys.ts).
const TEST_ONLY_PAYLOAD_KEYS = 'test-only-k1:VEVTVC1PTkxZIGtleSAxIGZvciB0ZXN0IHN0YWNrISE=';
const production = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  PAYLOAD_KEYS: TEST_ONLY_PAYLOAD_KEYS,
  ...extra,
});
const configFor = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'loan-production-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run admin:create', () => {
  it('refuses a missing or short password and offers no default', async () => {
    const none = await run('server/main/admin-create.ts', ['--username', 'quan.tri'], production());
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('at least 12 characters');
    const short = await run(
      'server/main/admin-create.ts',
      ['--username', 'quan.tri'],
      production({ ADMIN_PASSWORD: 'ngan-qua' }),
    );
    expect(short.code).not.toBe(0);
  });

  it('creates an administrator from a password on standard input, and refuses the same username again', async () => {
    const created = await run(
      'server/main/admin-create.ts',
      ['--username', 'quan.tri', '--display-name', 'Quản trị tỉnh'],
      production(),
      'mat-khau-rat-dai-2026\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created administrator quan.tri');

    const again = await run(
      'server/main/admin-create.ts',
      ['--username', 'quan.tri'],
      production({ ADMIN_PASSWORD: 'mot-mat-khau-khac-2026' }),
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const db = await openStore(configFor(production()));
    try {
      const row = await db.prisma.officerAccount.findUniqueOrThrow({ where: { username: 'quan.tri' } });
      expect(row).toMatchObject({ role: 'admin', displayName: 'Quản trị tỉnh', disabled: false });
      expect(await verifyPassword('mat-khau-rat-dai-2026', row.passwordHash)).toBe(true);
      expect(
        await db.prisma.auditEvent.count({ where: { type: 'OFFICER_CREATED', actorUsername: 'admin:create' } }),
      ).toBe(1);
      // No demo district came with it.
      expect(await db.prisma.ward.count()).toBe(0);
    } finally {
      await db.close();
    }
  });
});

describe('starting in production', () => {
  it('refuses without PAYLOAD_KEYS, before it opens anything', async () => {
    const api = await run('server/main/api-main.ts', [], {
      NODE_ENV: 'production',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
    });

    expect(api.code).toBe(1);
    expect(api.stderr).toContain('Refusing to start in production without PAYLOAD_KEYS');
  });

  it('refuses SEED_DEMO=true', async () => {
    await expect(openStore(configFor(production({ SEED_DEMO: 'true' })))).rejects.toThrow(/SEED_DEMO=true/);
  });

  it('refuses while an enabled account has the demo password, naming the accounts, and exits non-zero', async () => {
    const dev = await openStore(configFor({ NODE_ENV: 'development', SEED_DEMO: 'false' }));
    await seedDemoData(dev.prisma, { hashPassword });
    await dev.close();

    const refused = openStore(configFor(production()));
    await expect(refused).rejects.toBeInstanceOf(StartRefused);
    await expect(refused).rejects.toThrow(/demo password \(.*admin.*bank\.manager.*\)/);

    const api = await run('server/main/api-main.ts', [], production({ TEMPORAL_ADDRESS: '127.0.0.1:1' }));
    expect(api.code).toBe(1);
    expect(api.stderr).toContain('Refusing to start in production');
    expect(api.stderr).toContain('ward.HOABINH');
    expect(api.stderr).not.toContain('quan.tri');
  });

  it('starts once every account with the demo password is disabled or has a new one', async () => {
    const dev = await openStore(configFor({ NODE_ENV: 'development', SEED_DEMO: 'false' }));
    const newHash = await hashPassword('mat-khau-moi-cua-admin');
    await dev.prisma.officerAccount.update({ where: { username: 'admin' }, data: { passwordHash: newHash } });
    await dev.prisma.officerAccount.updateMany({
      where: { username: { notIn: ['admin', 'quan.tri'] } },
      data: { disabled: true },
    });
    await dev.close();

    const db = await openStore(configFor(production()));
    await db.close();
  });
});
