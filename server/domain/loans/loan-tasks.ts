/** The loans waiting on an association officer: the check of how the money is used, within 30 days. */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { Officer } from '../sessions.js';
import { loansReadableBy } from './loan-access.js';

export interface LoanTask {
  loanId: string;
  code: string;
  borrowerName: string;
  groupCode: string;
  task: 'use-check';
  since: string;
  dueOn: string;
  overdue: boolean;
  amount: number;
}

export async function readLoanTasks(prisma: PrismaClient, officer: Officer): Promise<LoanTask[]> {
  if (officer.role !== 'association_officer') return [];
  const rows = await prisma.loan.findMany({
    where: { AND: [loansReadableBy(officer), { useCheckOutcome: null }] },
    orderBy: [{ useCheckDueOn: 'asc' }, { code: 'asc' }],
    take: 500,
  });
  return rows.map((row) => ({
    loanId: row.id,
    code: row.code,
    borrowerName: row.borrowerName,
    groupCode: row.groupCode,
    task: 'use-check',
    since: row.disbursedOn.toISOString().slice(0, 10),
    dueOn: row.useCheckDueOn.toISOString().slice(0, 10),
    overdue: row.useCheckOverdue,
    amount: Number(row.amount),
  }));
}
