import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type {
  Actor,
  ApplicationState,
  ProcessApplicationInput,
  StepDecisionInput,
  WardVerificationDecision,
} from '../../workflows/definitions.js';
import type { Role, StepName } from '../../workflows/domain.js';
import { deadlineFor } from '../../workflows/rules/deadlines.js';
import type { DecisionContext } from '../../workflows/rules/step-rules.js';
import {
  EXPIRED_REASON,
  applyAmend,
  applyDeadlineEvent,
  applyDecision,
  applyExpiry,
  applyStart,
  applyWithdraw,
  checkAmend,
  checkDecide,
  checkStart,
  checkWithdraw,
  initialState,
  rolesFor,
} from '../../workflows/rules/transitions.js';
import { COW_LOAN, GROUP_OF_TEN, poorProgram } from '../support/snapshots.js';

const NOW = '2026-12-01T03:00:00.000Z';
const LATER = '2026-12-02T03:00:00.000Z';
const ORDER: StepName[] = ['ward-verification', 'bank-approval', 'disbursement'];

const input: ProcessApplicationInput = {
  applicationId: 'app-1',
  code: 'HOABINH-2026-ABC123',
  wardCode: 'HOABINH',
  program: poorProgram({ stepOrder: ORDER, eligibleCategories: ['POOR', 'NEAR_POOR'] }),
  group: GROUP_OF_TEN,
  request: COW_LOAN,
  submittedBy: { username: 'applicant:034185001234', role: 'applicant', displayName: 'Nguyễn Văn Ánh', scope: null },
  transactionDay: 17,
  calendar: { holidays: [] },
};

const officer = (username: string, role: Role): Actor => ({ username, role, displayName: username, scope: null });
const WARD = officer('ward.HOABINH', 'ward_officer');
const CREDIT = officer('bank.officer', 'bank_credit_officer');
const MANAGER = officer('bank.manager', 'bank_manager');
const APPLICANT = input.submittedBy;

const context = (state: ApplicationState): DecisionContext => ({
  program: input.program,
  group: input.group,
  request: state.request,
  proposal: state.proposal,
  approved: state.approved,
  // Submitted on NOW, approved on LATER, paid on the scheduled transaction day (the workflow schedules it).
  dates: {
    today: '2026-12-17',
    submittedOn: '2026-12-01',
    approvedOn: state.approved ? '2026-12-02' : null,
    scheduledDisbursementOn: state.approved ? '2026-12-17' : null,
  },
});

const wardApproval: WardVerificationDecision = {
  step: 'ward-verification',
  outcome: 'approve',
  residenceConfirmed: true,
  listedCategory: 'POOR',
};

/** The refusal a check throws, as the Update's caller receives it. */
function refusalOf(check: () => void): { type: string | undefined; nonRetryable: boolean } | null {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof ApplicationFailure)) throw error;
    return { type: error.type ?? undefined, nonRetryable: error.nonRetryable === true };
  }
}

/** Starts and decides a step as the workflow does: check, then apply. */
function decide(state: ApplicationState, actor: Actor, decision: StepDecisionInput) {
  if (!state.holder || state.holder.username !== actor.username) {
    checkStart(state, { step: decision.step, actor });
    applyStart(state, { step: decision.step, actor }, NOW);
  }
  checkDecide(state, { actor, decision }, context(state));
  return applyDecision(state, { actor, decision }, context(state), ORDER, LATER);
}

describe('a new application', () => {
  it('starts in progress at the first step of its programme, with an empty history', () => {
    const state = initialState(input, NOW);

    expect(state).toMatchObject({
      applicationId: 'app-1',
      status: 'IN_PROGRESS',
      currentStep: 'ward-verification',
      stepSince: NOW,
      stepEnteredAt: NOW,
      holder: null,
      history: [],
    });
  });
});

describe('starting a step', () => {
  it('lets an officer of the step take it, and a repeated start by the same officer changes nothing', () => {
    const state = initialState(input, NOW);

    const draft = applyStart(state, { step: 'ward-verification', actor: WARD }, NOW);
    const again = applyStart(state, { step: 'ward-verification', actor: WARD }, LATER);

    expect(draft).toMatchObject({ type: 'STEP_STARTED', step: 'ward-verification', notify: [] });
    expect(state.holder).toEqual({ username: 'ward.HOABINH', role: 'ward_officer', since: NOW });
    expect(again).toBeNull();
  });

  it('refuses another step, another role and another officer, as non-retryable typed failures', () => {
    const state = initialState(input, NOW);
    applyStart(state, { step: 'ward-verification', actor: WARD }, NOW);

    expect(refusalOf(() => checkStart(state, { step: 'bank-approval', actor: CREDIT }))).toEqual({
      type: 'STEP_NOT_CURRENT',
      nonRetryable: true,
    });
    expect(refusalOf(() => checkStart(state, { step: 'ward-verification', actor: CREDIT }))?.type).toBe(
      'ROLE_NOT_ALLOWED',
    );
    const colleague = officer('ward.HOABINH.2', 'ward_officer');
    expect(refusalOf(() => checkStart(state, { step: 'ward-verification', actor: colleague }))?.type).toBe(
      'STEP_HELD_BY_OTHER',
    );
  });
});

