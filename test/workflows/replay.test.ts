import { readdir, readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { describe, it } from 'vitest';
import { WORKFLOWS_PATH } from '../../server/infra/worker.js';

const historiesDir = new URL('../histories/', import.meta.url);
const files = (await readdir(historiesDir)).filter((name) => name.endsWith('.json'));

// A change to workflow code that would make a live execution diverge fails here: guard it with patched().
describe('workflow replay over recorded histories', () => {
  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history = JSON.parse(await readFile(new URL(file, historiesDir), 'utf8')) as unknown;
    await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH }, history);
  });
});
