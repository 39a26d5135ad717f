/**
 * SIGTERM in the middle of a burst: every request either completes (and its effect is in the read model
 * after a restart) or is refused cleanly (connection refused, or 503), and the read model agrees with
 * Temporal on every application: nothing is half-written.
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../server/infra/database.js';
import { applicationForm, approvalFor, startAs, submit } from '../support/fixtures.js';
import { expectReadModelAgrees } from '../support/observe.js';
import { startSystem, type RunningSystem } from '../support/system-process.js';

let workDir: string;
let system: RunningSystem | undefined;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'loan-shutdown-'));
});

afterAll(async () => {
  await system?.stop();
  await rm(workDir, { recursive: true, force: true });
});

type Outcome = { status: number; body: any } | { refused: string };

/** One request on its own connection, so a refusal is the server's, not a reused socket's. */
function send(
  baseUrl: string,
  method: string,
  route: string,
  token: string | undefined,
  body: unknown,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const url = new URL(route, baseUrl);
    const payload = JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ refused: `response ${error.code ?? error.message}` }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ refused: error.code ?? error.message }));
    req.end(payload);
  });
}

it('completes or cleanly refuses every request of a burst cut by SIGTERM, and leaves nothing half-written', async () => {
  const dataDir = path.join(workDir, 'data');
  system = await startSystem(dataDir);
  const { stack, baseUrl } = system;
  // The worker's own Temporal SDK metrics are served where WORKER_METRICS_ADDRESS says, in Prometheus format.
  const workerMetrics = await (await fetch(system.workerMetricsUrl)).text();
  expect(workerMetrics).toMatch(/^# TYPE temporal_\w+/m);
  const waiting = await Promise.all(Array.from({ length: 4 }, () => submit(stack)));
  const groupToken = await stack.login('group.HOABINH-01');
  for (const created of waiting)
    expect((await startAs(stack, 'group.HOABINH-01', created.id, 'group-vote')).status).toBe(200);

  const burst: { kind: 'submit' | 'decide'; id?: string; outcome: Promise<Outcome> }[] = [];
  for (let i = 0; i < 12; i += 1) {
    burst.push({ kind: 'submit', outcome: send(baseUrl, 'POST', '/api/applications', undefined, applicationForm()) });
    const decided = waiting[i % waiting.length]!;
    if (i < waiting.length) {
      burst.push({
        kind: 'decide',
        id: decided.id,
        outcome: send(
          baseUrl,
          'POST',
          `/api/applications/${decided.id}/steps/group-vote/decision`,
          groupToken,
          approvalFor('group-vote'),
        ),
      });
    }
    // The signal lands while the burst is still being sent.
    if (i === 5) system.terminate();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const outcomes = await Promise.all(burst.map((entry) => entry.outcome));
  const exitCode = await system.stop();
  const output = system.output();
  system = undefined;
  expect(exitCode, output).toBe(0);

  const completed: { kind: string; id?: string; status: number; body: any }[] = [];
  outcomes.forEach((outcome, index) => {
    const entry = burst[index]!;
    if ('refused' in outcome) {
      expect(outcome.refused, `${entry.kind} #${index}`).toBe('ECONNREFUSED');
    } else if (outcome.status === 503) {
      expect(outcome.body.error.code).toBe('SHUTTING_DOWN');
    } else {
      expect([200, 201], `${entry.kind} #${index}: ${JSON.stringify(outcome.body)}`).toContain(outcome.status);
      completed.push({ kind: entry.kind, ...(entry.id ? { id: entry.id } : {}), ...outcome });
    }
  });
  // The signal came mid-burst: some requests were answered, and some were refused.
  expect(completed.length).toBeGreaterThan(0);
  expect(completed.length).toBeLessThan(outcomes.length);

  system = await startSystem(dataDir);
  const submitted = completed.filter((c) => c.kind === 'submit').map((c) => c.body.id as string);
  const decided = completed.filter((c) => c.kind === 'decide').map((c) => c.id!);
  for (const id of [...submitted, ...waiting.map((w) => w.id)]) await expectReadModelAgrees(system.stack, id);
  for (const id of decided) expect((await system.stack.queryState(id)).currentStep).not.toBe('group-vote');

  // Temporal and the read model hold the same applications: none started without its row, or the reverse.
  const client = await system.temporalClient();
  const workflowIds: string[] = [];
  for await (const execution of client.workflow.list({ query: "WorkflowType = 'processLoanApplication'" })) {
    workflowIds.push(execution.workflowId);
  }
  expect(await system.stop()).toBe(0);
  system = undefined;
  const db = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  try {
    const rows = await db.prisma.application.findMany({ select: { workflowId: true } });
    expect(rows.map((row) => row.workflowId).sort()).toEqual(workflowIds.sort());
    expect(rows.length).toBe(waiting.length + submitted.length);
  } finally {
    await db.close();
  }
}, 900_000);
