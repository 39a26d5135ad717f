/**
 * A year's holidays and make-up working days as an administrator types them, one per line:
 * `dd/mm/yyyy Tên ngày lễ`, optionally followed by `| English name` (the Vietnamese name serves otherwise).
 * Pure, so that the page can say which line is wrong before the API's schema sees the days.
 */
import type { Bilingual } from '../../workflows/domain.js';

export interface CalendarLine {
  /** 1-based, as an editor counts lines (blank lines count too). */
  line: number;
  date: string;
  nameVi: string;
  nameEn: string;
}

export type LineProblem = 'format' | 'date' | 'year' | 'name' | 'repeated';

export const LINE_PROBLEMS: Record<LineProblem, Bilingual> = {
  format: {
    vi: 'Dòng {line}: viết ngày theo dạng dd/mm/yyyy rồi đến tên ngày, ví dụ "01/01/2027 Tết Dương lịch".',
    en: 'Line {line}: write the date as dd/mm/yyyy, then the name, e.g. "01/01/2027 New Year\'s Day".',
  },
  date: { vi: 'Dòng {line}: ngày {date} không có thật.', en: 'Line {line}: {date} is not a real date.' },
  year: { vi: 'Dòng {line}: ngày {date} không thuộc năm {year}.', en: 'Line {line}: {date} is not in {year}.' },
  name: { vi: 'Dòng {line}: thiếu tên ngày.', en: 'Line {line}: the name of the day is missing.' },
  repeated: {
    vi: 'Dòng {line}: ngày {date} đã có ở dòng khác.',
    en: 'Line {line}: {date} is already on another line.',
  },
};

/** A refusal of the API's schema (a name too long), said of its line. */
export const LINE_MESSAGE: Bilingual = { vi: 'Dòng {line}: {message}', en: 'Line {line}: {message}' };

export interface LinesRefused {
  line: number;
  problem: LineProblem;
  date: string;
}

const LINE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(.*))?$/;

function isoDate(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The days on the lines (blank lines skipped), or the first line that is wrong and why. */
export function parseCalendarLines(
  text: string,
  year: number,
  seen: Set<string> = new Set(),
): { days: CalendarLine[] } | { refused: LinesRefused } {
  const days: CalendarLine[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const match = LINE.exec(trimmed);
    if (!match) return { refused: { line, problem: 'format', date: '' } };
    const [, d, m, y, rest = ''] = match;
    const written = `${d}/${m}/${y}`;
    const date = isoDate(Number(d), Number(m), Number(y));
    if (!date) return { refused: { line, problem: 'date', date: written } };
    if (Number(y) !== year) return { refused: { line, problem: 'year', date: written } };
    if (seen.has(date)) return { refused: { line, problem: 'repeated', date: written } };
    const [vi = '', en = ''] = rest.split('|').map((part) => part.trim());
    if (vi === '') return { refused: { line, problem: 'name', date: written } };
    seen.add(date);
    days.push({ line, date, nameVi: vi, nameEn: en || vi });
  }
  return { days };
}

/** The lines for days already loaded, so that the form starts from what the year holds. */
export function calendarLines(days: readonly Omit<CalendarLine, 'line'>[]): string {
  return days
    .map((day) => {
      const [y, m, d] = day.date.split('-');
      const names = day.nameEn && day.nameEn !== day.nameVi ? `${day.nameVi} | ${day.nameEn}` : day.nameVi;
      return `${d}/${m}/${y} ${names}`;
    })
    .join('\n');
}
