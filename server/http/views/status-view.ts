/**
 * What an applicant may see about their own application: status, steps, dates and the next action, in
 * Vietnamese and English. Never officers' names or anyone else's data.
 */
import { z } from 'zod';
import {
  STATUS_LABELS,
  STEP_LABELS,
  STEP_NAMES,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type Bilingual,
  type StepName,
} from '../../../workflows/domain.js';
import { approvedTermsOf, type ApplicationRow } from './application-view.js';

const Label = z.object({ vi: z.string(), en: z.string() });

export const StatusView = z.object({
  code: z.string(),
  programName: Label,
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: Label,
  currentStep: z.enum(STEP_NAMES).nullable(),
  currentStepLabel: Label.nullable(),
  steps: z.array(
    z.object({
      step: z.enum(STEP_NAMES),
      label: Label,
      state: z.enum(['done', 'current', 'pending']),
      completedAt: z.string().nullable(),
    }),
  ),
  returnReason: z.string().nullable(),
  /** When the current step is due, and the transaction day set for disbursement. */
  dueOn: z.string().nullable(),
  disbursementOn: z.string().nullable(),
  approved: z
    .object({ amount: z.number().int(), termMonths: z.number().int(), annualRatePercent: z.string() })
    .nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  nextAction: Label,
});

export type StatusView = z.infer<typeof StatusView>;

function nextAction(status: ApplicationStatus, step: StepName | null): Bilingual {
  switch (status) {
    case 'RETURNED':
      return {
        vi: 'Sửa, bổ sung hồ sơ theo lý do trả lại rồi gửi lại (qua tổ trưởng Tổ TK&VV).',
        en: 'Correct the application as the return reason says and resubmit it (through the group leader).',
      };
    case 'REJECTED':
      return {
        vi: 'Hồ sơ đã kết thúc. Liên hệ tổ trưởng hoặc UBND phường/xã nếu cần giải thích.',
        en: 'The application has ended. Ask the group leader or the ward committee for an explanation.',
      };
    case 'WITHDRAWN':
      return {
        vi: 'Hồ sơ đã được rút. Không cần làm gì thêm.',
        en: 'The application was withdrawn. Nothing more to do.',
      };
    case 'DISBURSED':
      return {
        vi: 'Trả lãi hằng tháng qua tổ trưởng và trả gốc theo kỳ hạn tại điểm giao dịch xã.',
        en: 'Pay interest monthly through the group leader and repay principal on schedule at the transaction point.',
      };
    case 'IN_PROGRESS':
      if (step === 'disbursement') {
        return {
          vi: 'Mang CCCD đến điểm giao dịch xã vào ngày giao dịch để nhận tiền vay.',
          en: 'Bring your citizen ID card to the commune transaction point on the transaction day to receive the loan.',
        };
      }
      return {
        vi: `Hồ sơ đang chờ bước "${step ? STEP_LABELS[step].vi : ''}". Bạn chưa cần làm gì thêm.`,
        en: `Waiting for "${step ? STEP_LABELS[step].en : ''}". Nothing is needed from you yet.`,
      };
  }
}

export function toStatusView(row: ApplicationRow): StatusView {
  const status = row.status as ApplicationStatus;
  const currentStep = row.currentStep as StepName | null;
  const approvals = new Map<string, Date>();
  for (const event of row.auditEvents) {
    const outcome = (event.data as { outcome?: string }).outcome;
    if (event.type === 'STEP_DECIDED' && event.step && outcome === 'approve')
      approvals.set(event.step, event.occurredAt);
  }
  return StatusView.parse({
    code: row.code,
    programName: { vi: row.program.nameVi, en: row.program.nameEn },
    status,
    statusLabel: STATUS_LABELS[status],
    currentStep,
    currentStepLabel: currentStep ? STEP_LABELS[currentStep] : null,
    steps: (row.program.stepOrder as StepName[]).map((step) => ({
      step,
      label: STEP_LABELS[step],
      state: approvals.has(step) ? 'done' : step === currentStep ? 'current' : 'pending',
      completedAt: approvals.get(step)?.toISOString() ?? null,
    })),
    returnReason: row.returnReason,
    dueOn: row.dueOn?.toISOString().slice(0, 10) ?? null,
    disbursementOn: row.disbursementOn?.toISOString().slice(0, 10) ?? null,
    approved: approvedTermsOf(row),
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    nextAction: nextAction(status, currentStep),
  });
}
