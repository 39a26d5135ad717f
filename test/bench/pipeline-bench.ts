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
import { httpClient } from '../support/http-client.js';
import { readClusterRun } from '../../tools/cluster/run-file.js';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { measureCeiling } from './ceiling.js';
import { cpuSeconds, percentile, processProbe, serverProcess, startProfile, type ProcessProbe } from './measure.js';

const { values: flags } = parseArgs({
  options: {
    applications: { type: 'string', default: process.env.BENCH_APPLICATIONS ?? '200' },
    concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '20' },
    'database-url': { type: 'string' },
    /** Writes a CPU profile of this process (API, worker, PGlite) over the measured phase only. */
    'cpu-profile': { type: 'string' },
    /** Measures the running `npm run cluster` (its .temporal/cluster/run.json) instead of starting a stack. */
    cluster: { type: 'boolean', default: false },
    /** Or any running API and its Temporal server (CPU and memory are then not measured). */
    'api-url': { type: 'string' },
    'temporal-address': { type: 'string' },
  },
});
const TOTAL = Number(flags.applications);
const CONCURRENCY = Number(flags.concurrency);
if (flags['database-url']) process.env.DATABASE_URL = flags['database-url'];

const latencies = new Map<string, number[]>();

interface Target {
  description: string;
  /** What the `app` CPU and memory figures cover. */
  appLabel: string;
  /** The API and workers run in other processes: this process is only the load generator. */
  external: boolean;
  api: TestStack['api'];
  login(username: string): Promise<string>;
  client: Client;
  temporalAddress: string;
  /** CPU seconds used so far by the app's processes (beyond this one) and the Temporal server; undefined: unknown. */
  cpu(): Promise<{ app: number; temporal: number } | undefined>;
  rss(): Promise<{ app: number; temporal: number }>;
  close(): Promise<void>;
}

async function timed(stack: Target, label: string, method: string, url: string, token?: string, body?: unknown) {
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

async function carry(stack: Target, tokens: Record<string, string>): Promise<void> {
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
const target = flags.cluster || flags['api-url'] ? await externalTarget() : await ownStack();
try {
  const usernames = [...new Set([...Object.values(OFFICERS), 'bank.manager'])];
  const tokens = Object.fromEntries(await Promise.all(usernames.map(async (u) => [u, await target.login(u)] as const)));
  await carry(target, tokens); // warm-up: JIT, the worker's workflow cache, Prisma's first queries
  latencies.clear();

  const ownBefore = process.cpuUsage();
  const before = await target.cpu();
  const profile = flags['cpu-profile'] ? await startProfile() : null;
  const seconds = await inParallel(TOTAL, CONCURRENCY, () => carry(target, tokens));
  if (profile && flags['cpu-profile']) await profile.stopInto(flags['cpu-profile']);
  const own = process.cpuUsage(ownBefore);
  const after = await target.cpu();

  const decisions = [...(latencies.get('start') ?? []), ...(latencies.get('decide') ?? [])];
  const submissions = latencies.get('submit') ?? [];
  const decisionRate = decisions.length / seconds;
  console.log(`${target.description}; ${TOTAL} applications to DISBURSED, ${CONCURRENCY} at a time`);
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
  if (before && after) {
    console.log(
      `cpu per decision: ${target.appLabel} ${perDecision(after.app - before.app + (target.external ? 0 : ownCpu))} ms, ` +
        `Temporal server ${perDecision(after.temporal - before.temporal)} ms` +
        (target.external ? `, load generator ${perDecision(ownCpu)} ms` : ''),
    );
    const rss = await target.rss();
    console.log(
      `rss: ${target.appLabel} ${(rss.app / 2 ** 20).toFixed(0)} MiB, Temporal server ${(rss.temporal / 2 ** 20).toFixed(0)} MiB`,
    );
  }

  const ceiling = await measureCeiling({
    address: target.temporalAddress,
    client: target.client,
    updates: decisions.length,
    concurrency: CONCURRENCY,
  });
  console.log(
    `ceiling (no-op Update workflow, same server): ${ceiling.rate.toFixed(1)} updates/s, p50 ${ms(ceiling.latencies, 50)} ms  p99 ${ms(ceiling.latencies, 99)} ms`,
  );
  console.log(`ratio of the decision rate to the ceiling: ${(decisionRate / ceiling.rate).toFixed(2)}`);
} finally {
  await target.close();
}

/** The stack the benchmark starts itself: a dev server as `npm start` runs it, API and worker in this process. */
async function ownStack(): Promise<Target> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loan-bench-'));
  const temporal = await startDevServer({
    projectRoot,
    dataDir,
    port: await findFreePort(),
    uiPort: await findFreePort(),
    log: () => undefined,
  });
  const stack = await startStack({ temporal });
  const server = await serverProcess(dataDir);
  return {
    description: `database ${stack.db.kind}`,
    appLabel: 'API+worker+database process',
    external: false,
    api: stack.api,
    login: stack.login,
    client: stack.client,
    temporalAddress: stack.temporalAddress,
    cpu: async () => ({ app: 0, temporal: await cpuSeconds(server) }),
    rss: async () => ({ app: process.memoryUsage().rss, temporal: await server.rssBytes() }),
    close: async () => {
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A system already running elsewhere on this machine, reached only through its HTTP API and its Temporal. */
async function externalTarget(): Promise<Target> {
  // The ceiling's worker in this process: warnings only, as the stack's own Runtime would say them.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const run = flags.cluster ? await readClusterRun() : undefined;
  const apiUrl = run?.apiUrl ?? flags['api-url']!;
  const temporalAddress = run?.temporalAddress ?? flags['temporal-address'];
  if (!temporalAddress) throw new Error('--api-url needs --temporal-address (for the ceiling)');
  const connection = await Connection.connect({ address: temporalAddress });
  const http = httpClient(apiUrl);
  const appProbes = run ? [run.pids.api, ...run.pids.workers].map(processProbe) : [];
  const temporalProbe = run ? processProbe(run.pids.temporal) : undefined;
  const sum = async (probes: ProcessProbe[], read: (p: ProcessProbe) => Promise<number>) =>
    (await Promise.all(probes.map(read))).reduce((a, b) => a + b, 0);
  return {
    description: run
      ? `cluster (Temporal server on PostgreSQL, API and ${run.pids.workers.length} worker process(es)) at ${apiUrl}`
      : `API at ${apiUrl}`,
    appLabel: run ? `API + ${run.pids.workers.length} worker process(es)` : 'API',
    external: true,
    ...http,
    client: new Client({ connection, namespace: run?.namespace ?? 'default' }),
    temporalAddress,
    cpu: async () =>
      temporalProbe ? { app: await sum(appProbes, cpuSeconds), temporal: await cpuSeconds(temporalProbe) } : undefined,
    rss: async () => ({
      app: await sum(appProbes, (p) => p.rssBytes()),
      temporal: temporalProbe ? await temporalProbe.rssBytes() : 0,
    }),
    close: () => connection.close(),
  };
}
