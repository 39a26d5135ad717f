/** The disbursement list of a transaction day as a worksheet: amounts as numbers, dates as date cells. */
import { householdsTotal } from '../forms/form-kit.js';
import { LEAD_COLUMNS, dateCell, leadCells, writeWorkbook } from '../forms/xlsx-kit.js';
import type { TransactionDay } from './transaction-day.js';

export async function writeTransactionDayXlsx(day: TransactionDay): Promise<Uint8Array> {
  return writeWorkbook({
    name: 'Danh sách giải ngân',
    columns: [
      ...LEAD_COLUMNS,
      { header: 'Thôn/Tổ dân phố', key: 'village', width: 20 },
      { header: 'Tổ TK&VV', key: 'group', width: 26 },
      { header: 'Số tiền (đồng)', key: 'amount', width: 16, format: 'money' },
      { header: 'Lãi suất (%/năm)', key: 'rate', width: 14 },
      { header: 'Thời hạn (tháng)', key: 'term', width: 14 },
      { header: 'Ngày giao dịch', key: 'day', width: 14, format: 'date' },
      { header: 'Hạn trả nợ cuối cùng', key: 'due', width: 18, format: 'date' },
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
    totals: { name: householdsTotal(day.totals.count), amount: day.totals.amount },
  });
}
