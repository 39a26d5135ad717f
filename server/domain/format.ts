/**
 * How dates and money are written for people, in one place: pages and mails both use it. Pure functions.
 */
export type Lang = 'vi' | 'en';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** A moment as Vietnam's wall clock (UTC+7, no daylight saving), as YYYY-MM-DDTHH:MM. */
function inVietnam(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * 2027-01-18 → 18/01/2027, as dates are written in Vietnam (both languages write them so). A calendar date is
 * taken as it is; a moment (a Date, or an ISO timestamp) is the day it was in Vietnam.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const day = typeof value === 'string' && value.length === 10 ? value : inVietnam(value).slice(0, 10);
  return day.split('-').reverse().join('/');
}

/** A moment as Vietnam saw it, with the time: 18/01/2027 14:05. */
export function formatDateTime(value: Date | string): string {
  const local = inVietnam(value);
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** An interest rate: "6,6%" in Vietnamese (decimal comma), "6.6%" in English. */
export function formatPercent(rate: string | number, lang: Lang): string {
  const value = typeof rate === 'number' ? rate : Number(rate);
  return `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 4 }).format(value)}%`;
}

/**
 * 50000000 → "50.000.000 đ" in Vietnamese, "50,000,000 VND" in English. A letter writes the currency out:
 * "50.000.000 đồng".
 */
export function formatMoney(amount: number | bigint, lang: Lang, style: 'short' | 'letter' = 'short'): string {
  if (lang === 'en') return `${new Intl.NumberFormat('en-US').format(amount)} VND`;
  return `${new Intl.NumberFormat('vi-VN').format(amount)} ${style === 'letter' ? 'đồng' : 'đ'}`;
}

/** The mail templates' name for {@link formatDate}. */
export const viDate = (iso: string | null): string => formatDate(iso);
