/**
 * Notification texts: Vietnamese first, English below, as the users read them. Pure functions.
 */
import type { HistoryEntry, NotificationIntent } from '../../workflows/definitions.js';
import { STATUS_LABELS, STEP_LABELS, type ApplicationStatus, type StepName } from '../../workflows/domain.js';
import { viDate } from '../../server/domain/format.js';

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
  dueOn: string | null;
  disbursementOn: string | null;
  transactionPoint: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
}

const vnd = (amount: number): string => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;

export { viDate } from '../../server/domain/format.js';

/** Vietnamese first, then English, under one greeting each. */
export function bilingual(
  subject: string,
  greeting: { vi: string; en: string },
  vi: string[],
  en: string[],
): ComposedMail {
  return { subject, text: [greeting.vi, '', ...vi, '', '---', greeting.en, '', ...en].join('\n') };
}

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
  if (entry.type === 'STEP_EXPIRED') {
    return {
      vi: `Hồ sơ ${ctx.code} đã quá hạn xử lý ở bước "${STEP_LABELS[entry.step ?? 'group-vote'].vi}" (hạn ${viDate(ctx.dueOn ?? String(entry.payload.dueOn ?? ''))}) và được trả lại. Vui lòng liên hệ tổ trưởng để hoàn thiện và gửi lại hồ sơ.`,
      en: `Application ${ctx.code} passed its deadline at "${STEP_LABELS[entry.step ?? 'group-vote'].en}" and was returned (reason: expired). Please contact the group leader to complete and resubmit it.`,
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
    vi: `Ngân hàng đã phê duyệt khoản vay ${vnd(amount)}, thời hạn ${ctx.approvedTermMonths ?? 0} tháng, lãi suất ${ctx.annualRatePercent ?? ''}%/năm (thông báo 04/TD). Mời ông/bà mang CCCD đến ${ctx.transactionPoint} vào ngày giao dịch ${viDate(ctx.disbursementOn)} để nhận tiền vay.`,
    en: `The bank approved a loan of ${amount} VND for ${ctx.approvedTermMonths ?? 0} months at ${ctx.annualRatePercent ?? ''}% a year (notice 04/TD). Please bring your citizen ID card to ${ctx.transactionPoint} on the transaction day, ${ctx.disbursementOn ?? ''}, to receive the loan.`,
  };
}

export function composeMail(intent: NotificationIntent, ctx: MailContext): ComposedMail {
  switch (intent.audience) {
    case 'applicant':
      return applicantMail(ctx);
    case 'step-officers':
      return ctx.entry.type === 'DEADLINE_REMINDER' ? reminderMail(intent.step, ctx) : officerMail(intent.step, ctx);
    case 'supervisors':
      return escalationMail(intent.step, ctx);
    case 'group-leader':
      return scheduleMail(ctx);
  }
}

const applicationUrl = (ctx: MailContext): string => `${ctx.publicUrl}/api/applications/${ctx.applicationId}`;
const OFFICER = { vi: 'Kính gửi cán bộ phụ trách,', en: 'Dear officer,' };

function officerMail(step: StepName, ctx: MailContext): ComposedMail {
  const label = STEP_LABELS[step];
  const url = applicationUrl(ctx);
  if (ctx.entry.type === 'STEP_EXPIRED') {
    return bilingual(
      `[NHCSXH] Hồ sơ ${ctx.code} quá hạn, đã trả lại / Application ${ctx.code} expired and was returned`,
      OFFICER,
      [
        `Hồ sơ ${ctx.code} của ${ctx.borrowerName} quá hạn ở bước "${label.vi}" và đã được trả lại cho người vay.`,
        `Xem hồ sơ: ${url}`,
      ],
      [
        `Application ${ctx.code} (${ctx.borrowerName}) expired at "${label.en}" and was returned to the applicant.`,
        `Open it: ${url}`,
      ],
    );
  }
  const due = ctx.dueOn ? ` Hạn xử lý: ${viDate(ctx.dueOn)}.` : '';
  const dueEn = ctx.dueOn ? ` Due by ${ctx.dueOn}.` : '';
  return bilingual(
    `[NHCSXH] Hồ sơ ${ctx.code} chờ xử lý: ${label.vi} / Application ${ctx.code} awaits ${label.en}`,
    OFFICER,
    [
      `Hồ sơ vay vốn ${ctx.code} của ${ctx.borrowerName} (${ctx.programName}) đang chờ bước "${label.vi}".${due}`,
      `Xem hồ sơ: ${url}`,
    ],
    [`Loan application ${ctx.code} (${ctx.borrowerName}) is waiting for "${label.en}".${dueEn}`, `Open it: ${url}`],
  );
}

