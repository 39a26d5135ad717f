/**
 * Working-day arithmetic on Vietnamese calendar dates.
 *
 * Pure and deterministic so that it can run inside the Temporal workflow sandbox: dates are `YYYY-MM-DD`
 * strings converted to day numbers with integer arithmetic (no `Date`, no `Intl`, no host time zone).
 * Vietnam (Asia/Ho_Chi_Minh) is UTC+7 all year round, with no daylight saving time since 1975.
 */

/** A calendar date, `YYYY-MM-DD` (proleptic Gregorian). */
export type IsoDate = string;

/**
 * The days off and extra working days of one jurisdiction. Plain arrays so that it is JSON-serialisable and can
 * travel in workflow input; lookups build a `Set` internally.
 */
export interface HolidayCalendar {
  /** Days off that would otherwise be working days (public holidays, compensatory and swapped days off). */
  holidays: readonly IsoDate[];
  /**
   * Saturdays or Sundays declared working days in exchange for a swapped day off (ngày làm bù), e.g. Saturday
   * 2026-01-10 for Friday 2026-01-02. Optional: an empty calendar means Monday to Friday.
   */
  makeUpWorkingDays?: readonly IsoDate[];
}

/** Asia/Ho_Chi_Minh: UTC+7, no daylight saving time. */
export const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days in a month (`month` 1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date `n` calendar days after `date` (`n` may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return weekday(toDayNumber(date));
}

/**
 * A working day is Monday to Friday and not a holiday, or a make-up working day (ngày làm bù) of the calendar.
 */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return lookup(calendar)(toDayNumber(date));
}

/**
 * The date `n` working days after `start`. **The start day itself never counts**, whether or not it is a
 * working day: a step that becomes current on Thursday 2026-02-12 with a 3-working-day limit is due on
 * Tuesday 2026-02-24 (Friday 13th, then the Tết break 14–22 February, then Monday 23rd and Tuesday 24th).
 * A deadline falls due at the end of the returned day, Vietnamese time.
 *
 * `n = 0` gives {@link nextWorkingDayOnOrAfter}`(start)`; a negative `n` counts backwards the same way (the
 * `|n|`-th working day before `start`), so `addWorkingDays(due, -1)` is the working day before a due date.
 */
export function addWorkingDays(start: IsoDate, n: number, calendar: HolidayCalendar): IsoDate {
  assertInteger(n, 'n');
  const working = lookup(calendar);
  let day = toDayNumber(start);
  if (n === 0) {
    while (!working(day)) day += 1;
    return fromDayNumber(day);
  }
  const step = n > 0 ? 1 : -1;
  for (let remaining = Math.abs(n); remaining > 0;) {
    day += step;
    if (working(day)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: IsoDate, calendar: HolidayCalendar): IsoDate {
  return addWorkingDays(date, -1, calendar);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar: HolidayCalendar): IsoDate {
  return addWorkingDays(date, 0, calendar);
}

/**
 * Working days from `a` to `b`: the count of working days in `(a, b]` when `b` is later, minus the count in
 * `(b, a]` when `b` is earlier, 0 when equal. It is the inverse of {@link addWorkingDays} for positive `n`
 * (`workingDaysBetween(a, addWorkingDays(a, n)) === n`) and antisymmetric (`between(a, b) === -between(b, a)`);
 * a step decided on day `d` with due date `due` is `workingDaysBetween(due, d)` working days late when positive.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, calendar: HolidayCalendar): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  if (to < from) return -workingDaysBetween(b, a, calendar);
  const working = lookup(calendar);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (working(day)) count += 1;
  return count;
}

/**
 * The commune transaction point's next session: its fixed monthly `dayOfMonth` (1–31) **strictly after**
 * `after`, so an application approved on a transaction day waits for the next month's. In a month that is
 * too short the day is the month's last day (31 → 30 April, 28 or 29 February). A day that is not a
 * working day moves to the next working day, which may fall in the following month (or year); the
 * comparison with `after` uses the moved date.
 */
export function nextTransactionDay(after: IsoDate, dayOfMonth: number, calendar: HolidayCalendar): IsoDate {
  assertInteger(dayOfMonth, 'dayOfMonth');
  if (dayOfMonth < 1 || dayOfMonth > 31) throw new RangeError(`dayOfMonth must be 1–31, got ${dayOfMonth}`);
  const afterDay = toDayNumber(after);
  // Start a month early: last month's session, moved past a weekend or a Tết break, can still lie ahead
  // (31 January 2026 is a Saturday, so January's session on day 31 is Monday 2 February).
  let { year, month } = parts(after);
  [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  // The bound only guards against a calendar that declares whole months off.
  for (let tries = 0; tries < 26; tries++) {
    const nominal = dayNumberOf(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
    const session = toDayNumber(nextWorkingDayOnOrAfter(fromDayNumber(nominal), calendar));
    if (session > afterDay) return fromDayNumber(session);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  throw new RangeError(`No transaction day found within two years after ${after}`);
}

/** The calendar date in Vietnam (UTC+7) at an instant, e.g. `workflowInfo().startTime` or `Date.now()`. */
export function toVietnamDate(epochMs: number): IsoDate {
  return fromDayNumber(Math.floor((epochMs + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY));
}

/** The year in Vietnam: until 07:00 on 1 January, UTC is still in the year before. */
export const vietnamYear = (epochMs: number): number => Number(toVietnamDate(epochMs).slice(0, 4));

/** The instant a Vietnamese calendar day begins: 00:00 at UTC+7. */
export function startOfVietnamDay(date: IsoDate): number {
  return toDayNumber(date) * MS_PER_DAY - VIETNAM_UTC_OFFSET_MS;
}

/** The instant a Vietnamese calendar day ends (exclusive): 00:00 at UTC+7 on the next day. */
export function endOfVietnamDay(date: IsoDate): number {
  return startOfVietnamDay(date) + MS_PER_DAY;
}

function lookup(calendar: HolidayCalendar): (day: number) => boolean {
  const holidays = new Set(calendar.holidays.map(toDayNumber));
  const makeUp = new Set((calendar.makeUpWorkingDays ?? []).map(toDayNumber));
  return (day) => makeUp.has(day) || (weekday(day) >= 1 && weekday(day) <= 5 && !holidays.has(day));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function weekday(dayNumber: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  return dayNumberOf(year, month, day);
}

// Days since 1970-01-01 from a civil date and back (H. Hinnant's algorithms), integer-only and host-independent.
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range: day ${dayNumber}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
