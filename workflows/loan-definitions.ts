/**
 * The contract of a loan's own workflow (workflows/loan.ts), shared by the server, the activities and the
 * application workflow that starts it. Holds no I/O.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { HolidayCalendar, IsoDate } from './calendar/working-days.js';
import type { Actor, NotificationIntent } from './definitions.js';
import type { StepDeadline } from './rules/deadlines.js';

/** One execution chain per disbursed loan; the id is fixed, so starting it twice is harmless. */
export function loanWorkflowIdFor(applicationId: string): string {
  return `loan-${applicationId}`;
}

/** Months between principal instalments when the programme does not say. */
export const DEFAULT_INSTALMENT_MONTHS = 12;

export interface LoanTerms {
  applicationId: string;
  code: string;
  wardCode: string;
  groupCode: string;
  associationCode: string;
  programCode: string;
  amount: number;
  termMonths: number;
  annualRatePercent: string;
  instalmentMonths: number;
  disbursedOn: IsoDate;
  /** When the disbursement was recorded: the use check's deadline counts from here. */
  disbursedAt: string;
  calendar: HolidayCalendar;
}

export interface LoanInput {
  terms: LoanTerms;
  /** The state a previous run handed over with continue-as-new; absent on the first run. */
  carried?: LoanState | undefined;
}

export type InstalmentStatus = 'DUE' | 'OVERDUE' | 'PAID';

export interface InstalmentExtension {
  fromDueOn: IsoDate;
  newDueOn: IsoDate;
  wardChairComment: string;
  bankDecision: string;
  by: string;
}

export interface InstalmentState {
  no: number;
  dueOn: IsoDate;
  originalDueOn: IsoDate;
  principal: number;
  paidPrincipal: number;
  status: InstalmentStatus;
  /** Overdue interest accrued up to `accruedTo` on what remained unpaid, and how much of it is paid. */
  overdueInterestAccrued: number;
  overdueInterestPaid: number;
  accruedTo: IsoDate | null;
  extension: InstalmentExtension | null;
}

/** One month of interest: fixed when the month begins, on the principal then outstanding and not overdue. */
export interface InterestMonth {
  period: number;
  /** `YYYY-MM` of the due date: the month the group leader collects it in. */
  month: string;
  startOn: IsoDate;
  dueOn: IsoDate;
  base: number;
  amount: number;
  /** What the group leader collected (once), or null; the rest is arrears the transaction point collects. */
  collected: number | null;
  /** Collected at the transaction point or on early repayment, beyond the group leader's collection. */
  settled: number;
}

export type UseCheckOutcome = 'as-planned' | 'misused';

export interface UseCheck {
  deadline: StepDeadline;
  done: { outcome: UseCheckOutcome; note: string; by: string; at: string } | null;
}

export type LoanStatus = 'ACTIVE' | 'CLOSED';

export interface LoanState {
  applicationId: string;
  code: string;
  status: LoanStatus;
  instalments: InstalmentState[];
  interest: InterestMonth[];
  /** The next month of interest to open (1-based). */
  nextPeriod: number;
  useCheck: UseCheck;
  /** Events so far, across every run: event ids are `loan-<applicationId>#<seq>`. */
  seq: number;
  closedOn: IsoDate | null;
}

export const LOAN_EVENT_TYPES = [
  'LOAN_OPENED',
  'INTEREST_MONTH_OPENED',
  'INTEREST_COLLECTED',
  'PRINCIPAL_PAID',
  'EARLY_REPAID',
  'INSTALMENT_OVERDUE',
  'INSTALMENT_EXTENDED',
  'USE_CHECK_REMINDER',
  'USE_CHECK_OVERDUE',
  'USE_CHECKED',
  'LOAN_CLOSED',
] as const;
export type LoanEventType = (typeof LOAN_EVENT_TYPES)[number];

/** Money a payment event moved, split by what it paid: the read model's payments row. */
export interface PaymentRecord {
  kind: 'INTEREST' | 'PRINCIPAL' | 'EARLY_REPAYMENT';
  amount: number;
  principal: number;
  interest: number;
  overdueInterest: number;
  paidOn: IsoDate;
  month: string | null;
  receiptNo: string | null;
}

export interface LoanRecordedEvent {
  eventId: string;
  workflowId: string;
  seq: number;
  type: LoanEventType;
  actor: Actor;
  at: string;
  payload: Record<string, unknown>;
  payment: PaymentRecord | null;
  terms: LoanTerms;
  state: LoanState;
  notify: NotificationIntent[];
}

export interface LoanUpdateResult {
  seq: number;
  status: LoanStatus;
}

export interface CollectInterestArgs {
  actor: Actor;
  month: string;
  amount: number;
  receiptNo?: string | undefined;
}

export interface PayPrincipalArgs {
  actor: Actor;
  amount: number;
}

export interface ExtendInstalmentArgs {
  actor: Actor;
  instalmentNo: number;
  newDueOn: IsoDate;
  wardChairComment: string;
  bankDecision: string;
}

export interface CheckUseArgs {
  actor: Actor;
  outcome: UseCheckOutcome;
  note: string;
}

export const getLoanQuery = defineQuery<LoanState>('getLoan');
export const collectInterestUpdate = defineUpdate<LoanUpdateResult, [CollectInterestArgs]>('collectInterest');
export const payPrincipalUpdate = defineUpdate<LoanUpdateResult, [PayPrincipalArgs]>('payPrincipal');
export const repayEarlyUpdate = defineUpdate<LoanUpdateResult, [PayPrincipalArgs]>('repayEarly');
export const extendInstalmentUpdate = defineUpdate<LoanUpdateResult, [ExtendInstalmentArgs]>('extendInstalment');
export const checkUseUpdate = defineUpdate<LoanUpdateResult, [CheckUseArgs]>('checkUse');
