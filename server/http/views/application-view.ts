/**
 * Public shapes of what the API returns. Rows pass through these mappers and schemas, so no raw database
 * row leaves the server.
 */
import { LoanTaskView } from '../../domain/loans/loan-views.js';
import { z } from 'zod';
import type { Prisma } from '../../../prisma/generated/client.js';
import { EVENT_TYPES } from '../../../workflows/definitions.js';
import { APPLICATION_STATUSES, OUTCOMES, STEP_NAMES } from '../../../workflows/domain.js';

const Step = z.enum(STEP_NAMES);
const Status = z.enum(APPLICATION_STATUSES);

export const HistoryEntryView = z.object({
  seq: z.number().int(),
  type: z.enum(EVENT_TYPES),
  step: Step.nullable(),
  actor: z.object({ username: z.string(), role: z.string(), displayName: z.string(), scope: z.string().nullable() }),
  at: z.string(),
  outcome: z.enum(OUTCOMES).nullable(),
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});

export const ApplicationView = z.object({
  id: z.string(),
  code: z.string(),
  programCode: z.string(),
  programVersion: z.number().int(),
  programName: z.object({ vi: z.string(), en: z.string() }),
  wardCode: z.string(),
  groupCode: z.string(),
  householdCategory: z.string(),
  village: z.string().nullable(),
  borrower: z.object({
    fullName: z.string(),
    citizenId: z.string(),
    dateOfBirth: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  amount: z.number().int(),
  termMonths: z.number().int(),
  purpose: z.string(),
  usePlan: z.string(),
  status: Status,
  currentStep: Step.nullable(),
  holder: z.object({ username: z.string(), role: z.string(), since: z.string() }).nullable(),
  returnReason: z.string().nullable(),
  /** Why the bank's confirmation waits: no capital source had the amount available (cleared once reserved). */
  capitalShortfall: z.string().nullable(),
  stepSince: z.string().nullable(),
  /** The current step's due date (working days, Vietnamese calendar) and whether it has passed. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  disbursementOn: z.string().nullable(),
  proposal: z.object({ amount: z.number().int(), termMonths: z.number().int(), by: z.string() }).nullable(),
  approved: z
    .object({ amount: z.number().int(), termMonths: z.number().int(), annualRatePercent: z.string() })
    .nullable(),
  disbursement: z
    .object({ amount: z.number().int(), disbursedOn: z.string(), transactionPoint: z.string(), officer: z.string() })
    .nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  history: z.array(HistoryEntryView),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationSummary = ApplicationView.pick({
  id: true,
  code: true,
  programCode: true,
  wardCode: true,
  groupCode: true,
  amount: true,
  status: true,
  currentStep: true,
  submittedAt: true,
  updatedAt: true,
}).extend({ borrowerName: z.string() });

export const InboxView = z.object({
  items: z.array(
    ApplicationSummary.extend({
      stepSince: z.string(),
      waitingHours: z.number().int(),
      heldByMe: z.boolean(),
      dueOn: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  /** Loans waiting on the officer (the association's use check), beside the applications. */
  loanTasks: z.array(LoanTaskView),
});

export const ApplicationPage = z.object({
  items: z.array(ApplicationSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const applicationInclude = {
  program: true,
  disbursement: true,
  auditEvents: { where: { seq: { not: null } }, orderBy: { seq: 'asc' } },
} satisfies Prisma.ApplicationInclude;

export type ApplicationRow = Prisma.ApplicationGetPayload<{ include: typeof applicationInclude }>;
type SummaryRow = Pick<
  Prisma.ApplicationGetPayload<object>,
  | 'id'
  | 'code'
  | 'programCode'
  | 'wardCode'
  | 'groupCode'
  | 'borrowerName'
  | 'amountRequested'
  | 'status'
  | 'currentStep'
  | 'submittedAt'
  | 'updatedAt'
>;

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

interface AuditData {
  outcome?: string | null;
  reason?: string | null;
  payload?: Record<string, unknown>;
  actorName?: string;
}

/** The terms the bank approved, once it has: what the officer and the applicant both see. */
export function approvedTermsOf(
  row: Pick<ApplicationRow, 'approvedAmount' | 'approvedTermMonths' | 'annualRatePercent'>,
): { amount: number; termMonths: number; annualRatePercent: string } | null {
  if (row.approvedAmount === null || row.approvedTermMonths === null || row.annualRatePercent === null) return null;
  return {
    amount: Number(row.approvedAmount),
    termMonths: row.approvedTermMonths,
    annualRatePercent: row.annualRatePercent.toString(),
  };
}

export function toApplicationView(row: ApplicationRow): ApplicationView {
  return ApplicationView.parse({
    id: row.id,
    code: row.code,
    programCode: row.programCode,
    programVersion: row.program.version,
    programName: { vi: row.program.nameVi, en: row.program.nameEn },
    wardCode: row.wardCode,
    groupCode: row.groupCode,
    householdCategory: row.householdCategory,
    village: row.village,
    borrower: {
      fullName: row.borrowerName,
      citizenId: row.borrowerCitizenId,
      dateOfBirth: isoDate(row.borrowerBirthDate),
      phone: row.borrowerPhone,
      email: row.borrowerEmail,
    },
    amount: Number(row.amountRequested),
    termMonths: row.termMonths,
    purpose: row.purpose,
    usePlan: row.usePlan,
    status: row.status,
    currentStep: row.currentStep,
    holder:
      row.stepHolder && row.stepHolderRole && row.stepStartedAt
        ? { username: row.stepHolder, role: row.stepHolderRole, since: row.stepStartedAt.toISOString() }
        : null,
    returnReason: row.returnReason,
    capitalShortfall: row.capitalShortfall,
    stepSince: row.stepSince?.toISOString() ?? null,
    dueOn: row.dueOn ? isoDate(row.dueOn) : null,
    overdue: row.overdue,
    disbursementOn: row.disbursementOn ? isoDate(row.disbursementOn) : null,
    proposal:
      row.proposedAmount !== null && row.proposedTermMonths !== null && row.proposedBy !== null
        ? { amount: Number(row.proposedAmount), termMonths: row.proposedTermMonths, by: row.proposedBy }
        : null,
    approved: approvedTermsOf(row),
    disbursement: row.disbursement
      ? {
          amount: Number(row.disbursement.amount),
          disbursedOn: isoDate(row.disbursement.disbursedOn),
          transactionPoint: row.disbursement.transactionPoint,
          officer: row.disbursement.officerUsername,
        }
      : null,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    history: row.auditEvents.map((event) => {
      const data = event.data as AuditData;
      return {
        seq: event.seq,
        type: event.type,
        step: event.step,
        actor: {
          username: event.actorUsername,
          role: event.actorRole,
          displayName: data.actorName ?? '',
          scope: event.actorScope,
        },
        at: event.occurredAt.toISOString(),
        outcome: data.outcome ?? null,
        reason: data.reason ?? null,
        payload: data.payload ?? {},
      };
    }),
  });
}

export function toApplicationSummary(row: SummaryRow): z.infer<typeof ApplicationSummary> {
  return ApplicationSummary.parse({
    id: row.id,
    code: row.code,
    programCode: row.programCode,
    wardCode: row.wardCode,
    groupCode: row.groupCode,
    borrowerName: row.borrowerName,
    amount: Number(row.amountRequested),
    status: row.status,
    currentStep: row.currentStep,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
}