describe('deciding a step', () => {
  it('refuses a decision on a step nobody has started', () => {
    const state = initialState(input, NOW);

    expect(refusalOf(() => checkDecide(state, { actor: WARD, decision: wardApproval }, context(state)))?.type).toBe(
      'STEP_NOT_STARTED',
    );
  });

  it('moves an approved step on to the next one and tells its officers', () => {
    const state = initialState(input, NOW);

    const draft = decide(state, WARD, wardApproval);

    expect(draft).toMatchObject({
      type: 'STEP_DECIDED',
      step: 'ward-verification',
      outcome: 'approve',
      notify: [{ audience: 'step-officers', step: 'bank-approval' }],
    });
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      currentStep: 'bank-approval',
      holder: null,
      stepSince: LATER,
    });
  });

  it('ends a rejected application and tells the applicant', () => {
    const state = initialState(input, NOW);

    const draft = decide(state, WARD, { ...wardApproval, outcome: 'reject', reason: 'Không cư trú' });

    expect(draft).toMatchObject({ outcome: 'reject', reason: 'Không cư trú', notify: [{ audience: 'applicant' }] });
    expect(state).toMatchObject({ status: 'REJECTED', currentStep: null });
    expect(refusalOf(() => checkStart(state, { step: 'ward-verification', actor: WARD }))?.type).toBe(
      'APPLICATION_ENDED',
    );
  });

  it('returns an application to the applicant at the same step, with the reason', () => {
    const state = initialState(input, NOW);

    decide(state, WARD, { ...wardApproval, outcome: 'return', reason: 'Thiếu giấy ủy quyền 01/UQ' });

    expect(state).toMatchObject({
      status: 'RETURNED',
      currentStep: 'ward-verification',
      returnReason: 'Thiếu giấy ủy quyền 01/UQ',
    });
    expect(refusalOf(() => checkStart(state, { step: 'ward-verification', actor: WARD }))?.type).toBe(
      'AWAITING_AMENDMENT',
    );
  });
});

describe('the four-eyes bank approval', () => {
  function atBankApproval(): ApplicationState {
    const state = initialState(input, NOW);
    decide(state, WARD, wardApproval);
    return state;
  }
  const proposal: StepDecisionInput = {
    step: 'bank-approval',
    outcome: 'approve',
    approvedAmount: 45_000_000,
    termMonths: 24,
  };

  it('takes a credit officer’s approval as a proposal for a manager', () => {
    const state = atBankApproval();

    const draft = decide(state, CREDIT, proposal);

    expect(draft).toMatchObject({
      type: 'APPROVAL_PROPOSED',
      payload: { approvedAmount: 45_000_000, termMonths: 24 },
      notify: [{ audience: 'step-officers', step: 'bank-approval', roles: ['bank_manager'] }],
    });
    expect(state.proposal).toEqual({ amount: 45_000_000, termMonths: 24, by: 'bank.officer', at: LATER });
    expect(state.currentStep).toBe('bank-approval');
    expect(rolesFor(state, 'bank-approval')).toEqual(['bank_manager']);
    expect(refusalOf(() => checkStart(state, { step: 'bank-approval', actor: CREDIT }))?.type).toBe('ROLE_NOT_ALLOWED');
  });

  it('refuses the proposer confirming their own proposal', () => {
    const state = atBankApproval();
    decide(state, CREDIT, proposal);
    const sameOfficerAsManager = officer('bank.officer', 'bank_manager');

    expect(refusalOf(() => checkStart(state, { step: 'bank-approval', actor: sameOfficerAsManager }))?.type).toBe(
      'SAME_OFFICER',
    );
  });

  it('approves the proposed terms at the programme’s rate when a manager confirms', () => {
    const state = atBankApproval();
    decide(state, CREDIT, proposal);

    const draft = decide(state, MANAGER, { step: 'bank-approval', outcome: 'approve' });

    expect(state.approved).toEqual({ amount: 45_000_000, termMonths: 24, annualRatePercent: '6.6' });
    expect(state).toMatchObject({ currentStep: 'disbursement', proposal: null });
    expect(draft.notify).toEqual([
      { audience: 'applicant' },
      { audience: 'step-officers', step: 'disbursement' },
      { audience: 'group-leader' },
    ]);
  });

  it('hands a proposal sent back by the manager to the credit officers again', () => {
    const state = atBankApproval();
    decide(state, CREDIT, proposal);

    const draft = decide(state, MANAGER, { step: 'bank-approval', outcome: 'send-back', reason: 'Số tiền quá cao' });

    expect(draft).toMatchObject({
      type: 'PROPOSAL_SENT_BACK',
      reason: 'Số tiền quá cao',
      payload: { proposedAmount: 45_000_000, proposedTermMonths: 24, proposedBy: 'bank.officer' },
      notify: [{ audience: 'step-officers', step: 'bank-approval', roles: ['bank_credit_officer'] }],
    });
    expect(state.proposal).toBeNull();
    expect(rolesFor(state, 'bank-approval')).toEqual(['bank_credit_officer']);
  });

  it('ends DISBURSED once the last step is approved', () => {
    const state = atBankApproval();
    decide(state, CREDIT, proposal);
    decide(state, MANAGER, { step: 'bank-approval', outcome: 'approve' });

    const draft = decide(state, CREDIT, {
      step: 'disbursement',
      outcome: 'approve',
      amount: 45_000_000,
      disbursedOn: '2026-12-17',
      transactionPoint: 'Điểm giao dịch xã Hòa Bình',
    });

    expect(state).toMatchObject({
      status: 'DISBURSED',
      currentStep: null,
      disbursement: { amount: 45_000_000, disbursedOn: '2026-12-17', transactionPoint: 'Điểm giao dịch xã Hòa Bình' },
    });
    expect(draft.notify).toEqual([{ audience: 'applicant' }]);
  });
});

