/**
 * Retries and races against the real stack: an Idempotency-Key makes a retried POST return the first answer
 * and change nothing; two officers' (or one officer's two) simultaneous decisions let exactly one through.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationForm, approvalFor, startAs, submit } from '../support/fixtures.js';
import { settledFootprint } from '../support/observe.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

interface Answer {
  status: number;
  body: any;
  replay: string | null;
}

async function post(
  path: string,
  body: unknown,
  options: { key?: string; token?: string; baseUrl?: string; from?: string } = {},
) {
  const response = await fetch(`${options.baseUrl ?? stack.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.key === undefined ? {} : { 'idempotency-key': options.key }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.from ? { 'x-forwarded-for': options.from } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    replay: response.headers.get('idempotent-replay'),
  } satisfies Answer;
}

/** The workflow executions on this stack's task queue (visibility catches up within moments). */
async function workflowIds(atLeast: number): Promise<string[]> {
  for (let attempt = 0; ; attempt += 1) {
    const ids: string[] = [];
    for await (const execution of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}'` })) {
      ids.push(execution.workflowId);
    }
    if (ids.length >= atLeast || attempt >= 50) return ids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function atGroupVote(): Promise<{ id: string; token: string }> {
  const created = await submit(stack);
  const started = await startAs(stack, 'group.HOABINH-01', created.id, 'group-vote');
  expect(started.status).toBe(200);
  return { id: created.id, token: await stack.login('group.HOABINH-01') };
}

/**
 * What a request could have changed: the read model, and the Updates the workflow accepted. (The history's
 * length is no measure: the workflow's deadline timers add events of their own.)
 */
async function changesOf(id: string) {
  const { historyLength: _timers, ...readModel } = await settledFootprint(stack, id);
  const { events } = await (await stack.handleFor(id)).fetchHistory();
  const updates = (events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
  return { ...readModel, updates };
}

const decisionPath = (id: string) => `/api/applications/${id}/steps/group-vote/decision`;

describe('Idempotency-Key', () => {
  it('gives a retried submission the first answer: one application, one workflow', async () => {
    const form = applicationForm();
    const key = randomUUID();
    const before = await workflowIds(0);

    const first = await post('/api/applications', form, { key });
    const retry = await post('/api/applications', form, { key });

    expect(first.status).toBe(201);
    expect(first.replay).toBeNull();
    expect(retry).toEqual({ status: 201, body: first.body, replay: 'true' });
    const citizenId = (form.borrower as { citizenId: string }).citizenId;
    expect(await stack.db.prisma.application.count({ where: { borrowerCitizenId: citizenId } })).toBe(1);
    const after = await workflowIds(before.length + 1);
    expect(after.filter((id) => !before.includes(id))).toEqual([
      (await stack.db.prisma.application.findUniqueOrThrow({ where: { id: first.body.id } })).workflowId,
    ]);
  });

  it('answers a retry that arrives while the first is still running with 409, and runs it once', async () => {
    const form = applicationForm();
    const key = randomUUID();

    const answers = await Promise.all([
      post('/api/applications', form, { key }),
      post('/api/applications', form, { key }),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    const citizenId = (form.borrower as { citizenId: string }).citizenId;
    expect(await stack.db.prisma.application.count({ where: { borrowerCitizenId: citizenId } })).toBe(1);
    const later = await post('/api/applications', form, { key });
    expect(later).toMatchObject({ status: 201, replay: 'true', body: answers.find((a) => a.status === 201)?.body });
  });

  it('gives a retried decision the first answer and changes nothing', async () => {
    const { id, token } = await atGroupVote();
    const key = randomUUID();
    const first = await post(decisionPath(id), approvalFor('group-vote'), { key, token });
    expect(first.status).toBe(200);
    const before = await changesOf(id);

    const retry = await post(decisionPath(id), approvalFor('group-vote'), { key, token });

    expect(retry).toEqual({ status: 200, body: first.body, replay: 'true' });
    expect(before.updates).toBeGreaterThanOrEqual(2);
    expect(await changesOf(id)).toEqual(before);
    // Without the key, the same request is a new decision, which the workflow refuses: the step has moved on.
    const again = await post(decisionPath(id), approvalFor('group-vote'), { token });
    expect(again.status).toBe(409);
  });

  // The first attempt's answer was lost and its key freed (a 5xx answer, e.g. Temporal restarting at that instant): the
  // retry runs again, and its Update, whose id comes from the key, is answered with the first result.
  it('gives a decision retried with the same key after its answer was lost the first result', async () => {
    const { id, token } = await atGroupVote();
    const key = randomUUID();
    const first = await post(decisionPath(id), approvalFor('group-vote'), { key, token });
    expect(first.status).toBe(200);
    const before = await changesOf(id);
    await stack.db.prisma.idempotencyKey.deleteMany({ where: { key } });

    const retry = await post(decisionPath(id), approvalFor('group-vote'), { key, token });

    expect(retry.status).toBe(200);
    expect(retry.replay).toBeNull();
    expect(retry.body.status).toBe(first.body.status);
    expect(await changesOf(id)).toEqual(before);
  });

  it('gives a decision that ended the application, retried with the same key, its first result, not APPLICATION_ENDED', async () => {
    const { id, token } = await atGroupVote();
    const key = randomUUID();
    const reject = { ...approvalFor('group-vote'), votesFor: 2, votesAgainst: 6 };
    const first = await post(decisionPath(id), reject, { key, token });
    expect(first.status).toBe(200);
    const before = await changesOf(id);
    expect(before.status).toBe('REJECTED');
    await stack.db.prisma.idempotencyKey.deleteMany({ where: { key } });

    const retry = await post(decisionPath(id), reject, { key, token });

    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('REJECTED');
    expect(await changesOf(id)).toEqual(before);
    // Under another key it is another decision, on an application that has ended.
    const another = await post(decisionPath(id), reject, { key: randomUUID(), token });
    expect(another.status).toBe(409);
    expect(another.body.error.code).toBe('APPLICATION_ENDED');
  });

  it('refuses the same key with another body (422) and with another caller keeps the keys apart', async () => {
    const { id, token } = await atGroupVote();
    const key = randomUUID();
    const reject = { ...approvalFor('group-vote'), votesFor: 2, votesAgainst: 6 };
    const first = await post(decisionPath(id), approvalFor('group-vote'), { key, token });
    const before = await changesOf(id);

    const reused = await post(decisionPath(id), reject, { key, token });
    const otherCaller = await post(decisionPath(id), approvalFor('group-vote'), {
      key,
      token: await stack.login('group.HOABINH-02'),
    });

    expect(first.status).toBe(200);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Another officer's request with the same key is their own: it runs, and is refused on its merits.
    expect(otherCaller.status).toBe(404);
    expect(otherCaller.replay).toBeNull();
    expect(await changesOf(id)).toEqual(before);
  });

  it('replays a refusal (4xx) but never keeps a failure (5xx), so a retry after one runs', async () => {
    const key = randomUUID();
    const negative = { ...applicationForm(), amount: -1 };
    const invalid = await post('/api/applications', negative, { key });
    const retried = await post('/api/applications', negative, { key });
    expect(invalid.status).toBe(400);
    expect(retried).toEqual({ ...invalid, replay: 'true' });

    // An API whose Temporal connection is closed: every submission fails with a 5xx.
    const closed = await Connection.connect({ address: stack.temporalAddress });
    await closed.close();
    const broken = await stack.serve({ client: new Client({ connection: closed }), log: () => undefined });
    const form = applicationForm();
    const failedKey = randomUUID();
    const failed = await post('/api/applications', form, { key: failedKey, baseUrl: broken });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await stack.db.prisma.idempotencyKey.count({ where: { key: failedKey } })).toBe(0);

    const afterRecovery = await post('/api/applications', form, { key: failedKey });
    expect(afterRecovery.status).toBe(201);
    expect(afterRecovery.replay).toBeNull();
  });

  it('refuses a key that is not 1 to 200 visible ASCII characters', async () => {
    for (const key of ['', 'x'.repeat(201), 'khóa', 'two words']) {
      const response = await post('/api/applications', applicationForm(), { key });
      expect(response.status, JSON.stringify(key)).toBe(400);
      expect(response.body.error.fields).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
    }
  });
});

describe('what an Idempotency-Key is keyed on', () => {
  const keptFor = (key: string) => stack.db.prisma.idempotencyKey.findMany({ where: { key } });

  it('never keeps a login answer, however the path is spelled', async () => {
    const credentials = { username: 'ward.HOABINH', password: 'demo1234' };
    for (const path of ['/api/auth/login', '/api/auth/LOGIN', '/API/Auth/Login/', '/api/auth/login/']) {
      const key = randomUUID();

      const first = await post(path, credentials, { key });
      const retry = await post(path, credentials, { key });

      expect(first.status, path).toBe(200);
      expect(retry.replay, path).toBeNull();
      expect(retry.body.token, path).not.toBe(first.body.token);
      expect(await keptFor(key), path).toEqual([]);
    }
    const rows = await stack.db.prisma.idempotencyKey.findMany();
    expect(rows.filter((row) => JSON.stringify(row.body ?? null).includes('token'))).toEqual([]);
  });

  it('treats every spelling of a route as one route', async () => {
    const form = applicationForm();
    const key = randomUUID();

    const first = await post('/api/applications', form, { key });
    const slash = await post('/api/applications/', form, { key });
    const upper = await post('/API/Applications', form, { key });

    expect(first.status).toBe(201);
    expect(slash).toEqual({ status: 201, body: first.body, replay: 'true' });
    expect(upper).toEqual({ status: 201, body: first.body, replay: 'true' });
    expect((await keptFor(key)).map((row) => [row.method, row.path])).toEqual([['POST', '/api/applications']]);
    const citizenId = (form.borrower as { citizenId: string }).citizenId;
    expect(await stack.db.prisma.application.count({ where: { borrowerCitizenId: citizenId } })).toBe(1);
  });

  it('keeps nothing for a path that no route answers', async () => {
    const key = randomUUID();
    for (const path of ['/api/nowhere', '/api/applications/x/y/z', '/api/auth/me']) {
      const answer = await post(path, {}, { key, token: await stack.login('admin') });
      expect(answer.status, path).toBe(404);
    }
    expect(await keptFor(key)).toEqual([]);
  });

  it('keeps nothing for a request refused for want of a token (401), so a retry with one runs', async () => {
    const created = await submit(stack);
    const key = randomUUID();

    const anonymous = await post(`/api/applications/${created.id}/steps/group-vote/start`, {}, { key });
    const withToken = await post(
      `/api/applications/${created.id}/steps/group-vote/start`,
      {},
      { key, token: await stack.login('group.HOABINH-01') },
    );

    expect(anonymous.status).toBe(401);
    expect(withToken.status).toBe(200);
    expect(withToken.replay).toBeNull();
    expect((await keptFor(key)).map((row) => row.caller)).not.toContainEqual(expect.stringMatching(/^anonymous:/));
  });

  it('refuses one key for the same route on another application', async () => {
    const [a, b] = [await submit(stack), await submit(stack)];
    const token = await stack.login('group.HOABINH-01');
    const key = randomUUID();

    const first = await post(`/api/applications/${a.id}/steps/group-vote/start`, {}, { key, token });
    const other = await post(`/api/applications/${b.id}/steps/group-vote/start`, {}, { key, token });

    expect(first.status).toBe(200);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await stack.queryState(b.id)).currentStep).toBe('group-vote');
  });

  it('keeps the keys of anonymous callers at different addresses apart', async () => {
    const behindProxy = await stack.serve({ trustProxy: true });
    const key = 'retry-1';
    const [hoa, lan] = [applicationForm(), applicationForm()];

    const first = await post('/api/applications', hoa, { key, baseUrl: behindProxy, from: '203.0.113.7' });
    const second = await post('/api/applications', lan, { key, baseUrl: behindProxy, from: '198.51.100.23' });
    const sameAddress = await post('/api/applications', lan, { key, baseUrl: behindProxy, from: '203.0.113.7' });

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(sameAddress.status).toBe(422);
    const rows = await keptFor(key);
    expect(new Set(rows.map((row) => row.caller)).size).toBe(2);
    expect(rows.map((row) => row.caller).join()).not.toContain('203.0.113.7');
  });
});

describe('two decisions on one step at the same moment', () => {
  it('lets exactly one through and answers the other 409, every time', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { id, token } = await atGroupVote();

      const answers = await Promise.all([
        post(decisionPath(id), approvalFor('group-vote'), { token }),
        post(decisionPath(id), approvalFor('group-vote'), { token }),
      ]);

      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const decisions = await stack.db.prisma.stepDecision.count({ where: { applicationId: id, step: 'group-vote' } });
      expect(decisions).toBe(1);
    }
  });
});
