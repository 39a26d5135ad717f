/**
 * The manager confirms a bank-approval batch: each proposal is confirmed or sent back through the application's
 * own Updates (`batch-<id>-<application>-confirm-start/-decide`), exactly once, as the submit does. Four eyes per
 * row: the workflow refuses the proposer as confirmer (SAME_OFFICER); such a row is listed with the refusal and
 * the others are decided. Once every row is marked, the batch is CONFIRMED and notice 04/TD is mailed.
 */
import type { StepDecisionInput } from '../../../workflows/definitions.js';
import { refSelect } from '../applications/find-application.js';
import type { WorkflowDeps } from '../applications/workflow-deps.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';
import { assertConfirmsBatch, findBatchFor } from './batch-scope.js';
import { decideOnce } from './decide-once.js';
import { loadBatch, type BatchRecord } from './read-batch.js';

/** The workflow that queues and sends the batch's mails; started once per batch. */
export const NOTIFY_BATCH_WORKFLOW = 'notifyBatch';
export const notifyBatchWorkflowId = (batchId: string): string => `batch-notice-${batchId}`;

async function notifyBatch(deps: WorkflowDeps, batchId: string): Promise<void> {
  // USE_EXISTING: a retried confirm finds the first start's run; a finished run only re-sends what is unsent.
  await deps.client.workflow.start(NOTIFY_BATCH_WORKFLOW, {
    workflowId: notifyBatchWorkflowId(batchId),
    taskQueue: deps.taskQueue,
    args: [{ batchId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

export async function confirmBatch(deps: WorkflowDeps, id: string, officer: Officer): Promise<BatchRecord> {
  const { prisma } = deps;
  const found = await findBatchFor(prisma, id, officer);
  assertConfirmsBatch(officer);
  await prisma.batch.updateMany({
    where: { id: found.id, step: 'bank-approval', status: 'SUBMITTED' },
    data: { status: 'CONFIRMING', confirmedBy: officer.username, confirmRequestedAt: new Date() },
  });
  const batch = await prisma.batch.findUniqueOrThrow({
    where: { id: found.id },
    include: { rows: { orderBy: { position: 'asc' } } },
  });
  if (batch.status === 'CONFIRMED') {
    await notifyBatch(deps, batch.id);
    return loadBatch(prisma, batch.id);
  }
  if (batch.status !== 'CONFIRMING') {
    throw new AppError(
      'BATCH_NOT_SUBMITTED',
      'A batch is confirmed once the credit officer has submitted its proposals',
    );
  }
  const since = batch.confirmRequestedAt ?? new Date();
  for (const row of batch.rows) {
    if (row.decidedOutcome !== 'approve' || row.confirmedOutcome !== null || row.confirmFailureCode !== null) continue;
    const app = await prisma.application.findUniqueOrThrow({ where: { id: row.applicationId }, select: refSelect });
    const decision: StepDecisionInput =
      row.confirmation === 'send-back'
        ? { step: 'bank-approval', outcome: 'send-back', reason: row.confirmReason ?? undefined }
        : { step: 'bank-approval', outcome: 'approve' };
    const result = await decideOnce(deps, app, decision, officer, {
      updateId: `batch-${batch.id}-${app.id}-confirm`,
      since,
      isOurs: (recorded) =>
        recorded.actorUsername === officer.username &&
        recorded.outcome === decision.outcome &&
        recorded.type === (decision.outcome === 'send-back' ? 'PROPOSAL_SENT_BACK' : 'STEP_DECIDED'),
    });
    await prisma.batchRow.updateMany({
      where: { id: row.id, confirmedOutcome: null },
      data: result.decided
        ? { confirmedOutcome: result.decision.outcome, confirmedSeq: result.decision.seq, confirmFailureCode: null }
        : { confirmFailureCode: result.error.code, confirmFailureMessage: result.error.message },
    });
  }
  await prisma.batch.updateMany({
    where: { id: batch.id, status: 'CONFIRMING' },
    data: { status: 'CONFIRMED', confirmedAt: new Date() },
  });
  await notifyBatch(deps, batch.id);
  return loadBatch(prisma, batch.id);
}
