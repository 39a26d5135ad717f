/** The disbursement list of a transaction day as a worksheet: amounts as numbers, dates as date cells. */
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
} from '../forms/xlsx-kit.js';
import type { TransactionDay } from './transaction-day.js';

export async function writeTransactionDayXlsx(day: TransactionDay): Promise<Uint8Array> {
  return writeWorkbook({
    name: 'Danh sách giải ngân',
    columns: [
      ...LEAD_COLUMNS,
      { header: 'Thôn/Tổ dân phố', key: 'village', width: 20 },
      { header: 'Tổ TK&VV', key: 'group', width: 26 },
      amountColumn('Số tiền (đồng)', 16),
      RATE_COLUMN,
      termColumn(),
      { header: 'Ngày giao dịch', key: 'day', width: 14, format: 'date' },
      FINAL_DUE_COLUMN,
      { header: 'Ngày giải ngân', key: 'disbursed', width: 14, format: 'date' },
    ],
    rows: day.rows.map((row, i) => ({
      ...leadCells(i + 1, row.code, row.borrowerName),
      village: row.village ?? '',
      group: row.groupName,
      amount: row.amount,
      rate: row.annualRatePercent === '' ? null : Number(row.annualRatePercent),
      term: row.termMonths,
      day: dateCell(day.date),
      due: dateCell(row.finalDueOn),
      disbursed: dateCell(row.disbursedOn),
    })),
    totals: householdsTotals(day.totals.count, day.totals.amount),
  });
}
