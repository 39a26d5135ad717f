/** Notice 04/TD as a workbook: the approved loans (with the total) on one sheet, the refused rows on another. */
import type { Notice04Data } from './notice-04-td-data.js';
import { REFUSAL_WORDS } from './notice-04-td.js';
import {
  FINAL_DUE_COLUMN,
  LEAD_COLUMNS,
  RATE_COLUMN,
  amountColumn,
  dateCell,
  householdsTotals,
  leadCells,
  termColumn,
  writeWorkbook,
} from './xlsx-kit.js';

export async function writeNotice04Xlsx(notice: Notice04Data): Promise<Uint8Array> {
  return writeWorkbook(
    {
      name: 'Được phê duyệt',
      columns: [
        ...LEAD_COLUMNS,
        { header: 'Chương trình cho vay', key: 'program', width: 28 },
        amountColumn('Số tiền cho vay (đồng)', 18),
        RATE_COLUMN,
        termColumn(),
        FINAL_DUE_COLUMN,
        { header: 'Ngày giải ngân', key: 'day', width: 14, format: 'date' },
        { header: 'Điểm giao dịch', key: 'point', width: 30 },
      ],
      rows: notice.approved.map((row) => ({
        ...leadCells(row.no, row.applicationCode, row.borrowerName),
        program: row.programName,
        amount: row.amount,
        rate: Number(row.annualRatePercent),
        term: row.termMonths,
        due: dateCell(row.finalDueDate),
        day: dateCell(notice.transactionDay),
        point: notice.transactionPoint ?? '',
      })),
      totals: householdsTotals(notice.total.households, notice.total.amount),
    },
    {
      name: 'Không được phê duyệt',
      columns: [
        ...LEAD_COLUMNS,
        { header: 'Kết quả', key: 'outcome', width: 20 },
        { header: 'Lý do', key: 'reason', width: 50 },
      ],
      rows: notice.refused.map((row) => ({
        ...leadCells(row.no, row.applicationCode, row.borrowerName),
        outcome: REFUSAL_WORDS[row.outcome],
        reason: row.reason,
      })),
    },
  );
}
