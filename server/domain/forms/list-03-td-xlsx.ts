/** List 03/TD as a worksheet: one row per household proposed, amounts as numbers, and the "Cộng" row. */
import type { List03 } from '../batches/index.js';
import { categoryName } from './meeting-labels.js';
import { LEAD_COLUMNS, amountColumn, householdsTotals, leadCells, termColumn, writeWorkbook } from './xlsx-kit.js';

export async function writeList03Xlsx(list: List03): Promise<Uint8Array> {
  return writeWorkbook({
    name: 'Danh sách 03-TD',
    columns: [
      ...LEAD_COLUMNS,
      { header: 'Đối tượng thụ hưởng', key: 'category', width: 28 },
      { header: 'Chương trình cho vay', key: 'program', width: 14 },
      amountColumn('Số tiền đề nghị vay (đồng)', 18),
      { header: 'Mục đích sử dụng vốn vay', key: 'purpose', width: 32 },
      termColumn(12),
    ],
    rows: list.rows.map((row) => ({
      ...leadCells(row.no, row.applicationCode, row.borrowerName),
      category: categoryName(row.householdCategory),
      program: row.programCode,
      amount: row.amount,
      purpose: row.purpose,
      term: row.termMonths,
    })),
    totals: householdsTotals(list.total.households, list.total.amount),
  });
}
