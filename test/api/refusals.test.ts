import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalFor, decideAs, runStep, startAs, submit, todayInVietnam } from '../support/fixtures.js';
import { settledFootprint } from '../support/observe.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

/** Submits, then brings the application to bank approval with the step taken by bank.officer. */
async function atBankApproval() {
  const created = await submit(stack);
  for (const step of ['group-vote', 'ward-verification', 'entrustment'] as const)
    await runStep(stack, created.id, step);
  expect((await startAs(stack, 'bank.officer', created.id, 'bank-approval')).status).toBe(200);
  return created.id;
}

async function atGroupVote() {
  const created = await submit(stack);
  expect((await startAs(stack, 'group.HOABINH-01', created.id, 'group-vote')).status).toBe(200);
  return created.id;
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
  expect(response.status).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(await settledFootprint(stack, id)).toEqual(before);
}

describe('refused decisions', () => {
  it('refuses a decision on a step that is not current (409)', async () => {
    const id = await atGroupVote();
    await expectRefusedWithoutTrace(
      id,
      () => startAs(stack, 'bank.officer', id, 'bank-approval'),
      409,
      'STEP_NOT_CURRENT',
    );
  });

  it('refuses a second decision on a step already decided (409)', async () => {
    const created = await submit(stack);
    await runStep(stack, created.id, 'group-vote');
    await expectRefusedWithoutTrace(
      created.id,
      () => decideAs(stack, 'group.HOABINH-01', created.id, 'group-vote', approvalFor('group-vote')),
      409,
      'STEP_NOT_CURRENT',
    );
  });

  it('refuses a decision before the step is started (409)', async () => {
    const created = await submit(stack);
    await expectRefusedWithoutTrace(
      created.id,
      () => decideAs(stack, 'group.HOABINH-01', created.id, 'group-vote', approvalFor('group-vote')),
      409,
      'STEP_NOT_STARTED',
    );
  });

  it('refuses a rejection without a reason (400)', async () => {
    const id = await atBankApproval();
    await expectRefusedWithoutTrace(
      id,
      () => decideAs(stack, 'bank.officer', id, 'bank-approval', { outcome: 'reject' }),
      400,
      'REASON_REQUIRED',
    );
  });

  it('refuses a vote without quorum (422)', async () => {
    const id = await atGroupVote();
    const tally = {
      meetingDate: todayInVietnam(),
      membersTotal: 10,
      membersPresent: 5,
      votesFor: 5,
      votesAgainst: 0,
      abstentions: 0,
    };
    await expectRefusedWithoutTrace(
      id,
      () => decideAs(stack, 'group.HOABINH-01', id, 'group-vote', tally),
      422,
      'NO_QUORUM',
    );
  });

  it('refuses an inconsistent tally (422)', async () => {
    const id = await atGroupVote();
    const more = {
      meetingDate: todayInVietnam(),
      membersTotal: 10,
      membersPresent: 6,
      votesFor: 5,
      votesAgainst: 2,
      abstentions: 0,
    };
    await expectRefusedWithoutTrace(
      id,
      () => decideAs(stack, 'group.HOABINH-01', id, 'group-vote', more),
      422,
      'TALLY_INCONSISTENT',
    );
    const wrongTotal = { ...more, membersTotal: 12, votesAgainst: 1 };
    await expectRefusedWithoutTrace(
      id,
      () => decideAs(stack, 'group.HOABINH-01', id, 'group-vote', wrongTotal),
      422,
      'TALLY_INCONSISTENT',
    );
  });

  it('refuses an approved amount over the ceiling or the request (422)', async () => {
    const id = await atBankApproval();
    await expectRefusedWithoutTrace(
      id,
      () =>
        decideAs(stack, 'bank.officer', id, 'bank-approval', {
          outcome: 'approve',
          approvedAmount: 150_000_000,
          termMonths: 36,
        }),
      422,
      'AMOUNT_OVER_REQUESTED',
    );
    await expectRefusedWithoutTrace(
      id,
      () =>
        decideAs(stack, 'bank.officer', id, 'bank-approval', {
          outcome: 'approve',
          approvedAmount: 50_000_000,
          termMonths: 240,
        }),
      422,
      'TERM_OVER_MAXIMUM',
    );
  });

  it('refuses an officer whose role does not match the step (403)', async () => {
    const id = await atGroupVote();
    await expectRefusedWithoutTrace(
      id,
      () => startAs(stack, 'ward.HOABINH', id, 'group-vote'),
      403,
      'ROLE_NOT_ALLOWED',
    );
    await expectRefusedWithoutTrace(
      id,
      () => decideAs(stack, 'bank.manager', id, 'group-vote', approvalFor('group-vote')),
      403,
      'ROLE_NOT_ALLOWED',
    );
  });

  it('refuses a decision by an officer who did not take the step (409)', async () => {
    const id = await atBankApproval();
    const admin = await stack.login('admin');
    const created = await stack.api('POST', '/api/admin/officers', {
      token: admin,
      body: {
        username: 'bank.officer2',
        displayName: 'Cán bộ tín dụng thứ hai',
        role: 'bank_credit_officer',
        bankOfficeCode: 'PGD-KIENXUONG',
        password: 'mat-khau-2026',
      },
    });
    expect(created.status).toBe(201);
    const other = await stack.login('bank.officer2', 'mat-khau-2026');
    await expectRefusedWithoutTrace(
      id,
      () =>
        stack.api('POST', `/api/applications/${id}/steps/bank-approval/decision`, {
          token: other,
          body: approvalFor('bank-approval'),
        }),
      409,
      'STEP_HELD_BY_OTHER',
    );
  });

  it('refuses an approval that breaks the step rules (422)', async () => {
    const created = await submit(stack);
    await runStep(stack, created.id, 'group-vote');
    await startAs(stack, 'ward.HOABINH', created.id, 'ward-verification');
    const attempt = (body: Record<string, unknown>) => () =>
      decideAs(stack, 'ward.HOABINH', created.id, 'ward-verification', body);
    await expectRefusedWithoutTrace(
      created.id,
      attempt({ outcome: 'approve', residenceConfirmed: false, listedCategory: 'POOR' }),
      422,
      'RESIDENCE_NOT_CONFIRMED',
    );
    await expectRefusedWithoutTrace(
      created.id,
      attempt({ outcome: 'approve', residenceConfirmed: true, listedCategory: 'NEAR_POOR' }),
      422,
      'CATEGORY_NOT_ELIGIBLE',
    );
  });

  it('refuses decisions without a token (401) and with a forged one (401)', async () => {
    const id = await atGroupVote();
    const before = await settledFootprint(stack, id);
    const anonymous = await stack.api('POST', `/api/applications/${id}/steps/group-vote/decision`, {
      body: approvalFor('group-vote'),
    });
    expect(anonymous.status).toBe(401);
    const forged = await stack.api('POST', `/api/applications/${id}/steps/group-vote/decision`, {
      token: 'forged-token-forged-token-forged',
      body: approvalFor('group-vote'),
    });
    expect(forged.status).toBe(401);
    expect(await settledFootprint(stack, id)).toEqual(before);
  });

  it('answers 404 for an unknown application and 400 with field messages for a malformed decision', async () => {
    const token = await stack.login('group.HOABINH-01');
    const unknown = await stack.api(
      'POST',
      '/api/applications/00000000-0000-4000-8000-000000000000/steps/group-vote/start',
      { token },
    );
    expect(unknown.status).toBe(404);
    const id = await atGroupVote();
    const malformed = await stack.api('POST', `/api/applications/${id}/steps/group-vote/decision`, {
      token,
      body: { meetingDate: '2026-02-30', membersTotal: -1, outcome: 'approve' },
    });
    expect(malformed.status).toBe(400);
    const paths = malformed.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['meetingDate', 'membersTotal', 'membersPresent']));
    const broken = await stack.api('POST', `/api/applications/${id}/steps/group-vote/decision`, {
      token,
      raw: '{"meetingDate": ',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('MALFORMED_JSON');
  });
});

