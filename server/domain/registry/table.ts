/** The common shape of a CSV file and an XLSX worksheet, and how the header row is found in it. */
import { matchHeader, normaliseText, type RegistryField } from './format.js';

/** What a cell holds: CSV cells are always text; XLSX cells may be numbers or dates. */
export type CellValue = string | number | Date | null;

export interface SheetRow {
  /** The spreadsheet's own row number, 1-based. */
  row: number;
  cells: CellValue[];
}

export interface Table {
  /** XLSX worksheet name; undefined for CSV. */
  sheet?: string;
  rows: SheetRow[];
  /** XLSX only: the workbook counts serial dates from 1904 (old Mac Excel). */
  date1904?: boolean;
}

export interface HeaderColumn {
  index: number;
  /** As written in the file. */
  header: string;
}

export interface Header {
  /** Index into `Table.rows` of the header row. */
  position: number;
  row: number;
  columns: Map<RegistryField, HeaderColumn>;
  /** Further columns naming a field already taken. */
  duplicates: HeaderColumn[];
}

/** Title rows ("DANH SÁCH HỘ NGHÈO NĂM 2026", "UBND xã …") often stand above the header. */
const HEADER_SCAN_ROWS = 20;
const MIN_HEADER_FIELDS = 4;

export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return normaliseText(String(cell));
}

function readHeader(row: SheetRow, position: number): Header {
  const columns = new Map<RegistryField, HeaderColumn>();
  const duplicates: HeaderColumn[] = [];
  row.cells.forEach((cell, index) => {
    const header = cellText(cell);
    const field = matchHeader(header);
    if (field === null) return;
    if (columns.has(field)) duplicates.push({ index, header });
    else columns.set(field, { index, header });
  });
  return { position, row: row.row, columns, duplicates };
}

/** The first row among the first few that names "Mã hộ" and enough other columns; null when none does. */
export function findHeader(table: Table): Header | null {
  for (const [position, row] of table.rows.slice(0, HEADER_SCAN_ROWS).entries()) {
    const header = readHeader(row, position);
    if (header.columns.has('householdId') && header.columns.size >= MIN_HEADER_FIELDS) return header;
  }
  return null;
}
