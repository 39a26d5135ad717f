/**
 * Notification texts: Vietnamese first, English below, as the users read them. Pure functions.
 */
import type { HistoryEntry, NotificationIntent } from '../../workflows/definitions.js';
import { STATUS_LABELS, STEP_LABELS, type ApplicationStatus, type StepName } from '../../workflows/domain.js';
import { formatMoney, formatPercent, viDate } from '../../server/domain/format.js';
import { PermanentActivityError } from '../failures.js';
import { amendLink, officerLink, statusLink, supervisorPointer } from './links.js';

/** How the ward is named: an urban ward (phường) or a rural commune (xã), from the ward's `kind`. */
export interface WardRef {
  name: string;
  kind: 'phuong' | 'xa';
}

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
  ward: WardRef;
}

export interface ComposedMail {
  subject: string;
  text: string;
}

/** A step's name in a letter: the ward's step names the ward as it is, phường or xã. */
export function stepLabel(step: StepName, ward: WardRef): { vi: string; en: string } {
  if (step !== 'ward-verification') return STEP_LABELS[step];
  return ward.kind === 'xa'
    ? { vi: 'UBND xã xác nhận', en: 'Commune verification' }
    : { vi: 'UBND phường xác nhận', en: 'Ward verification' };
}

/** The People's Committee of the ward, e.g. "UBND phường Hòa Bình" / "the People's Committee of Hòa Bình ward". */
function committeeOf(ward: WardRef): { vi: string; en: string } {
  const kindVi = ward.kind === 'xa' ? 'xã' : 'phường';
  const place = ward.name.replace(/^(phường|xã)\s+/iu, '');
  return {
    vi: `UBND ${kindVi} ${place}`,
    en: `the People's Committee of ${place} ${ward.kind === 'xa' ? 'commune' : 'ward'}`,
  };
}

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

