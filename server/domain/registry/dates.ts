/** Dates as wards write them (dd/mm/yyyy) and as the registry keeps them (YYYY-MM-DD). */
import { normaliseText } from './format.js';

/** YYYY-MM-DD of a real calendar day, or null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** dd/mm/yyyy, d/m/yyyy (also with - or .), or YYYY-MM-DD; null when malformed or not a real day (31/02/2026). */
export function parseDateText(value: string): string | null {
  const text = normaliseText(value);
  const dmy = DMY.exec(text);
  if (dmy !== null) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = YMD.exec(text);
  if (ymd !== null) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return null;
}

/** YYYY-MM-DD → dd/mm/yyyy. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
