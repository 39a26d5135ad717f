/**
 * State transitions of an application as pure functions over ApplicationState. The workflow calls them
 * from its Update validators (check*) and handlers (apply*); unit tests call them directly.
 */
import { ApplicationFailure } from '@temporalio/common';
import type {
  Actor,
  AmendArgs,
  ApplicationState,
  DecideStepArgs,
  HistoryEntry,
  NotificationIntent,
  ProcessApplicationInput,
  StartStepArgs,
  StepDecisionInput,
  WithdrawArgs,
  BankApprovalDecision,
} from '../definitions.js';
import { ENDED_STATUSES, type Outcome, type Role, type StepName } from '../domain.js';
import { BANK_APPROVAL_STAGES, checkApplicantAgent, rolesForStage, type ApplicantAction } from './authority.js';
import {
  RULE_CODES,
  checkCategoryEligible,
  checkDecision,
  checkLoanLimits,
  isViolation,
  tallyVote,
  type DecisionContext,
  type RuleCode,
} from './step-rules.js';

export const STATE_CODES = [
  'APPLICATION_ENDED',
  'AWAITING_AMENDMENT',
  'NOT_RETURNED',
  'STEP_NOT_CURRENT',
  'STEP_NOT_STARTED',
  'STEP_HELD_BY_OTHER',
  'ROLE_NOT_ALLOWED',
  'SAME_OFFICER',
  // A carry-over names the day it moves the loan from; the loan is no longer scheduled then (already moved).
  'NOT_SCHEDULED_THAT_DAY',
  // The read model could not take an event (a permanent failure of the recording activity): nothing to retry.
  'RECORDING_FAILED',
  // No capital source of the programme has the approved amount available: the confirmation waits.
  'INSUFFICIENT_CAPITAL',
] as const;
export type StateCode = (typeof STATE_CODES)[number];

/** Every `type` a workflow refusal can carry; the server's error codes include all of them. */
export const WORKFLOW_REFUSAL_CODES = [...STATE_CODES, ...RULE_CODES] as const;
export type WorkflowRefusalCode = StateCode | RuleCode;

/** Business refusals travel as typed, non-retryable ApplicationFailures: the server maps `type` to HTTP. */
export function refuse(type: WorkflowRefusalCode, message: string, field?: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: field ? [{ field }] : [] });
}

export interface EventDraft {
  type: HistoryEntry['type'];
  step: StepName | null;
  actor: Actor;
  outcome?: Outcome;
  reason?: string;
  payload?: Record<string, unknown>;
  notify: NotificationIntent[];
}

export function initialState(input: ProcessApplicationInput, now: string): ApplicationState {
  return {
    applicationId: input.applicationId,
    code: input.code,
    status: 'IN_PROGRESS',
    currentStep: input.program.stepOrder[0] ?? null,
    stepSince: now,
    stepEnteredAt: now,
    deadline: null,
    disbursementOn: null,
    holder: null,
    returnReason: null,
    request: input.request,
    proposal: null,
    approved: null,
    disbursement: null,
    history: [],
  };
}

function assertOpen(state: ApplicationState): void {
  if (ENDED_STATUSES.includes(state.status)) {
    throw refuse('APPLICATION_ENDED', `Application ${state.code} has ended (${state.status})`);
  }
}

/** Bank approval has two stages: the credit officer proposes, then a manager confirms (four eyes). */
export function rolesFor(state: ApplicationState, step: StepName): readonly Role[] {
  return rolesForStage(step, state.proposal !== null);
}

function assertStepActionable(state: ApplicationState, step: StepName, actor: Actor): void {
  assertOpen(state);
  if (state.status === 'RETURNED') {
    throw refuse('AWAITING_AMENDMENT', 'The application was returned to the applicant and awaits amendment');
  }
  if (step !== state.currentStep) {
    throw refuse('STEP_NOT_CURRENT', `Step ${step} is not the current step (${state.currentStep ?? 'none'})`, 'step');
  }
  if (!(rolesFor(state, step) as readonly string[]).includes(actor.role)) {
    throw refuse('ROLE_NOT_ALLOWED', `Role ${actor.role} may not act on step ${step} now`);
  }
  if (step === 'bank-approval' && state.proposal?.by === actor.username) {
    throw refuse('SAME_OFFICER', 'The officer who proposed the loan cannot also confirm it');
  }
  if (state.holder && state.holder.username !== actor.username) {
    throw refuse('STEP_HELD_BY_OTHER', `Step ${step} is held by another officer`);
  }
}

export function checkStart(state: ApplicationState, { step, actor }: StartStepArgs): void {
  assertStepActionable(state, step, actor);
}

/** Starting a step you already hold changes nothing, so a retried request is harmless. */
export function applyStart(state: ApplicationState, { step, actor }: StartStepArgs, now: string): EventDraft | null {
  if (state.holder?.username === actor.username) return null;
  state.holder = { username: actor.username, role: actor.role as Role, since: now };
  return { type: 'STEP_STARTED', step, actor, notify: [] };
}

