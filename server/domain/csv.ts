/**
 * The one CSV writer behind every export. A spreadsheet runs a cell that starts with = + - @ (or a tab or CR
 * before one) as a formula, so a borrower's or officer's text like `=HYPERLINK(...)` would become a live link;
 * such a cell gets a leading apostrophe, which Excel and LibreOffice show as text (the registry import strips it).
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  delimiter?: ';' | ',' | '\t';
  /** CRLF (as Excel writes) or LF. */
  lineEnd?: 'crlf' | 'lf';
}

const FORMULA_START = /^[=+\-@\t\r]/u;

/** The cell as text that a spreadsheet shows and never evaluates. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A header row and records as CSV text, UTF-8 with a byte-order mark so spreadsheet programs read the
 * Vietnamese accents. Text cells are neutralised; numbers are written as numbers.
 */
export function writeCsv(
  header: readonly string[],
  records: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const cell = (value: CsvCell): string => (typeof value === 'number' ? String(value) : neutraliseFormula(value ?? ''));
  const text = stringify([header.map(cell), ...records.map((record) => record.map(cell))], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: options.lineEnd === 'crlf' ? 'windows' : 'unix',
  });
  return `\uFEFF${text}`;
}
