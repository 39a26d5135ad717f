/**
 * Submitting a batch decides every row through the application's own Updates, exactly once however often (or
 * however concurrently) the submit is sent, as closing a meeting does:
 *
 * 1. DRAFT → SUBMITTING freezes the rows; a submit that finds SUBMITTING resumes.
 * 2. Per row, the decision is marked on the row (`decidedOutcome`, `decidedSeq`) or its refusal (`failureCode`);
 *    a marked row is never sent again.
 * 3. The Updates carry ids `batch-<id>-<application>-start/-decide`: a repeated one gets the first result.
 * 4. Before sending, the audit trail is asked for this officer's decision of the step with the row's outcome since
 *    the submit began: one found (a crash between the Update and its marker) is taken as the batch's own.
 * 5. When every row is marked, SUBMITTING → SUBMITTED.
 *
 * Included rows are approved (at bank approval: the credit officer's proposal of amount and term); excluded rows
 * are returned or rejected with their reason. A row already proposed on its application's page keeps that
 * proposal for the manager to confirm.
 */
import type { AssociationCode, HouseholdCategory } from '../../../workflows/domain.js';
import type {
  BankApprovalDecision,
  EntrustmentDecision,
  WardVerificationDecision,
} from '../../../workflows/definitions.js';
import { refSelect } from '../applications/find-application.js';
import type { WorkflowDeps } from '../applications/workflow-deps.js';
import type { Officer } from '../sessions.js';
import { assertHoldsBatch, findBatchFor, type BatchStep } from './batch-scope.js';
import { decideOnce } from './decide-once.js';
import { loadBatch, type BatchRecord, type RowFields } from './read-batch.js';

interface RowToDecide {
  id: string;
  applicationId: string;
  included: boolean;
  outcome: string | null;
  reason: string | null;
  fields: unknown;
}

/** The decision a row sends: the step's fields, approve for an included row, its own outcome otherwise. */
export function rowDecision(
  step: BatchStep,
  row: RowToDecide,
  associationCode: string,
): WardVerificationDecision | EntrustmentDecision | BankApprovalDecision {
  const fields = (row.fields ?? {}) as RowFields;
  const outcome = row.included ? 'approve' : ((row.outcome ?? 'return') as 'return' | 'reject');
  const reason = row.included ? fields.comment : (row.reason ?? undefined);
  switch (step) {
    case 'ward-verification':
      return {
        step,
        outcome,
        reason: row.included ? undefined : reason,
        residenceConfirmed: fields.residenceConfirmed ?? false,
        listedCategory: (fields.listedCategory ?? 'OTHER') as HouseholdCategory,
      };
    case 'entrustment':
      return {
        step,
        outcome,
        reason,
        associationCode: associationCode as AssociationCode,
        dossierComplete: fields.dossierComplete ?? false,
      };
    case 'bank-approval':
      return row.included
        ? { step, outcome, approvedAmount: fields.approvedAmount, termMonths: fields.termMonths }
        : { step, outcome, reason };
  }
}

export async function submitBatch(deps: WorkflowDeps, id: string, officer: Officer): Promise<BatchRecord> {
  const { prisma } = deps;
  const found = await findBatchFor(prisma, id, officer);
  assertHoldsBatch(officer, found.step);
  await prisma.batch.updateMany({
    where: { id: found.id, status: 'DRAFT' },
    data: { status: 'SUBMITTING', submittedBy: officer.username, submitRequestedAt: new Date() },
  });
  const batch = await prisma.batch.findUniqueOrThrow({
    where: { id: found.id },
    include: { group: true, rows: { orderBy: { position: 'asc' } } },
  });
  if (batch.status !== 'SUBMITTING') return loadBatch(prisma, batch.id);

  const since = batch.submitRequestedAt ?? new Date();
  for (const row of batch.rows) {
    if (row.decidedOutcome !== null || row.failureCode !== null) continue;
    const app = await prisma.application.findUniqueOrThrow({
      where: { id: row.applicationId },
      select: { ...refSelect, proposedBy: true },
    });
    const decision = rowDecision(found.step, row, batch.group.associationCode);
    const result = await decideOnce(deps, app, decision, officer, {
      updateId: `batch-${batch.id}-${app.id}`,
      since,
      isOurs: (recorded) =>
        recorded.actorUsername === officer.username &&
        recorded.outcome === decision.outcome &&
        recorded.type !== 'PROPOSAL_SENT_BACK',
    });
    if (result.decided) {
      const proposedBy = found.step === 'bank-approval' && decision.outcome === 'approve' ? officer.username : null;
      await prisma.batchRow.updateMany({
        where: { id: row.id, decidedOutcome: null },
        data: {
          decidedOutcome: result.decision.outcome,
          decidedSeq: result.decision.seq,
          proposedBy,
          failureCode: null,
          failureMessage: null,
        },
      });
    } else if (found.step === 'bank-approval' && row.included && app.proposedBy) {
      // Proposed already, on the application's page: the manager confirms that proposal.
      await prisma.batchRow.updateMany({
        where: { id: row.id, decidedOutcome: null },
        data: { decidedOutcome: 'approve', proposedBy: app.proposedBy },
      });
    } else {
      await prisma.batchRow.updateMany({
        where: { id: row.id, decidedOutcome: null },
        data: { failureCode: result.error.code, failureMessage: result.error.message },
      });
    }
  }
  await prisma.batch.updateMany({
    where: { id: batch.id, status: 'SUBMITTING' },
    data: { status: 'SUBMITTED', submittedAt: new Date() },
  });
  return loadBatch(prisma, batch.id);
}
