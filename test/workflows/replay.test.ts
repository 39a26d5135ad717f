import { readdir, readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { describe, it } from 'vitest';
import { register as registerTsRequire } from 'tsx/cjs/api';
import { workerDataConverter } from '../../server/infra/payload-codec.js';
import { WORKFLOWS_PATH } from '../../server/infra/worker.js';
import { TEST_ONLY_KEYRING } from '../support/test-payload-keys.js';

const historiesDir = new URL('../histories/', import.meta.url);
const files = (await readdir(historiesDir)).filter((name) => name.endsWith('.json'));
// The worker require()s the failure converter by path (a .ts file here), which plain Node cannot load.
registerTsRequire();

// A change to workflow code that would make a live execution diverge fails here: guard it with patched().
// The plain histories (recorded before encryption) pass through the codec; encrypted-test-only-key-*.json needs it.
describe('workflow replay over recorded histories', () => {
  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history = JSON.parse(await readFile(new URL(file, historiesDir), 'utf8')) as unknown;
    await Worker.runReplayHistory(
      { workflowsPath: WORKFLOWS_PATH, dataConverter: workerDataConverter(TEST_ONLY_KEYRING) },
      history,
    );
  });
});