describe('amending and withdrawing', () => {
  function returned(): ApplicationState {
    const state = initialState(input, NOW);
    decide(state, WARD, { ...wardApproval, outcome: 'return', reason: 'Thiếu giấy tờ' });
    return state;
  }

  it('refuses to amend an application that was not returned', () => {
    const state = initialState(input, NOW);

    expect(refusalOf(() => checkAmend(state, { actor: APPLICANT, changes: { amount: 1 } }, context(state)))?.type).toBe(
      'NOT_RETURNED',
    );
  });

  it('refuses an amendment to a category the programme does not lend to', () => {
    const state = returned();

    const refusal = refusalOf(() =>
      checkAmend(state, { actor: APPLICANT, changes: { householdCategory: 'OTHER' } }, context(state)),
    );

    expect(refusal?.type).toBe('CATEGORY_NOT_ELIGIBLE');
  });

  it('puts an amended application back in progress at the step that returned it', () => {
    const state = returned();
    const changes = { amount: 40_000_000, phone: '0912000111' };
    checkAmend(state, { actor: APPLICANT, changes }, context(state));

    const draft = applyAmend(state, { actor: APPLICANT, changes }, LATER);

    expect(draft).toMatchObject({
      type: 'AMENDED',
      step: 'ward-verification',
      payload: changes,
      notify: [{ audience: 'step-officers', step: 'ward-verification' }],
    });
    expect(state).toMatchObject({ status: 'IN_PROGRESS', returnReason: null, stepEnteredAt: LATER });
    expect(state.request.amount).toBe(40_000_000);
    expect(state.request.borrower.phone).toBe('0912000111');
  });

  it('ends a withdrawn application and refuses a second withdrawal', () => {
    const state = initialState(input, NOW);
    checkWithdraw(state, { actor: APPLICANT });

    const draft = applyWithdraw(state, { actor: APPLICANT, reason: '  Không vay nữa  ' });

    expect(draft).toMatchObject({ type: 'WITHDRAWN', reason: 'Không vay nữa', notify: [{ audience: 'applicant' }] });
    expect(state).toMatchObject({ status: 'WITHDRAWN', currentStep: null });
    expect(refusalOf(() => checkWithdraw(state, { actor: APPLICANT }))?.type).toBe('APPLICATION_ENDED');
  });
});

describe('deadline events', () => {
  function withDeadline(): ApplicationState {
    const state = initialState(input, NOW);
    state.deadline = deadlineFor('ward-verification', NOW, {
      deadlines: {},
      graceWorkingDays: 5,
      transactionDay: 17,
      calendar: input.calendar,
    });
    return state;
  }

  it('reminds the officers who may act now, then marks the step overdue and tells the supervisors', () => {
    const state = withDeadline();

    const reminder = applyDeadlineEvent(state, 'remind');
    const breach = applyDeadlineEvent(state, 'breach');

    expect(reminder).toMatchObject({
      type: 'DEADLINE_REMINDER',
      payload: { dueOn: state.deadline?.dueOn },
      notify: [{ audience: 'step-officers', step: 'ward-verification', roles: ['ward_officer'] }],
    });
    expect(breach).toMatchObject({
      type: 'STEP_OVERDUE',
      notify: [{ audience: 'supervisors', step: 'ward-verification' }],
    });
    expect(state.deadline).toMatchObject({ reminded: true, overdue: true });
    expect(state.status).toBe('IN_PROGRESS');
  });

  it('returns an expired application to the applicant with the reason "expired"', () => {
    const state = withDeadline();
    applyStart(state, { step: 'ward-verification', actor: WARD }, NOW);

    const draft = applyExpiry(state, LATER);

    expect(draft).toMatchObject({
      type: 'STEP_EXPIRED',
      reason: EXPIRED_REASON,
      notify: [{ audience: 'applicant' }, { audience: 'step-officers', step: 'ward-verification' }],
    });
    expect(state).toMatchObject({ status: 'RETURNED', returnReason: 'expired', holder: null, stepSince: LATER });
  });

  it('does nothing without a deadline', () => {
    const state = initialState(input, NOW);

    expect(applyDeadlineEvent(state, 'remind')).toBeNull();
    expect(applyExpiry(state, LATER)).toBeNull();
  });
});
