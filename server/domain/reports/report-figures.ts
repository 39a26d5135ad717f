/**
 * The report's figures, read in a few set-based queries. Stocks come from the books, never from the running
 * columns: a source's balances on a date are the sums of its ledger rows dated up to that date, and a loan's
 * outstanding and overdue are its amount, schedule and payments up to that date.
 */
import { Prisma, type PrismaClient } from '../../../prisma/generated/client.js';

type Num = bigint | number | string | null;
const num = (value: Num): number => (value === null ? 0 : Number(value));

export interface SourceStock {
  code: string;
  name: string;
  kind: string;
  capital: number;
  reserved: number;
  outstanding: number;
  available: number;
}

/**
 * Every source of the scope with its balances on `on`, from its ledger. available is what is left of capital once
 * reserved and outstanding are taken, so capital = outstanding + available + reserved holds for each source.
 */
export async function readSourceStocks(prisma: PrismaClient, sources: Prisma.Sql, on: string): Promise<SourceStock[]> {
  const rows = await prisma.$queryRaw<
    { code: string; name: string; kind: string; capital: Num; reserved: Num; outstanding: Num }[]
  >`
    SELECT s.code, s.name, s.kind,
           COALESCE(SUM(CASE m.kind WHEN 'entrust' THEN m.amount WHEN 'top-up' THEN m.amount
                                    WHEN 'recall' THEN -m.amount ELSE 0 END), 0)::bigint AS capital,
           COALESCE(SUM(CASE m.kind WHEN 'reserve' THEN m.amount WHEN 'release' THEN -m.amount
                                    WHEN 'disburse' THEN -m.amount ELSE 0 END), 0)::bigint AS reserved,
           COALESCE(SUM(CASE m.kind WHEN 'disburse' THEN m.amount WHEN 'repay' THEN -m.amount ELSE 0 END), 0)::bigint
             AS outstanding
      FROM capital_sources s
      LEFT JOIN capital_movements m ON m.source_id = s.id AND m."on" <= ${on}::date
     WHERE ${sources}
     GROUP BY s.id, s.code, s.name, s.kind
     ORDER BY s.code`;
  return rows.map((row) => {
    const [capital, reserved, outstanding] = [num(row.capital), num(row.reserved), num(row.outstanding)];
    return {
      code: row.code,
      name: row.name,
      kind: row.kind,
      capital,
      reserved,
      outstanding,
      available: capital - reserved - outstanding,
    };
  });
}

export interface LoanStock {
  on: string;
  wardCode: string;
  outstanding: number;
  overdue: number;
  borrowers: number;
}

/**
 * The loans' stocks on each date, per ward. outstanding(D) = amount − principal paid by D, for loans disbursed by D.
 * overdue(D) = the principal of instalments due before D not covered by the principal paid by D, the payments
 * applied to the instalments in their order. An extension is decided before its instalment falls due (an overdue
 * instalment cannot be extended), so the current due date is the one that stood on any D after the old one.
 */
