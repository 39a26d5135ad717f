/**
 * The group leader's monthly collection of interest (receipt 01/BL): the group's loans with interest due in a
 * month, and one batch entering what was collected per loan. Exactly once per loan and month: the batch is
 * checked whole against the loan book before anything is sent, each loan's workflow refuses a second collection,
 * and each Update carries an id of loan and month, so a retried batch is answered with the first result.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { collectInterestUpdate } from '../../../workflows/loan-definitions.js';
import { translateWorkflowErrors } from '../../infra/temporal-errors.js';
import type { WorkflowDeps } from '../applications/workflow-deps.js';
import { AppError, type FieldError } from '../errors.js';
import { actorOf, type Officer } from '../sessions.js';

export interface InterestDueItem {
  loanId: string;
  code: string;
  borrowerName: string;
  dueOn: string;
  amount: number;
  collected: number | null;
}

/** The group's own leader enters the collection; bank officers of the group's office may read it. */
async function assertGroupScope(prisma: PrismaClient, officer: Officer, groupCode: string, write: boolean) {
  const group = await prisma.savingsGroup.findUnique({ where: { code: groupCode }, include: { ward: true } });
  if (!group) throw new AppError('UNKNOWN_GROUP', `No group ${groupCode}`);
  const leader = officer.role === 'group_leader' && officer.groupCode === groupCode;
  const bank =
    !write &&
    (officer.role === 'bank_credit_officer' || officer.role === 'bank_manager') &&
    officer.bankOfficeCode !== null &&
    officer.bankOfficeCode === group.ward.bankOfficeCode;
  // Group codes are public: refusing one reveals nothing, so 403 rather than 404.
  if (!leader && !bank) throw new AppError('FORBIDDEN', `Group ${groupCode} is not yours to collect interest for`);
}

export async function listInterestDue(
  prisma: PrismaClient,
  officer: Officer,
  groupCode: string,
  month: string,
): Promise<InterestDueItem[]> {
  await assertGroupScope(prisma, officer, groupCode, false);
  const rows = await prisma.loanInterest.findMany({
    where: { month, loan: { groupCode } },
    include: { loan: { select: { code: true, borrowerName: true } } },
    orderBy: { loan: { code: 'asc' } },
  });
  return rows.map((row) => ({
    loanId: row.loanId,
    code: row.loan.code,
    borrowerName: row.loan.borrowerName,
    dueOn: row.dueOn.toISOString().slice(0, 10),
    amount: Number(row.amount - row.settled),
    collected: row.collected === null ? null : Number(row.collected),
  }));
}

export interface CollectionBatch {
  month: string;
  receiptNo?: string | undefined;
  collections: { loanId: string; amount: number }[];
}

/** Every line of the batch against the book; the first refusal names its code, every line its field. */
async function checkBatch(prisma: PrismaClient, groupCode: string, batch: CollectionBatch): Promise<void> {
  const rows = await prisma.loanInterest.findMany({
    where: { month: batch.month, loanId: { in: batch.collections.map((c) => c.loanId) } },
    include: { loan: { select: { groupCode: true, status: true } } },
  });
  const failures: {
    code: 'INTEREST_NOT_DUE' | 'INTEREST_ALREADY_COLLECTED' | 'AMOUNT_OVER_DUE' | 'VALIDATION_FAILED';
    field: FieldError;
  }[] = [];
  const seen = new Set<string>();
  batch.collections.forEach((line, index) => {
    const path = `collections.${index}`;
    const row = rows.find((r) => r.loanId === line.loanId && r.loan.groupCode === groupCode);
    if (seen.has(line.loanId)) {
      failures.push({ code: 'VALIDATION_FAILED', field: { path: `${path}.loanId`, message: 'listed twice' } });
    } else if (!row || row.loan.status === 'CLOSED') {
      failures.push({
        code: 'INTEREST_NOT_DUE',
        field: { path: `${path}.loanId`, message: `no interest due in ${batch.month}` },
      });
    } else if (row.collected !== null) {
      failures.push({
        code: 'INTEREST_ALREADY_COLLECTED',
        field: { path: `${path}.loanId`, message: 'already collected' },
      });
    } else if (line.amount > Number(row.amount - row.settled)) {
      failures.push({
        code: 'AMOUNT_OVER_DUE',
        field: { path: `${path}.amount`, message: `at most ${Number(row.amount - row.settled)} VND is due` },
      });
    }
    seen.add(line.loanId);
  });
  const first = failures[0];
  if (first) {
    throw new AppError(
      first.code,
      `The batch cannot be entered: ${failures.length} line(s) refused`,
      failures.map((f) => f.field),
    );
  }
}

export async function collectInterest(
  deps: WorkflowDeps,
  officer: Officer,
  groupCode: string,
  batch: CollectionBatch,
): Promise<{ month: string; groupCode: string; collected: { loanId: string; amount: number; seq: number }[] }> {
  await assertGroupScope(deps.prisma, officer, groupCode, true);
  await checkBatch(deps.prisma, groupCode, batch);
  const actor = actorOf(officer);
  const collected = [];
  for (const line of batch.collections) {
    const workflowId = (await deps.prisma.loan.findUniqueOrThrow({ where: { id: line.loanId } })).workflowId;
    const result = await translateWorkflowErrors(() =>
      deps.client.workflow.getHandle(workflowId).executeUpdate(collectInterestUpdate, {
        args: [{ actor, month: batch.month, amount: line.amount, receiptNo: batch.receiptNo }],
        updateId: `interest:${line.loanId}:${batch.month}`,
      }),
    );
    collected.push({ loanId: line.loanId, amount: line.amount, seq: result.seq });
  }
  return { month: batch.month, groupCode, collected };
}
