import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  interestForDays,
  monthlyInterest,
  overdueInterest,
  ratePpm,
  scheduleInstalments,
} from '../../workflows/rules/loan-book.js';
import type { LoanTerms } from '../../workflows/loan-definitions.js';
import {
  applyCollect,
  applyEarly,
  applyPrincipal,
  checkExtend,
  initialLoanState,
  isRepaid,
  markOverdue,
  openInterestMonth,
  payoffAmount,
  principalDue,
} from '../../workflows/rules/loan-transitions.js';

const actor = { username: 'bank.officer', role: 'bank_credit_officer' as const, displayName: 'B', scope: null };
const terms: LoanTerms = {
  applicationId: '00000000-0000-4000-8000-000000000001',
  code: 'L-1',
  wardCode: 'HOABINH',
  groupCode: 'HOABINH-01',
  associationCode: 'FARMERS',
  programCode: 'POOR',
  amount: 50_000_000,
  termMonths: 12,
  annualRatePercent: '6.6000',
  instalmentMonths: 6,
  disbursedOn: '2027-01-31',
  disbursedAt: '2027-01-31T03:00:00.000Z',
  calendar: { holidays: [] },
};

describe('the repayment schedule', () => {
  it('splits principal into equal whole-VND instalments, the remainder on the last', () => {
    expect(scheduleInstalments(10_000_000, 36, 12, '2027-03-15')).toEqual([
      { no: 1, dueOn: '2028-03-15', principal: 3_333_333 },
      { no: 2, dueOn: '2029-03-15', principal: 3_333_333 },
      { no: 3, dueOn: '2030-03-15', principal: 3_333_334 },
    ]);
  });

  it('puts the last instalment on the term end when the period does not divide it', () => {
    expect(scheduleInstalments(9_000_000, 10, 4, '2027-01-10').map((i) => i.dueOn)).toEqual([
      '2027-05-10',
      '2027-09-10',
      '2027-11-10',
    ]);
  });

  it('moves a due date past the end of a shorter month to its last day', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(daysBetween('2027-02-28', '2027-03-10')).toBe(10);
  });
});

describe('interest', () => {
  it('charges a twelfth of the annual rate per month: 50,000,000 × 6.6% / 12 = 275,000', () => {
    expect(ratePpm('6.6000')).toBe(66_000n);
    expect(monthlyInterest(50_000_000, 66_000n)).toBe(275_000);
  });

  it('charges overdue interest at 130% of the rate per day: 25,000,000 × 6.6% × 1.3 × 10 / 360 = 59,583.33 → 59,583', () => {
    expect(overdueInterest(25_000_000, 66_000n, 10)).toBe(59_583);
    expect(interestForDays(50_000_000, 66_000n, 15)).toBe(137_500);
  });
});

describe('loan transitions', () => {
  it('pays overdue interest, then overdue principal, and marks only the late instalment overdue', () => {
    const state = initialLoanState(terms);
    openInterestMonth(state, terms);
    applyCollect(state, { actor, month: '2027-02', amount: 275_000 }, '2027-02-28');
    const first = state.instalments[0]!;
    markOverdue(first);
    expect(state.instalments.map((i) => i.status)).toEqual(['OVERDUE', 'DUE']);
    const due = principalDue(state, terms, '2027-08-10');
    // Overdue since 31 July 2027, 10 days: 25,000,000 × 6.6% × 130% × 10 / 360.
    expect(due).toMatchObject({ overdueInterest: 59_583, overduePrincipal: 25_000_000 });
    const payment = applyPrincipal(state, terms, { actor, amount: 25_059_583 }, '2027-08-10');
    expect(payment).toMatchObject({ principal: 25_000_000, overdueInterest: 59_583 });
    expect(first.status).toBe('PAID');
  });

  it('collects a month the group leader left unpaid at the transaction point, before principal', () => {
    const state = initialLoanState(terms);
    openInterestMonth(state, terms);
    const payment = applyPrincipal(state, terms, { actor, amount: 1_000_000 }, '2027-03-05');
    expect(payment).toMatchObject({ interest: 275_000, principal: 725_000 });
  });

  it('takes the whole outstanding on early repayment, the current month only for its days', () => {
    const state = initialLoanState(terms);
    openInterestMonth(state, terms);
    applyCollect(state, { actor, month: '2027-02', amount: 275_000 }, '2027-02-28');
    openInterestMonth(state, terms);
    // Second month from 28 February: 15 days by 15 March: 50,000,000 × 6.6% × 15 / 360 = 137,500.
    expect(payoffAmount(state, terms, '2027-03-15')).toBe(50_137_500);
    applyEarly(state, terms, { actor, amount: 50_137_500 }, '2027-03-15');
    expect(isRepaid(state)).toBe(true);
  });

  it('refuses to extend an overdue instalment', () => {
    const state = initialLoanState(terms);
    markOverdue(state.instalments[0]!);
    const args = { actor, instalmentNo: 1, newDueOn: '2027-10-31', wardChairComment: 'x', bankDecision: 'y' };
    expect(() => checkExtend(state, args)).toThrow(/already overdue/);
  });
});
