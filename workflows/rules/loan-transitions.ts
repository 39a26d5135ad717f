/**
 * State transitions of a loan as pure functions over LoanState: the loan workflow calls the check* functions
 * from its Update validators and the apply* ones from its handlers and timers; unit tests call them directly.
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  addDays,
  endOfVietnamDay,
  previousWorkingDay,
  startOfVietnamDay,
  type IsoDate,
} from '../calendar/working-days.js';
import type {
  CheckUseArgs,
  CollectInterestArgs,
  ExtendInstalmentArgs,
  InstalmentState,
  InterestMonth,
  LoanState,
  LoanTerms,
  PayPrincipalArgs,
  PaymentRecord,
} from '../loan-definitions.js';
import type { StepDeadline } from './deadlines.js';
import {
  addMonths,
  daysBetween,
  interestForDays,
  monthlyInterest,
  overdueInterest,
  ratePpm,
  scheduleInstalments,
} from './loan-book.js';

/** Every `type` a loan workflow's refusal can carry; the server's error codes include them all. */
export const LOAN_REFUSAL_CODES = [
  'LOAN_CLOSED',
  'INTEREST_NOT_DUE',
  'INTEREST_ALREADY_COLLECTED',
  'AMOUNT_OVER_DUE',
  'NOTHING_DUE',
  'PAYOFF_MISMATCH',
  'INSTALMENT_NOT_FOUND',
  'INSTALMENT_PAID',
  'INSTALMENT_OVERDUE',
  'ALREADY_EXTENDED',
  'EXTENSION_DATE_INVALID',
  'USE_CHECK_DONE',
] as const;
export type LoanRefusalCode = (typeof LOAN_REFUSAL_CODES)[number];

export function refuseLoan(type: LoanRefusalCode, message: string, field?: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: field ? [{ field }] : [] });
}

/** The association checks how the money is used within 30 days of disbursement (calendar days). */
export const USE_CHECK_DAYS = 30;
/** An instalment's due date may be extended by at most this many months past its original one. */
export const MAX_EXTENSION_MONTHS = 12;
const REMINDER_HOUR_MS = 8 * 60 * 60 * 1000;

/** The use check's deadline in the shape of a step's, so the same reminder / breach machinery drives it. */
export function useCheckDeadline(terms: LoanTerms): StepDeadline {
  const dueOn = addDays(terms.disbursedOn, USE_CHECK_DAYS);
  const remindAt = startOfVietnamDay(previousWorkingDay(dueOn, terms.calendar)) + REMINDER_HOUR_MS;
  return {
    step: 'entrustment',
    enteredAt: terms.disbursedAt,
    dueOn,
    remindAt,
    breachAt: endOfVietnamDay(dueOn),
    expireAt: null,
    reminded: remindAt <= Date.parse(terms.disbursedAt),
    overdue: false,
  };
}

export function initialLoanState(terms: LoanTerms): LoanState {
  return {
    applicationId: terms.applicationId,
    code: terms.code,
    status: 'ACTIVE',
    instalments: scheduleInstalments(terms.amount, terms.termMonths, terms.instalmentMonths, terms.disbursedOn).map(
      (i) => ({
        ...i,
        originalDueOn: i.dueOn,
        paidPrincipal: 0,
        status: 'DUE',
        overdueInterestAccrued: 0,
        overdueInterestPaid: 0,
        accruedTo: null,
        extension: null,
      }),
    ),
    interest: [],
    nextPeriod: 1,
    useCheck: { deadline: useCheckDeadline(terms), done: null },
    seq: 0,
    closedOn: null,
  };
}

const remaining = (i: InstalmentState): number => i.principal - i.paidPrincipal;
const unpaidInterest = (m: InterestMonth): number => Math.max(0, m.amount - (m.collected ?? 0) - m.settled);

export const periodStart = (terms: LoanTerms, period: number): IsoDate => addMonths(terms.disbursedOn, period - 1);

