/** The public shapes of the loan book: every answer passes through one of these, never a raw row. */
import { z } from 'zod';
import type { Prisma } from '../../../prisma/generated/client.js';

const iso = (d: Date): string => d.toISOString().slice(0, 10);

export const LoanSummaryView = z.object({
  id: z.string(),
  code: z.string(),
  applicationId: z.string(),
  programCode: z.string(),
  wardCode: z.string(),
  groupCode: z.string(),
  associationCode: z.string(),
  borrowerName: z.string(),
  amount: z.number().int(),
  termMonths: z.number().int(),
  annualRatePercent: z.string(),
  instalmentMonths: z.number().int(),
  disbursedOn: z.string(),
  status: z.enum(['ACTIVE', 'CLOSED']),
  outstandingPrincipal: z.number().int(),
  overduePrincipal: z.number().int(),
  /** The due date of the earliest instalment not yet repaid; null once every instalment is repaid. */
  nextDueOn: z.string().nullable(),
  useCheck: z.object({
    dueOn: z.string(),
    overdue: z.boolean(),
    outcome: z.string().nullable(),
    note: z.string().nullable(),
    checkedBy: z.string().nullable(),
    checkedAt: z.string().nullable(),
  }),
  closedOn: z.string().nullable(),
});
export type LoanSummaryView = z.infer<typeof LoanSummaryView>;

export const InstalmentView = z.object({
  no: z.number().int(),
  dueOn: z.string(),
  originalDueOn: z.string(),
  principal: z.number().int(),
  paidPrincipal: z.number().int(),
  status: z.enum(['DUE', 'OVERDUE', 'PAID']),
  overdueInterestPaid: z.number().int(),
  extension: z.object({ fromDueOn: z.string(), wardChairComment: z.string(), bankDecision: z.string() }).nullable(),
});

export const InterestMonthView = z.object({
  period: z.number().int(),
  month: z.string(),
  startOn: z.string(),
  dueOn: z.string(),
  base: z.number().int(),
  amount: z.number().int(),
  collected: z.number().int().nullable(),
  settled: z.number().int(),
});

export const PaymentView = z.object({
  kind: z.enum(['INTEREST', 'PRINCIPAL', 'EARLY_REPAYMENT']),
  amount: z.number().int(),
  principal: z.number().int(),
  interest: z.number().int(),
  overdueInterest: z.number().int(),
  paidOn: z.string(),
  month: z.string().nullable(),
  receiptNo: z.string().nullable(),
  recordedBy: z.string(),
});

export const LoanEventView = z.object({
  seq: z.number().int(),
  type: z.string(),
  actor: z.string(),
  at: z.string(),
  payload: z.record(z.string(), z.unknown()),
});

/** What is owed today, from the loan's workflow: at the transaction point, and to repay it all. */
export const DueTodayView = z.object({
  on: z.string(),
  overdueInterest: z.number().int(),
  interestArrears: z.number().int(),
  overduePrincipal: z.number().int(),
  nextPrincipal: z.number().int(),
  total: z.number().int(),
  payoff: z.number().int(),
});

export const LoanDetailView = LoanSummaryView.extend({
  instalments: z.array(InstalmentView),
  interest: z.array(InterestMonthView),
  payments: z.array(PaymentView),
  events: z.array(LoanEventView),
  overdue: z.object({ principal: z.number().int(), instalments: z.array(z.number().int()) }),
  /** Null when the loan is closed or its workflow cannot be asked right now. */
  dueToday: DueTodayView.nullable(),
});
export type LoanDetailView = z.infer<typeof LoanDetailView>;

