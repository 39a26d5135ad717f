/**
 * A loan not disbursed on its transaction day (the borrower did not come, a document is missing) moves to the
 * ward's next transaction day, with the reason. Pure, so the workflow's validator and handler and the unit tests
 * share it.
 */
import {
  addDays,
  nextTransactionDay,
  startOfVietnamDay,
  toVietnamDate,
  type IsoDate,
} from '../calendar/working-days.js';
import type { ApplicationState, CarryOverArgs } from '../definitions.js';
import { ENDED_STATUSES } from '../domain.js';
import { deadlineFor, type DeadlinePolicy } from './deadlines.js';
import { refuse, rolesFor, type EventDraft } from './transitions.js';

/**
 * Refuses a carry-over that does not apply: not at disbursement, not the day it is scheduled for (a retry after
 * the first moved it names a day it no longer has), a day still to come, or no reason.
 */
export function checkCarryOver(
  state: ApplicationState,
  { actor, fromOn, reason }: CarryOverArgs,
  today: IsoDate,
): void {
  if (ENDED_STATUSES.includes(state.status)) {
    throw refuse('APPLICATION_ENDED', `Application ${state.code} has ended (${state.status})`);
  }
  if (state.status === 'RETURNED') {
    throw refuse('AWAITING_AMENDMENT', 'The application was returned to the applicant and awaits amendment');
  }
  if (state.currentStep !== 'disbursement') {
    throw refuse('STEP_NOT_CURRENT', `Disbursement is not the current step (${state.currentStep ?? 'none'})`, 'step');
  }
  if (!(rolesFor(state, 'disbursement') as readonly string[]).includes(actor.role)) {
    throw refuse('ROLE_NOT_ALLOWED', `Role ${actor.role} may not move a disbursement`);
  }
  if (!reason.trim()) throw refuse('REASON_REQUIRED', 'A reason is required to move a disbursement', 'reason');
  if (fromOn !== state.disbursementOn) {
    const scheduled = state.disbursementOn ?? '(none)';
    throw refuse('NOT_SCHEDULED_THAT_DAY', `Application ${state.code} is scheduled on ${scheduled}, not ${fromOn}`);
  }
  if (fromOn > today) {
    throw refuse('DATE_IN_FUTURE', `The transaction day ${fromOn} has not come yet (today is ${today})`, 'date');
  }
}

/**
 * The next transaction day after the missed one; when that has passed too (moved days later), the first one from
 * today on.
 */
export function carryOverDay(fromOn: IsoDate, today: IsoDate, policy: DeadlinePolicy): IsoDate {
  const yesterday = addDays(today, -1);
  return nextTransactionDay(fromOn > yesterday ? fromOn : yesterday, policy.transactionDay, policy.calendar);
}

/**
 * Moves the disbursement and its deadline to the new day. The deadline keeps the step's entry time (the workflow
 * recomputes a deadline whose entry time differs), and its reminder and breach timers follow the new day.
 */
export function applyCarryOver(
  state: ApplicationState,
  { actor, fromOn, reason }: CarryOverArgs,
  policy: DeadlinePolicy,
  nowMs: number,
): EventDraft {
  const today = toVietnamDate(nowMs);
  const toOn = carryOverDay(fromOn, today, policy);
  // Disbursement is due on the first transaction day after the day it is counted from: the eve of toOn gives toOn.
  const moved = deadlineFor('disbursement', new Date(startOfVietnamDay(addDays(toOn, -1))).toISOString(), policy);
  state.deadline = {
    ...moved,
    enteredAt: state.stepEnteredAt ?? moved.enteredAt,
    reminded: moved.remindAt <= nowMs,
    overdue: false,
  };
  state.disbursementOn = toOn;
  state.holder = null;
  state.stepSince = new Date(nowMs).toISOString();
  return {
    type: 'DISBURSEMENT_CARRIED_OVER',
    step: 'disbursement',
    actor,
    reason: reason.trim(),
    payload: { fromOn, toOn },
    notify: [{ audience: 'applicant' }, { audience: 'group-leader' }],
  };
}
