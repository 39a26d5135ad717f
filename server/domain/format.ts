/**
 * How dates and money are written for people, in one place: pages and mails both use it. Pure functions.
 */
export type Lang = 'vi' | 'en';

/** 2027-01-18 (or a Date) → 18/01/2027, as dates are written in Vietnam; both languages write them so. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const iso = typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  return iso.split('-').reverse().join('/');
}

/** A date as Vietnam sees it (UTC+7), with the time: 18/01/2027 14:05. */
export function formatDateTime(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const local = new Date(date.getTime() + 7 * 3_600_000).toISOString();
  return `${formatDate(local)} ${local.slice(11, 16)}`;
}

/** 50000000 → "50.000.000 đ" in Vietnamese, "50,000,000 VND" in English. */
export function formatMoney(amount: number | bigint, lang: Lang): string {
  return lang === 'vi'
    ? `${new Intl.NumberFormat('vi-VN').format(amount)} đ`
    : `${new Intl.NumberFormat('en-US').format(amount)} VND`;
}

/** The mail templates' name for {@link formatDate}. */
export const viDate = (iso: string | null): string => formatDate(iso);