export function checkDecide(state: ApplicationState, { decision, actor }: DecideStepArgs, ctx: DecisionContext): void {
  assertStepActionable(state, decision.step, actor);
  if (!state.holder) {
    throw refuse('STEP_NOT_STARTED', `Step ${decision.step} must be started before a decision is recorded`);
  }
  const broken = checkDecision(decision, ctx);
  if (broken) throw refuse(broken.code, broken.message, broken.field);
}

function decisionPayload(decision: StepDecisionInput): Record<string, unknown> {
  const { step: _step, reason: _reason, ...fields } = decision;
  if ('outcome' in fields) delete (fields as { outcome?: unknown }).outcome;
  return fields;
}

function outcomeOf(decision: StepDecisionInput, ctx: DecisionContext): Outcome | 'send-back' {
  if (decision.step !== 'group-vote') return decision.outcome;
  const result = tallyVote(decision, ctx.program.voteRules, ctx.group);
  if (isViolation(result)) throw refuse(result.code, result.message, result.field);
  return result.outcome;
}

/** The first half of the four-eyes bank approval: the proposal goes to the managers. */
function applyProposal(state: ApplicationState, decision: BankApprovalDecision, actor: Actor, now: string): EventDraft {
  state.proposal = {
    amount: decision.approvedAmount ?? 0,
    termMonths: decision.termMonths ?? 0,
    by: actor.username,
    at: now,
  };
  state.stepSince = now;
  const payload = { approvedAmount: state.proposal.amount, termMonths: state.proposal.termMonths };
  return {
    type: 'APPROVAL_PROPOSED',
    step: 'bank-approval',
    actor,
    payload,
    notify: [{ audience: 'step-officers', step: 'bank-approval', roles: [...BANK_APPROVAL_STAGES.confirm] }],
  };
}

function applySendBack(state: ApplicationState, reason: string, actor: Actor, now: string): EventDraft {
  const proposal = state.proposal;
  state.proposal = null;
  state.stepSince = now;
  return {
    type: 'PROPOSAL_SENT_BACK',
    step: 'bank-approval',
    actor,
    reason,
    payload: { proposedAmount: proposal?.amount, proposedTermMonths: proposal?.termMonths, proposedBy: proposal?.by },
    notify: [{ audience: 'step-officers', step: 'bank-approval', roles: [...BANK_APPROVAL_STAGES.propose] }],
  };
}

export function applyDecision(
  state: ApplicationState,
  { decision, actor }: DecideStepArgs,
  ctx: DecisionContext,
  stepOrder: readonly StepName[],
  now: string,
): EventDraft {
  const step = decision.step;
  const outcome = outcomeOf(decision, ctx);
  const reason =
    decision.reason?.trim() ||
    (outcome === 'reject' && step === 'group-vote' ? 'Không đạt đa số tán thành / Majority not reached' : undefined);
  state.holder = null;
  if (decision.step === 'bank-approval' && outcome === 'approve' && !state.proposal) {
    return applyProposal(state, decision, actor, now);
  }
  if (outcome === 'send-back') return applySendBack(state, reason ?? '', actor, now);
  const notify: NotificationIntent[] = [];
  let payload = decisionPayload(decision);
  if (outcome === 'reject') {
    state.status = 'REJECTED';
    state.currentStep = null;
    notify.push({ audience: 'applicant' });
  } else if (outcome === 'return') {
    state.status = 'RETURNED';
    state.returnReason = reason ?? null;
    notify.push({ audience: 'applicant' });
  } else {
    if (decision.step === 'bank-approval' && state.proposal) {
      const { amount, termMonths, by } = state.proposal;
      state.approved = { amount, termMonths, annualRatePercent: ctx.program.annualRatePercent };
      payload = { approvedAmount: amount, termMonths, proposedBy: by };
      notify.push({ audience: 'applicant' });
    }
    if (decision.step === 'disbursement' && decision.amount !== undefined) {
      state.disbursement = {
        amount: decision.amount,
        disbursedOn: decision.disbursedOn ?? '',
        transactionPoint: decision.transactionPoint ?? '',
      };
    }
    const next = stepOrder[stepOrder.indexOf(step) + 1];
    if (next) {
      state.currentStep = next;
      state.stepSince = now;
      state.stepEnteredAt = now;
      notify.push({ audience: 'step-officers', step: next });
      // The group leader tells the borrower the transaction day (notice 04/TD).
      if (next === 'disbursement') notify.push({ audience: 'group-leader' });
    } else {
      state.status = 'DISBURSED';
      state.currentStep = null;
      notify.push({ audience: 'applicant' });
    }
  }
  state.proposal = null;
  if (step === 'group-vote') payload = { ...payload, computedOutcome: outcome };
  return { type: 'STEP_DECIDED', step, actor, outcome, ...(reason ? { reason } : {}), payload, notify };
}

