/** An XLSX workbook as tables, one per worksheet, keeping Excel's numbers and dates as such. */
import ExcelJS from 'exceljs';
import type { CellValue, SheetRow, Table } from './table.js';

function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? null
      : toCellValue(result);
  }
  if ('hyperlink' in value) return toCellValue(value.text as ExcelJS.CellValue);
  return null; // an error value such as #N/A
}

function readSheet(worksheet: ExcelJS.Worksheet, date1904: boolean): Table {
  const rows: SheetRow[] = [];
  const width = worksheet.columnCount;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // getCell, not row.values: a merged cell answers with the value of the merge's top-left cell.
    const cells = Array.from({ length: width }, (_, i) => toCellValue(row.getCell(i + 1).value));
    rows.push({ row: rowNumber, cells });
  });
  return { sheet: worksheet.name, rows, date1904 };
}

/** Throws when the bytes are not a readable workbook (the caller reports FILE_UNREADABLE). */
export async function readXlsx(bytes: Uint8Array): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const date1904 = workbook.properties.date1904 === true;
  return workbook.worksheets.map((worksheet) => readSheet(worksheet, date1904));
}