/** The event the applicant hears about, named in the subject and opened in the body. */
function applicantLines(ctx: MailContext): { subject: { vi: string; en: string }; vi: string; en: string } {
  const { entry } = ctx;
  const reasonVi = entry.reason ? ` Lý do: ${entry.reason}.` : '';
  const reasonEn = entry.reason ? ` Reason: ${entry.reason}.` : '';
  const step = entry.step ? stepLabel(entry.step, ctx.ward) : { vi: '', en: '' };
  if (entry.type === 'SUBMITTED') {
    return {
      subject: { vi: 'Đã tiếp nhận', en: 'Received' },
      vi: `Hồ sơ vay vốn ${ctx.code} (${ctx.programName}) đã được tiếp nhận và đang được xử lý.`,
      en: `Loan application ${ctx.code} has been received and is being processed.`,
    };
  }
  if (entry.type === 'STEP_EXPIRED') {
    return {
      subject: { vi: 'Trả lại do quá hạn xử lý', en: 'Returned: its deadline passed' },
      vi: `Hồ sơ ${ctx.code} đã quá hạn xử lý ở bước "${step.vi}" (hạn ${viDate(ctx.dueOn ?? String(entry.payload.dueOn ?? ''))}) và được trả lại. Vui lòng hoàn thiện và gửi lại hồ sơ.`,
      en: `Application ${ctx.code} passed its deadline at "${step.en}" and was returned (reason: expired). Please complete and resubmit it.`,
    };
  }
  if (entry.type === 'DISBURSEMENT_CARRIED_OVER') {
    const from = String(entry.payload.fromOn ?? '');
    return {
      subject: {
        vi: `Chuyển ngày giải ngân sang ${viDate(ctx.disbursementOn)}`,
        en: `Disbursement moved to ${ctx.disbursementOn ?? ''}`,
      },
      vi: `Khoản vay theo hồ sơ ${ctx.code} chưa được giải ngân vào ngày giao dịch ${viDate(from)} và được chuyển sang ngày giao dịch ${viDate(ctx.disbursementOn)}.${reasonVi} Mời ông/bà mang CCCD đến ${ctx.transactionPoint} vào ngày đó để nhận tiền vay.`,
      en: `The loan of application ${ctx.code} was not disbursed on the transaction day ${from} and moves to the transaction day ${ctx.disbursementOn ?? ''}.${reasonEn} Please bring your citizen ID card to ${ctx.transactionPoint} on that day.`,
    };
  }
  if (entry.type === 'WITHDRAWN') {
    return {
      subject: STATUS_LABELS.WITHDRAWN,
      vi: `Hồ sơ ${ctx.code} đã được rút theo đề nghị.${reasonVi}`,
      en: `Application ${ctx.code} was withdrawn.${reasonEn}`,
    };
  }
  if (entry.outcome === 'return') {
    return {
      subject: STATUS_LABELS.RETURNED,
      vi: `Hồ sơ ${ctx.code} được trả lại ở bước "${step.vi}" để bổ sung, chỉnh sửa.${reasonVi} Vui lòng sửa hồ sơ và gửi lại.`,
      en: `Application ${ctx.code} was returned at "${step.en}" for correction.${reasonEn} Please amend and resubmit it.`,
    };
  }
  if (entry.outcome === 'reject') {
    return {
      subject: { vi: 'Không được chấp thuận', en: 'Not approved' },
      vi: `Rất tiếc, hồ sơ ${ctx.code} không được chấp thuận ở bước "${step.vi}".${reasonVi}`,
      en: `We are sorry: application ${ctx.code} was not approved at "${step.en}".${reasonEn}`,
    };
  }
  if (ctx.status === 'DISBURSED') {
    return {
      subject: STATUS_LABELS.DISBURSED,
      vi: `Khoản vay theo hồ sơ ${ctx.code} đã được giải ngân.`,
      en: `The loan of application ${ctx.code} has been disbursed.`,
    };
  }
  const approval = entry.type === 'STEP_DECIDED' && entry.step === 'bank-approval' && entry.outcome === 'approve';
  const { approvedAmount: amount, annualRatePercent: rate, approvedTermMonths: term } = ctx;
  if (!approval || amount === null || rate === null || term === null) {
    // The workflow tells the applicant of these events only; anything else is a fault to see, never a guess.
    throw new PermanentActivityError(`No applicant mail for event ${entry.type} at ${entry.step ?? 'no step'}`);
  }
  const committee = committeeOf(ctx.ward);
  return {
    subject: { vi: 'Đã được phê duyệt', en: 'Approved' },
    vi: `Ngân hàng đã phê duyệt khoản vay ${formatMoney(amount, 'vi', 'letter')}, thời hạn ${term} tháng, lãi suất ${formatPercent(rate, 'vi')}/năm (thông báo 04/TD gửi ${committee.vi}). Mời ông/bà mang CCCD đến ${ctx.transactionPoint} vào ngày giao dịch ${viDate(ctx.disbursementOn)} để nhận tiền vay.`,
    en: `The bank approved a loan of ${formatMoney(amount, 'en')} for ${term} months at ${formatPercent(rate, 'en')} a year (notice 04/TD, sent to ${committee.en}). Please bring your citizen ID card to ${ctx.transactionPoint} on the transaction day, ${ctx.disbursementOn ?? ''}, to receive the loan.`,
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

const OFFICER = { vi: 'Kính gửi cán bộ phụ trách,', en: 'Dear officer,' };

function officerMail(step: StepName, ctx: MailContext): ComposedMail {
  const label = stepLabel(step, ctx.ward);
  const link = officerLink(ctx.publicUrl, ctx.code);
  if (ctx.entry.type === 'STEP_EXPIRED') {
    return bilingual(
      `[NHCSXH] Hồ sơ ${ctx.code} quá hạn, đã trả lại / Application ${ctx.code} expired and was returned`,
      OFFICER,
      [
        `Hồ sơ ${ctx.code} của ${ctx.borrowerName} quá hạn ở bước "${label.vi}" và đã được trả lại cho người vay.`,
        link.vi,
      ],
      [
        `Application ${ctx.code} (${ctx.borrowerName}) expired at "${label.en}" and was returned to the applicant.`,
        link.en,
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
      link.vi,
    ],
    [`Loan application ${ctx.code} (${ctx.borrowerName}) is waiting for "${label.en}".${dueEn}`, link.en],
  );
}

function reminderMail(step: StepName, ctx: MailContext): ComposedMail {
  const label = stepLabel(step, ctx.ward);
  const link = officerLink(ctx.publicUrl, ctx.code);
  return bilingual(
    `[NHCSXH] Nhắc việc: hồ sơ ${ctx.code} đến hạn ngày ${viDate(ctx.dueOn)} / Reminder: application ${ctx.code} is due on ${ctx.dueOn ?? ''}`,
    OFFICER,
    [
      `Hồ sơ ${ctx.code} của ${ctx.borrowerName} ở bước "${label.vi}" đến hạn vào ngày làm việc tiếp theo, ${viDate(ctx.dueOn)}.`,
      link.vi,
    ],
    [
      `Application ${ctx.code} (${ctx.borrowerName}) at "${label.en}" is due on the next working day, ${ctx.dueOn ?? ''}.`,
      link.en,
    ],
  );
}

function escalationMail(step: StepName, ctx: MailContext): ComposedMail {
  const label = stepLabel(step, ctx.ward);
  const pointer = supervisorPointer(ctx.code, label);
  return bilingual(
    `[NHCSXH] Quá hạn: hồ sơ ${ctx.code} ở bước ${label.vi} / Overdue: application ${ctx.code} at ${label.en}`,
    { vi: 'Kính gửi lãnh đạo phụ trách,', en: 'Dear supervisor,' },
    [
      `Hồ sơ ${ctx.code} của ${ctx.borrowerName} (${ctx.programName}) đã quá hạn ở bước "${label.vi}" (hạn ${viDate(ctx.dueOn)}). Đề nghị đôn đốc cán bộ phụ trách xử lý.`,
      pointer.vi,
    ],
    [
      `Application ${ctx.code} (${ctx.borrowerName}) is overdue at "${label.en}" (due ${ctx.dueOn ?? ''}). Please follow up with the responsible officer.`,
      pointer.en,
    ],
  );
}

function scheduleMail(ctx: MailContext): ComposedMail {
  const link = officerLink(ctx.publicUrl, ctx.code);
  if (ctx.entry.type === 'DISBURSEMENT_CARRIED_OVER') return carriedOverMail(ctx, link);
  return bilingual(
    `[NHCSXH] Hồ sơ ${ctx.code} được giải ngân ngày ${viDate(ctx.disbursementOn)} / Application ${ctx.code}: disbursement on ${ctx.disbursementOn ?? ''}`,
    { vi: 'Kính gửi tổ trưởng Tổ TK&VV,', en: 'Dear group leader,' },
    [
      `Ngân hàng đã phê duyệt khoản vay của ${ctx.borrowerName} (hồ sơ ${ctx.code}). Đề nghị báo người vay đến ${ctx.transactionPoint} vào ngày giao dịch ${viDate(ctx.disbursementOn)} để nhận tiền.`,
      link.vi,
    ],
    [
      `The bank approved the loan of ${ctx.borrowerName} (application ${ctx.code}). Please tell the borrower to come to ${ctx.transactionPoint} on the transaction day, ${ctx.disbursementOn ?? ''}.`,
      link.en,
    ],
  );
}

function applicantMail(ctx: MailContext): ComposedMail {
  const lines = applicantLines(ctx);
  const status = statusLink(ctx.publicUrl, ctx.code);
  // A returned application (by an officer or by its deadline) waits for the applicant: say how to amend it.
  const amend = ctx.status === 'RETURNED' ? [amendLink(ctx.publicUrl, ctx.code)] : [];
  return bilingual(
    `[NHCSXH] Hồ sơ ${ctx.code}: ${lines.subject.vi} / Application ${ctx.code}: ${lines.subject.en}`,
    { vi: `Kính gửi ông/bà ${ctx.borrowerName},`, en: `Dear ${ctx.borrowerName},` },
    [lines.vi, ...amend.map((link) => link.vi), status.vi],
    [lines.en, ...amend.map((link) => link.en), status.en],
  );
}

function carriedOverMail(ctx: MailContext, link: { vi: string; en: string }): ComposedMail {
  const from = String(ctx.entry.payload.fromOn ?? '');
  const reasonVi = ctx.entry.reason ? ` Lý do: ${ctx.entry.reason}.` : '';
  const reasonEn = ctx.entry.reason ? ` Reason: ${ctx.entry.reason}.` : '';
  return bilingual(
    `[NHCSXH] Hồ sơ ${ctx.code} chuyển ngày giải ngân sang ${viDate(ctx.disbursementOn)} / Application ${ctx.code}: disbursement moved to ${ctx.disbursementOn ?? ''}`,
    { vi: 'Kính gửi tổ trưởng Tổ TK&VV,', en: 'Dear group leader,' },
    [
      `Khoản vay của ${ctx.borrowerName} (hồ sơ ${ctx.code}) chưa được giải ngân vào ngày giao dịch ${viDate(from)}.${reasonVi} Đề nghị báo người vay đến ${ctx.transactionPoint} vào ngày giao dịch ${viDate(ctx.disbursementOn)} để nhận tiền.`,
      link.vi,
    ],
    [
      `The loan of ${ctx.borrowerName} (application ${ctx.code}) was not disbursed on the transaction day ${from}.${reasonEn} Please tell the borrower to come to ${ctx.transactionPoint} on the transaction day, ${ctx.disbursementOn ?? ''}.`,
      link.en,
    ],
  );
}
