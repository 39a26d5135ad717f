/**
 * The portfolio report (Directive 40 figures) of a district, ward, programme or capital source: stocks on a date,
 * flows over a period, and the per-ward, per-month and per-source rows the page's charts and the workbook show.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { Officer } from '../sessions.js';
import {
  readLoanFlows,
  readLoanStocks,
  readSourceStocks,
  countHouseholdsServed,
  type LoanStock,
} from './report-figures.js';
import { resolveReportScope } from './report-scope.js';
import type { MonthRow, PeriodFigures, PortfolioReport, ReportQuery, SourceRow, StockFigures } from './types.js';

/** The twelve months ending with the month of `on`, each with the day its stocks are read on. */
export function reportMonths(on: string): { month: string; day: string }[] {
  const year = Number(on.slice(0, 4));
  const month = Number(on.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const first = new Date(Date.UTC(year, month - 12 + i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const label = first.toISOString().slice(0, 7);
    return { month: label, day: i === 11 ? on : last.toISOString().slice(0, 10) };
  });
}

const sum = <T>(rows: T[], pick: (row: T) => number): number => rows.reduce((total, row) => total + pick(row), 0);

export async function readPortfolioReport(
  prisma: PrismaClient,
  officer: Officer,
  query: ReportQuery,
): Promise<PortfolioReport> {
  const scope = await resolveReportScope(prisma, officer, query);
  const months = reportMonths(query.on);
  const firstDay = `${months[0]?.month ?? query.on.slice(0, 7)}-01`;
  const [sources, stocks, period, monthFlows, householdsServed] = await Promise.all([
    readSourceStocks(prisma, scope.sources, query.on),
    readLoanStocks(prisma, scope.loans, [...new Set([query.on, ...months.map((m) => m.day)])]),
    readLoanFlows(prisma, scope.loans, query.from, query.to),
    readLoanFlows(prisma, scope.loans, firstDay, query.on),
    countHouseholdsServed(prisma, scope.loans, query.from, query.to),
  ]);
  const on = (day: string): LoanStock[] => stocks.filter((row) => row.on === day);
  const today = on(query.on);
  const sourceRows: SourceRow[] = sources.map((s) => ({ ...s, kind: s.kind === 'central' ? 'central' : 'local' }));
  const loanOutstanding = sum(today, (r) => r.outstanding);
  const overdue = sum(today, (r) => r.overdue);
  const asOf: StockFigures = {
    capital: sum(sources, (s) => s.capital),
    outstanding: sum(sources, (s) => s.outstanding),
    available: sum(sources, (s) => s.available),
    reserved: sum(sources, (s) => s.reserved),
    loanOutstanding,
    overdue,
    overdueRatio: loanOutstanding === 0 ? 0 : overdue / loanOutstanding,
    // A household belongs to one ward, so the wards' counts add up to the distinct households.
    borrowers: sum(today, (r) => r.borrowers),
  };
  const periodFigures: PeriodFigures = {
    loansDisbursed: sum(period, (f) => f.loansDisbursed),
    amountDisbursed: sum(period, (f) => f.amountDisbursed),
    householdsServed,
    principalRepaid: sum(period, (f) => f.principalRepaid),
    interestCollected: sum(period, (f) => f.interestCollected),
  };
  const monthRows: MonthRow[] = months.map(({ month, day }) => {
    const flow = monthFlows.find((f) => f.month === month);
    return {
      month,
      outstanding: sum(on(day), (r) => r.outstanding),
      overdue: sum(on(day), (r) => r.overdue),
      disbursed: flow?.amountDisbursed ?? 0,
      repaid: flow?.principalRepaid ?? 0,
    };
  });
  return {
    query,
    scopeNames: scope.names,
    asOf,
    period: periodFigures,
    wards: scope.wards.map((ward) => {
      const row = today.find((r) => r.wardCode === ward.code);
      return {
        wardCode: ward.code,
        wardName: ward.name,
        outstanding: row?.outstanding ?? 0,
        overdue: row?.overdue ?? 0,
        borrowers: row?.borrowers ?? 0,
      };
    }),
    months: monthRows,
    sources: sourceRows,
  };
}
