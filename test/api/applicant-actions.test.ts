/**
 * What the applicant does (amend, withdraw) and who may do it for them; and the dates a decision records.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../workflows/calendar/working-days.js';
import { withdrawApplicationUpdate } from '../../workflows/definitions.js';
import {
  OFF_SCHEDULE_REASON,
  PUBLISHED,
  approvalFor,
  decideAs,
  runStep,
  startAs,
  submit,
  todayInVietnam,
} from '../support/fixtures.js';
import { settledFootprint } from '../support/observe.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const officerView = async (id: string) =>
  (await stack.api('GET', `/api/applications/${id}`, { token: await stack.login('ward.HOABINH') })).body;

async function returned() {
  const created = await submit(stack);
  await runStep(stack, created.id, 'group-vote');
  await runStep(stack, created.id, 'ward-verification', {
    ...approvalFor('ward-verification'),
    outcome: 'return',
    reason: 'Thiếu giấy ủy quyền 01/UQ',
  });
  return created;
}

/** Every refusal answers its status and code, and leaves the workflow history and the database as they were. */
async function expectRefusedWithoutTrace(
  id: string,
  attempt: () => Promise<{ status: number; body: any }>,
  status: number,
  code: string,
) {
  const before = await settledFootprint(stack, id);
  const response = await attempt();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(await settledFootprint(stack, id)).toEqual(before);
}

describe('officers act for the applicant only on their behalf', () => {
  it('refuses a group leader withdrawing without a reason, and records a withdrawal with one as on behalf', async () => {
    const created = await submit(stack);
    await runStep(stack, created.id, 'group-vote');
    expect((await startAs(stack, 'ward.HOABINH', created.id, 'ward-verification')).status).toBe(200);
    const token = await stack.login('group.HOABINH-01');
    const withdraw = (body: Record<string, unknown>) => () =>
      stack.api('POST', `/api/applications/${created.id}/withdraw`, { token, body });
    await expectRefusedWithoutTrace(created.id, withdraw({}), 400, 'REASON_REQUIRED');

    const withdrawn = await withdraw({ reason: 'Hộ vay xin rút, đã ký đơn tại buổi họp tổ' })();
    expect(withdrawn.status).toBe(200);
    // An officer acting for the applicant gets the officer view.
    expect(withdrawn.body.history.at(-1)).toMatchObject({
      type: 'WITHDRAWN',
      actor: { username: 'group.HOABINH-01', role: 'group_leader' },
      reason: 'Hộ vay xin rút, đã ký đơn tại buổi họp tổ',
      payload: { onBehalfOfApplicant: true },
    });
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { applicationId: created.id, type: 'WITHDRAWN' },
    });
    expect(audit.data).toMatchObject({ reason: 'Hộ vay xin rút, đã ký đơn tại buổi họp tổ' });
    expect(JSON.stringify(audit.data)).toContain('onBehalfOfApplicant');
  });

  it('lets no bank role amend, and an officer amend only with a reason, recorded as on behalf', async () => {
    const created = await returned();
    const amend = (username: string, body: Record<string, unknown>) => async () =>
      stack.api('PATCH', `/api/applications/${created.id}`, { token: await stack.login(username), body });
    const changes = { email: 'khac@example.vn', amount: 90_000_000 };
    await expectRefusedWithoutTrace(
      created.id,
      amend('bank.manager', { ...changes, reason: 'Khách hàng gọi điện' }),
      403,
      'ROLE_NOT_ALLOWED',
    );
    await expectRefusedWithoutTrace(
      created.id,
      amend('bank.officer', { ...changes, reason: 'Khách hàng gọi điện' }),
      403,
      'ROLE_NOT_ALLOWED',
    );
    await expectRefusedWithoutTrace(created.id, amend('group.HOABINH-01', changes), 400, 'REASON_REQUIRED');

    const amended = await amend('group.HOABINH-01', {
      usePlan: 'Mua 1 con bò giống',
      reason: 'Hộ vay nhờ tổ trưởng bổ sung phương án',
    })();
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ status: 'IN_PROGRESS', amount: 50_000_000 });
    expect(amended.body.history.at(-1)).toMatchObject({
      type: 'AMENDED',
      actor: { role: 'group_leader' },
      reason: 'Hộ vay nhờ tổ trưởng bổ sung phương án',
      payload: { usePlan: 'Mua 1 con bò giống', onBehalfOfApplicant: true },
    });
  });

  it('keeps an officer of the household off withdrawing as well as starting', async () => {
    const leader = await stack.db.prisma.officerAccount.findUniqueOrThrow({ where: { username: 'group.HOABINH-01' } });
    const own = await submit(stack, {
      borrower: { fullName: leader.displayName, citizenId: leader.citizenId, dateOfBirth: '1962-05-01' },
    });
    expect((await startAs(stack, 'group.HOABINH-01', own.id, 'group-vote')).body.error.code).toBe(
      'CONFLICT_OF_INTEREST',
    );
    await expectRefusedWithoutTrace(
      own.id,
      async () =>
        stack.api('POST', `/api/applications/${own.id}/withdraw`, {
          token: await stack.login('group.HOABINH-01'),
          body: { reason: 'Rút hồ sơ' },
        }),
      403,
      'CONFLICT_OF_INTEREST',
    );
    // As the applicant, with their own citizen ID, they may.
    const asApplicant = await stack.api('POST', `/api/applications/${own.id}/withdraw`, {
      body: { citizenId: leader.citizenId },
    });
    expect(asApplicant.status).toBe(200);
  });

  it('is the workflow’s own rule: an Update from an officer without a reason is rejected', async () => {
    const created = await submit(stack);
    const handle = await stack.handleFor(created.id);
    const actor = { username: 'group.HOABINH-01', role: 'group_leader' as const, displayName: 'x', scope: null };
    const refusal = await handle.executeUpdate(withdrawApplicationUpdate, { args: [{ actor }] }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((refusal as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'REASON_REQUIRED' });
    const bank = { ...actor, username: 'bank.manager', role: 'bank_manager' as const };
    const amend = await handle
      .executeUpdate('amendApplication', { args: [{ actor: bank, changes: { amount: 1 }, reason: 'x' }] })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect((amend as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'ROLE_NOT_ALLOWED' });
  });
});

