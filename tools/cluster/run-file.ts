/** What a running `npm run cluster` publishes about itself, for `npm run bench -- --cluster`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUN_FILE = fileURLToPath(new URL('../../.temporal/cluster/run.json', import.meta.url));

export interface ClusterRun {
  apiUrl: string;
  temporalAddress: string;
  namespace: string;
  pids: { temporal: number; api: number; workers: number[] };
}

export async function readClusterRun(file = RUN_FILE): Promise<ClusterRun> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`${path.relative(process.cwd(), file)} not found: start \`npm run cluster\` first`);
  });
  return JSON.parse(text) as ClusterRun;
}
