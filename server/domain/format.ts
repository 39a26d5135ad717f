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

const COMPACT_UNITS = [
  { size: 1_000_000_000, vi: 'tỷ', en: 'bn' },
  { size: 1_000_000, vi: 'tr', en: 'm' },
  { size: 1_000, vi: 'nghìn', en: 'k' },
] as const;

/**
 * An amount shortened for a chart's axis or bar: 1200000000 → "1,2 tỷ" / "1.2 bn", 850000000 → "850 tr" /
 * "850 m", with at most two decimals (an axis tick of 1,25 tỷ stays exact); below a thousand the amount as it is. The chart's table beside it gives
 * every amount in full ({@link formatMoney}).
 */
export function formatMoneyCompact(amount: number, lang: Lang): string {
  const sign = amount < 0 ? '-' : '';
  const size = Math.abs(amount);
  const unit = COMPACT_UNITS.find((candidate) => size >= candidate.size);
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 });
  if (!unit) return `${sign}${number.format(size)}${lang === 'vi' ? ' đ' : ''}`;
  return `${sign}${number.format(Math.round((size / unit.size) * 100) / 100)} ${unit[lang]}`;
}
