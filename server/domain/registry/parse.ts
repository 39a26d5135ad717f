/**
 * Import of a ward household list (CSV or XLSX): every valid household is returned, every invalid row is
 * reported with the spreadsheet's own row number, and a household with any invalid row is left out whole.
 * Pure: no I/O beyond the bytes given, no clock beyond `options.today`.
 */
import { REQUIRED_FIELDS, columnOf, type RegistryField } from './format.js';
import { assembleHousehold, checkCitizenIds, collectErrors, type Grouped } from './households.js';
import { registryError, type MessageParams } from './messages.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { readRow, type RowRecord } from './rows.js';
import { findHeader, type Header, type Table } from './table.js';
import type {
  ParseInput,
  ParseOptions,
  ParseResult,
  RegistryError,
  RegistryErrorCode,
  RegistryHousehold,
  RegistrySource,
} from './types.js';

const DEFAULT_MAX_ROWS = 100_000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const TEXT_EXTENSIONS = ['', 'csv', 'txt', 'tsv'];

type Detected = { format: 'csv' | 'xlsx' } | { format: 'unknown'; code: RegistryErrorCode; detail: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** By content first (an .xlsx is a ZIP), then by extension: a renamed file is still read for what it is. */
export function detectFormat(input: ParseInput): Detected {
  const match = /\.([^./\\]+)$/u.exec(input.fileName);
  const extension = match?.[1]?.toLowerCase() ?? '';
  const { bytes } = input;
  if (startsWith(bytes, ZIP_MAGIC)) {
    return extension === 'ods'
      ? { format: 'unknown', code: 'UNSUPPORTED_FORMAT', detail: 'OpenDocument .ods' }
      : { format: 'xlsx' };
  }
  if (startsWith(bytes, OLE_MAGIC))
    return { format: 'unknown', code: 'UNSUPPORTED_FORMAT', detail: 'Excel 97–2003 .xls' };
  if (extension === 'xlsx' || (input.contentType ?? '').includes('spreadsheetml')) {
    return { format: 'unknown', code: 'FILE_UNREADABLE', detail: 'not a valid .xlsx' };
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!TEXT_EXTENSIONS.includes(extension) || (!utf16 && bytes.subarray(0, 4096).includes(0))) {
    return { format: 'unknown', code: 'UNSUPPORTED_FORMAT', detail: extension === '' ? 'binary' : `.${extension}` };
  }
  return { format: 'csv' };
}

function fileError(
  code: RegistryErrorCode,
  params: MessageParams,
  at: { row: number; sheet?: string; column?: string },
) {
  return registryError(at, code, params, 'file');
}

function failed(source: RegistrySource, errors: RegistryError[]): ParseResult {
  return { households: [], errors, source };
}

/** Structural problems of a header: required columns missing, or two columns naming the same field. */
function checkHeader(header: Header, sheet: string | undefined): RegistryError[] {
  const at = (column: string) =>
    sheet === undefined ? { row: header.row, column } : { row: header.row, sheet, column };
  const missing: RegistryField[] = REQUIRED_FIELDS.filter((f) => !header.columns.has(f));
  const hasName = header.columns.has('fullName');
  if (!hasName && (header.columns.has('relationship') || !header.columns.has('headName'))) missing.push('fullName');
  return [
    ...missing.map((f) => fileError('MISSING_COLUMN', { column: columnOf(f).header }, at(columnOf(f).header))),
    ...header.duplicates.map((d) => fileError('DUPLICATE_COLUMN', { column: d.header }, at(d.header))),
  ];
}

/** Parse a household list; see README.md beside this file for the format. */
export async function parseRegistryFile(input: ParseInput, options: ParseOptions): Promise<ParseResult> {
  const detected = detectFormat(input);
  if (detected.format === 'unknown') {
    return failed({ format: 'unknown', dataRows: 0 }, [
      fileError(detected.code, { detail: detected.detail }, { row: 1 }),
    ]);
  }
  const source: RegistrySource = { format: detected.format, dataRows: 0 };
  let tables: Table[];
  try {
    if (detected.format === 'xlsx') tables = await readXlsx(input.bytes);
    else {
      const csv = readCsv(input.bytes);
      tables = [csv.table];
      source.encoding = csv.encoding;
      source.delimiter = csv.delimiter;
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown';
    return failed(source, [fileError('FILE_UNREADABLE', { detail }, { row: 1 })]);
  }
  return parseTables(tables, source, options);
}

function parseTables(tables: readonly Table[], source: RegistrySource, options: ParseOptions): ParseResult {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const withHeaders = tables.flatMap((table) => {
    const header = findHeader(table);
    return header === null ? [] : [{ table, header }];
  });
  if (withHeaders.length === 0) {
    const sheet = tables[0]?.sheet;
    return failed(source, [fileError('HEADER_NOT_FOUND', {}, sheet === undefined ? { row: 1 } : { row: 1, sheet })]);
  }
  const structural = withHeaders.flatMap(({ table, header }) => checkHeader(header, table.sheet));
  if (structural.length > 0) return failed(source, structural);

  const records: RowRecord[] = [];
  for (const { table, header } of withHeaders) {
    const context = { header, date1904: table.date1904 === true, today: options.today };
    for (const row of table.rows.slice(header.position + 1)) {
      const record = readRow(row, table.sheet === undefined ? context : { ...context, sheet: table.sheet });
      if (record === null) continue;
      source.dataRows += 1;
      if (source.dataRows > maxRows) {
        return failed(source, [fileError('TOO_MANY_ROWS', { limit: maxRows }, record.at)]);
      }
      records.push(record);
    }
  }

  const loose = records.filter((r) => r.householdId === '');
  const byId = new Map<string, Grouped>();
  for (const record of records) {
    if (record.householdId === '') continue;
    const grouped = byId.get(record.householdId) ?? { householdId: record.householdId, records: [] };
    grouped.records.push(record);
    byId.set(record.householdId, grouped);
  }
  const groups = [...byId.values()];
  checkCitizenIds(groups);
  const households: RegistryHousehold[] = groups.flatMap((g) => assembleHousehold(g, options.wardCode) ?? []);

  const sheetOrder = new Map(tables.map((t, i) => [t.sheet, i]));
  const errors = collectErrors(groups, loose).sort(
    (a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row,
  );
  return { households, errors, source };
}
