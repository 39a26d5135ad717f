/**
 * Editing a batch before it is decided: the step's officer includes or excludes rows (an excluded row is
 * returned or rejected on its own, with a reason) and fills the step's fields; at bank approval, once the
 * proposals are in, the manager marks each proposal confirmed or sent back.
 */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';
import { assertConfirmsBatch, assertHoldsBatch, findBatchFor } from './batch-scope.js';
import type { Confirmation, ExcludedOutcome, RowFields } from './read-batch.js';

export interface RowEdit {
  applicationId: string;
  included?: boolean | undefined;
  outcome?: ExcludedOutcome | undefined;
  reason?: string | undefined;
  /** Merged into the row's fields. */
  fields?: RowFields | undefined;
}

export interface ConfirmationEdit {
  applicationId: string;
  confirmation: Confirmation;
  reason?: string | undefined;
}

export interface SaveBatchInput {
  rows?: RowEdit[] | undefined;
  confirmations?: ConfirmationEdit[] | undefined;
}

type Row = { id: string; applicationId: string; included: boolean; outcome: string | null; reason: string | null };

function rowOf<T extends { applicationId: string }>(rows: T[], applicationId: string): T {
  const row = rows.find((r) => r.applicationId === applicationId);
  if (!row) throw new AppError('NOT_IN_BATCH', `Application ${applicationId} is not on this batch`);
  return row;
}

function reasonRequired(message: string): AppError {
  return new AppError('REASON_REQUIRED', message, [{ path: 'reason', message }]);
}

async function saveRows(tx: Prisma.TransactionClient, rows: (Row & { fields: unknown })[], edits: RowEdit[]) {
  for (const edit of edits) {
    const row = rowOf(rows, edit.applicationId);
    const included = edit.included ?? row.included;
    const outcome = included ? null : (edit.outcome ?? row.outcome ?? 'return');
    const reason = edit.reason !== undefined ? edit.reason : row.reason;
    if (!included && !reason?.trim()) throw reasonRequired('An excluded row needs a reason');
    const fields = { ...((row.fields ?? {}) as RowFields), ...(edit.fields ?? {}) };
    await tx.batchRow.update({
      where: { id: row.id },
      data: { included, outcome, reason: reason ?? null, fields: fields as Prisma.InputJsonObject },
    });
  }
}

async function saveConfirmations(
  tx: Prisma.TransactionClient,
  rows: (Row & { decidedOutcome: string | null })[],
  edits: ConfirmationEdit[],
) {
  for (const edit of edits) {
    const row = rowOf(rows, edit.applicationId);
    if (row.decidedOutcome !== 'approve') {
      throw new AppError('NOT_IN_BATCH', `Application ${edit.applicationId} has no proposal on this batch`);
    }
    if (edit.confirmation === 'send-back' && !edit.reason?.trim()) {
      throw reasonRequired('Sending a proposal back needs a reason');
    }
    await tx.batchRow.update({
      where: { id: row.id },
      data: { confirmation: edit.confirmation, confirmReason: edit.reason ?? null },
    });
  }
}

export async function saveBatch(prisma: PrismaClient, id: string, officer: Officer, input: SaveBatchInput) {
  const batch = await findBatchFor(prisma, id, officer);
  if (input.rows) assertHoldsBatch(officer, batch.step);
  if (input.confirmations) assertConfirmsBatch(officer);
  await prisma.$transaction(async (tx) => {
    // The status is checked inside the transaction, under the row lock a concurrent submit takes too.
    const wanted = input.confirmations ? 'SUBMITTED' : 'DRAFT';
    const locked = await tx.batch.updateMany({
      where: { id: batch.id, status: wanted, step: input.confirmations ? 'bank-approval' : batch.step },
      data: { updatedAt: new Date() },
    });
    if (locked.count === 0) {
      throw input.confirmations
        ? new AppError('BATCH_NOT_SUBMITTED', 'Proposals are confirmed once the credit officer has submitted them')
        : new AppError('BATCH_NOT_DRAFT', 'The batch has been submitted and can no longer be changed');
    }
    const rows = await tx.batchRow.findMany({ where: { batchId: batch.id } });
    if (input.rows) await saveRows(tx, rows, input.rows);
    if (input.confirmations) await saveConfirmations(tx, rows, input.confirmations);
  });
}
