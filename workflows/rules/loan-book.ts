/**
 * The arithmetic of a loan after disbursement: its repayment schedule, monthly interest, overdue interest and
 * the whole outstanding. Pure and integer-only (BigInt inside, whole VND out), so the loan workflow computes it
 * deterministically and unit tests check it by hand.
 *
 * Day count: the bank's monthly convention. A month of interest is a twelfth of the annual rate whatever its
 * days, and a day is a thirtieth of a month (annual rate / 360), so overdue interest and the accrued part of a
 * month on early repayment count actual calendar days at 1/360 of the annual rate.
 */
import { addDays, daysInMonth, type IsoDate } from '../calendar/working-days.js';

/** Overdue principal bears 130% of the loan's rate. */
export const OVERDUE_RATE_PERCENT = 130n;

/** The annual rate `"6.6000"` (percent) as parts per million of a whole: 66 000. */
export function ratePpm(annualRatePercent: string): bigint {
  const [whole = '0', fraction = ''] = annualRatePercent.trim().split('.');
  return BigInt(whole) * 10_000n + BigInt((fraction + '0000').slice(0, 4));
}

/** `numerator / denominator` rounded half up; both positive. */
function roundDiv(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/** The same day of the month `months` later, or the month's last day when it has fewer days. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Calendar days from `from` to `to` (0 on the same day, negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export { addDays };

export interface ScheduledInstalment {
  no: number;
  dueOn: IsoDate;
  principal: number;
}

/**
 * Principal in equal instalments, one every `instalmentMonths` from disbursement, the last on the term's end;
 * each instalment is the amount divided by their number rounded down to whole VND, the remainder on the last.
 */
export function scheduleInstalments(
  amount: number,
  termMonths: number,
  instalmentMonths: number,
  disbursedOn: IsoDate,
): ScheduledInstalment[] {
  const period = Math.max(1, Math.min(instalmentMonths, termMonths));
  const count = Math.ceil(termMonths / period);
  const each = Math.floor(amount / count);
  return Array.from({ length: count }, (_, i) => ({
    no: i + 1,
    dueOn: addMonths(disbursedOn, Math.min((i + 1) * period, termMonths)),
    principal: i === count - 1 ? amount - each * (count - 1) : each,
  }));
}

/** One month's interest on the principal outstanding at the start of the month: principal × rate / 12. */
export function monthlyInterest(principal: number, rate: bigint): number {
  if (principal <= 0) return 0;
  return roundDiv(BigInt(principal) * rate, 12_000_000n);
}

/** Interest for `days` calendar days at the loan's rate (1/360 of a year per day). */
export function interestForDays(principal: number, rate: bigint, days: number): number {
  if (principal <= 0 || days <= 0) return 0;
  return roundDiv(BigInt(principal) * rate * BigInt(days), 360_000_000n);
}

/** Overdue interest: 130% of the rate on the overdue principal, for each day past the due date. */
export function overdueInterest(principal: number, rate: bigint, days: number): number {
  if (principal <= 0 || days <= 0) return 0;
  return roundDiv(BigInt(principal) * rate * OVERDUE_RATE_PERCENT * BigInt(days), 36_000_000_000n);
}