/** Principal not yet due on `on`, nor overdue: what a month starting that day bears interest on. */
export function inTermPrincipal(state: LoanState, on: IsoDate): number {
  return state.instalments.filter((i) => i.status === 'DUE' && i.dueOn > on).reduce((sum, i) => sum + remaining(i), 0);
}

export function outstandingPrincipal(state: LoanState): number {
  return state.instalments.reduce((sum, i) => sum + remaining(i), 0);
}

/** Opens the next month of interest (null when nothing bears interest that month: it is skipped). */
export function openInterestMonth(state: LoanState, terms: LoanTerms): InterestMonth | null {
  const period = state.nextPeriod;
  state.nextPeriod += 1;
  const startOn = periodStart(terms, period);
  const base = inTermPrincipal(state, startOn);
  if (base === 0) return null;
  const dueOn = addMonths(terms.disbursedOn, period);
  const month: InterestMonth = {
    period,
    month: dueOn.slice(0, 7),
    startOn,
    dueOn,
    base,
    amount: monthlyInterest(base, ratePpm(terms.annualRatePercent)),
    collected: null,
    settled: 0,
  };
  state.interest.push(month);
  return month;
}

/** Interest of months gone by that nobody collected in full: the transaction point collects it. */
function arrears(state: LoanState, today: IsoDate): InterestMonth[] {
  const thisMonth = today.slice(0, 7);
  return state.interest.filter(
    (m) => unpaidInterest(m) > 0 && (m.collected !== null || (m.dueOn <= today && m.month < thisMonth)),
  );
}

/** Overdue interest accrued on an overdue instalment up to `today`, not yet paid. */
function overdueInterestDue(i: InstalmentState, terms: LoanTerms, today: IsoDate): number {
  if (i.status !== 'OVERDUE' || !i.accruedTo) return 0;
  const more = overdueInterest(remaining(i), ratePpm(terms.annualRatePercent), daysBetween(i.accruedTo, today));
  return i.overdueInterestAccrued + more - i.overdueInterestPaid;
}

/** The instalment the transaction point takes next when none is overdue: the earliest not yet due. */
const nextInstalment = (state: LoanState): InstalmentState | undefined =>
  state.instalments.find((i) => i.status === 'DUE');

/** What a principal payment at the transaction point may cover on `today`. */
export function principalDue(state: LoanState, terms: LoanTerms, today: IsoDate) {
  const overdue = state.instalments.filter((i) => i.status === 'OVERDUE');
  const next = nextInstalment(state);
  const figures = {
    overdueInterest: overdue.reduce((sum, i) => sum + overdueInterestDue(i, terms, today), 0),
    interestArrears: arrears(state, today).reduce((sum, m) => sum + unpaidInterest(m), 0),
    overduePrincipal: overdue.reduce((sum, i) => sum + remaining(i), 0),
    nextPrincipal: next ? remaining(next) : 0,
  };
  return {
    ...figures,
    total: figures.overdueInterest + figures.interestArrears + figures.overduePrincipal + figures.nextPrincipal,
  };
}

/** The current month's interest on early repayment: the days elapsed of it, at most a month. */
function accruedThisMonth(m: InterestMonth, terms: LoanTerms, today: IsoDate): number {
  if (m.dueOn <= today) return m.amount;
  const days = Math.min(30, daysBetween(m.startOn, today));
  return Math.min(m.amount, interestForDays(m.base, ratePpm(terms.annualRatePercent), days));
}

/** Everything owed if the borrower repays the whole loan on `today`. */
export function payoffAmount(state: LoanState, terms: LoanTerms, today: IsoDate): number {
  const interest = state.interest.reduce(
    (sum, m) => sum + Math.max(0, accruedThisMonth(m, terms, today) - (m.collected ?? 0) - m.settled),
    0,
  );
  const overdue = state.instalments.reduce((sum, i) => sum + overdueInterestDue(i, terms, today), 0);
  return outstandingPrincipal(state) + interest + overdue;
}

