/**
 * `npm run bench`: how fast the whole pipeline runs on one machine. Starts the same stack as the integration
 * tests (Temporal dev server, PGlite in memory or DATABASE_URL, SMTP on loopback, one worker, the API), then
 * carries BENCH_APPLICATIONS applications from submission to disbursement with BENCH_CONCURRENCY at a time,
 * and prints request latencies, throughput and memory. Prints figures; asserts nothing.
 */
import { PUBLISHED, approvalFor, applicationForm } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

const TOTAL = Number(process.env.BENCH_APPLICATIONS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 6);

const latencies = new Map<string, number[]>();

async function timed(stack: TestStack, label: string, method: string, path: string, token?: string, body?: unknown) {
  const started = performance.now();
  const response = await stack.api(method, path, {
    ...(token ? { token } : {}),
    ...(body === undefined ? {} : { body }),
  });
  const list = latencies.get(label) ?? [];
  list.push(performance.now() - started);
  latencies.set(label, list);
  if (response.status >= 300) throw new Error(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function carry(stack: TestStack, tokens: Record<string, string>): Promise<void> {
  const created = await timed(stack, 'submit', 'POST', '/api/applications', undefined, applicationForm());
  const officers: Record<string, string> = {
    'group-vote': 'group.HOABINH-01',
    'ward-verification': 'ward.HOABINH',
    entrustment: 'assoc.FARMERS.HOABINH',
    'bank-approval': 'bank.officer',
    disbursement: 'bank.officer',
  };
  for (const step of PUBLISHED) {
    const token = tokens[officers[step]!]!;
    await timed(stack, 'start', 'POST', `/api/applications/${created.id}/steps/${step}/start`, token);
    await timed(
      stack,
      'decide',
      'POST',
      `/api/applications/${created.id}/steps/${step}/decision`,
      token,
      approvalFor(step),
    );
    if (step === 'bank-approval') {
      const manager = tokens['bank.manager']!;
      await timed(stack, 'start', 'POST', `/api/applications/${created.id}/steps/${step}/start`, manager);
      await timed(stack, 'decide', 'POST', `/api/applications/${created.id}/steps/${step}/decision`, manager, {
        outcome: 'approve',
      });
    }
  }
  await timed(stack, 'read', 'GET', `/api/applications/${created.id}`, tokens['bank.manager']);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const stack = await startStack();
try {
  const usernames = ['group.HOABINH-01', 'ward.HOABINH', 'assoc.FARMERS.HOABINH', 'bank.officer', 'bank.manager'];
  const tokens = Object.fromEntries(await Promise.all(usernames.map(async (u) => [u, await stack.login(u)] as const)));
  await carry(stack, tokens); // warm-up: bundle caches, JIT, first workflow task
  latencies.clear();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) {
        next += 1;
        await carry(stack, tokens);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const requests = [...latencies.values()].reduce((sum, list) => sum + list.length, 0);
  console.log(`database: ${stack.db.kind}; ${TOTAL} applications to DISBURSED, ${CONCURRENCY} at a time`);
  console.log(
    `wall time ${seconds.toFixed(1)} s; ${(TOTAL / seconds).toFixed(2)} applications/s; ${(requests / seconds).toFixed(1)} requests/s`,
  );
  for (const [label, values] of latencies) {
    console.log(
      `${label.padEnd(7)} n=${String(values.length).padStart(4)}  p50 ${percentile(values, 50).toFixed(0).padStart(4)} ms  p95 ${percentile(values, 95).toFixed(0).padStart(4)} ms  max ${Math.max(
        ...values,
      )
        .toFixed(0)
        .padStart(5)} ms`,
    );
  }
  const memory = process.memoryUsage();
  console.log(
    `process memory (API + worker + PGlite): rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
} finally {
  await stack.close();
}
