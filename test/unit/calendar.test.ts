import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  dayOfWeek,
  daysInMonth,
  endOfVietnamDay,
  isIsoDate,
  isWorkingDay,
  nextTransactionDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDay,
  startOfVietnamDay,
  toVietnamDate,
  vietnamYear,
  workingDaysBetween,
  type HolidayCalendar,
} from '../../workflows/calendar/working-days.js';
import {
  VIETNAMESE_MAKE_UP_WORKING_DAYS,
  VIETNAMESE_PUBLIC_HOLIDAYS,
  vietnameseHolidayCalendar,
} from '../../workflows/calendar/holidays-vn.js';

const none: HolidayCalendar = { holidays: [] };
const vn = vietnameseHolidayCalendar();
const SUN = 0;
const SAT = 6;

describe('calendar dates', () => {
  it('knows the weekday of any date, across centuries', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2000-02-29')).toBe(2);
    expect(dayOfWeek('2026-02-17')).toBe(2);
    expect(dayOfWeek('2027-02-06')).toBe(SAT);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-1-05', '26-01-05', '2026-01-05T00:00']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(() => isWorkingDay('2026-02-30', none)).toThrow(RangeError);
  });

  it('adds calendar days across month, leap-day and year boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });
});

describe('working days', () => {
  it('are Monday to Friday when there are no holidays', () => {
    expect(isWorkingDay('2026-11-20', none)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22', none)).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-23', none)).toBe(true); // Monday
  });

  it('exclude holidays and include make-up Saturdays', () => {
    expect(isWorkingDay('2026-04-30', vn)).toBe(false);
    expect(isWorkingDay('2026-04-27', vn)).toBe(false); // compensatory day for Hùng Kings' day on a Sunday
    expect(isWorkingDay('2026-01-02', vn)).toBe(false); // swapped
    expect(isWorkingDay('2026-01-10', vn)).toBe(true); // the Saturday worked for it
    expect(isWorkingDay('2026-01-10', none)).toBe(false);
  });

  it('do not count the start day: 3 working days from a Friday is the next Wednesday', () => {
    expect(addWorkingDays('2026-11-20', 3, none)).toBe('2026-11-25');
    expect(addWorkingDays('2026-11-21', 3, none)).toBe('2026-11-25'); // starting on Saturday
    expect(addWorkingDays('2026-11-18', 1, none)).toBe('2026-11-19');
  });

  it('put a step that starts the day before the Tết break after the break', () => {
    // Friday 13 February 2026 is the last working day before the break of 14–22 February.
    expect(addWorkingDays('2026-02-13', 3, vn)).toBe('2026-02-25');
    expect(addWorkingDays('2026-02-13', 1, vn)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-12', 3, vn)).toBe('2026-02-24');
    // Without the holidays the same step would have been due inside the break.
    expect(addWorkingDays('2026-02-13', 3, none)).toBe('2026-02-18');
  });

  it('skip the 2027 Tết break, which starts on a Thursday', () => {
    expect(addWorkingDays('2027-02-03', 1, vn)).toBe('2027-02-11');
    expect(addWorkingDays('2027-02-03', 5, vn)).toBe('2027-02-17');
  });

  it('cross the year boundary, including the New Year holiday', () => {
    expect(addWorkingDays('2026-12-31', 1, vn)).toBe('2027-01-04'); // Fri 1 Jan is a holiday, then a weekend
    expect(addWorkingDays('2026-12-30', 2, none)).toBe('2027-01-01');
    expect(addWorkingDays('2025-12-31', 1, vn)).toBe('2026-01-05'); // 1 Jan holiday, 2 Jan swapped, weekend
    expect(addWorkingDays('2026-01-08', 2, vn)).toBe('2026-01-10'); // the make-up Saturday counts
    expect(previousWorkingDay('2027-01-04', vn)).toBe('2026-12-31');
  });

  it('count 15 working days over the National Day break and its make-up Saturday', () => {
    // From Friday 21 Aug 2026: Sat 22 (make-up) 1, Mon 24–Fri 28 2–6, [29 Aug–2 Sep off], Thu 3–Fri 4 7–8,
    // Mon 7–Fri 11 9–13, Mon 14 and Tue 15 14–15.
    expect(addWorkingDays('2026-08-21', 15, vn)).toBe('2026-09-15');
    expect(addWorkingDays('2026-08-21', 15, none)).toBe('2026-09-11');
  });

  it('treat n = 0 as "on or after" and negative n as counting backwards', () => {
    expect(addWorkingDays('2026-11-21', 0, none)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-20', 0, none)).toBe('2026-11-20');
    expect(addWorkingDays('2026-02-24', -2, vn)).toBe('2026-02-13');
    expect(previousWorkingDay('2026-02-23', vn)).toBe('2026-02-13');
    expect(previousWorkingDay('2026-11-23', none)).toBe('2026-11-20');
    expect(() => addWorkingDays('2026-11-20', 1.5, none)).toThrow(RangeError);
  });

  it('find the next working day on or after a date', () => {
    expect(nextWorkingDayOnOrAfter('2026-02-16', vn)).toBe('2026-02-23');
    expect(nextWorkingDayOnOrAfter('2026-02-23', vn)).toBe('2026-02-23');
    expect(nextWorkingDayOnOrAfter('2026-08-29', vn)).toBe('2026-09-03');
  });

  it('count working days between two dates antisymmetrically', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-25', none)).toBe(3);
    expect(workingDaysBetween('2026-11-25', '2026-11-20', none)).toBe(-3);
    expect(workingDaysBetween('2026-11-20', '2026-11-20', none)).toBe(0);
    expect(workingDaysBetween('2026-02-13', '2026-02-23', vn)).toBe(1);
    const dates = ['2025-12-31', '2026-01-10', '2026-02-13', '2026-02-18', '2026-04-26', '2026-09-01', '2027-05-03'];
    for (const a of dates) {
      for (const b of dates) {
        expect(workingDaysBetween(a, b, vn) + workingDaysBetween(b, a, vn), `${a} ${b}`).toBe(0);
      }
    }
  });

  it('invert addWorkingDays for positive counts', () => {
    for (let n = 1; n <= 40; n++) {
      for (const start of ['2025-12-29', '2026-02-12', '2026-08-20', '2027-01-30']) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, vn), vn), `${start} + ${n}`).toBe(n);
      }
    }
  });
});

