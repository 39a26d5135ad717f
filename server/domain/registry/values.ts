/** Cell values to registry values: citizen ids that Excel mangled, dates as text, date cells or serials. */
import { isoDate, parseDateText } from './dates.js';
import { cellText, type CellValue } from './table.js';

export type CitizenIdResult =
  { ok: true; citizenId: string } | { ok: false; code: 'CCCD_INVALID' | 'CCCD_SCIENTIFIC_NOTATION'; shown: string };

/**
 * A 12-digit CCCD. The first three digits are a province code (001–096), so every CCCD starts with 0 and
 * Excel, taking it for a number, drops that zero (two for provinces 001–009): 10 or 11 digits are padded back.
 * A number Excel showed in scientific notation ("3.41850E+11") lost digits for good and is refused.
 */
export function readCitizenId(cell: CellValue): CitizenIdResult {
  if (typeof cell === 'number') {
    const shown = String(cell);
    if (!Number.isSafeInteger(cell) || cell < 0) return { ok: false, code: 'CCCD_INVALID', shown };
    return padCitizenId(shown);
  }
  const shown = cellText(cell);
  // ="034185001234" keeps the zero when Excel opens a CSV; a leading apostrophe marks text in Excel.
  const text = shown
    .replace(/^="(.*)"$/u, '$1')
    .replace(/^'/u, '')
    .replace(/\s/gu, '');
  if (/^\d+(?:[.,]\d+)?e\+?\d+$/iu.test(text)) return { ok: false, code: 'CCCD_SCIENTIFIC_NOTATION', shown };
  if (!/^\d+$/u.test(text)) return { ok: false, code: 'CCCD_INVALID', shown };
  return padCitizenId(text);
}

function padCitizenId(digits: string): CitizenIdResult {
  if (digits.length === 12) return { ok: true, citizenId: digits };
  if (digits.length === 10 || digits.length === 11) return { ok: true, citizenId: digits.padStart(12, '0') };
  return { ok: false, code: 'CCCD_INVALID', shown: digits };
}

/** Digit 4 codes sex and century (0/1: 1900s, 2/3: 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 1800s); digits 5–6 the year. */
const CENTURY_BY_CODE = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800] as const;

export function citizenIdBirthYear(citizenId: string): number {
  const century = CENTURY_BY_CODE[Number(citizenId[3])] ?? 1900;
  return century + Number(citizenId.slice(4, 6));
}

export function citizenIdMatchesBirthDate(citizenId: string, birthDate: string): boolean {
  return citizenIdBirthYear(citizenId) === Number(birthDate.slice(0, 4));
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function fromUtc(ms: number): string | null {
  const date = new Date(ms);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * An ISO date from dd/mm/yyyy text, an Excel date cell (read as UTC midnight), or a bare Excel serial number
 * (a date column formatted as General); null when it is none of them or not a real day.
 */
export function readDate(cell: CellValue, date1904 = false): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : fromUtc(cell.getTime());
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return null;
    return fromUtc((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(cell) * MS_PER_DAY);
  }
  return parseDateText(cellText(cell));
}

/** Whole years from `birthDate` to `today`, both YYYY-MM-DD. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** How a cell reads back to the officer in a message: dates as dd/mm/yyyy. */
export function shownValue(cell: CellValue): string {
  if (cell instanceof Date) {
    return `${String(cell.getUTCDate()).padStart(2, '0')}/${String(cell.getUTCMonth() + 1).padStart(2, '0')}/${cell.getUTCFullYear()}`;
  }
  return cellText(cell);
}
