/**
 * `npm run demo`: a district with a history. Starts its own instance (time-skipping Temporal, PGlite in
 * ./data/demo, port 3100), tells about eighteen months of the district's loans through the HTTP API, then stops
 * skipping time and keeps serving until Ctrl+C.
 *
 *   npm run demo -- [--count 240] [--months 18] [--port 3100] [--dir ./data/demo] [--fresh]
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../../prisma/seed.js';
import { DemoClient } from './client.js';
import { startDemoInstance } from './instance.js';
import { runStory } from './story.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '240' },
    months: { type: 'string', default: '18' },
    port: { type: 'string', default: '3100' },
    dir: { type: 'string', default: './data/demo' },
    fresh: { type: 'boolean', default: false },
  },
});
const args = z
  .object({
    count: z.coerce.number().int().min(10).max(2_000),
    months: z.coerce.number().int().min(3).max(36),
    port: z.coerce.number().int().min(1).max(65_535),
    dir: z.string().min(1),
    fresh: z.boolean(),
  })
  .parse(values);
const dataDir = path.resolve(args.dir);
const say = (line: string) => console.log(`[demo] ${line}`);

if (existsSync(path.join(dataDir, 'pglite'))) {
  if (!args.fresh) {
    console.error(
      `A demo district already exists in ${dataDir}. Its workflows lived in the time-skipping server's memory ` +
        'and ended with the process that built it, so it cannot be resumed. Rebuild it with ' +
        '`npm run demo -- --fresh`, or pass another --dir.',
    );
    process.exit(1);
  }
  say(`removing the previous demo district in ${dataDir}`);
  await rm(dataDir, { recursive: true, force: true });
}

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
say(`starting the time-skipping Temporal server, PGlite in ${dataDir} and the API on port ${args.port}`);
const instance = await startDemoInstance({ projectRoot, dataDir, port: args.port, log: say });
const client = new DemoClient(`http://127.0.0.1:${args.port}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  say('stopping');
  await instance.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

say(`telling ${args.months} months of the district with ${args.count} applications (${elapsed()})`);
const summary = await runStory({
  client,
  clock: instance.clock,
  applications: args.count,
  months: args.months,
  log: (line) => say(`${line}   (${elapsed()})`),
});
const url = instance.config.publicUrl;
console.log(`
A district with a history is ready (${elapsed()}, ${client.requests} API requests).
  From ${summary.from} to ${summary.to} on the demo's clock: ${summary.loans} loans disbursed,
  ${summary.interestCollections} monthly interest collections, ${summary.principalPayments} principal payments
  (${summary.late} late, with overdue interest), ${summary.early} early repayments, ${summary.extended} extensions.
  Capital: ${summary.capital.join('; ')}.

  Web    ${url}/   pages: ${url}/capital  ${url}/loans  ${url}/reports
  API    ${url}/api   (OpenAPI: ${url}/openapi.json)
  Accounts (password ${DEMO_PASSWORD}): bank.manager, bank.officer, admin, ward.HOABINH, ward.TANLAP, ward.DONGHUNG,
  group.HOABINH-01 … group.DONGHUNG-02, assoc.FARMERS.HOABINH (assoc.<association>.<ward>).

Time no longer skips: the clock runs on from ${summary.to}. This is a showcase: the workflows live in the
time-skipping server's memory and end with this process. Press Ctrl+C to stop.
`);