function assertActive(state: LoanState): void {
  if (state.status === 'CLOSED') throw refuseLoan('LOAN_CLOSED', `Loan ${state.code} is repaid and closed`);
}

export function checkCollect(state: LoanState, args: CollectInterestArgs): InterestMonth {
  assertActive(state);
  const month = state.interest.find((m) => m.month === args.month);
  if (!month)
    throw refuseLoan('INTEREST_NOT_DUE', `No interest of loan ${state.code} is due in ${args.month}`, 'month');
  if (month.collected !== null) {
    throw refuseLoan('INTEREST_ALREADY_COLLECTED', `The interest of ${args.month} was already collected`, 'month');
  }
  const due = unpaidInterest(month);
  if (args.amount <= 0 || args.amount > due) {
    throw refuseLoan('AMOUNT_OVER_DUE', `The interest due in ${args.month} is ${due} VND`, 'amount');
  }
  return month;
}

export function applyCollect(state: LoanState, args: CollectInterestArgs, today: IsoDate): PaymentRecord {
  const month = checkCollect(state, args);
  month.collected = args.amount;
  return {
    kind: 'INTEREST',
    amount: args.amount,
    principal: 0,
    interest: args.amount,
    overdueInterest: 0,
    paidOn: today,
    month: args.month,
    receiptNo: args.receiptNo ?? null,
  };
}

export function checkPrincipal(state: LoanState, terms: LoanTerms, args: PayPrincipalArgs, today: IsoDate): void {
  assertActive(state);
  const due = principalDue(state, terms, today).total;
  if (due === 0) throw refuseLoan('NOTHING_DUE', `Nothing of loan ${state.code} is due at the transaction point`);
  if (args.amount <= 0 || args.amount > due) {
    throw refuseLoan('AMOUNT_OVER_DUE', `At most ${due} VND is due on loan ${state.code}`, 'amount');
  }
}

/** Brings each overdue instalment's overdue interest up to `today`, before a payment changes its principal. */
function accrueOverdue(state: LoanState, terms: LoanTerms, today: IsoDate): void {
  for (const i of state.instalments) {
    if (i.status !== 'OVERDUE' || !i.accruedTo) continue;
    i.overdueInterestAccrued += overdueInterest(
      remaining(i),
      ratePpm(terms.annualRatePercent),
      daysBetween(i.accruedTo, today),
    );
    i.accruedTo = today;
  }
}

/** Overdue interest first, then interest arrears, then overdue principal (oldest first), then the next instalment. */
export function applyPrincipal(
  state: LoanState,
  terms: LoanTerms,
  args: PayPrincipalArgs,
  today: IsoDate,
): PaymentRecord {
  checkPrincipal(state, terms, args, today);
  accrueOverdue(state, terms, today);
  let left = args.amount;
  const take = (owed: number): number => {
    const paid = Math.min(left, Math.max(0, owed));
    left -= paid;
    return paid;
  };
  const overdue = state.instalments.filter((i) => i.status === 'OVERDUE');
  let overdueInterestPaid = 0;
  for (const i of overdue) {
    const paid = take(i.overdueInterestAccrued - i.overdueInterestPaid);
    i.overdueInterestPaid += paid;
    overdueInterestPaid += paid;
  }
  let interestPaid = 0;
  for (const m of arrears(state, today)) {
    const paid = take(unpaidInterest(m));
    m.settled += paid;
    interestPaid += paid;
  }
  let principalPaid = 0;
  for (const i of [...overdue, ...state.instalments.filter((i) => i.status === 'DUE').slice(0, 1)]) {
    const paid = take(remaining(i));
    i.paidPrincipal += paid;
    principalPaid += paid;
    if (remaining(i) === 0 && i.overdueInterestPaid >= i.overdueInterestAccrued) i.status = 'PAID';
  }
  return {
    kind: 'PRINCIPAL',
    amount: args.amount,
    principal: principalPaid,
    interest: interestPaid,
    overdueInterest: overdueInterestPaid,
    paidOn: today,
    month: null,
    receiptNo: null,
  };
}

