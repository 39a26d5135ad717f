/**
 * The disbursement list of one transaction day at one ward's transaction point (danh sách giải ngân): every
 * approved loan scheduled there, with the borrower's signature column for the cash handed over. Pure.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDate } from '../format.js';
import type { TransactionDay } from '../transaction-days/index.js';
import { bankIssuer, formDocument, formHeader, householdsTotal, money, signingPart, totalsTable } from './form-kit.js';

/** Where a transaction day's lists are for: the ward, its district and province. */
export const wardLocality = (day: TransactionDay): string =>
  `${day.ward.name}, ${day.ward.district}, ${day.ward.province}`;

export function transactionDayList(day: TransactionDay): TDocumentDefinitions {
  const rows = day.rows.map((row, i) => [
    String(i + 1),
    row.borrowerName,
    row.groupName,
    row.code,
    money(row.amount),
    String(row.termMonths),
    row.disbursedOn ? `Đã giải ngân ${formatDate(row.disbursedOn)}` : '',
    '',
  ]);
  return formDocument(
    `Danh sách giải ngân ${day.ward.code} ${day.date}`,
    [
      formHeader({
        formCode: null,
        issuer: bankIssuer(day.ward.bankOfficeName),
        title: 'Danh sách giải ngân',
        subtitle: `Ngày giao dịch ${formatDate(day.date)} – ${day.ward.transactionPoint}`,
        locality: wardLocality(day),
      }),
      totalsTable(
        [
          { header: 'STT', width: 26, align: 'center' },
          { header: 'Họ và tên người vay', width: '*' },
          { header: 'Tổ TK&VV', width: 120 },
          { header: 'Mã hồ sơ', width: 118 },
          { header: 'Số tiền giải ngân', width: 88, align: 'right' },
          { header: 'Thời hạn (tháng)', width: 46, align: 'center' },
          { header: 'Tình trạng', width: 80 },
          { header: 'Người vay ký nhận', width: 70 },
        ],
        rows,
        [
          '',
          householdsTotal(day.totals.count),
          '',
          '',
          money(day.totals.amount),
          '',
          `${day.totals.disbursedCount} đã giải ngân`,
          '',
        ],
      ),
      {
        text: `Đã giải ngân ${day.totals.disbursedCount}/${day.totals.count} hộ, số tiền ${money(day.totals.disbursedAmount)}.`,
      },
      signingPart(day.ward.name, day.date, [
        { title: 'Người lập biểu' },
        { title: 'Kiểm soát' },
        { title: 'Tổ trưởng tổ giao dịch' },
      ]),
    ],
    { landscape: true },
  );
}
