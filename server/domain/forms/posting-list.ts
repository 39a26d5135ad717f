/**
 * The public posting list of a transaction day (danh sách công khai), posted at the commune transaction point:
 * the borrowers, their amounts, rates and final due dates. Pure.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDate, formatPercent } from '../format.js';
import type { TransactionDay } from '../transaction-days/index.js';
import { bankIssuer, formDocument, formHeader, householdsTotal, money, signingPart, totalsTable } from './form-kit.js';
import { wardLocality } from './transaction-day-list.js';

export function postingList(day: TransactionDay): TDocumentDefinitions {
  const rows = day.rows.map((row, i) => [
    String(i + 1),
    row.borrowerName,
    row.village ?? '',
    row.groupName,
    money(row.amount),
    row.annualRatePercent ? formatPercent(row.annualRatePercent, 'vi') : '',
    String(row.termMonths),
    formatDate(row.finalDueOn),
  ]);
  return formDocument(
    `Danh sách công khai ${day.ward.code} ${day.date}`,
    [
      formHeader({
        formCode: null,
        issuer: bankIssuer(day.ward.bankOfficeName),
        title: 'Danh sách công khai hộ vay vốn',
        subtitle: `Giải ngân ngày ${formatDate(day.date)} tại ${day.ward.transactionPoint}`,
        locality: wardLocality(day),
      }),
      totalsTable(
        [
          { header: 'STT', width: 26, align: 'center' },
          { header: 'Họ và tên người vay', width: '*' },
          { header: 'Thôn/Tổ dân phố', width: 100 },
          { header: 'Tổ TK&VV', width: 120 },
          { header: 'Số tiền vay', width: 88, align: 'right' },
          { header: 'Lãi suất (%/năm)', width: 56, align: 'center' },
          { header: 'Thời hạn (tháng)', width: 50, align: 'center' },
          { header: 'Hạn trả nợ cuối cùng', width: 70, align: 'center' },
        ],
        rows,
        ['', householdsTotal(day.totals.count), '', '', money(day.totals.amount), '', '', ''],
      ),
      {
        text: 'Danh sách được niêm yết công khai tại điểm giao dịch; mọi ý kiến xin phản ánh với tổ giao dịch hoặc UBND cấp xã.',
        italics: true,
        fontSize: 10,
      },
      signingPart(day.ward.name, day.date, [
        { title: 'Xác nhận của UBND cấp xã', note: '(Ký tên, đóng dấu)' },
        { title: 'Tổ trưởng tổ giao dịch' },
      ]),
    ],
    { landscape: true },
  );
}
