import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalFor, decideAs, runStep, startAs, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.login('admin');
});

afterAll(async () => {
  await stack?.close();
});

const poorV2 = {
  nameVi: 'Cho vay hộ nghèo',
  nameEn: 'Poor household loans',
  ceilingVnd: 60_000_000,
  ceilingPerMonthVnd: null,
  annualRatePercent: '6.0',
  maxTermMonths: 120,
  stepOrder: ['group-vote', 'ward-verification', 'entrustment', 'bank-approval', 'disbursement'],
  eligibleCategories: ['POOR'],
  voteRules: { quorum: { numerator: 1, denominator: 2 }, approval: { numerator: 1, denominator: 2 } },
  deadlines: { 'group-vote': 10, 'ward-verification': 5, entrustment: 5, 'bank-approval': 3 },
  graceWorkingDays: 5,
};

describe('the programme catalogue', () => {
  it('versions a change: the application in flight keeps its version, new ones take the newest', async () => {
    const before = await submit(stack, { amount: 80_000_000 });
    const changed = await stack.api('PUT', '/api/admin/programs/POOR', { token: admin, body: poorV2 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ code: 'POOR', version: 2, ceilingVnd: 60_000_000 });

    const programs = await stack.api('GET', '/api/programs');
    expect(programs.body.find((p: { code: string }) => p.code === 'POOR')).toMatchObject({ version: 2 });
    const refused = await stack.api('POST', '/api/applications', {
      body: (await import('../support/fixtures.js')).applicationForm({ amount: 80_000_000 }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('AMOUNT_OVER_CEILING');

    // The first application still runs on version 1: 80,000,000 VND at 6.6% is approved.
    for (const step of ['group-vote', 'ward-verification', 'entrustment'] as const)
      await runStep(stack, before.id, step);
    await startAs(stack, 'bank.officer', before.id, 'bank-approval');
    await decideAs(stack, 'bank.officer', before.id, 'bank-approval', approvalFor('bank-approval', 80_000_000));
    await startAs(stack, 'bank.manager', before.id, 'bank-approval');
    const confirmed = await decideAs(stack, 'bank.manager', before.id, 'bank-approval', { outcome: 'approve' });
    expect(confirmed.body).toMatchObject({
      programVersion: 1,
      approved: { amount: 80_000_000, annualRatePercent: '6.6' },
    });

    const after = await submit(stack, { amount: 50_000_000 });
    const view = await stack.api('GET', `/api/applications/${after.id}`, { token: await stack.login('bank.manager') });
    expect(view.body.programVersion).toBe(2);
    const versions = await stack.api('GET', '/api/admin/programs/POOR/versions', { token: admin });
    expect(versions.body.map((p: { version: number }) => p.version)).toEqual([1, 2]);
  });

  it('creates a programme and refuses a step order that does not end with the bank', async () => {
    const created = await stack.api('POST', '/api/admin/programs', {
      token: admin,
      body: {
        ...poorV2,
        code: 'HOUSING',
        nameVi: 'Cho vay nhà ở xã hội',
        nameEn: 'Social housing loans',
        eligibleCategories: ['POOR', 'NEAR_POOR'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'HOUSING', version: 1 });
    const again = await stack.api('POST', '/api/admin/programs', {
      token: admin,
      body: { ...poorV2, code: 'HOUSING' },
    });
    expect(again.status).toBe(409);
    const badOrder = await stack.api('PUT', '/api/admin/programs/HOUSING', {
      token: admin,
      body: {
        ...poorV2,
        stepOrder: ['bank-approval', 'group-vote', 'ward-verification', 'entrustment', 'disbursement'],
      },
    });
    expect(badOrder.status).toBe(400);
    const byOfficer = await stack.api('PUT', '/api/admin/programs/HOUSING', {
      token: await stack.login('bank.manager'),
      body: poorV2,
    });
    expect(byOfficer.status).toBe(403);
  });
});
