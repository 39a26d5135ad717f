/**
 * Form 01/TD, "Giấy đề nghị vay vốn kiêm phương án sử dụng vốn vay": the borrower's request with the plan of
 * use, and the bank's approval block below it. Pure: the application's data in, the document definition out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDate, formatPercent } from '../format.js';
import {
  addressedTo,
  formDocument,
  formTitle,
  money,
  nationalHeading,
  numberedFields,
  placeDateLine,
  sectionHeading,
  signatureBlocks,
  totalsTable,
} from './form-kit.js';
import { amountInWords } from './number-words.js';

export interface Form01Data {
  code: string;
  programmeName: string;
  bankOfficeName: string;
  borrowerName: string;
  /** Calendar dates as YYYY-MM-DD. */
  borrowerBirthDate: string;
  citizenId: string;
  village: string | null;
  wardName: string;
  district: string;
  province: string;
  categoryName: string;
  groupName: string;
  groupLeader: string | null;
  associationName: string;
  amount: number;
  termMonths: number;
  purpose: string;
  usePlan: string;
  submittedOn: string;
  /** Filled once the bank has approved (the manager confirmed the credit officer's proposal). */
  approved: { amount: number; termMonths: number; annualRatePercent: string; disbursementOn: string | null } | null;
}

/** The final due date: the disbursement date plus the term in months (the same day of the month, or its last). */
export function finalDueDate(disbursementOn: string, termMonths: number): string {
  const [year, month, day] = disbursementOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + termMonths, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The overdue rate: 130% of the lending rate, to four decimals. */
export function overdueRate(annualRatePercent: string): string {
  return String(Math.round(Number(annualRatePercent) * 13_000) / 10_000);
}

function borrowerPart(data: Form01Data): Content {
  const address = [data.village, data.wardName, data.district, data.province].filter(Boolean).join(', ');
  const leader = data.groupLeader ? ` do ông/bà ${data.groupLeader} làm tổ trưởng` : '';
  return [
    sectionHeading('I. NGƯỜI VAY'),
    numberedFields([
      { label: 'Họ và tên người vay', value: data.borrowerName },
      { label: 'Ngày sinh', value: formatDate(data.borrowerBirthDate) },
      { label: 'Số CCCD', value: data.citizenId },
      { label: 'Địa chỉ cư trú', value: address },
      { label: 'Đối tượng thụ hưởng', value: data.categoryName },
      {
        label: 'Là thành viên của',
        value: `${data.groupName}${leader}, thuộc ${data.associationName} quản lý`,
      },
    ]),
  ];
}

function requestPart(data: Form01Data): Content {
  return [
    sectionHeading('II. ĐỀ NGHỊ NGÂN HÀNG CHO VAY'),
    numberedFields(
      [
        { label: 'Số tiền đề nghị vay', value: money(data.amount) },
        { label: 'Bằng chữ', value: amountInWords(data.amount) },
        { label: 'Mục đích sử dụng vốn vay', value: data.purpose },
        { label: 'Thời hạn đề nghị vay', value: `${data.termMonths} tháng` },
      ],
      7,
    ),
    { text: '11. Phương án sử dụng vốn vay:', margin: [0, 2, 0, 0] },
    totalsTable(
      [
        { header: 'STT', width: 30, align: 'center' },
        { header: 'Đối tượng (nội dung sử dụng vốn)', width: '*' },
        { header: 'Thành tiền', width: 110, align: 'right' },
      ],
      [['1', `${data.purpose}. ${data.usePlan}`, money(data.amount)]],
      ['', 'Cộng', money(data.amount)],
    ),
    {
      text: 'Tôi cam kết sử dụng vốn vay đúng mục đích, trả nợ gốc và lãi đúng hạn; nếu sai tôi xin chịu trách nhiệm trước pháp luật.',
      italics: true,
    },
  ];
}

function bankPart(data: Form01Data): Content {
  const approved = data.approved;
  const rate = approved ? `${formatPercent(approved.annualRatePercent, 'vi')}/năm` : '';
  const due =
    approved?.disbursementOn !== null && approved?.disbursementOn !== undefined
      ? formatDate(finalDueDate(approved.disbursementOn, approved.termMonths))
      : '';
  return [
    // The bank's block is the back of the sheet, as on the printed form.
    { ...(sectionHeading('III. PHẦN PHÊ DUYỆT CỦA NGÂN HÀNG') as object), pageBreak: 'before' } as Content,
    numberedFields([
      { label: 'Số tiền cho vay', value: approved ? money(approved.amount) : '' },
      { label: 'Lãi suất cho vay', value: rate },
      {
        label: 'Lãi suất nợ quá hạn (130% lãi suất cho vay)',
        value: approved ? `${formatPercent(overdueRate(approved.annualRatePercent), 'vi')}/năm` : '',
      },
      { label: 'Thời hạn cho vay', value: approved ? `${approved.termMonths} tháng` : '' },
      { label: 'Ngày giải ngân (ngày giao dịch)', value: formatDate(approved?.disbursementOn ?? null) },
      { label: 'Hạn trả nợ cuối cùng', value: due },
    ]),
    signatureBlocks([
      { title: 'Cán bộ tín dụng' },
      { title: 'Trưởng bộ phận tín dụng' },
      { title: 'Giám đốc', note: '(Ký tên, đóng dấu)' },
    ]),
  ];
}

export function form01Td(data: Form01Data): TDocumentDefinitions {
  return formDocument(`01/TD ${data.code}`, [
    nationalHeading('01/TD'),
    formTitle('Giấy đề nghị vay vốn kiêm phương án sử dụng vốn vay'),
    { text: `(Chương trình cho vay: ${data.programmeName})`, italics: true, alignment: 'center' },
    addressedTo(`Ngân hàng Chính sách xã hội – ${data.bankOfficeName}`),
    { text: `Mã hồ sơ: ${data.code}`, alignment: 'right', fontSize: 9 },
    borrowerPart(data),
    requestPart(data),
    placeDateLine(data.wardName, data.submittedOn),
    signatureBlocks([
      { title: 'Tổ trưởng Tổ TK&VV', name: data.groupLeader ?? ' ' },
      { title: 'Người vay', note: '(Ký hoặc điểm chỉ, ghi rõ họ tên)', name: data.borrowerName },
    ]),
    bankPart(data),
  ]);
}
