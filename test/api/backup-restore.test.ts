/**
 * `npm run backup` / `npm run restore` on the embedded default: applications half way through, backed up
 * after `npm start` stops, ./data wiped, restored, started again and carried to the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PUBLISHED, runStep, submit } from '../support/fixtures.js';
import { expectReadModelAgrees } from '../support/observe.js';
import { runScript, startSystem, type RunningSystem } from '../support/system-process.js';

let workDir: string;
let system: RunningSystem | undefined;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'loan-backup-'));
});

afterAll(async () => {
  await system?.stop();
  await rm(workDir, { recursive: true, force: true });
});

it('backs up applications half way, restores them into a wiped data directory, and carries them to the end', async () => {
  const dataDir = path.join(workDir, 'data');
  const backupRoot = path.join(workDir, 'backups');
  const env = { DATA_DIR: dataDir };
  system = await startSystem(dataDir);
  const first = await submit(system.stack);
  const second = await submit(system.stack);
  for (const step of PUBLISHED.slice(0, 2)) {
    await runStep(system.stack, first.id, step);
    await runStep(system.stack, second.id, step);
  }

  const whileRunning = await runScript('server/main/backup.ts', [backupRoot], env);
  expect(whileRunning.code).toBe(1);
  expect(whileRunning.stderr).toContain('Refusing to back up');
  expect(whileRunning.stderr).toContain('npm start');

  expect(await system.stop()).toBe(0);
  system = undefined;
  const backup = await runScript('server/main/backup.ts', [backupRoot], env);
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  const backupDir = /to (.+)$/m.exec(backup.stdout)?.[1];
  expect(backupDir).toMatch(/backups[/\\]backup-\d{8}T\d{6}Z$/);

  await rm(dataDir, { recursive: true, force: true });
  const restore = await runScript('server/main/restore.ts', [backupDir!], env);
  expect(restore.stderr).toBe('');
  expect(restore.code).toBe(0);

  system = await startSystem(dataDir);
  const again = await runScript('server/main/restore.ts', [backupDir!], env);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('Refusing to restore');

  for (const created of [first, second]) {
    const state = await system.stack.queryState(created.id);
    expect(state.currentStep).toBe(PUBLISHED[2]);
    await expectReadModelAgrees(system.stack, created.id);
    for (const step of PUBLISHED.slice(2)) await runStep(system.stack, created.id, step);
    expect((await system.stack.queryState(created.id)).status).toBe('DISBURSED');
    await expectReadModelAgrees(system.stack, created.id);
  }
  expect(await system.stop()).toBe(0);
  system = undefined;
}, 900_000);
