/**
 * What is not disbursed on its transaction day moves to the ward's next one, with the reason: one row (the bank
 * officer's "không giải ngân hôm nay"), or every row still waiting when the day is closed. The workflow moves the
 * disbursement step's due date and timers; the read model, the audit and the mail follow its event.
 */
import { carryOverDisbursementUpdate } from '../../../workflows/definitions.js';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { findApplication, type WorkflowDeps } from '../applications/index.js';
import { assertNoConflictOfInterest, assertOpen } from '../applications/guards.js';
import { AppError, notFound } from '../errors.js';
import { translateWorkflowErrors } from '../../infra/temporal-errors.js';
import { actorOf, type Officer } from '../sessions.js';
import { readTransactionDay, transactionPointFor, type TransactionDayQuery } from './transaction-day.js';

export interface CarriedOver {
  applicationId: string;
  code: string;
  /** 'already' when this row was moved from this day before (a retry, a double click, two officers at once). */
  outcome: 'carried-over' | 'already';
  fromOn: string;
  toOn: string;
}

export interface CarryOverRefusal {
  applicationId: string;
  code: string;
  error: AppError;
}

/** The carry-over of the application from that day, if one was recorded. */
async function findCarryOver(prisma: PrismaClient, applicationId: string, fromOn: string) {
  const events = await prisma.auditEvent.findMany({
    where: { applicationId, type: 'DISBURSEMENT_CARRIED_OVER' },
    select: { data: true },
  });
  for (const event of events) {
    const payload = (event.data as { payload?: { fromOn?: unknown; toOn?: unknown } }).payload;
    if (payload?.fromOn === fromOn && typeof payload.toOn === 'string') return { toOn: payload.toOn };
  }
  return null;
}

/**
 * Moves one row of the transaction day to the next transaction day. Exactly once per row and day: the Update's
 * id names the application and the day, so Temporal answers a retried call with the first result, and a later
 * one finds the recorded carry-over (the workflow refuses a day the loan is no longer scheduled on).
 */
export async function carryOverRow(
  deps: WorkflowDeps,
  officer: Officer,
  query: TransactionDayQuery & { applicationId: string; reason: string },
): Promise<CarriedOver> {
  const ward = await transactionPointFor(deps.prisma, officer, query.ward);
  const row = await deps.prisma.application.findFirst({
    where: { id: query.applicationId, wardCode: ward.code },
    select: { id: true, code: true },
  });
  if (!row) throw notFound('Application');
  const answer = (outcome: CarriedOver['outcome'], toOn: string): CarriedOver => ({
    applicationId: row.id,
    code: row.code,
    outcome,
    fromOn: query.date,
    toOn,
  });
  const before = await findCarryOver(deps.prisma, row.id, query.date);
  if (before) return answer('already', before.toOn);
  const app = await findApplication(deps.prisma, row.id, officer);
  assertOpen(app);
  await assertNoConflictOfInterest(deps.prisma, app, officer);
  const args = { actor: actorOf(officer), fromOn: query.date, reason: query.reason };
  try {
    await translateWorkflowErrors(() =>
      deps.client.workflow
        .getHandle(app.workflowId)
        .executeUpdate(carryOverDisbursementUpdate, { args: [args], updateId: `carry-over:${row.id}:${query.date}` }),
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'NOT_SCHEDULED_THAT_DAY') throw error;
    // Another request moved it while this one was on its way; the read model has its event once it answered.
    const moved = await findCarryOver(deps.prisma, row.id, query.date);
    if (moved) return answer('already', moved.toOn);
    throw error;
  }
  const after = await findCarryOver(deps.prisma, row.id, query.date);
  if (!after) throw new Error(`The carry-over of ${row.code} was not recorded`);
  return answer('carried-over', after.toOn);
}

/**
 * Closes the transaction day: every row still waiting moves to the next transaction day with the one reason. A
 * retried close finds them moved and moves nothing twice. A row refused on its own (an officer related to the
 * household) is reported beside the others; when nothing could move, the first refusal is the answer.
 */
export async function closeTransactionDay(
  deps: WorkflowDeps,
  officer: Officer,
  query: TransactionDayQuery & { reason: string },
): Promise<{ carriedOver: CarriedOver[]; refused: CarryOverRefusal[] }> {
  const day = await readTransactionDay(deps.prisma, officer, query);
  const carriedOver: CarriedOver[] = [];
  const refused: CarryOverRefusal[] = [];
  for (const row of day.rows.filter((r) => r.disbursedOn === null)) {
    try {
      carriedOver.push(await carryOverRow(deps, officer, { ...query, applicationId: row.applicationId }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ applicationId: row.applicationId, code: row.code, error });
    }
  }
  const [first] = refused;
  if (first && carriedOver.length === 0) throw first.error;
  return { carriedOver, refused };
}
