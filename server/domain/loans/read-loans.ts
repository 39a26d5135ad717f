import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { toVietnamDate } from '../../../workflows/calendar/working-days.js';
import { getLoanQuery, type LoanState, type LoanTerms } from '../../../workflows/loan-definitions.js';
import { payoffAmount, principalDue } from '../../../workflows/rules/loan-transitions.js';
import type { WorkflowDeps } from '../applications/workflow-deps.js';
import type { Officer } from '../sessions.js';
import { findLoan, loansReadableBy } from './loan-access.js';
import {
  loanDetailInclude,
  toLoanDetail,
  toLoanSummary,
  unpaidInstalments,
  type LoanDetailView,
} from './loan-views.js';

export interface LoanFilters {
  status?: 'ACTIVE' | 'CLOSED' | undefined;
  overdue?: boolean | undefined;
  wardCode?: string | undefined;
  groupCode?: string | undefined;
  programCode?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listLoans(prisma: PrismaClient, officer: Officer, filters: LoanFilters) {
  const where: Prisma.LoanWhereInput = {
    AND: [
      loansReadableBy(officer),
      filters.status ? { status: filters.status } : {},
      filters.overdue === undefined ? {} : filters.overdue ? { overduePrincipal: { gt: 0 } } : { overduePrincipal: 0 },
      filters.wardCode ? { wardCode: filters.wardCode } : {},
      filters.groupCode ? { groupCode: filters.groupCode } : {},
      filters.programCode ? { programCode: filters.programCode } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.loan.findMany({
      where,
      orderBy: [{ disbursedOn: 'desc' }, { code: 'asc' }],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      include: { instalments: { ...unpaidInstalments, take: 1 } },
    }),
    prisma.loan.count({ where }),
  ]);
  return { items: rows.map(toLoanSummary), page: filters.page, pageSize: filters.pageSize, total };
}

/** The workflow's own state: overdue interest accrues by the day, so the figures are computed from it. */
async function queryState(deps: WorkflowDeps, workflowId: string): Promise<LoanState | null> {
  try {
    return await deps.client.workflow.getHandle(workflowId).query(getLoanQuery);
  } catch {
    // The figures are a convenience of the answer: the book itself is in the database.
    return null;
  }
}

/** `on`: the Vietnamese date the figures owed are for (today by default). */
export async function readLoan(deps: WorkflowDeps, officer: Officer, id: string, on?: string): Promise<LoanDetailView> {
  const ref = await findLoan(deps.prisma, id, officer);
  const row = await deps.prisma.loan.findUniqueOrThrow({ where: { id: ref.id }, include: loanDetailInclude });
  const state = row.status === 'ACTIVE' ? await queryState(deps, row.workflowId) : null;
  const today = on ?? toVietnamDate(Date.now());
  const terms: LoanTerms = {
    applicationId: row.applicationId,
    code: row.code,
    wardCode: row.wardCode,
    groupCode: row.groupCode,
    associationCode: row.associationCode,
    programCode: row.programCode,
    amount: Number(row.amount),
    termMonths: row.termMonths,
    annualRatePercent: row.annualRatePercent.toString(),
    instalmentMonths: row.instalmentMonths,
    disbursedOn: row.disbursedOn.toISOString().slice(0, 10),
    disbursedAt: row.disbursedOn.toISOString(),
    calendar: { holidays: [] },
  };
  const due = state
    ? { on: today, ...principalDue(state, terms, today), payoff: payoffAmount(state, terms, today) }
    : null;
  return toLoanDetail(row, due);
}
