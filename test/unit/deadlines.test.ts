import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../workflows/calendar/working-days.js';
import {
  DEFAULT_STEP_DEADLINES,
  deadlineFor,
  nextDeadlineEvent,
  type DeadlinePolicy,
  type StepDeadline,
} from '../../workflows/rules/deadlines.js';

const weekdaysOnly: HolidayCalendar = { holidays: [] };
const policy = (overrides: Partial<DeadlinePolicy> = {}): DeadlinePolicy => ({
  deadlines: {},
  graceWorkingDays: 5,
  transactionDay: 17,
  calendar: weekdaysOnly,
  ...overrides,
});
const at = (iso: string): number => Date.parse(iso);

// Tuesday 1 December 2026, 10:00 in Vietnam (UTC+7).
const TUESDAY_10AM = '2026-12-01T03:00:00.000Z';

describe('the deadline of a step', () => {
  it('falls the programme’s number of working days after the day the step became current', () => {
    const deadline = deadlineFor('bank-approval', TUESDAY_10AM, policy({ deadlines: { 'bank-approval': 3 } }));

    expect(deadline).toEqual({
      step: 'bank-approval',
      enteredAt: TUESDAY_10AM,
      dueOn: '2026-12-04',
      // 08:00 in Vietnam on the working day before the due date.
      remindAt: at('2026-12-03T01:00:00.000Z'),
      // The end of the due date in Vietnam.
      breachAt: at('2026-12-04T17:00:00.000Z'),
      // Five working days of grace after Friday the 4th: Friday the 11th, to its end.
      expireAt: at('2026-12-11T17:00:00.000Z'),
      reminded: false,
      overdue: false,
    });
  });

  it('skips weekends and the holidays of the calendar', () => {
    const calendar: HolidayCalendar = { holidays: ['2026-12-03'] };

    const deadline = deadlineFor(
      'bank-approval',
      TUESDAY_10AM,
      policy({ deadlines: { 'bank-approval': 3 }, calendar }),
    );

    // Wednesday 2, (Thursday 3 off), Friday 4, (weekend), Monday 7.
    expect(deadline.dueOn).toBe('2026-12-07');
    expect(deadline.remindAt).toBe(at('2026-12-04T01:00:00.000Z'));
  });

  it('counts a make-up Saturday as a working day', () => {
    const calendar: HolidayCalendar = { holidays: [], makeUpWorkingDays: ['2026-12-05'] };

    const deadline = deadlineFor(
      'bank-approval',
      TUESDAY_10AM,
      policy({ deadlines: { 'bank-approval': 4 }, calendar }),
    );

    expect(deadline.dueOn).toBe('2026-12-05');
  });

  it('uses the default number of days when the programme sets none', () => {
    const deadline = deadlineFor('group-vote', TUESDAY_10AM, policy());

    expect(DEFAULT_STEP_DEADLINES['group-vote']).toBe(15);
    // Fifteen working days after Tuesday 1 December: Tuesday 22 December.
    expect(deadline.dueOn).toBe('2026-12-22');
  });

  it('takes the Vietnamese date of the moment the step became current, not the UTC one', () => {
    // 23:30 UTC on Monday 30 November is 06:30 on Tuesday 1 December in Vietnam.
    const deadline = deadlineFor(
      'bank-approval',
      '2026-11-30T23:30:00.000Z',
      policy({ deadlines: { 'bank-approval': 3 } }),
    );

    expect(deadline.dueOn).toBe('2026-12-04');
  });

  it('schedules disbursement on the next transaction day and never lets it expire', () => {
    const deadline = deadlineFor('disbursement', TUESDAY_10AM, policy({ transactionDay: 17 }));

    expect(deadline.dueOn).toBe('2026-12-17');
    expect(deadline.expireAt).toBeNull();
  });

  it('moves a transaction day that falls on a weekend to the next working day', () => {
    // 19 December 2026 is a Saturday.
    const deadline = deadlineFor('disbursement', TUESDAY_10AM, policy({ transactionDay: 19 }));

    expect(deadline.dueOn).toBe('2026-12-21');
  });

  it('sends no reminder for a step that becomes current after its reminder time', () => {
    // A one-day limit entered on Tuesday: due Wednesday, reminder due Tuesday 08:00, already past at 10:00.
    const deadline = deadlineFor('bank-approval', TUESDAY_10AM, policy({ deadlines: { 'bank-approval': 1 } }));

    expect(deadline.dueOn).toBe('2026-12-02');
    expect(deadline.reminded).toBe(true);
  });
});

describe('what happens next to a deadline', () => {
  const base = deadlineFor('entrustment', TUESDAY_10AM, policy());

  it('is the reminder first, then the breach, then the expiry, then nothing', () => {
    const reminded: StepDeadline = { ...base, reminded: true };
    const overdue: StepDeadline = { ...reminded, overdue: true };

    expect(nextDeadlineEvent(base)).toEqual({ kind: 'remind', at: base.remindAt });
    expect(nextDeadlineEvent(reminded)).toEqual({ kind: 'breach', at: base.breachAt });
    expect(nextDeadlineEvent(overdue)).toEqual({ kind: 'expire', at: base.expireAt });
    expect(nextDeadlineEvent({ ...overdue, expireAt: null })).toBeNull();
  });

  it('is nothing without a deadline', () => {
    expect(nextDeadlineEvent(null)).toBeNull();
  });
});
