/**
 * The worksheets every form's XLSX shares: the header row bold and frozen, one row per entry, a bold totals row.
 * Amounts are numbers with a thousands format and dates are date cells, so the sheet sums and sorts; text is
 * NFC-normalised as on the PDFs.
 */
import ExcelJS from 'exceljs';
import { householdsTotal } from './form-kit.js';

export type CellFormat = 'text' | 'number' | 'money' | 'date';

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
  format?: CellFormat;
}

export type SheetRow = Partial<Record<string, string | number | Date | null>>;

const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: '@',
  number: undefined,
  money: '#,##0',
  date: 'dd/mm/yyyy',
};

const normaliseRow = (row: SheetRow): SheetRow =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? value.normalize('NFC') : value]),
  );

/** A calendar date (YYYY-MM-DD) as a date cell, or an empty cell. */
export const dateCell = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The columns every form's sheet opens with: the row number, the application's code, the borrower. */
export const LEAD_COLUMNS = [
  { header: 'STT', key: 'no', width: 6 },
  { header: 'Mã hồ sơ', key: 'code', width: 24, format: 'text' },
  { header: 'Họ và tên người vay', key: 'name', width: 28 },
] as const satisfies readonly SheetColumn[];

export const leadCells = (no: number, code: string, name: string): SheetRow => ({ no, code, name });

/** The columns of a loan's terms, named as the forms name them (key `amount`, `rate`, `term`, `due`). */
export const amountColumn = (header: string, width: number): SheetColumn => ({
  header,
  key: 'amount',
  width,
  format: 'money',
});
export const RATE_COLUMN: SheetColumn = { header: 'Lãi suất (%/năm)', key: 'rate', width: 14 };
export const termColumn = (width = 14): SheetColumn => ({ header: 'Thời hạn (tháng)', key: 'term', width });
export const FINAL_DUE_COLUMN: SheetColumn = { header: 'Hạn trả nợ cuối cùng', key: 'due', width: 18, format: 'date' };

/** The bold "Cộng" row of a list of households: their number under the names, their amount under the amounts. */
export const householdsTotals = (households: number, amount: number): SheetRow => ({
  name: householdsTotal(households),
  amount,
});

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly SheetRow[];
  /** The bold "Cộng" row under the rows, when the sheet has one. */
  totals?: SheetRow;
}

function addTableSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.format ?? 'number'];
    return { header: column.header, key: column.key, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of spec.rows) sheet.addRow(normaliseRow(row));
  if (spec.totals) sheet.addRow(normaliseRow(spec.totals)).font = { bold: true };
}

/** A workbook of the given sheets, each with its header on row 1 (frozen), its rows and its totals row. */
export async function writeWorkbook(...sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) addTableSheet(workbook, sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
