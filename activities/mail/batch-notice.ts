/**
 * The mails of notice 04/TD: one for the officers of the batch (the ward, the association, the group leader)
 * listing every row, and one per borrower with their own result and status page. Never a citizen ID. Pure.
 */
import { formatMoney, formatPercent, viDate } from '../../server/domain/format.js';
import type { Notice04Data } from '../../server/domain/forms/notice-04-td-data.js';
import { statusLink } from './links.js';
import { bilingual, type ComposedMail } from './templates.js';

export function officersNoticeMail(notice: Notice04Data): ComposedMail {
  const where = notice.transactionDay
    ? {
        vi: `Ngày giao dịch: ${viDate(notice.transactionDay)} tại ${notice.transactionPoint ?? ''}.`,
        en: `Transaction day: ${notice.transactionDay} at ${notice.transactionPoint ?? ''}.`,
      }
    : { vi: 'Không có khoản vay nào được phê duyệt.', en: 'No loan was approved.' };
  const approvedVi = notice.approved.map(
    (r) =>
      `${r.no}. ${r.borrowerName} (${r.applicationCode}): ${formatMoney(r.amount, 'vi')}, ${r.termMonths} tháng, ` +
      `lãi suất ${formatPercent(r.annualRatePercent, 'vi')}/năm, hạn trả cuối ${viDate(r.finalDueDate)}`,
  );
  const approvedEn = notice.approved.map(
    (r) =>
      `${r.no}. ${r.borrowerName} (${r.applicationCode}): ${formatMoney(r.amount, 'en')}, ${r.termMonths} months, ` +
      `${formatPercent(r.annualRatePercent, 'en')} a year, final instalment ${r.finalDueDate}`,
  );
  const refusedVi = notice.refused.map(
    (r) => `- ${r.borrowerName} (${r.applicationCode}): ${r.outcome === 'reject' ? 'từ chối' : 'trả lại'}: ${r.reason}`,
  );
  const refusedEn = notice.refused.map((r) => `- ${r.borrowerName} (${r.applicationCode}): ${r.outcome}: ${r.reason}`);
  const pending = (notice.notDecided ?? []).map(
    (r) => `- ${r.borrowerName} (${r.applicationCode}): ${r.code} ${r.reason}`,
  );
  return bilingual(
    `Thông báo 04/TD – ${notice.group.name}: ${notice.total.households} hộ được phê duyệt / Notice 04/TD`,
    { vi: 'Kính gửi UBND phường/xã, hội đoàn thể nhận ủy thác và tổ trưởng Tổ TK&VV,', en: 'Dear officers,' },
    [
      `${notice.bankOffice} thông báo kết quả phê duyệt cho vay đối với ${notice.group.name} ngày ${viDate(notice.issuedOn)}:`,
      `Được phê duyệt: ${notice.total.households} hộ, tổng số tiền ${formatMoney(notice.total.amount, 'vi')}.`,
      ...approvedVi,
      where.vi,
      ...(refusedVi.length > 0 ? ['Không được phê duyệt:', ...refusedVi] : []),
      ...(pending.length > 0 ? ['Chưa quyết định được:', ...pending] : []),
    ],
    [
      `${notice.bankOffice} announces the loans approved for ${notice.group.name} on ${notice.issuedOn}:`,
      `Approved: ${notice.total.households} households, ${formatMoney(notice.total.amount, 'en')} in all.`,
      ...approvedEn,
      where.en,
      ...(refusedEn.length > 0 ? ['Not approved:', ...refusedEn] : []),
      ...(pending.length > 0 ? ['Not decided:', ...pending] : []),
    ],
  );
}

export function borrowerNoticeMail(notice: Notice04Data, applicationCode: string, publicUrl: string): ComposedMail {
  const link = statusLink(publicUrl, applicationCode);
  const approved = notice.approved.find((r) => r.applicationCode === applicationCode);
  const refused = notice.refused.find((r) => r.applicationCode === applicationCode);
  const name = approved?.borrowerName ?? refused?.borrowerName ?? '';
  const greeting = { vi: `Kính gửi ông/bà ${name},`, en: `Dear ${name},` };
  if (approved) {
    return bilingual(
      `Khoản vay ${applicationCode} đã được phê duyệt / Your loan is approved`,
      greeting,
      [
        `Ngân hàng đã phê duyệt khoản vay ${formatMoney(approved.amount, 'vi')}, thời hạn ${approved.termMonths} tháng, ` +
          `lãi suất ${formatPercent(approved.annualRatePercent, 'vi')}/năm.`,
        notice.transactionDay
          ? `Mời ông/bà đến nhận tiền ngày ${viDate(notice.transactionDay)} tại ${notice.transactionPoint ?? ''}.`
          : '',
        link.vi,
      ],
      [
        `The bank approved a loan of ${formatMoney(approved.amount, 'en')} over ${approved.termMonths} months at ` +
          `${formatPercent(approved.annualRatePercent, 'en')} a year.`,
        notice.transactionDay ? `Please come on ${notice.transactionDay} to ${notice.transactionPoint ?? ''}.` : '',
        link.en,
      ],
    );
  }
  const outcome = refused?.outcome === 'reject' ? { vi: 'không được phê duyệt', en: 'was not approved' } : null;
  return bilingual(
    `Kết quả hồ sơ ${applicationCode} / The bank's decision`,
    greeting,
    [`Hồ sơ ${applicationCode} ${outcome?.vi ?? 'được trả lại để bổ sung'}: ${refused?.reason ?? ''}`, link.vi],
    [
      `Application ${applicationCode} ${outcome?.en ?? 'was returned for correction'}: ${refused?.reason ?? ''}`,
      link.en,
    ],
  );
}
