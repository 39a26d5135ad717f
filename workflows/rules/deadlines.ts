/**
 * Deadlines of a step in Vietnamese working days: when it is due, when to remind, when it is overdue and
 * when it expires. Pure, so the workflow can compute them deterministically from its input.
 */
import {
  addWorkingDays,
  endOfVietnamDay,
  nextTransactionDay,
  previousWorkingDay,
  startOfVietnamDay,
  toVietnamDate,
  type HolidayCalendar,
  type IsoDate,
} from '../calendar/working-days.js';
import type { StepName } from '../domain.js';

export const DEFAULT_STEP_DEADLINES: Partial<Record<StepName, number>> = {
  'group-vote': 15,
  'ward-verification': 5,
  entrustment: 5,
  'bank-approval': 3,
};

/** Reminders go out at 08:00, Vietnamese time, on the working day before the due date. */
const REMINDER_HOUR_MS = 8 * 60 * 60 * 1000;

export interface DeadlinePolicy {
  deadlines: Partial<Record<StepName, number>>;
  graceWorkingDays: number;
  transactionDay: number;
  calendar: HolidayCalendar;
}

export interface StepDeadline {
  step: StepName;
  /** When the step became current; a new entry into the step gets a new deadline. */
  enteredAt: string;
  dueOn: IsoDate;
  remindAt: number;
  breachAt: number;
  /** Null where expiry does not apply (disbursement waits for the transaction day). */
  expireAt: number | null;
  reminded: boolean;
  overdue: boolean;
}

export type DeadlineEvent = { kind: 'remind' | 'breach' | 'expire'; at: number };

/**
 * The step's deadline from the moment it became current. Disbursement is due on the ward's next
 * transaction day (moved to a working day); every other step the programme's number of working days later,
 * the day it became current not counting.
 */
export function deadlineFor(step: StepName, enteredAt: string, policy: DeadlinePolicy): StepDeadline {
  const enteredMs = Date.parse(enteredAt);
  const startDate = toVietnamDate(enteredMs);
  const { calendar } = policy;
  const dueOn =
    step === 'disbursement'
      ? nextTransactionDay(startDate, policy.transactionDay, calendar)
      : addWorkingDays(startDate, policy.deadlines[step] ?? DEFAULT_STEP_DEADLINES[step] ?? 5, calendar);
  const remindAt = startOfVietnamDay(previousWorkingDay(dueOn, calendar)) + REMINDER_HOUR_MS;
  return {
    step,
    enteredAt,
    dueOn,
    remindAt,
    breachAt: endOfVietnamDay(dueOn),
    expireAt:
      step === 'disbursement' ? null : endOfVietnamDay(addWorkingDays(dueOn, policy.graceWorkingDays, calendar)),
    // A step that becomes current after its reminder time (a one-day limit) gets no reminder.
    reminded: remindAt <= enteredMs,
    overdue: false,
  };
}

/** The next thing that happens to a deadline if nobody acts, or null when nothing more will. */
export function nextDeadlineEvent(deadline: StepDeadline | null): DeadlineEvent | null {
  if (!deadline) return null;
  if (!deadline.reminded) return { kind: 'remind', at: deadline.remindAt };
  if (!deadline.overdue) return { kind: 'breach', at: deadline.breachAt };
  if (deadline.expireAt !== null) return { kind: 'expire', at: deadline.expireAt };
  return null;
}
