/**
 * `npm run soak`: the soak of soak.ts from the command line; prints its report and exits 1 when it fails.
 *
 *   npm run soak                                   # 2,000 applications, the embedded default's dev server
 *   npm run soak -- --count 300 --cluster          # the Temporal server on PostgreSQL instead
 *   npm run soak -- --pgctlcluster 15/main --postgres-url postgresql://postgres@127.0.0.1:5432/postgres
 *                                                   # stop and start that cluster (root; nobody else on it!)
 */
import { parseArgs } from 'node:util';
import { FAULTS, runSoak, type Fault } from './soak.js';

const { values: flags } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '20' },
    cluster: { type: 'boolean', default: false },
    faults: { type: 'string', default: FAULTS.join(',') },
    'postgres-down-seconds': { type: 'string', default: '30' },
    'time-limit-minutes': { type: 'string', default: '180' },
    pgctlcluster: { type: 'string' },
    'postgres-url': { type: 'string', default: process.env.DATABASE_URL },
    'postgres-port': { type: 'string' },
    'temporal-port': { type: 'string' },
    'api-port': { type: 'string' },
  },
});

const faults = flags.faults.split(',').filter(Boolean) as Fault[];
for (const fault of faults)
  if (!FAULTS.includes(fault)) throw new Error(`unknown fault ${fault} (${FAULTS.join(', ')})`);
if (flags.pgctlcluster && !flags['postgres-url'])
  throw new Error('--pgctlcluster needs --postgres-url (or DATABASE_URL)');
const port = (value: string | undefined) => (value ? Number(value) : undefined);

const report = await runSoak({
  count: Number(flags.count),
  concurrency: Number(flags.concurrency),
  temporal: flags.cluster ? 'cluster' : 'dev',
  faults,
  postgresDownMs: Number(flags['postgres-down-seconds']) * 1_000,
  timeLimitMs: Number(flags['time-limit-minutes']) * 60_000,
  ...(flags.pgctlcluster ? { pgCtlCluster: { cluster: flags.pgctlcluster, adminUrl: flags['postgres-url']! } } : {}),
  ports: {
    postgres: port(flags['postgres-port']),
    temporal: port(flags['temporal-port']),
    api: port(flags['api-port']),
  },
});
console.log(report.lines.join('\n'));
process.exit(report.passed ? 0 : 1);
