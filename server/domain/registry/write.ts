/**
 * Export of a ward household list in the import format: one row per person, head first, household-level
 * columns repeated on every row, so an export imports back to the same households.
 */
import ExcelJS from 'exceljs';
import { writeCsv } from '../csv.js';
import { formatDate } from './dates.js';
import { HEAD_RELATIONSHIP, REGISTRY_FIELDS, categoryLabel, columnOf, type RegistryField } from './format.js';
import type { RegistryHousehold } from './types.js';

/** The exported columns, in order: every column but the head's name, which the head's own row carries. */
export const EXPORT_FIELDS: readonly RegistryField[] = REGISTRY_FIELDS.filter((field) => field !== 'headName');
const DATE_FIELDS: ReadonlySet<RegistryField> = new Set(['birthDate', 'listedOn', 'expiresOn']);

type Row = Record<RegistryField, string>;

function toRows(households: readonly RegistryHousehold[]): Row[] {
  return households.flatMap((h) => {
    const shared = {
      householdId: h.householdId,
      village: h.village ?? '',
      category: categoryLabel(h.category),
      listedOn: h.listedOn,
      expiresOn: h.expiresOn,
      headName: '',
    };
    const people = [{ ...h.head, relationship: HEAD_RELATIONSHIP }, ...h.members];
    return people.map((p) => ({
      ...shared,
      fullName: p.fullName,
      relationship: p.relationship,
      citizenId: p.citizenId ?? '',
      birthDate: p.birthDate,
    }));
  });
}

export interface CsvOptions {
  /** ';' by default: Excel with Vietnamese regional settings splits on ';'. Import accepts ';', ',' and tab. */
  delimiter?: ';' | ',' | '\t';
}

/** UTF-8 with a BOM (so Excel reads the accents), CRLF line ends, dates as dd/mm/yyyy. */
export function writeRegistryCsv(households: readonly RegistryHousehold[], options: CsvOptions = {}): Uint8Array {
  const header = EXPORT_FIELDS.map((f) => columnOf(f).header);
  const body = toRows(households).map((row) =>
    EXPORT_FIELDS.map((f) => (DATE_FIELDS.has(f) ? formatDate(row[f]) : row[f])),
  );
  return new TextEncoder().encode(writeCsv(header, body, { delimiter: options.delimiter ?? ';', lineEnd: 'crlf' }));
}

const WIDTHS: Partial<Record<RegistryField, number>> = { fullName: 28, relationship: 18, village: 20, category: 26 };

/** One worksheet; citizen ids and household ids as text (no lost zeros), dates as real date cells. */
export async function writeRegistryXlsx(households: readonly RegistryHousehold[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách hộ', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_FIELDS.map((f) => ({
    header: columnOf(f).header,
    key: f,
    width: WIDTHS[f] ?? 16,
    style: DATE_FIELDS.has(f) ? { numFmt: 'dd/mm/yyyy' } : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of toRows(households)) {
    sheet.addRow(
      EXPORT_FIELDS.map((f) => {
        if (!DATE_FIELDS.has(f)) return row[f] === '' ? null : row[f];
        const [year, month, day] = row[f].split('-').map(Number);
        return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
      }),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_FIELDS.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
