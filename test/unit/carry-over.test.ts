import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { Actor, ApplicationState } from '../../workflows/definitions.js';
import type { Role } from '../../workflows/domain.js';
import { startOfVietnamDay } from '../../workflows/calendar/working-days.js';
import { applyCarryOver, carryOverDay, checkCarryOver } from '../../workflows/rules/carry-over.js';
import { deadlineFor, type DeadlinePolicy } from '../../workflows/rules/deadlines.js';
import { initialState } from '../../workflows/rules/transitions.js';
import { COW_LOAN, GROUP_OF_TEN, poorProgram } from '../support/snapshots.js';

const officer = (username: string, role: Role): Actor => ({ username, role, displayName: username, scope: null });
const CREDIT = officer('bank.officer', 'bank_credit_officer');
const WARD = officer('ward.HOABINH', 'ward_officer');
// HOABINH's point sits on the 17th; 17 January 2027 is a Sunday, so January's session is Monday the 18th.
const policy: DeadlinePolicy = { deadlines: {}, graceWorkingDays: 5, transactionDay: 17, calendar: { holidays: [] } };
const ENTERED = '2026-12-01T03:00:00.000Z';

function atDisbursement(): ApplicationState {
  const state = initialState(
    {
      applicationId: 'app-1',
      code: 'HOABINH-2026-ABC123',
      wardCode: 'HOABINH',
      program: poorProgram(),
      group: GROUP_OF_TEN,
      request: COW_LOAN,
      submittedBy: CREDIT,
      transactionDay: 17,
      calendar: { holidays: [] },
    },
    ENTERED,
  );
  state.currentStep = 'disbursement';
  state.stepEnteredAt = ENTERED;
  state.deadline = deadlineFor('disbursement', ENTERED, policy);
  state.disbursementOn = state.deadline.dueOn;
  return state;
}

const refusal = (run: () => void): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof ApplicationFailure ? (error.type ?? undefined) : 'not an ApplicationFailure';
  }
  return undefined;
};

describe('checkCarryOver', () => {
  const args = { actor: CREDIT, fromOn: '2026-12-17', reason: 'Hộ vay vắng mặt' };

  it('accepts the bank officer on the scheduled day, with a reason', () => {
    expect(refusal(() => checkCarryOver(atDisbursement(), args, '2026-12-17'))).toBeUndefined();
  });

  it.each([
    ['a day still to come', args, '2026-12-16', 'DATE_IN_FUTURE'],
    ['no reason', { ...args, reason: '  ' }, '2026-12-17', 'REASON_REQUIRED'],
    [
      'a day it is not scheduled on (already moved)',
      { ...args, fromOn: '2026-11-17' },
      '2026-12-17',
      'NOT_SCHEDULED_THAT_DAY',
    ],
    ['a ward officer', { ...args, actor: WARD }, '2026-12-17', 'ROLE_NOT_ALLOWED'],
  ])('refuses %s', (_what, given, today, code) => {
    expect(refusal(() => checkCarryOver(atDisbursement(), given, today))).toBe(code);
  });

  it('refuses an application that is not at disbursement, or has ended', () => {
    const voting = { ...atDisbursement(), currentStep: 'group-vote' as const };
    const disbursed = { ...atDisbursement(), status: 'DISBURSED' as const, currentStep: null };
    expect(refusal(() => checkCarryOver(voting, args, '2026-12-17'))).toBe('STEP_NOT_CURRENT');
    expect(refusal(() => checkCarryOver(disbursed, args, '2026-12-17'))).toBe('APPLICATION_ENDED');
  });
});

describe('carryOverDay', () => {
  it("is the point's next session after the missed one, moved off a weekend", () => {
    expect(carryOverDay('2026-12-17', '2026-12-17', policy)).toBe('2027-01-18');
  });

  it('is the first session from today on when the next one has passed too', () => {
    expect(carryOverDay('2026-12-17', '2027-02-01', policy)).toBe('2027-02-17');
    expect(carryOverDay('2026-12-17', '2027-02-17', policy)).toBe('2027-02-17');
  });
});

describe('applyCarryOver', () => {
  it('moves the scheduled day and the deadline, keeps the entry time, and lets go of the step', () => {
    const state = atDisbursement();
    state.holder = { username: 'bank.officer', role: 'bank_credit_officer', since: ENTERED };
    state.deadline = { ...state.deadline!, reminded: true, overdue: true };
    const now = startOfVietnamDay('2026-12-17') + 20 * 3_600_000;

    const draft = applyCarryOver(
      state,
      { actor: CREDIT, fromOn: '2026-12-17', reason: ' Thiếu giấy tờ ' },
      policy,
      now,
    );

    expect(state.disbursementOn).toBe('2027-01-18');
    expect(state.deadline).toMatchObject({
      step: 'disbursement',
      enteredAt: ENTERED,
      dueOn: '2027-01-18',
      reminded: false,
      overdue: false,
      expireAt: null,
    });
    expect(state.deadline!.remindAt).toBe(startOfVietnamDay('2027-01-15') + 8 * 3_600_000);
    expect(state.holder).toBeNull();
    expect(draft).toMatchObject({
      type: 'DISBURSEMENT_CARRIED_OVER',
      reason: 'Thiếu giấy tờ',
      payload: { fromOn: '2026-12-17', toOn: '2027-01-18' },
      notify: [{ audience: 'applicant' }, { audience: 'group-leader' }],
    });
  });
});
