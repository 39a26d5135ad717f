/**
 * The portfolio report's contract (Directive 40 figures): what `GET /api/reports`, its workbook and the `/reports`
 * page show. Whole VND as numbers; dates as YYYY-MM-DD; months as YYYY-MM.
 */

/** Which part of the book: a district, optionally narrowed to a ward, a programme or one capital source. */
export interface ReportScope {
  district: string;
  wardCode?: string;
  programCode?: string;
  sourceCode?: string;
}

export interface ReportQuery extends ReportScope {
  /** The figures' date ("as of"). */
  on: string;
  /** The period of the flows, both days included. */
  from: string;
  to: string;
}

/**
 * Stocks on a date. capital = outstanding + available + reserved, none negative: these four are the capital
 * ledger's balances of the scope's sources on that date; the loan figures (loanOutstanding, overdue, borrowers)
 * come from the loan book of the scope's loans.
 */
export interface StockFigures {
  capital: number;
  outstanding: number;
  available: number;
  reserved: number;
  /** The scope's loans' principal disbursed and not repaid on that date (the loan book's dư nợ). */
  loanOutstanding: number;
  /** Principal past its due date and not repaid, on that date. */
  overdue: number;
  /** overdue / loanOutstanding (0 when nothing is outstanding), 0..1. */
  overdueRatio: number;
  /** Borrowers (households) with an outstanding loan on that date. */
  borrowers: number;
}

/** Flows over the period. */
export interface PeriodFigures {
  loansDisbursed: number;
  amountDisbursed: number;
  /** Distinct households that received a loan in the period. */
  householdsServed: number;
  principalRepaid: number;
  interestCollected: number;
}

export interface WardRow {
  wardCode: string;
  wardName: string;
  outstanding: number;
  overdue: number;
  borrowers: number;
}

export interface MonthRow {
  /** YYYY-MM; the stocks are as of the month's last day (or `on`, for the month of `on`). */
  month: string;
  outstanding: number;
  overdue: number;
  /** Amount disbursed and principal repaid within the month. */
  disbursed: number;
  repaid: number;
}

export interface SourceRow {
  code: string;
  name: string;
  kind: 'central' | 'local';
  capital: number;
  outstanding: number;
  available: number;
  reserved: number;
}

export interface PortfolioReport {
  query: ReportQuery;
  /** Names for the heading: the district, and the ward, programme or source when the scope names one. */
  scopeNames: { district: string; ward?: string; program?: string; source?: string };
  asOf: StockFigures;
  period: PeriodFigures;
  /** One row per ward of the scope (bars: outstanding and overdue per ward). */
  wards: WardRow[];
  /** The twelve months ending with the month of `on` (lines: month by month). */
  months: MonthRow[];
  /** The capital sources in the scope, with their stocks on `on`. */
  sources: SourceRow[];
}
