/** A batch as the API and the pages show it: the group, the step, and per row the application and its result. */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { groupsReadableBy } from '../access.js';
import { notFound } from '../errors.js';
import { checkAgainstRegistry } from '../registry/check.js';
import type { Officer } from '../sessions.js';
import { findBatchFor, type BatchStatus, type BatchStep } from './batch-scope.js';
import { findGroupFor } from './meeting-scope.js';

export type ExcludedOutcome = 'return' | 'reject';
export type Confirmation = 'confirm' | 'send-back';

/** The step's own fields of a row: what the decision sends besides its outcome. */
export interface RowFields {
  residenceConfirmed?: boolean | undefined;
  listedCategory?: string | undefined;
  dossierComplete?: boolean | undefined;
  /** What the association officer found on the dossier, recorded with the decision. */
  comment?: string | undefined;
  approvedAmount?: number | undefined;
  termMonths?: number | undefined;
}

export interface Refusal {
  code: string;
  message: string;
}

export interface BatchRow {
  id: string;
  position: number;
  applicationId: string;
  applicationCode: string;
  borrowerName: string;
  householdCategory: string;
  programCode: string;
  amountRequested: number;
  termMonths: number;
  purpose: string;
  status: string;
  currentStep: string | null;
  included: boolean;
  outcome: ExcludedOutcome | null;
  reason: string | null;
  fields: RowFields;
  /** What the submit decided for the row (at bank approval: `approve` is the proposal), or why it could not. */
  decided: { outcome: string; seq: number | null } | null;
  proposedBy: string | null;
  failure: Refusal | null;
  confirmation: Confirmation | null;
  confirmReason: string | null;
  confirmed: { outcome: string; seq: number | null } | null;
  confirmFailure: Refusal | null;
  /** Beside each row of the ward's batch: what the ward's household list says (the application page's check). */
  registryCheck?: Awaited<ReturnType<typeof checkAgainstRegistry>> | undefined;
}

export interface BatchRecord {
  id: string;
  groupCode: string;
  groupName: string;
  wardCode: string;
  associationCode: string;
  step: BatchStep;
  meetingId: string | null;
  status: BatchStatus;
  openedBy: string;
  openedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  rows: BatchRow[];
}

export const rowInclude = {
  application: {
    select: {
      code: true,
      borrowerName: true,
      householdCategory: true,
      programCode: true,
      amountRequested: true,
      termMonths: true,
      purpose: true,
      status: true,
      currentStep: true,
    },
  },
} satisfies Prisma.BatchRowInclude;

type RowData = Prisma.BatchRowGetPayload<{ include: typeof rowInclude }>;

const refusal = (code: string | null, message: string | null): Refusal | null =>
  code ? { code, message: message ?? '' } : null;

function toRow(row: RowData): BatchRow {
  const { application: app } = row;
  return {
    id: row.id,
    position: row.position,
    applicationId: row.applicationId,
    applicationCode: app.code,
    borrowerName: app.borrowerName,
    householdCategory: app.householdCategory,
    programCode: app.programCode,
    amountRequested: Number(app.amountRequested),
    termMonths: app.termMonths,
    purpose: app.purpose,
    status: app.status,
    currentStep: app.currentStep,
    included: row.included,
    outcome: row.outcome as ExcludedOutcome | null,
    reason: row.reason,
    fields: (row.fields ?? {}) as RowFields,
    decided: row.decidedOutcome ? { outcome: row.decidedOutcome, seq: row.decidedSeq } : null,
    proposedBy: row.proposedBy,
    failure: refusal(row.failureCode, row.failureMessage),
    confirmation: row.confirmation as Confirmation | null,
    confirmReason: row.confirmReason,
    confirmed: row.confirmedOutcome ? { outcome: row.confirmedOutcome, seq: row.confirmedSeq } : null,
    confirmFailure: refusal(row.confirmFailureCode, row.confirmFailureMessage),
  };
}

export async function loadBatch(prisma: PrismaClient, id: string): Promise<BatchRecord> {
  const batch = await prisma.batch.findUnique({
    where: { id },
    include: { group: true, rows: { orderBy: { position: 'asc' }, include: rowInclude } },
  });
  if (!batch) throw notFound('Batch');
  return {
    id: batch.id,
    groupCode: batch.groupCode,
    groupName: batch.group.name,
    wardCode: batch.group.wardCode,
    associationCode: batch.group.associationCode,
    step: batch.step as BatchStep,
    meetingId: batch.meetingId,
    status: batch.status as BatchStatus,
    openedBy: batch.openedBy,
    openedAt: batch.openedAt.toISOString(),
    submittedBy: batch.submittedBy,
    submittedAt: batch.submittedAt?.toISOString() ?? null,
    confirmedBy: batch.confirmedBy,
    confirmedAt: batch.confirmedAt?.toISOString() ?? null,
    rows: batch.rows.map(toRow),
  };
}

/**
 * The batch; for the ward's own officers, the ward's batch with the registry check beside every row, as the
 * application page has it (only the ward's officers read its household list).
 */
export async function readBatch(prisma: PrismaClient, id: string, officer: Officer, today: string) {
  const found = await findBatchFor(prisma, id, officer);
  const batch = await loadBatch(prisma, found.id);
  if (batch.step !== 'ward-verification' || officer.role !== 'ward_officer') return batch;
  for (const row of batch.rows)
    row.registryCheck = await checkAgainstRegistry(prisma, officer, row.applicationId, today);
  return batch;
}

export interface BatchSummary {
  id: string;
  step: BatchStep;
  status: BatchStatus;
  meetingId: string | null;
  openedBy: string;
  openedAt: string;
  rows: number;
}

export async function listBatches(prisma: PrismaClient, groupCode: string, officer: Officer): Promise<BatchSummary[]> {
  const group = await findGroupFor(prisma, groupCode, officer);
  const batches = await prisma.batch.findMany({
    where: { groupCode: group.code, group: groupsReadableBy(officer) },
    orderBy: { openedAt: 'desc' },
    include: { _count: { select: { rows: true } } },
  });
  return batches.map((b) => ({
    id: b.id,
    step: b.step as BatchStep,
    status: b.status as BatchStatus,
    meetingId: b.meetingId,
    openedBy: b.openedBy,
    openedAt: b.openedAt.toISOString(),
    rows: b._count.rows,
  }));
}
