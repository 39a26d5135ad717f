/** A CSV file as a table: encoding and delimiter detected, row numbers as Excel shows them. */
import { parse } from 'csv-parse/sync';
import { decodeText, type TextEncoding } from './decode.js';
import { findHeader, type SheetRow, type Table } from './table.js';

export type Delimiter = ',' | ';' | '\t';

/** Excel in Vietnamese regional settings writes ';' (the decimal separator is ','); elsewhere ','; "Unicode text" tab. */
const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];
const SNIFF_LINES = 30;

export interface CsvTable {
  table: Table;
  encoding: TextEncoding;
  delimiter: Delimiter;
}

function parseRecords(text: string, delimiter: Delimiter, toLine?: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(toLine === undefined ? {} : { to_line: toLine }),
  }) as string[][];
}

/** The export guards cells that Excel would run as formulas with an apostrophe: take it off again. */
const unguard = (cell: string): string => (/^'[=+\-@\t\r]/u.test(cell) ? cell.slice(1) : cell);

function toTable(records: string[][], firstRow: number): Table {
  const rows: SheetRow[] = records.map((cells, i) => ({ row: firstRow + i, cells: cells.map(unguard) }));
  return { rows };
}

/** The delimiter under which a header row is found with the most known columns; else the most frequent one. */
function sniffDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of DELIMITERS) {
    let score = 0;
    try {
      score = findHeader(toTable(parseRecords(text, delimiter, SNIFF_LINES), 1))?.columns.size ?? 0;
    } catch {
      score = 0;
    }
    if (score > 0 && (best === null || score > best.score)) best = { delimiter, score };
  }
  if (best !== null) return best.delimiter;
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const count = (d: Delimiter) => firstLine.split(d).length;
  return [...DELIMITERS].sort((a, b) => count(b) - count(a))[0] ?? ';';
}

/** Throws when the CSV cannot be parsed at all (the caller reports FILE_UNREADABLE). */
export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeText(bytes);
  // Excel's own hint line: it names the delimiter and Excel hides it, so row 1 is the line after it.
  const hint = /^sep=(.)\r?\n/iu.exec(text);
  const body = hint === null ? text : text.slice(hint[0].length);
  const hinted = hint?.[1];
  const delimiter = hinted === ',' || hinted === ';' || hinted === '\t' ? hinted : sniffDelimiter(body);
  return { table: toTable(parseRecords(body, delimiter), 1), encoding, delimiter };
}
