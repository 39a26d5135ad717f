/**
 * Notice 04/TD, "Thông báo kết quả phê duyệt cho vay": the bank's answer to a group's list, once its manager has
 * confirmed the batch. The loans approved (amount, rate, term, final due date) with their total, when and where
 * the borrowers come for the money, the rows refused with their reasons, and the bank's signatures. Pure.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDate, formatPercent } from '../format.js';
import {
  addressedTo,
  bankIssuer,
  formDocument,
  formHeader,
  householdsTotal,
  money,
  sectionHeading,
  signingPart,
  totalsTable,
} from './form-kit.js';
import type { Notice04Data } from './notice-04-td-data.js';

export const REFUSAL_WORDS: Record<Notice04Data['refused'][number]['outcome'], string> = {
  return: 'Trả lại để bổ sung',
  reject: 'Từ chối cho vay',
};

function approvedPart(notice: Notice04Data): Content {
  return [
    sectionHeading('1. Các hộ được phê duyệt cho vay'),
    totalsTable(
      [
        { header: 'STT', width: 22, align: 'center' },
        { header: 'Họ và tên người vay', width: '*' },
        { header: 'Chương trình cho vay', width: 84 },
        { header: 'Số tiền cho vay', width: 76, align: 'right' },
        { header: 'Lãi suất (%/năm)', width: 42, align: 'center' },
        { header: 'Thời hạn (tháng)', width: 40, align: 'center' },
        { header: 'Hạn trả nợ cuối cùng', width: 58, align: 'center' },
      ],
      notice.approved.map((row) => [
        String(row.no),
        row.borrowerName,
        row.programName,
        money(row.amount),
        formatPercent(row.annualRatePercent, 'vi'),
        String(row.termMonths),
        formatDate(row.finalDueDate),
      ]),
      ['', householdsTotal(notice.total.households), '', money(notice.total.amount), '', '', ''],
    ),
    {
      text: [
        'Thời gian và địa điểm giải ngân: ',
        {
          text: notice.transactionDay
            ? `ngày ${formatDate(notice.transactionDay)} tại ${notice.transactionPoint ?? 'điểm giao dịch xã'}`
            : '……………………………',
          bold: true,
        },
        '. Người vay mang theo căn cước công dân đến nhận tiền vay.',
      ],
    },
  ];
}

function refusedPart(notice: Notice04Data): Content {
  return [
    sectionHeading('2. Các hộ không được phê duyệt'),
    notice.refused.length === 0
      ? { text: 'Không có.', italics: true }
      : totalsTable(
          [
            { header: 'STT', width: 22, align: 'center' },
            { header: 'Họ và tên người vay', width: 108 },
            { header: 'Mã hồ sơ', width: 116 },
            { header: 'Kết quả', width: 70 },
            { header: 'Lý do', width: '*' },
          ],
          notice.refused.map((row) => [
            String(row.no),
            row.borrowerName,
            row.applicationCode,
            REFUSAL_WORDS[row.outcome],
            row.reason,
          ]),
        ),
  ];
}

export function notice04Td(notice: Notice04Data): TDocumentDefinitions {
  const leader = notice.group.leaderName ? ` (Tổ trưởng: ${notice.group.leaderName})` : '';
  return formDocument(`04/TD ${notice.group.code} ${notice.issuedOn}`, [
    formHeader({
      formCode: '04/TD',
      issuer: bankIssuer(notice.bankOffice),
      title: 'Thông báo kết quả phê duyệt cho vay',
    }),
    addressedTo(`${notice.group.name}${leader}; ${notice.association.name}; UBND ${notice.ward.name}`),
    {
      text: `Căn cứ danh sách hộ gia đình đề nghị vay vốn (mẫu 03/TD) của ${notice.group.name} đã được UBND ${notice.ward.name} xác nhận, Ngân hàng Chính sách xã hội – ${notice.bankOffice} thông báo kết quả phê duyệt cho vay như sau:`,
      margin: [0, 0, 0, 4],
    },
    approvedPart(notice),
    refusedPart(notice),
    {
      text: 'Đề nghị Tổ TK&VV thông báo cho các hộ vay biết; tổ chức Hội và UBND cấp xã phối hợp giám sát việc sử dụng vốn vay.',
      italics: true,
      fontSize: 10,
      margin: [0, 6, 0, 0],
    },
    signingPart(notice.ward.name, notice.issuedOn, [
      { title: 'Cán bộ tín dụng', name: notice.creditOfficerName ?? ' ' },
      { title: 'Giám đốc', note: '(Ký tên, đóng dấu)', name: notice.managerName ?? ' ' },
    ]),
  ]);
}
