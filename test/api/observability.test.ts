/**
 * What the people running the system see: JSON logs with a request id that follows a request into the
 * workflow and its activities, with no citizen ID or phone number anywhere; /metrics; /health/live|ready.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/infra/logger.js';
import { applicationForm, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

const lines: string[] = [];
const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
let stack: TestStack;

const records = (): Record<string, unknown>[] => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never logged: ${what}`);
}

beforeAll(async () => {
  stack = await startStack({ logger });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('the request id', () => {
  it('is generated when absent, kept when well formed, and replaced when malformed or carrying personal data', async () => {
    const generated = await fetch(`${stack.baseUrl}/health/live`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${stack.baseUrl}/health/live`, { headers: { 'x-request-id': 'lb-7f3a.91:req-1' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.91:req-1');
    for (const bad of ['a b c d e f g h', 'short', 'id-034112345678']) {
      const replaced = await fetch(`${stack.baseUrl}/health/live`, { headers: { 'x-request-id': bad } });
      expect(replaced.headers.get('x-request-id')).not.toBe(bad);
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('is on the access log line and travels into the workflow and activity log lines', async () => {
    const requestId = `submit-${Date.now()}`;
    const response = await stack.api('POST', '/api/applications', {
      body: applicationForm(),
      headers: { 'x-request-id': requestId },
    });
    expect(response.status).toBe(201);
    const access = await until(
      () => records().find((r) => r.msg === 'request' && r.requestId === requestId),
      'the access log line',
    );
    expect(access).toMatchObject({ method: 'POST', route: '/api/applications', status: 201 });
    expect(access.durationMs).toEqual(expect.any(Number));
    const workflowLine = await until(
      () => records().find((r) => r.msg === 'Workflow started' && r.requestId === requestId),
      'the workflow log line',
    );
    expect(workflowLine.workflowType).toBe('processLoanApplication');
    const activityLine = await until(
      () => records().find((r) => r.msg === 'Activity completed' && r.requestId === requestId),
      'an activity log line',
    );
    expect(activityLine.activityType).toBe('recordEvent');
  });
});

describe('logs carry no personal data', () => {
  it('masks citizen IDs and phone numbers in every line: submission, a wrong status lookup, refusals', async () => {
    const before = lines.length;
    const created = await submit(stack, {
      borrower: { ...(applicationForm().borrower as object), phone: '0987654321' },
    });
    const lookups = [
      // The applicant's status lookup with a wrong code, the citizen ID pasted in the query string (400).
      stack.api('GET', `/api/status/HOABINH-2026-ZZZZZZ?citizenId=${created.citizenId}`, {
        headers: { 'x-citizen-id-last4': created.last4 },
      }),
      stack.api('GET', `/api/status/HOABINH-2026-ZZZZZZ`, { headers: { 'x-citizen-id-last4': created.last4 } }),
      // A refusal: withdrawing with a wrong citizen ID.
      stack.api('POST', `/api/applications/${created.code}/withdraw`, { body: { citizenId: '099988877766' } }),
      // An invalid submission echoing the personal data back in a validation error.
      stack.api('POST', '/api/applications', {
        body: applicationForm({ amount: -1, borrower: { citizenId: created.citizenId, phone: '0987654321' } }),
      }),
    ];
    const [pasted, status, withdraw, invalid] = await Promise.all(lookups);
    expect(pasted!.status).toBe(400);
    expect(status!.status).toBe(404);
    expect(withdraw!.status).toBe(404);
    expect(invalid!.status).toBe(400);
    const since = () => lines.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    await until(() => (since().filter((r) => r.msg === 'request').length >= 5 ? true : undefined), 'five requests');
    // The workflow's and activities' lines for the submission too.
    await until(
      () =>
        since().some((r) => r.msg === 'Activity completed' && r.activityType === 'deliverNotifications')
          ? true
          : undefined,
      'the mail activity',
    );
    const output = lines.slice(before).join('');
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain(created.citizenId);
    expect(output).not.toContain('099988877766');
    expect(output).not.toContain('0987654321');
    expect(output).not.toContain('0912345678');
    const refusals = records().filter((r) => r.msg === 'request' && r.status === 404);
    expect(refusals.map((r) => r.route)).toEqual(
      expect.arrayContaining(['/api/status/:code', '/api/applications/:id/withdraw']),
    );
  });

  it('masks them in messages, fields and errors passed straight to the logger', () => {
    const before = lines.length;
    logger.error(
      {
        err: new Error('household 034112345678 not found'),
        borrower: { citizenId: '034112345678', note: 'gọi 0912 345 678' },
      },
      'lookup for 034112345678 by +84912345678 failed',
    );
    const line = lines.slice(before).join('');
    expect(line).not.toMatch(/034112345678|0912 345 678|84912345678/);
    expect(line).toContain('[citizen-id]');
    expect(line).toContain('[phone]');
  });
});

describe('GET /metrics', () => {
  it('reports latency per matched route, refusals per code, decisions, outbox and applications per status', async () => {
    await submit(stack);
    await stack.api('POST', '/api/applications', { body: applicationForm({ amount: -1 }) });
    const response = await fetch(`${stack.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/applications"[^}]*status="201"/);
    expect(text).toMatch(/loan_refusals_total\{code="VALIDATION_FAILED"\} [1-9]/);
    expect(text).toMatch(/loan_applications\{status="[A-Z_]+"\} [1-9]/);
    expect(text).toContain('# TYPE loan_decisions_total counter');
    expect(text).toContain('# TYPE loan_deadline_breaches_total counter');
    expect(text).toMatch(/loan_outbox_unsent \d+/);
    expect(text).toMatch(/loan_outbox_oldest_unsent_seconds \d/);
    expect(text).not.toContain('unmatched"');
  });

  it('asks for the token when one is configured, and does not exist in production without one', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const guarded = await stack.serve({ metricsToken: token });
    expect((await fetch(`${guarded}/metrics`)).status).toBe(401);
    expect((await fetch(`${guarded}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const allowed = await fetch(`${guarded}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(allowed.status).toBe(200);
    const closed = await stack.serve({ metricsClosedWithoutToken: true });
    expect((await fetch(`${closed}/metrics`)).status).toBe(404);
  });
});

describe('health', () => {
  it('is live, and ready when the database, Temporal and a worker on the task queue answer', async () => {
    expect(await stack.api('GET', '/health/live')).toEqual({ status: 200, body: { status: 'live' } });
    expect(await stack.api('GET', '/health/ready')).toEqual({
      status: 200,
      body: { status: 'ready', database: 'up', temporal: 'up', worker: 'up' },
    });
  });

  it('is not ready, naming the worker, when no worker polls the task queue', async () => {
    const lonely = await stack.serve({ taskQueue: `nobody-polls-${Date.now()}` });
    expect(await stack.api('GET', '/health/ready', { baseUrl: lonely })).toEqual({
      status: 503,
      body: { status: 'not-ready', database: 'up', temporal: 'up', worker: 'down' },
    });
  });
});