export async function readLoanStocks(prisma: PrismaClient, loans: Prisma.Sql, dates: string[]): Promise<LoanStock[]> {
  const days = Prisma.join(dates.map((d) => Prisma.sql`(${d}::date)`));
  const rows = await prisma.$queryRaw<
    { as_of: string; ward_code: string; outstanding: Num; overdue: Num; borrowers: Num }[]
  >`
    WITH days(d) AS (VALUES ${days}),
    book AS (
      SELECT days.d, l.id, l.ward_code, l.household_id, l.amount
        FROM loans l JOIN days ON l.disbursed_on <= days.d
       WHERE ${loans}),
    paid AS (
      SELECT book.d, book.id, COALESCE(SUM(p.principal), 0) AS principal
        FROM book LEFT JOIN loan_payments p ON p.loan_id = book.id AND p.paid_on <= book.d
       GROUP BY book.d, book.id),
    due AS (
      SELECT book.d, i.loan_id, i.principal, i.due_on,
             COALESCE(SUM(i.principal) OVER (PARTITION BY book.d, i.loan_id ORDER BY i.no
                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
        FROM book JOIN loan_instalments i ON i.loan_id = book.id),
    late AS (
      SELECT due.d, due.loan_id,
             SUM(GREATEST(0, LEAST(due.principal, due.principal + due.before - paid.principal))) AS principal
        FROM due JOIN paid ON paid.d = due.d AND paid.id = due.loan_id
       WHERE due.due_on < due.d
       GROUP BY due.d, due.loan_id)
    SELECT to_char(book.d, 'YYYY-MM-DD') AS as_of, book.ward_code,
           SUM(book.amount - paid.principal)::bigint AS outstanding,
           COALESCE(SUM(late.principal), 0)::bigint AS overdue,
           COUNT(DISTINCT book.household_id) FILTER (WHERE book.amount > paid.principal) AS borrowers
      FROM book
      JOIN paid ON paid.d = book.d AND paid.id = book.id
      LEFT JOIN late ON late.d = book.d AND late.loan_id = book.id
     GROUP BY book.d, book.ward_code`;
  return rows.map((row) => ({
    on: row.as_of,
    wardCode: row.ward_code,
    outstanding: num(row.outstanding),
    overdue: num(row.overdue),
    borrowers: num(row.borrowers),
  }));
}

export interface LoanFlow {
  /** YYYY-MM. */
  month: string;
  loansDisbursed: number;
  amountDisbursed: number;
  principalRepaid: number;
  interestCollected: number;
}

/** Disbursements (by disbursedOn) and payments (by paidOn) between two days, both included, per month. */
export async function readLoanFlows(
  prisma: PrismaClient,
  loans: Prisma.Sql,
  from: string,
  to: string,
): Promise<LoanFlow[]> {
  const rows = await prisma.$queryRaw<{ month: string; loans: Num; disbursed: Num; repaid: Num; interest: Num }[]>`
    WITH lent AS (
      SELECT to_char(l.disbursed_on, 'YYYY-MM') AS month, COUNT(*) AS loans, SUM(l.amount) AS disbursed
        FROM loans l
       WHERE ${loans} AND l.disbursed_on BETWEEN ${from}::date AND ${to}::date
       GROUP BY 1),
    back AS (
      SELECT to_char(p.paid_on, 'YYYY-MM') AS month, SUM(p.principal) AS repaid,
             SUM(p.interest + p.overdue_interest) AS interest
        FROM loan_payments p JOIN loans l ON l.id = p.loan_id
       WHERE ${loans} AND p.paid_on BETWEEN ${from}::date AND ${to}::date
       GROUP BY 1)
    SELECT COALESCE(lent.month, back.month) AS month, COALESCE(lent.loans, 0)::bigint AS loans,
           COALESCE(lent.disbursed, 0)::bigint AS disbursed, COALESCE(back.repaid, 0)::bigint AS repaid,
           COALESCE(back.interest, 0)::bigint AS interest
      FROM lent FULL JOIN back ON back.month = lent.month
     ORDER BY 1`;
  return rows.map((row) => ({
    month: row.month,
    loansDisbursed: num(row.loans),
    amountDisbursed: num(row.disbursed),
    principalRepaid: num(row.repaid),
    interestCollected: num(row.interest),
  }));
}

/** Distinct households that received a loan between two days, both included. */
export async function countHouseholdsServed(
  prisma: PrismaClient,
  loans: Prisma.Sql,
  from: string,
  to: string,
): Promise<number> {
  const rows = await prisma.$queryRaw<{ households: Num }[]>`
    SELECT COUNT(DISTINCT l.household_id)::bigint AS households
      FROM loans l
     WHERE ${loans} AND l.disbursed_on BETWEEN ${from}::date AND ${to}::date`;
  return num(rows[0]?.households ?? 0);
}