describe("the applicant's proof by citizen ID", () => {
  it('answers the same 404 for an unknown code, a wrong ID and a missing ID', async () => {
    const created = await submit(stack);
    const wrongId = created.citizenId.endsWith('0')
      ? `${created.citizenId.slice(0, 11)}1`
      : `${created.citizenId.slice(0, 11)}0`;
    for (const [method, suffix, body] of [
      ['POST', '/withdraw', {}],
      ['PATCH', '', { purpose: 'Chăn nuôi lợn' }],
    ] as const) {
      const unknown = await stack.api(method, `/api/applications/HOABINH-2026-ZZZZZZ${suffix}`, {
        body: { ...body, citizenId: created.citizenId },
      });
      const wrong = await stack.api(method, `/api/applications/${created.code}${suffix}`, {
        body: { ...body, citizenId: wrongId },
      });
      const missing = await stack.api(method, `/api/applications/${created.code}${suffix}`, { body });
      const unknownMissing = await stack.api(method, `/api/applications/HOABINH-2026-ZZZZZZ${suffix}`, { body });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
      expect(wrong).toEqual(unknown);
      expect(missing).toEqual(unknown);
      expect(unknownMissing).toEqual(unknown);
    }
    expect((await officerView(created.id)).status).toBe('IN_PROGRESS');
  });

  it('shares the status lookup’s rate limit per client address, and does not limit officers', async () => {
    const limited = await stack.serve({
      rateLimits: { login: { windowMs: 60_000, max: 10_000 }, statusLookup: { windowMs: 60_000, max: 5 } },
    });
    const created = await submit(stack);
    const token = await stack.login('group.HOABINH-01');
    const statuses: number[] = [];
    for (let guess = 0; guess < 3; guess += 1) {
      const citizenId = `0000000000${String(guess).padStart(2, '0')}`;
      statuses.push(
        (
          await stack.api('POST', `/api/applications/${created.code}/withdraw`, {
            baseUrl: limited,
            body: { citizenId },
          })
        ).status,
      );
      statuses.push(
        (
          await stack.api('PATCH', `/api/applications/${created.code}`, {
            baseUrl: limited,
            body: { citizenId, purpose: 'x' },
          })
        ).status,
      );
    }
    const lookup = await stack.api('GET', `/api/status/${created.code}?citizenIdLast4=${created.last4}`, {
      baseUrl: limited,
    });
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    expect(lookup.status).toBe(429);
    const rightId = await stack.api('POST', `/api/applications/${created.code}/withdraw`, {
      baseUrl: limited,
      body: { citizenId: created.citizenId },
    });
    expect(rightId.status).toBe(429);
    const officer = await stack.api('POST', `/api/applications/${created.id}/withdraw`, {
      baseUrl: limited,
      token,
      body: { reason: 'Hộ vay xin rút' },
    });
    expect(officer.status).toBe(200);
  });
});