describe('the next transaction day', () => {
  it('is the fixed day of this month when it is still ahead and a working day', () => {
    expect(nextTransactionDay('2026-03-05', 17, vn)).toBe('2026-03-17'); // Tuesday
  });

  it('is strictly after the given date', () => {
    expect(nextTransactionDay('2026-03-17', 17, vn)).toBe('2026-04-17');
    expect(nextTransactionDay('2026-03-16', 17, vn)).toBe('2026-03-17');
  });

  it('moves to the next working day when the day is a weekend', () => {
    expect(nextTransactionDay('2026-01-05', 17, vn)).toBe('2026-01-19'); // Saturday 17 Jan → Monday
  });

  it('moves past a holiday break', () => {
    expect(nextTransactionDay('2026-02-01', 17, vn)).toBe('2026-02-23'); // 17 Feb 2026 is Lunar New Year's Day
    expect(nextTransactionDay('2026-04-20', 30, vn)).toBe('2026-05-04'); // 30 Apr holiday, 1 May holiday, weekend
    expect(nextTransactionDay('2026-04-20', 27, vn)).toBe('2026-04-28'); // compensatory Monday for Hùng Kings' day
  });

  it('compares with the moved date, so a session moved out of last month can still be next', () => {
    // The 17th of January 2026 is a Saturday: the session is on Monday 19th, still ahead on Sunday 18th.
    expect(nextTransactionDay('2026-01-18', 17, vn)).toBe('2026-01-19');
    // The 31st of January 2026 is a Saturday: January's session is Monday 2 February.
    expect(nextTransactionDay('2026-02-01', 31, vn)).toBe('2026-02-02');
    expect(nextTransactionDay('2026-02-02', 31, vn)).toBe('2026-03-02'); // Sat 28 Feb → Mon 2 Mar
  });

  it('uses the last day of short months for days 29–31', () => {
    expect(nextTransactionDay('2026-04-01', 31, none)).toBe('2026-04-30');
    expect(nextTransactionDay('2028-02-01', 31, none)).toBe('2028-02-29'); // leap year
    expect(nextTransactionDay('2027-02-10', 30, none)).toBe('2027-03-01'); // Sunday 28 Feb → Monday 1 March
  });

  it('crosses the year boundary', () => {
    expect(nextTransactionDay('2026-12-18', 17, vn)).toBe('2027-01-18'); // Sunday 17 Jan 2027 → Monday
    expect(nextTransactionDay('2026-12-30', 31, vn)).toBe('2026-12-31');
    expect(nextTransactionDay('2026-12-31', 31, vn)).toBe('2027-02-01'); // Sunday 31 Jan 2027 → Monday
    expect(nextTransactionDay('2026-12-15', 1, vn)).toBe('2027-01-04'); // 1 Jan holiday, then a weekend
  });

  it('rejects impossible days of the month', () => {
    expect(() => nextTransactionDay('2026-01-01', 0, none)).toThrow(RangeError);
    expect(() => nextTransactionDay('2026-01-01', 32, none)).toThrow(RangeError);
  });
});