export function checkEarly(state: LoanState, terms: LoanTerms, args: PayPrincipalArgs, today: IsoDate): void {
  assertActive(state);
  const payoff = payoffAmount(state, terms, today);
  if (args.amount !== payoff) {
    throw refuseLoan('PAYOFF_MISMATCH', `Repaying loan ${state.code} in full today takes ${payoff} VND`, 'amount');
  }
}

export function applyEarly(state: LoanState, terms: LoanTerms, args: PayPrincipalArgs, today: IsoDate): PaymentRecord {
  checkEarly(state, terms, args, today);
  accrueOverdue(state, terms, today);
  let principal = 0;
  let overdue = 0;
  for (const i of state.instalments) {
    principal += remaining(i);
    overdue += i.overdueInterestAccrued - i.overdueInterestPaid;
    i.paidPrincipal = i.principal;
    i.overdueInterestPaid = i.overdueInterestAccrued;
    i.status = 'PAID';
  }
  let interest = 0;
  for (const m of state.interest) {
    // The month under way is charged only for its days elapsed.
    m.amount = accruedThisMonth(m, terms, today);
    const owed = unpaidInterest(m);
    m.settled += owed;
    interest += owed;
  }
  return {
    kind: 'EARLY_REPAYMENT',
    amount: args.amount,
    principal,
    interest,
    overdueInterest: overdue,
    paidOn: today,
    month: null,
    receiptNo: null,
  };
}

export function checkExtend(state: LoanState, args: ExtendInstalmentArgs): InstalmentState {
  assertActive(state);
  const instalment = state.instalments.find((i) => i.no === args.instalmentNo);
  if (!instalment)
    throw refuseLoan('INSTALMENT_NOT_FOUND', `Loan ${state.code} has no instalment ${args.instalmentNo}`);
  if (instalment.status === 'PAID') throw refuseLoan('INSTALMENT_PAID', `Instalment ${instalment.no} is repaid`);
  // An extension is asked for before the due date; once overdue, the debt is overdue.
  if (instalment.status === 'OVERDUE') {
    throw refuseLoan('INSTALMENT_OVERDUE', `Instalment ${instalment.no} is already overdue and cannot be extended`);
  }
  if (instalment.extension) throw refuseLoan('ALREADY_EXTENDED', `Instalment ${instalment.no} was already extended`);
  const latest = addMonths(instalment.originalDueOn, MAX_EXTENSION_MONTHS);
  if (args.newDueOn <= instalment.dueOn || args.newDueOn > latest) {
    throw refuseLoan(
      'EXTENSION_DATE_INVALID',
      `The new due date must be after ${instalment.dueOn} and no later than ${latest}`,
      'newDueOn',
    );
  }
  return instalment;
}

export function applyExtend(state: LoanState, args: ExtendInstalmentArgs): InstalmentState {
  const instalment = checkExtend(state, args);
  instalment.extension = {
    fromDueOn: instalment.dueOn,
    newDueOn: args.newDueOn,
    wardChairComment: args.wardChairComment,
    bankDecision: args.bankDecision,
    by: args.actor.username,
  };
  instalment.dueOn = args.newDueOn;
  return instalment;
}

export function checkUse(state: LoanState, _args: CheckUseArgs): void {
  if (state.useCheck.done) throw refuseLoan('USE_CHECK_DONE', `The use of loan ${state.code} was already checked`);
}

/** An instalment not repaid by the end of its due date is overdue from that day; the others are untouched. */
export function markOverdue(instalment: InstalmentState): void {
  instalment.status = 'OVERDUE';
  instalment.accruedTo = instalment.dueOn;
}

/** Every instalment and every month's interest paid: the loan closes. */
export function isRepaid(state: LoanState): boolean {
  return state.instalments.every((i) => i.status === 'PAID') && state.interest.every((m) => unpaidInterest(m) === 0);
}
