/** The disbursement list of a transaction day as a worksheet: amounts as numbers, dates as date cells. */
import ExcelJS from 'exceljs';
import type { TransactionDay } from './transaction-day.js';

const dateCell = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export async function writeTransactionDayXlsx(day: TransactionDay): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách giải ngân', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Mã hồ sơ', key: 'code', width: 24, style: { numFmt: '@' } },
    { header: 'Họ và tên người vay', key: 'name', width: 28 },
    { header: 'Thôn/Tổ dân phố', key: 'village', width: 20 },
    { header: 'Tổ TK&VV', key: 'group', width: 26 },
    { header: 'Số tiền (đồng)', key: 'amount', width: 16, style: { numFmt: '#,##0' } },
    { header: 'Lãi suất (%/năm)', key: 'rate', width: 14 },
    { header: 'Thời hạn (tháng)', key: 'term', width: 14 },
    { header: 'Ngày giao dịch', key: 'day', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Hạn trả nợ cuối cùng', key: 'due', width: 18, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Ngày giải ngân', key: 'disbursed', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
  ];
  sheet.getRow(1).font = { bold: true };
  day.rows.forEach((row, i) => {
    sheet.addRow({
      n: i + 1,
      code: row.code,
      name: row.borrowerName,
      village: row.village ?? '',
      group: row.groupName,
      amount: row.amount,
      rate: row.annualRatePercent === '' ? null : Number(row.annualRatePercent),
      term: row.termMonths,
      day: dateCell(day.date),
      due: dateCell(row.finalDueOn),
      disbursed: row.disbursedOn ? dateCell(row.disbursedOn) : null,
    });
  });
  const total = sheet.addRow({ name: `Cộng: ${day.totals.count} hộ`, amount: day.totals.amount });
  total.font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