describe('Vietnamese dates of instants (UTC+7, no daylight saving)', () => {
  it('changes date at 17:00 UTC', () => {
    expect(toVietnamDate(Date.UTC(2026, 1, 13, 16, 59, 59, 999))).toBe('2026-02-13');
    expect(toVietnamDate(Date.UTC(2026, 1, 13, 17, 0, 0, 0))).toBe('2026-02-14');
    expect(toVietnamDate(Date.UTC(2026, 11, 31, 17, 0))).toBe('2027-01-01');
    expect(toVietnamDate(Date.UTC(1969, 11, 31, 17, 0))).toBe('1970-01-01');
    expect(toVietnamDate(Date.UTC(1969, 11, 31, 16, 0))).toBe('1969-12-31');
  });

  it('gives the year in Vietnam, which the application code and the calendar of a submission take', () => {
    expect(vietnamYear(Date.UTC(2026, 11, 31, 16, 59))).toBe(2026);
    expect(vietnamYear(Date.UTC(2026, 11, 31, 18, 0))).toBe(2027);
  });

  it('gives the instants a Vietnamese day starts and ends', () => {
    expect(startOfVietnamDay('2026-02-24')).toBe(Date.UTC(2026, 1, 23, 17, 0));
    expect(endOfVietnamDay('2026-02-24')).toBe(Date.UTC(2026, 1, 24, 17, 0));
    expect(toVietnamDate(endOfVietnamDay('2026-12-31') - 1)).toBe('2026-12-31');
    expect(toVietnamDate(endOfVietnamDay('2026-12-31'))).toBe('2027-01-01');
  });
});

describe('the Vietnamese holiday data', () => {
  const expectedWeekday = {
    '2026-01-01': 4,
    '2026-02-16': 1,
    '2026-02-17': 2,
    '2026-04-26': SUN,
    '2026-04-30': 4,
    '2026-05-01': 5,
    '2026-09-02': 3,
    '2027-01-01': 5,
    '2027-02-06': SAT,
    '2027-04-16': 5,
    '2027-04-30': 5,
    '2027-05-01': SAT,
    '2027-09-02': 4,
  } as const;

  it('has the weekdays the announcements and the derivation state', () => {
    for (const [date, weekday] of Object.entries(expectedWeekday)) expect(dayOfWeek(date), date).toBe(weekday);
  });

  it('is consistent: weekend entries fall on weekends, days off in lieu on weekdays, make-up days on Saturdays', () => {
    for (const h of VIETNAMESE_PUBLIC_HOLIDAYS) {
      const weekend = [SAT, SUN].includes(dayOfWeek(h.date));
      expect(isIsoDate(h.date), h.date).toBe(true);
      expect(Number(h.date.slice(0, 4)), h.date).toBe(h.year);
      if (h.kind === 'break-weekend') expect(weekend, h.date).toBe(true);
      if (h.kind === 'compensatory' || h.kind === 'swapped') expect(weekend, h.date).toBe(false);
    }
    for (const d of VIETNAMESE_MAKE_UP_WORKING_DAYS) {
      expect(dayOfWeek(d.date), d.date).toBe(SAT);
      expect(vn.holidays, d.replaces).toContain(d.replaces);
    }
    const dates = VIETNAMESE_PUBLIC_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('gives every year 11 statutory days off, counting days in lieu for those on weekends', () => {
    for (const year of [2026, 2027]) {
      const calendar = vietnameseHolidayCalendar([year]);
      const weekdaysOff = calendar.holidays.filter((d) => ![SAT, SUN].includes(dayOfWeek(d))).length;
      const makeUps = calendar.makeUpWorkingDays?.length ?? 0;
      expect(weekdaysOff - makeUps, String(year)).toBe(11);
    }
  });

  it('selects years', () => {
    const only2027 = vietnameseHolidayCalendar([2027]);
    expect(only2027.holidays.every((d) => d.startsWith('2027-'))).toBe(true);
    expect(only2027.makeUpWorkingDays).toEqual([]);
    expect(isWorkingDay('2026-02-17', only2027)).toBe(true);
  });
});
