/**
 * List 03/TD, "Danh sách hộ gia đình đề nghị vay vốn Ngân hàng Chính sách xã hội": the households the group's
 * meeting proposes, with category, programme, amount, purpose and term, the total, the households not proposed
 * with why, and the signatures of the group leader and the association, and the ward's certification. Pure.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { List03 } from '../batches/index.js';
import { formatDate } from '../format.js';
import {
  formDocument,
  formHeader,
  householdsTotal,
  money,
  sectionHeading,
  signingPart,
  totalsTable,
} from './form-kit.js';
import { associationName, categoryName, groupIssuer, notDecidedText } from './meeting-labels.js';

type NotProposed = List03['notProposed'][number];

function whyNotText(row: NotProposed): string {
  return row.outcome === 'reject' ? 'Tổ không tán thành (không đủ đa số phiếu tán thành)' : notDecidedText(row);
}

function notProposedPart(list: List03): Content {
  if (list.notProposed.length === 0) return [];
  return [
    sectionHeading('Các hộ đã bình xét nhưng không đề nghị vay:'),
    totalsTable(
      [
        { header: 'STT', width: 26, align: 'center' },
        { header: 'Họ và tên người vay', width: 180 },
        { header: 'Mã hồ sơ', width: 150 },
        { header: 'Lý do', width: '*' },
      ],
      list.notProposed.map((row, i) => [String(i + 1), row.borrowerName, row.applicationCode, whyNotText(row)]),
    ),
  ];
}

export function list03Td(list: List03): TDocumentDefinitions {
  const { group } = list;
  const association = associationName(group.associationCode);
  return formDocument(
    `03/TD ${group.code} ${list.meetingDate}`,
    [
      formHeader({
        formCode: '03/TD',
        issuer: groupIssuer(group),
        title: 'Danh sách hộ gia đình đề nghị vay vốn Ngân hàng Chính sách xã hội',
        subtitle: `(Kèm theo Biên bản họp Tổ TK&VV ngày ${formatDate(list.meetingDate)})`,
        locality: `${group.name} – ${group.village}, ${group.wardName}`,
      }),
      totalsTable(
        [
          { header: 'STT', width: 26, align: 'center' },
          { header: 'Họ và tên người vay', width: '*' },
          { header: 'Đối tượng thụ hưởng', width: 90 },
          { header: 'Chương trình cho vay', width: 70, align: 'center' },
          { header: 'Số tiền đề nghị vay', width: 88, align: 'right' },
          { header: 'Mục đích sử dụng vốn vay', width: 116 },
          { header: 'Thời hạn (tháng)', width: 50, align: 'center' },
          { header: 'Mã hồ sơ', width: 128 },
        ],
        list.rows.map((row) => [
          String(row.no),
          row.borrowerName,
          categoryName(row.householdCategory),
          row.programCode,
          money(row.amount),
          row.purpose,
          String(row.termMonths),
          row.applicationCode,
        ]),
        ['', householdsTotal(list.total.households), '', '', money(list.total.amount), '', '', ''],
      ),
      notProposedPart(list),
      signingPart(group.wardName, list.meetingDate, [
        { title: 'Tổ trưởng Tổ TK&VV', name: list.leader ?? ' ' },
        { title: `Đại diện ${association}`, note: '(Ký, ghi rõ họ tên, chức vụ)' },
        { title: 'UBND phường/xã xác nhận', note: '(Ký tên, đóng dấu)' },
      ]),
    ],
    { landscape: true },
  );
}