describe('refused submissions', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    [
      'a borrower under 18',
      { borrower: { fullName: 'Trần Thị Mai', citizenId: '034209001234', dateOfBirth: '2010-01-01' } },
      422,
      'BORROWER_UNDER_18',
    ],
    ['an amount over the ceiling', { amount: 150_000_000 }, 422, 'AMOUNT_OVER_CEILING'],
    ['a term over the maximum', { termMonths: 121 }, 422, 'TERM_OVER_MAXIMUM'],
    ['an unknown ward', { wardCode: 'KHONGCO' }, 422, 'UNKNOWN_WARD'],
    ['an unknown group', { groupCode: 'KHONGCO-01' }, 422, 'UNKNOWN_GROUP'],
    ['an unknown programme', { programCode: 'KHONGCO' }, 422, 'UNKNOWN_PROGRAM'],
    ['a group of another ward', { groupCode: 'TANLAP-01' }, 422, 'GROUP_NOT_IN_WARD'],
    ['a category the programme does not serve', { householdCategory: 'NEAR_POOR' }, 422, 'CATEGORY_NOT_ELIGIBLE'],
    [
      'a citizen ID that is not 12 digits',
      { borrower: { fullName: 'Lê Văn Tâm', citizenId: '12345', dateOfBirth: '1980-01-01' } },
      400,
      'VALIDATION_FAILED',
    ],
    ['a fractional amount', { amount: 1000.5 }, 400, 'VALIDATION_FAILED'],
  ];

  it.each(cases)('refuses %s', async (_name, overrides, status, code) => {
    const { applicationForm } = await import('../support/fixtures.js');
    const before = await stack.db.prisma.application.count();
    const response = await stack.api('POST', '/api/applications', { body: applicationForm(overrides) });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(await stack.db.prisma.application.count()).toBe(before);
  });
});