describe("the applicant's answers", () => {
  it('show the applicant what the status lookup shows, and never an officer', async () => {
    const created = await returned();
    const amended = await stack.api('PATCH', `/api/applications/${created.code}`, {
      body: { citizenId: created.citizenId, usePlan: 'Mua 1 con bò giống' },
    });
    expect(amended.status).toBe(200);
    const status = await stack.api('GET', `/api/status/${created.code}?citizenIdLast4=${created.last4}`);
    expect(Object.keys(amended.body).sort()).toEqual(Object.keys(status.body).sort());
    expect(amended.body).toMatchObject({ code: created.code, status: 'IN_PROGRESS', currentStep: 'ward-verification' });

    const withdrawn = await stack.api('POST', `/api/applications/${created.code}/withdraw`, {
      body: { citizenId: created.citizenId },
    });
    expect(withdrawn.status).toBe(200);
    expect(Object.keys(withdrawn.body).sort()).toEqual(Object.keys(status.body).sort());
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN' });
    const officers = await stack.db.prisma.officerAccount.findMany({ select: { username: true, displayName: true } });
    for (const body of [JSON.stringify(amended.body), JSON.stringify(withdrawn.body)]) {
      for (const officer of officers) {
        expect(body).not.toContain(officer.username);
        expect(body).not.toContain(officer.displayName);
      }
    }
  });
});

describe('the dates a decision records', () => {
  it('refuses a meeting date before the submission or after today', async () => {
    const created = await submit(stack);
    expect((await startAs(stack, 'group.HOABINH-01', created.id, 'group-vote')).status).toBe(200);
    const today = todayInVietnam();
    const vote = (meetingDate: string) => () =>
      decideAs(stack, 'group.HOABINH-01', created.id, 'group-vote', { ...approvalFor('group-vote'), meetingDate });
    await expectRefusedWithoutTrace(created.id, vote(addDays(today, -1)), 422, 'DATE_BEFORE_SUBMISSION');
    await expectRefusedWithoutTrace(created.id, vote(addDays(today, 1)), 422, 'DATE_IN_FUTURE');
    expect((await vote(today)()).status).toBe(200);
  });

  it('refuses a disbursement dated before the approval or in the future, and off schedule without a reason', async () => {
    const created = await submit(stack);
    for (const step of PUBLISHED.slice(0, 4)) await runStep(stack, created.id, step);
    const scheduled = (await officerView(created.id)).disbursementOn as string;
    expect((await startAs(stack, 'bank.officer', created.id, 'disbursement')).status).toBe(200);
    const today = todayInVietnam();
    const disburse = (body: Record<string, unknown>) => () =>
      decideAs(stack, 'bank.officer', created.id, 'disbursement', { ...approvalFor('disbursement'), ...body });
    await expectRefusedWithoutTrace(created.id, disburse({ disbursedOn: '2020-01-01' }), 422, 'DATE_BEFORE_APPROVAL');
    await expectRefusedWithoutTrace(created.id, disburse({ disbursedOn: addDays(today, 14) }), 422, 'DATE_IN_FUTURE');
    if (scheduled !== today) {
      // Today is not the transaction day (the usual case: the test approves and disburses on one day).
      await expectRefusedWithoutTrace(
        created.id,
        disburse({ disbursedOn: today, reason: undefined }),
        400,
        'REASON_REQUIRED',
      );
      const paid = await disburse({ disbursedOn: today, reason: OFF_SCHEDULE_REASON })();
      expect(paid.status).toBe(200);
      expect(paid.body.history.at(-1)).toMatchObject({ reason: OFF_SCHEDULE_REASON });
    } else {
      expect((await disburse({ disbursedOn: today, reason: undefined })()).status).toBe(200);
    }
    expect((await officerView(created.id)).status).toBe('DISBURSED');
  });
});
