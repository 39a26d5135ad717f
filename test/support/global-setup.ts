/** vitest's global setup: runs once per `npm test`, before the first test file. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { TEMPLATE_DIR_VARIABLE } from './pglite-template.js';

export async function setup(): Promise<() => Promise<void>> {
  // The test files run in forked processes, which inherit this environment.
  const dir = await mkdtemp(path.join(tmpdir(), 'policy-loan-pglite-'));
  process.env[TEMPLATE_DIR_VARIABLE] = dir;
  return () => rm(dir, { recursive: true, force: true });
}