export const LoanPage = z.object({
  items: z.array(LoanSummaryView),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const LoanActionResult = z.object({ seq: z.number().int(), status: z.enum(['ACTIVE', 'CLOSED']) });

type LoanRow = Prisma.LoanGetPayload<object>;

/** The loan's instalments not yet repaid, earliest first (listLoans reads only the first). */
export const unpaidInstalments = {
  where: { status: { not: 'PAID' } },
  orderBy: { dueOn: 'asc' },
  select: { dueOn: true, status: true },
} satisfies Prisma.LoanInstalmentFindManyArgs;

type Unpaid = { dueOn: Date; status: string };

export function toLoanSummary(row: LoanRow & { instalments?: Unpaid[] }): LoanSummaryView {
  const next = (row.instalments ?? [])
    .filter((i) => i.status !== 'PAID')
    .reduce<Unpaid | null>((first, i) => (first && first.dueOn <= i.dueOn ? first : i), null);
  return LoanSummaryView.parse({
    ...row,
    amount: Number(row.amount),
    annualRatePercent: row.annualRatePercent.toString(),
    disbursedOn: iso(row.disbursedOn),
    outstandingPrincipal: Number(row.outstandingPrincipal),
    overduePrincipal: Number(row.overduePrincipal),
    nextDueOn: next ? iso(next.dueOn) : null,
    useCheck: {
      dueOn: iso(row.useCheckDueOn),
      overdue: row.useCheckOverdue,
      outcome: row.useCheckOutcome,
      note: row.useCheckNote,
      checkedBy: row.useCheckedBy,
      checkedAt: row.useCheckedAt?.toISOString() ?? null,
    },
    closedOn: row.closedOn ? iso(row.closedOn) : null,
  });
}

export const loanDetailInclude = {
  instalments: { orderBy: { no: 'asc' } },
  interest: { orderBy: { period: 'asc' } },
  payments: { orderBy: [{ recordedAt: 'asc' }] },
  events: { orderBy: { seq: 'asc' } },
} satisfies Prisma.LoanInclude;

export type LoanDetailRow = Prisma.LoanGetPayload<{ include: typeof loanDetailInclude }>;

export function toLoanDetail(row: LoanDetailRow, dueToday: z.infer<typeof DueTodayView> | null): LoanDetailView {
  const overdue = row.instalments.filter((i) => i.status === 'OVERDUE');
  return LoanDetailView.parse({
    ...toLoanSummary(row),
    instalments: row.instalments.map((i) => ({
      no: i.no,
      dueOn: iso(i.dueOn),
      originalDueOn: iso(i.originalDueOn),
      principal: Number(i.principal),
      paidPrincipal: Number(i.paidPrincipal),
      status: i.status,
      overdueInterestPaid: Number(i.overdueInterestPaid),
      extension: i.extendedFrom
        ? {
            fromDueOn: iso(i.extendedFrom),
            wardChairComment: i.wardChairComment ?? '',
            bankDecision: i.bankDecision ?? '',
          }
        : null,
    })),
    interest: row.interest.map((m) => ({
      ...m,
      startOn: iso(m.startOn),
      dueOn: iso(m.dueOn),
      base: Number(m.base),
      amount: Number(m.amount),
      collected: m.collected === null ? null : Number(m.collected),
      settled: Number(m.settled),
    })),
    payments: row.payments.map((p) => ({
      ...p,
      amount: Number(p.amount),
      principal: Number(p.principal),
      interest: Number(p.interest),
      overdueInterest: Number(p.overdueInterest),
      paidOn: iso(p.paidOn),
    })),
    events: row.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      actor: e.actorUsername,
      at: e.occurredAt.toISOString(),
      payload: ((e.data as { payload?: Record<string, unknown> } | null)?.payload ?? {}) as Record<string, unknown>,
    })),
    overdue: {
      principal: overdue.reduce((sum, i) => sum + Number(i.principal - i.paidPrincipal), 0),
      instalments: overdue.map((i) => i.no),
    },
    dueToday,
  });
}

/** A loan task in an officer's inbox: the association's check of how the money is used. */
export const LoanTaskView = z.object({
  loanId: z.string(),
  code: z.string(),
  borrowerName: z.string(),
  groupCode: z.string(),
  task: z.literal('use-check'),
  since: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  amount: z.number().int(),
});
