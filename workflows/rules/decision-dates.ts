/**
 * The dates a decision records, judged against the workflow's clock as Vietnamese calendar dates: nothing
 * happened after today, a review meeting after the submission, a disbursement after the approval and, on any
 * day but the scheduled transaction day, with a reason.
 */
import type { IsoDate } from '../calendar/working-days.js';
import type { DisbursementDecision } from '../definitions.js';

export const DATE_CODES = ['DATE_IN_FUTURE', 'DATE_BEFORE_SUBMISSION', 'DATE_BEFORE_APPROVAL'] as const;
export type DateCode = (typeof DATE_CODES)[number];

export interface DateViolation {
  code: DateCode | 'REASON_REQUIRED';
  field: string;
  message: string;
}

/** The dates a decision is judged against. */
export interface DecisionDates {
  today: IsoDate;
  submittedOn: IsoDate;
  /** The day the bank confirmed the loan, once it has. */
  approvedOn: IsoDate | null;
  /** The transaction day the disbursement is scheduled for, once the bank has approved. */
  scheduledDisbursementOn: IsoDate | null;
}

/** A date that happened: not after today, and not before the event it follows. */
function checkPastDate(
  date: IsoDate,
  field: string,
  today: IsoDate,
  floor: { on: IsoDate | null; code: 'DATE_BEFORE_SUBMISSION' | 'DATE_BEFORE_APPROVAL'; what: string },
): DateViolation | null {
  if (date > today) return { code: 'DATE_IN_FUTURE', field, message: `${field} ${date} is after today (${today})` };
  if (floor.on !== null && date < floor.on) {
    return { code: floor.code, field, message: `${field} ${date} is before the ${floor.what} (${floor.on})` };
  }
  return null;
}

/** The review meeting took place between the submission and today. */
export function checkMeetingDate(meetingDate: IsoDate, dates: DecisionDates): DateViolation | null {
  return checkPastDate(meetingDate, 'meetingDate', dates.today, {
    on: dates.submittedOn,
    code: 'DATE_BEFORE_SUBMISSION',
    what: 'submission',
  });
}

/** The money was paid between the approval and today; on a day other than the scheduled one, say why. */
export function checkDisbursementDate(d: DisbursementDecision, dates: DecisionDates): DateViolation | null {
  if (d.disbursedOn === undefined) return null;
  const dated = checkPastDate(d.disbursedOn, 'disbursedOn', dates.today, {
    on: dates.approvedOn,
    code: 'DATE_BEFORE_APPROVAL',
    what: 'approval',
  });
  if (dated) return dated;
  if (d.outcome === 'approve' && d.disbursedOn !== dates.scheduledDisbursementOn && !d.reason?.trim()) {
    const scheduled = dates.scheduledDisbursementOn ?? '(none)';
    return {
      code: 'REASON_REQUIRED',
      field: 'reason',
      message: `A reason is required to disburse on ${d.disbursedOn}, not the scheduled transaction day ${scheduled}`,
    };
  }
  return null;
}
