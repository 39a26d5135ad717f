/**
 * The transaction day (ngày giao dịch): every approved loan scheduled for disbursement at one ward's
 * transaction point on one day, as the bank's team pays it out and as the posting list shows it.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { requireRole } from '../access.js';
import { AppError, notFound } from '../errors.js';
import { finalDueDate } from '../forms/form-01-td.js';
import type { Officer } from '../sessions.js';

export interface TransactionDayQuery {
  ward: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface TransactionDayRow {
  applicationId: string;
  code: string;
  borrowerName: string;
  village: string | null;
  groupName: string;
  amount: number;
  termMonths: number;
  annualRatePercent: string;
  /** The loan's final due date, counted from the transaction day. */
  finalDueOn: string;
  /** Set once the disbursement is recorded. */
  disbursedOn: string | null;
}

export interface TransactionPoint {
  code: string;
  name: string;
  transactionPoint: string;
  transactionDay: number;
  district: string;
  province: string;
  bankOfficeName: string;
}

export interface TransactionDay {
  ward: TransactionPoint;
  date: string;
  rows: TransactionDayRow[];
  totals: { count: number; amount: number; disbursedCount: number; disbursedAmount: number };
}

export const BANK_ROLES = ['bank_credit_officer', 'bank_manager'] as const;
const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
export const dayOf = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** The ward's transaction point, if it is served by the officer's bank office (ward codes are public: 403). */
export async function transactionPointFor(prisma: PrismaClient, officer: Officer, wardCode: string) {
  requireRole(officer, BANK_ROLES);
  const ward = await prisma.ward.findUnique({ where: { code: wardCode }, include: { bankOffice: true } });
  if (!ward) throw notFound('Ward');
  if (!officer.bankOfficeCode || ward.bankOfficeCode !== officer.bankOfficeCode) {
    throw new AppError('FORBIDDEN', `Ward ${wardCode} is not served by your bank office`);
  }
  return ward;
}

/** The transaction points of the officer's bank office, for choosing one. */
export async function listTransactionPoints(prisma: PrismaClient, officer: Officer): Promise<TransactionPoint[]> {
  requireRole(officer, BANK_ROLES);
  const wards = await prisma.ward.findMany({
    where: { bankOfficeCode: officer.bankOfficeCode ?? '' },
    include: { bankOffice: true },
    orderBy: { code: 'asc' },
  });
  return wards.map(toTransactionPoint);
}

function toTransactionPoint(ward: Awaited<ReturnType<typeof transactionPointFor>>): TransactionPoint {
  return {
    code: ward.code,
    name: ward.name,
    transactionPoint: ward.transactionPoint,
    transactionDay: ward.transactionDay,
    district: ward.district,
    province: ward.province,
    bankOfficeName: ward.bankOffice?.name ?? '',
  };
}

/** Applications scheduled at the ward's point that day: still to disburse, or disbursed. */
export const scheduledWhere = (query: TransactionDayQuery) => ({
  wardCode: query.ward,
  disbursementOn: dayOf(query.date),
  OR: [{ status: 'IN_PROGRESS', currentStep: 'disbursement' }, { status: 'DISBURSED' }],
});

export async function readTransactionDay(
  prisma: PrismaClient,
  officer: Officer,
  query: TransactionDayQuery,
): Promise<TransactionDay> {
  const ward = await transactionPointFor(prisma, officer, query.ward);
  const applications = await prisma.application.findMany({
    where: scheduledWhere(query),
    include: { group: { select: { name: true } }, disbursement: true },
    orderBy: [{ groupCode: 'asc' }, { borrowerNameFolded: 'asc' }, { code: 'asc' }],
  });
  const rows = applications.map((app): TransactionDayRow => {
    const termMonths = app.approvedTermMonths ?? app.termMonths;
    return {
      applicationId: app.id,
      code: app.code,
      borrowerName: app.borrowerName,
      village: app.village,
      groupName: app.group.name,
      amount: Number(app.approvedAmount ?? app.amountRequested),
      termMonths,
      annualRatePercent: app.annualRatePercent?.toString() ?? '',
      finalDueOn: finalDueDate(query.date, termMonths),
      disbursedOn: app.disbursement ? isoDate(app.disbursement.disbursedOn) : null,
    };
  });
  const disbursed = rows.filter((row) => row.disbursedOn !== null);
  const sum = (list: TransactionDayRow[]) => list.reduce((total, row) => total + row.amount, 0);
  return {
    ward: toTransactionPoint(ward),
    date: query.date,
    rows,
    totals: {
      count: rows.length,
      amount: sum(rows),
      disbursedCount: disbursed.length,
      disbursedAmount: sum(disbursed),
    },
  };
}

/** The days with loans still waiting at the ward's point, soonest first, each with how many. */
export async function listScheduledDays(
  prisma: PrismaClient,
  officer: Officer,
  wardCode: string,
): Promise<{ date: string; count: number }[]> {
  await transactionPointFor(prisma, officer, wardCode);
  const groups = await prisma.application.groupBy({
    by: ['disbursementOn'],
    where: { wardCode, status: 'IN_PROGRESS', currentStep: 'disbursement', disbursementOn: { not: null } },
    _count: { _all: true },
    orderBy: { disbursementOn: 'asc' },
  });
  return groups.flatMap((group) =>
    group.disbursementOn ? [{ date: isoDate(group.disbursementOn), count: group._count._all }] : [],
  );
}
