/**
 * The dates a decision records, judged against the workflow's clock: nothing in the future, a meeting after
 * the submission, a disbursement after the approval and, off the transaction day, with a reason.
 */
import { describe, expect, it } from 'vitest';
import type { DisbursementDecision, GroupVoteDecision } from '../../workflows/definitions.js';
import { checkDecision, type DecisionContext, type DecisionDates } from '../../workflows/rules/step-rules.js';
import { COW_LOAN, GROUP_OF_TEN, poorProgram } from '../support/snapshots.js';

/** Submitted 2 November, approved 1 December, scheduled for the transaction day 17 December; today is 10 December. */
const dates: DecisionDates = {
  today: '2026-12-10',
  submittedOn: '2026-11-02',
  approvedOn: '2026-12-01',
  scheduledDisbursementOn: '2026-12-17',
};

const ctx: DecisionContext = {
  program: poorProgram(),
  group: GROUP_OF_TEN,
  request: COW_LOAN,
  proposal: null,
  approved: { amount: 40_000_000, termMonths: 36, annualRatePercent: '6.6' },
  dates,
};

const meeting = (meetingDate: string): GroupVoteDecision => ({
  step: 'group-vote',
  meetingDate,
  membersTotal: 10,
  membersPresent: 8,
  votesFor: 7,
  votesAgainst: 1,
  abstentions: 0,
});

const disbursement = (disbursedOn: string, extra: Partial<DisbursementDecision> = {}): DisbursementDecision => ({
  step: 'disbursement',
  outcome: 'approve',
  amount: 40_000_000,
  disbursedOn,
  transactionPoint: 'Điểm giao dịch xã Hòa Bình',
  ...extra,
});

describe('the review meeting date', () => {
  it('lies between the submission and today, both included', () => {
    expect(checkDecision(meeting('2026-11-02'), ctx)).toBeNull();
    expect(checkDecision(meeting('2026-12-10'), ctx)).toBeNull();
  });

  it('is refused before the submission', () => {
    expect(checkDecision(meeting('2026-11-01'), ctx)).toMatchObject({
      code: 'DATE_BEFORE_SUBMISSION',
      field: 'meetingDate',
    });
  });

  it('is refused after today', () => {
    expect(checkDecision(meeting('2026-12-11'), ctx)).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'meetingDate' });
  });
});

describe('the disbursement date', () => {
  it('needs no reason on the scheduled transaction day', () => {
    const onSchedule = { ...ctx, dates: { ...dates, today: '2026-12-17' } };
    expect(checkDecision(disbursement('2026-12-17'), onSchedule)).toBeNull();
  });

  it('needs a reason on any other day between the approval and today', () => {
    expect(checkDecision(disbursement('2026-12-01'), ctx)).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    expect(checkDecision(disbursement('2026-12-01', { reason: 'Hộ vay xin nhận sớm' }), ctx)).toBeNull();
    expect(checkDecision(disbursement('2026-12-10', { reason: 'Hộ vay xin nhận sớm' }), ctx)).toBeNull();
  });

  it('is refused before the approval, even with a reason', () => {
    expect(checkDecision(disbursement('2020-01-01', { reason: 'Nhập lại' }), ctx)).toMatchObject({
      code: 'DATE_BEFORE_APPROVAL',
      field: 'disbursedOn',
    });
    expect(checkDecision(disbursement('2026-11-30', { reason: 'Nhập lại' }), ctx)).toMatchObject({
      code: 'DATE_BEFORE_APPROVAL',
    });
  });

  it('is refused after today, even on the scheduled day', () => {
    expect(checkDecision(disbursement('2026-12-17'), ctx)).toMatchObject({
      code: 'DATE_IN_FUTURE',
      field: 'disbursedOn',
    });
    expect(checkDecision(disbursement('2026-12-24', { reason: 'Hẹn trước' }), ctx)).toMatchObject({
      code: 'DATE_IN_FUTURE',
    });
  });

  it('carries no future date on a refusal to disburse either', () => {
    const refusal = disbursement('2026-12-24', { outcome: 'reject', reason: 'Hộ không đến nhận' });
    expect(checkDecision(refusal, ctx)).toMatchObject({ code: 'DATE_IN_FUTURE' });
  });
});
