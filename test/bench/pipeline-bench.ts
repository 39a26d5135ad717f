/**
 * `npm run bench`: how fast the whole pipeline runs on one machine, and how close it comes to what its engine can
 * do. Starts a Temporal dev server as `npm start` does (same flags, a SQLite file), PGlite in memory (or the
 * PostgreSQL of `--database-url` / DATABASE_URL), SMTP on loopback, one worker and the API, then carries
 * `--applications` applications from submission to DISBURSED, `--concurrency` at a time, through the HTTP API.
 * In the same run it drives a no-op Update workflow (its own worker and task queue, same server) at the same
 * concurrency: the ceiling. Prints figures; asserts nothing.
 *
 * A decision is an officer's Update through the API: taking a step or deciding it (each records one event).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDevServer, findFreePort } from '../../tools/dev-server.js';
import { PUBLISHED, approvalFor, applicationForm } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';
import { measureCeiling } from './ceiling.js';
import { cpuSeconds, percentile, serverProcess, startProfile } from './measure.js';

const { values: flags } = parseArgs({
  options: {
    applications: { type: 'string', default: process.env.BENCH_APPLICATIONS ?? '200' },
    concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '20' },
    'database-url': { type: 'string' },
    /** Writes a CPU profile of this process (API, worker, PGlite) over the measured phase only. */
    'cpu-profile': { type: 'string' },
  },
});
const TOTAL = Number(flags.applications);
const CONCURRENCY = Number(flags.concurrency);
if (flags['database-url']) process.env.DATABASE_URL = flags['database-url'];

const latencies = new Map<string, number[]>();

async function timed(stack: TestStack, label: string, method: string, url: string, token?: string, body?: unknown) {
  const started = performance.now();
  const response = await stack.api(method, url, {
    ...(token ? { token } : {}),
    ...(body === undefined ? {} : { body }),
  });
  const list = latencies.get(label) ?? [];
  list.push(performance.now() - started);
  latencies.set(label, list);
  if (response.status >= 300) throw new Error(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const OFFICERS: Record<string, string> = {
  'group-vote': 'group.HOABINH-01',
  'ward-verification': 'ward.HOABINH',
  entrustment: 'assoc.FARMERS.HOABINH',
  'bank-approval': 'bank.officer',
  disbursement: 'bank.officer',
};

async function carry(stack: TestStack, tokens: Record<string, string>): Promise<void> {
  const created = await timed(stack, 'submit', 'POST', '/api/applications', undefined, applicationForm());
  const decide = async (step: string, username: string, body: unknown) => {
    const token = tokens[username]!;
    await timed(stack, 'start', 'POST', `/api/applications/${created.id}/steps/${step}/start`, token);
    await timed(stack, 'decide', 'POST', `/api/applications/${created.id}/steps/${step}/decision`, token, body);
  };
  for (const step of PUBLISHED) {
    await decide(step, OFFICERS[step]!, approvalFor(step));
    if (step === 'bank-approval') await decide(step, 'bank.manager', { outcome: 'approve' });
  }
  const final = await timed(stack, 'read', 'GET', `/api/applications/${created.id}`, tokens['bank.manager']);
  if ((final as { status?: string }).status !== 'DISBURSED') throw new Error(`ended ${JSON.stringify(final)}`);
}

async function inParallel(total: number, concurrency: number, one: () => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        await one();
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

const ms = (values: number[], p: number) => percentile(values, p).toFixed(0).padStart(5);

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = await mkdtemp(path.join(tmpdir(), 'loan-bench-'));
const temporal = await startDevServer({
  projectRoot,
  dataDir,
  port: await findFreePort(),
  uiPort: await findFreePort(),
  log: () => undefined,
});
const stack = await startStack({ temporal });
try {
  const server = await serverProcess(dataDir);
  const usernames = [...new Set([...Object.values(OFFICERS), 'bank.manager'])];
  const tokens = Object.fromEntries(await Promise.all(usernames.map(async (u) => [u, await stack.login(u)] as const)));
  await carry(stack, tokens); // warm-up: JIT, the worker's workflow cache, Prisma's first queries
  latencies.clear();

  const ownBefore = process.cpuUsage();
  const serverBefore = await cpuSeconds(server);
  const profile = flags['cpu-profile'] ? await startProfile() : null;
  const seconds = await inParallel(TOTAL, CONCURRENCY, () => carry(stack, tokens));
  if (profile && flags['cpu-profile']) await profile.stopInto(flags['cpu-profile']);
  const own = process.cpuUsage(ownBefore);
  const serverCpu = (await cpuSeconds(server)) - serverBefore;

  const decisions = [...(latencies.get('start') ?? []), ...(latencies.get('decide') ?? [])];
  const submissions = latencies.get('submit') ?? [];
  const decisionRate = decisions.length / seconds;
  const memory = process.memoryUsage();
  console.log(`database ${stack.db.kind}; ${TOTAL} applications to DISBURSED, ${CONCURRENCY} at a time`);
  console.log(`wall ${seconds.toFixed(1)} s; ${(TOTAL / seconds).toFixed(2)} applications/s`);
  console.log(`decisions ${decisions.length}: ${decisionRate.toFixed(1)}/s`);
  console.log(`decision   p50 ${ms(decisions, 50)} ms  p95 ${ms(decisions, 95)} ms  p99 ${ms(decisions, 99)} ms`);
  console.log(`submission p50 ${ms(submissions, 50)} ms  p95 ${ms(submissions, 95)} ms  p99 ${ms(submissions, 99)} ms`);
  for (const [label, values] of latencies) {
    console.log(
      `  ${label.padEnd(7)} n=${String(values.length).padStart(5)}  p50 ${ms(values, 50)}  p99 ${ms(values, 99)}`,
    );
  }
  const perDecision = (cpu: number) => ((cpu / decisions.length) * 1000).toFixed(2);
  const ownCpu = (own.user + own.system) / 1e6;
  console.log(
    `cpu per decision: API+worker+database process ${perDecision(ownCpu)} ms, Temporal server ${perDecision(serverCpu)} ms`,
  );
  console.log(
    `rss: API+worker+database process ${(memory.rss / 2 ** 20).toFixed(0)} MiB, Temporal server ${(
      (await server.rssBytes()) /
      2 ** 20
    ).toFixed(0)} MiB`,
  );

  const ceiling = await measureCeiling({
    address: stack.temporalAddress,
    client: stack.client,
    updates: decisions.length,
    concurrency: CONCURRENCY,
  });
  console.log(
    `ceiling (no-op Update workflow, same server): ${ceiling.rate.toFixed(1)} updates/s, p50 ${ms(ceiling.latencies, 50)} ms  p99 ${ms(ceiling.latencies, 99)} ms`,
  );
  console.log(`ratio of the decision rate to the ceiling: ${(decisionRate / ceiling.rate).toFixed(2)}`);
} finally {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}
