import { getStateQuery } from '../../../workflows/definitions.js';
import { decideStep, findApplication, startStep, type WorkflowDeps } from '../applications/index.js';
import { AppError, notFound } from '../errors.js';
import type { Officer } from '../sessions.js';
import { dayOf, transactionPointFor, type TransactionDayQuery } from './transaction-day.js';

/** Refusals that may mean another request got there first: the workflow's own state then says so. */
const MAYBE_DECIDED = new Set(['APPLICATION_ENDED', 'STEP_NOT_CURRENT', 'STEP_HELD_BY_OTHER']);

/**
 * Records one row of the transaction day as disbursed: the approved amount, on that day, at the ward's point,
 * through the same step decision as the application page. Exactly once: a row already disbursed (a double click,
 * a retried POST, two officers at once) answers 'already' and decides nothing; the workflow's own check settles
 * a race between two requests in flight.
 */
export async function markDisbursed(
  deps: WorkflowDeps,
  officer: Officer,
  query: TransactionDayQuery & { applicationId: string },
): Promise<'disbursed' | 'already'> {
  const ward = await transactionPointFor(deps.prisma, officer, query.ward);
  const row = await deps.prisma.application.findFirst({
    where: { id: query.applicationId, wardCode: ward.code, disbursementOn: dayOf(query.date) },
    select: { id: true, status: true, approvedAmount: true },
  });
  if (!row) throw notFound('Application');
  if (row.status === 'DISBURSED') return 'already';
  const app = await findApplication(deps.prisma, row.id, officer);
  try {
    await startStep(deps, app, 'disbursement', officer);
    await decideStep(
      deps,
      app,
      {
        step: 'disbursement',
        outcome: 'approve',
        amount: Number(row.approvedAmount),
        disbursedOn: query.date,
        transactionPoint: ward.transactionPoint,
      },
      officer,
    );
    return 'disbursed';
  } catch (error) {
    if (!(error instanceof AppError) || !MAYBE_DECIDED.has(error.code)) throw error;
    // The read model is written after the update answers, so the workflow is asked, not the table.
    const state = await deps.client.workflow.getHandle(app.workflowId).query(getStateQuery);
    if (state.status === 'DISBURSED') return 'already';
    throw error;
  }
}
