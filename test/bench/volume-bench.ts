/**
 * `npm run bench:volume`: the read model at volume. Generates 1,000,000 applications and about 10,000,000 audit
 * events in PostgreSQL (reused on the next run; `--fresh` generates them again), then times the inbox, the
 * filtered list and the status lookup through their use cases and prints p50 / p95 / p99 and the query plans.
 * Prints figures; asserts nothing.
 *
 *   npm run bench:volume                                   # DATABASE_URL, or postgresql://loan:loan@127.0.0.1:5432/loan_vol
 *   npm run bench:volume -- --database-url postgresql://…  --applications 200000 --runs 100 --fresh
 *   npm run bench:volume -- --small                        # 20,000 applications
 */
import { parseArgs } from 'node:util';

import { runVolumeBench } from './volume-run.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    applications: { type: 'string' },
    runs: { type: 'string', default: '200' },
    small: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
  },
});

const databaseUrl = values.pglite
  ? undefined
  : (values['database-url'] ?? process.env.DATABASE_URL ?? 'postgresql://loan:loan@127.0.0.1:5432/loan_vol');
const applications = Number(values.applications ?? (values.small ? 20_000 : 1_000_000));
if (!Number.isInteger(applications) || applications < 100) throw new Error('--applications: a whole number ≥ 100');

await runVolumeBench({
  databaseUrl,
  applications,
  fresh: values.fresh,
  runs: Number(values.runs),
  print: (line) => console.log(line),
});