function reminderMail(step: StepName, ctx: MailContext): ComposedMail {
  const label = STEP_LABELS[step];
  const url = applicationUrl(ctx);
  return bilingual(
    `[NHCSXH] Nhắc việc: hồ sơ ${ctx.code} đến hạn ngày ${viDate(ctx.dueOn)} / Reminder: application ${ctx.code} is due on ${ctx.dueOn ?? ''}`,
    OFFICER,
    [
      `Hồ sơ ${ctx.code} của ${ctx.borrowerName} ở bước "${label.vi}" đến hạn vào ngày làm việc tiếp theo, ${viDate(ctx.dueOn)}.`,
      `Xem hồ sơ: ${url}`,
    ],
    [
      `Application ${ctx.code} (${ctx.borrowerName}) at "${label.en}" is due on the next working day, ${ctx.dueOn ?? ''}.`,
      `Open it: ${url}`,
    ],
  );
}

function escalationMail(step: StepName, ctx: MailContext): ComposedMail {
  const label = STEP_LABELS[step];
  const url = applicationUrl(ctx);
  return bilingual(
    `[NHCSXH] Quá hạn: hồ sơ ${ctx.code} ở bước ${label.vi} / Overdue: application ${ctx.code} at ${label.en}`,
    { vi: 'Kính gửi lãnh đạo phụ trách,', en: 'Dear supervisor,' },
    [
      `Hồ sơ ${ctx.code} của ${ctx.borrowerName} (${ctx.programName}) đã quá hạn ở bước "${label.vi}" (hạn ${viDate(ctx.dueOn)}). Đề nghị đôn đốc cán bộ phụ trách xử lý.`,
      `Xem hồ sơ: ${url}`,
    ],
    [
      `Application ${ctx.code} (${ctx.borrowerName}) is overdue at "${label.en}" (due ${ctx.dueOn ?? ''}). Please follow up with the responsible officer.`,
      `Open it: ${url}`,
    ],
  );
}

function scheduleMail(ctx: MailContext): ComposedMail {
  return bilingual(
    `[NHCSXH] Hồ sơ ${ctx.code} được giải ngân ngày ${viDate(ctx.disbursementOn)} / Application ${ctx.code}: disbursement on ${ctx.disbursementOn ?? ''}`,
    { vi: 'Kính gửi tổ trưởng Tổ TK&VV,', en: 'Dear group leader,' },
    [
      `Ngân hàng đã phê duyệt khoản vay của ${ctx.borrowerName} (hồ sơ ${ctx.code}). Đề nghị báo người vay đến ${ctx.transactionPoint} vào ngày giao dịch ${viDate(ctx.disbursementOn)} để nhận tiền.`,
    ],
    [
      `The bank approved the loan of ${ctx.borrowerName} (application ${ctx.code}). Please tell the borrower to come to ${ctx.transactionPoint} on the transaction day, ${ctx.disbursementOn ?? ''}.`,
    ],
  );
}

function applicantMail(ctx: MailContext): ComposedMail {
  const statusUrl = `${ctx.publicUrl}/api/status/${encodeURIComponent(ctx.code)}`;
  const lines = applicantLines(ctx);
  const status = STATUS_LABELS[ctx.status];
  return bilingual(
    `[NHCSXH] Hồ sơ ${ctx.code}: ${status.vi} / Application ${ctx.code}: ${status.en}`,
    { vi: `Kính gửi ông/bà ${ctx.borrowerName},`, en: `Dear ${ctx.borrowerName},` },
    [lines.vi, `Tra cứu tình trạng hồ sơ: ${statusUrl}`],
    [lines.en, `Check the status: ${statusUrl}`],
  );
}
