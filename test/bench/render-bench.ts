/**
 * `npm run bench:pages`: server-side render time of the officer's pages with 10,000 applications stored. Starts
 * the test stack (PGlite in memory, or DATABASE_URL), writes the applications straight into the read model
 * (render-seed.ts), then requests /inbox as a ward officer and a bank officer and /applications/:code, each a few
 * hundred times over HTTP with a signed-in session cookie, one at a time, and prints p50 / p95 / p99 and the
 * machine. Neither page asks Temporal anything: both read the read model alone. Prints figures; asserts nothing.
 */
import os from 'node:os';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { readInbox } from '../../server/domain/inbox.js';
import { officerForToken } from '../../server/domain/sessions.js';
import { translator } from '../../server/web/labels.js';
import { InboxPage } from '../../server/web/pages/inbox-page.js';
import { startStack } from '../support/stack.js';
import { seedApplications } from './render-seed.js';

const TOTAL = Number(process.env.BENCH_APPLICATIONS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const GOAL_MS = 100;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const stack = await startStack();
try {
  const seeding = performance.now();
  const { hoabinhCodes } = await seedApplications(stack.db.prisma, TOTAL);
  const seeded = (performance.now() - seeding) / 1000;

  /** One page, REQUESTS times, with this officer's session cookie (the same token the API takes). */
  async function measure(label: string, username: string, paths: () => string) {
    const cookie = `sid=${await stack.login(username)}`;
    let rows = 0;
    for (let i = 0; i < 10; i += 1) await fetch(`${stack.baseUrl}${paths()}`, { headers: { cookie } }); // warm-up
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      const started = performance.now();
      const path = paths();
      // A kept-alive socket the server has just closed fails once; the retry is timed, as a browser's would be.
      const response = await fetch(`${stack.baseUrl}${path}`, { headers: { cookie } }).catch(() =>
        fetch(`${stack.baseUrl}${path}`, { headers: { cookie } }),
      );
      const html = await response.text();
      times.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
      rows = (html.match(/<tr/g) ?? []).length;
    }
    times.sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p));
    const verdict = p95! < GOAL_MS ? 'meets' : 'MISSES';
    console.log(
      `${label.padEnd(34)} n=${REQUESTS}  p50 ${p50!.toFixed(1).padStart(6)} ms  p95 ${p95!.toFixed(1).padStart(6)} ms  p99 ${p99!.toFixed(1).padStart(6)} ms  (${rows} table rows; ${verdict} the ${GOAL_MS} ms goal)`,
    );
  }

  /** Where an inbox request's time goes: the read model's query, or rendering its rows. */
  async function breakDownInbox(username: string) {
    const officer = (await officerForToken(stack.db.prisma, await stack.login(username)))!;
    const ctx = {
      lang: 'vi' as const,
      t: translator('vi'),
      officer,
      csrf: 'x'.repeat(43),
      path: '/inbox',
      sessionEnded: false,
    };
    const query: number[] = [];
    const render: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      let started = performance.now();
      const items = await readInbox(stack.db.prisma, officer);
      query.push(performance.now() - started);
      started = performance.now();
      renderToString(h(InboxPage, { ctx, data: { items, counts: {}, step: null } }));
      render.push(performance.now() - started);
    }
    // The engine's own time for the same query (the plan's "Execution Time"): the rest is the driver and Prisma.
    const plan = await stack.db.prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN ANALYZE SELECT * FROM applications WHERE ward_code = 'HOABINH' AND status = 'IN_PROGRESS'
         AND current_step = 'ward-verification' AND step_holder IS NULL
         ORDER BY step_since, submitted_at LIMIT 500`,
    );
    const lines = plan.map((row) => row['QUERY PLAN']);
    console.log(`  plan: ${lines[0]?.trim() ?? ''} … ${lines.at(-1)?.trim() ?? ''}`);
    const median = (values: number[]) =>
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      ).toFixed(1);
    console.log(
      `  /inbox (${username}) in the process: query p50 ${median(query)} ms, render p50 ${median(render)} ms`,
    );
  }

  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; node ${process.version}; database ${stack.db.kind}`,
  );
  console.log(`stored ${TOTAL} applications with ${TOTAL * 4} audit events in ${seeded.toFixed(1)} s`);
  await measure('/inbox (ward.HOABINH)', 'ward.HOABINH', () => '/inbox');
  await measure('/inbox (bank.officer)', 'bank.officer', () => '/inbox');
  let next = 0;
  await measure('/applications/:code (ward.HOABINH)', 'ward.HOABINH', () => {
    next = (next + 7) % hoabinhCodes.length;
    return `/applications/${hoabinhCodes[next]}`;
  });
  await breakDownInbox('ward.HOABINH');
} finally {
  await stack.close();
}