/** The applicant acts for themselves; an officer only in a role allowed to act for them, and with a reason. */
function assertMayActForApplicant(actor: Actor, action: ApplicantAction, reason: string | undefined): void {
  const broken = checkApplicantAgent(actor.role, action, reason);
  if (broken) throw refuse(broken.code, broken.message, broken.field);
}

/** What the history records of an officer acting for the applicant. */
function onBehalf(actor: Actor, reason: string | undefined): Pick<EventDraft, 'reason' | 'payload'> {
  const trimmed = reason?.trim();
  return {
    ...(trimmed ? { reason: trimmed } : {}),
    payload: actor.role === 'applicant' ? {} : { onBehalfOfApplicant: true },
  };
}

export function checkAmend(state: ApplicationState, { actor, changes, reason }: AmendArgs, ctx: DecisionContext): void {
  assertOpen(state);
  assertMayActForApplicant(actor, 'amend', reason);
  if (state.status !== 'RETURNED') throw refuse('NOT_RETURNED', 'Only a returned application can be amended');
  const category = checkCategoryEligible(
    ctx.program,
    changes.householdCategory ?? state.request.householdCategory,
    'householdCategory',
  );
  if (category) throw refuse(category.code, category.message, category.field);
  const limits = checkLoanLimits(
    ctx.program,
    changes.amount ?? state.request.amount,
    changes.termMonths ?? state.request.termMonths,
  );
  if (limits) throw refuse(limits.code, limits.message, limits.field);
}

export function applyAmend(state: ApplicationState, { actor, changes, reason }: AmendArgs, now: string): EventDraft {
  const { phone, email, ...loanChanges } = changes;
  const defined = Object.fromEntries(Object.entries(loanChanges).filter(([, v]) => v !== undefined));
  state.request = {
    ...state.request,
    ...defined,
    borrower: {
      ...state.request.borrower,
      ...(phone !== undefined ? { phone } : {}),
      ...(email !== undefined ? { email } : {}),
    },
  };
  state.status = 'IN_PROGRESS';
  state.returnReason = null;
  state.stepSince = now;
  state.stepEnteredAt = now;
  const notify: NotificationIntent[] = state.currentStep
    ? [{ audience: 'step-officers', step: state.currentStep }]
    : [];
  const recorded = onBehalf(actor, reason);
  const payload = {
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    ...recorded.payload,
  };
  return { type: 'AMENDED', step: state.currentStep, actor, ...recorded, payload, notify };
}

export function checkWithdraw(state: ApplicationState, { actor, reason }: WithdrawArgs): void {
  assertOpen(state);
  assertMayActForApplicant(actor, 'withdraw', reason);
}

export function applyWithdraw(state: ApplicationState, { actor, reason }: WithdrawArgs): EventDraft {
  const step = state.currentStep;
  state.status = 'WITHDRAWN';
  state.currentStep = null;
  state.holder = null;
  return { type: 'WITHDRAWN', step, actor, ...onBehalf(actor, reason), notify: [{ audience: 'applicant' }] };
}

export const SYSTEM_ACTOR: Actor = { username: 'system', role: 'system', displayName: 'Hệ thống', scope: null };

/** A reminder or a breach changes nothing but the deadline's flags; a breach never approves anything. */
export function applyDeadlineEvent(state: ApplicationState, kind: 'remind' | 'breach'): EventDraft | null {
  const deadline = state.deadline;
  if (!deadline || !state.currentStep) return null;
  const payload = { dueOn: deadline.dueOn };
  if (kind === 'remind') {
    deadline.reminded = true;
    const roles = [...rolesFor(state, deadline.step)];
    return {
      type: 'DEADLINE_REMINDER',
      step: deadline.step,
      actor: SYSTEM_ACTOR,
      payload,
      notify: [{ audience: 'step-officers', step: deadline.step, roles }],
    };
  }
  deadline.overdue = true;
  return {
    type: 'STEP_OVERDUE',
    step: deadline.step,
    actor: SYSTEM_ACTOR,
    payload,
    notify: [{ audience: 'supervisors', step: deadline.step }],
  };
}

export const EXPIRED_REASON = 'expired';

/** After the grace period the application goes back to the applicant; the step runs again once amended. */
export function applyExpiry(state: ApplicationState, now: string): EventDraft | null {
  const deadline = state.deadline;
  if (!deadline || state.status !== 'IN_PROGRESS') return null;
  state.status = 'RETURNED';
  state.returnReason = EXPIRED_REASON;
  state.holder = null;
  state.proposal = null;
  state.stepSince = now;
  return {
    type: 'STEP_EXPIRED',
    step: deadline.step,
    actor: SYSTEM_ACTOR,
    reason: EXPIRED_REASON,
    payload: { dueOn: deadline.dueOn },
    notify: [{ audience: 'applicant' }, { audience: 'step-officers', step: deadline.step }],
  };
}
