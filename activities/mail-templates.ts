/**
 * Notification texts: Vietnamese first, English below, as the users read them. Pure functions.
 */
import type { HistoryEntry, NotificationIntent } from '../workflows/definitions.js';
import { STATUS_LABELS, STEP_LABELS, type ApplicationStatus } from '../workflows/domain.js';

export interface MailContext {
  code: string;
  applicationId: string;
  borrowerName: string;
  status: ApplicationStatus;
  programName: string;
  approvedAmount: number | null;
  approvedTermMonths: number | null;
  annualRatePercent: string | null;
  entry: HistoryEntry;
  publicUrl: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
}

const vnd = (amount: number): string => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;

function applicantLines(ctx: MailContext): { vi: string; en: string } {
  const { entry } = ctx;
  const reasonVi = entry.reason ? ` Lý do: ${entry.reason}.` : '';
  const reasonEn = entry.reason ? ` Reason: ${entry.reason}.` : '';
  if (entry.type === 'SUBMITTED') {
    return {
      vi: `Hồ sơ vay vốn ${ctx.code} (${ctx.programName}) đã được tiếp nhận và đang được xử lý.`,
      en: `Loan application ${ctx.code} has been received and is being processed.`,
    };
  }
  if (entry.type === 'WITHDRAWN') {
    return {
      vi: `Hồ sơ ${ctx.code} đã được rút theo đề nghị.${reasonVi}`,
      en: `Application ${ctx.code} was withdrawn.${reasonEn}`,
    };
  }
  const step = entry.step ? STEP_LABELS[entry.step] : { vi: '', en: '' };
  if (entry.outcome === 'return') {
    return {
      vi: `Hồ sơ ${ctx.code} được trả lại ở bước "${step.vi}" để bổ sung, chỉnh sửa.${reasonVi} Vui lòng sửa hồ sơ và gửi lại.`,
      en: `Application ${ctx.code} was returned at "${step.en}" for correction.${reasonEn} Please amend and resubmit it.`,
    };
  }
  if (entry.outcome === 'reject') {
    return {
      vi: `Rất tiếc, hồ sơ ${ctx.code} không được chấp thuận ở bước "${step.vi}".${reasonVi}`,
      en: `We are sorry: application ${ctx.code} was not approved at "${step.en}".${reasonEn}`,
    };
  }
  if (ctx.status === 'DISBURSED') {
    return {
      vi: `Khoản vay theo hồ sơ ${ctx.code} đã được giải ngân.`,
      en: `The loan of application ${ctx.code} has been disbursed.`,
    };
  }
  const amount = ctx.approvedAmount ?? 0;
  return {
    vi: `Ngân hàng đã phê duyệt khoản vay ${vnd(amount)}, thời hạn ${ctx.approvedTermMonths ?? 0} tháng, lãi suất ${ctx.annualRatePercent ?? ''}%/năm (thông báo 04/TD). Tổ trưởng sẽ báo ngày giao dịch để nhận tiền.`,
    en: `The bank approved a loan of ${amount} VND for ${ctx.approvedTermMonths ?? 0} months at ${ctx.annualRatePercent ?? ''}% a year (notice 04/TD). The group leader will tell you the transaction day.`,
  };
}

export function composeMail(intent: NotificationIntent, ctx: MailContext): ComposedMail {
  const statusUrl = `${ctx.publicUrl}/api/status/${encodeURIComponent(ctx.code)}`;
  if (intent.audience === 'step-officers') {
    const step = STEP_LABELS[intent.step];
    const url = `${ctx.publicUrl}/api/applications/${ctx.applicationId}`;
    return {
      subject: `[NHCSXH] Hồ sơ ${ctx.code} chờ xử lý: ${step.vi} / Application ${ctx.code} awaits ${step.en}`,
      text: [
        `Kính gửi cán bộ phụ trách,`,
        ``,
        `Hồ sơ vay vốn ${ctx.code} của ${ctx.borrowerName} (${ctx.programName}) đang chờ bước "${step.vi}".`,
        `Xem hồ sơ: ${url}`,
        ``,
        `---`,
        `Dear officer,`,
        ``,
        `Loan application ${ctx.code} (${ctx.borrowerName}) is waiting for "${step.en}".`,
        `Open it: ${url}`,
      ].join('\n'),
    };
  }
  const lines = applicantLines(ctx);
  const status = STATUS_LABELS[ctx.status];
  return {
    subject: `[NHCSXH] Hồ sơ ${ctx.code}: ${status.vi} / Application ${ctx.code}: ${status.en}`,
    text: [
      `Kính gửi ông/bà ${ctx.borrowerName},`,
      ``,
      lines.vi,
      `Tra cứu tình trạng hồ sơ: ${statusUrl}`,
      ``,
      `---`,
      `Dear ${ctx.borrowerName},`,
      ``,
      lines.en,
      `Check the status: ${statusUrl}`,
    ].join('\n'),
  };
}
