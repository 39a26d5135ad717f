import { describe, expect, it } from 'vitest';
import type { GroupVoteDecision } from '../../workflows/definitions.js';
import { DEFAULT_VOTE_RULES } from '../../workflows/domain.js';
import { ceilingFor, checkDecision, checkLoanLimits, tallyVote } from '../../workflows/rules/step-rules.js';
import { GROUP_OF_TEN, poorProgram } from '../support/snapshots.js';

const program = poorProgram();
const group10 = GROUP_OF_TEN;

/** A loan submitted on 2 November, approved on 1 December and due to be paid on the transaction day, 17 December. */
const dates = {
  today: '2026-12-17',
  submittedOn: '2026-11-02',
  approvedOn: '2026-12-01',
  scheduledDisbursementOn: '2026-12-17',
};

const vote = (present: number, forVotes: number, against = 0, abstentions = 0): GroupVoteDecision => ({
  step: 'group-vote',
  meetingDate: '2026-11-20',
  membersTotal: 10,
  membersPresent: present,
  votesFor: forVotes,
  votesAgainst: against,
  abstentions,
});

describe('the group vote', () => {
  it('needs more than half of the members present', () => {
    expect(tallyVote(vote(5, 5), DEFAULT_VOTE_RULES, group10)).toMatchObject({ code: 'NO_QUORUM' });
    expect(tallyVote(vote(6, 4), DEFAULT_VOTE_RULES, group10)).toEqual({ outcome: 'approve' });
  });

  it('approves only when votes for exceed half of those present', () => {
    expect(tallyVote(vote(8, 4, 4), DEFAULT_VOTE_RULES, group10)).toEqual({ outcome: 'reject' });
    expect(tallyVote(vote(8, 5, 3), DEFAULT_VOTE_RULES, group10)).toEqual({ outcome: 'approve' });
    expect(tallyVote(vote(7, 3, 0, 4), DEFAULT_VOTE_RULES, group10)).toEqual({ outcome: 'reject' });
  });

  it('follows the programme rules when they differ from the default', () => {
    const twoThirds = { quorum: { numerator: 2, denominator: 3 }, approval: { numerator: 2, denominator: 3 } };
    expect(tallyVote(vote(6, 6), twoThirds, group10)).toMatchObject({ code: 'NO_QUORUM' });
    expect(tallyVote(vote(7, 4, 3), twoThirds, group10)).toEqual({ outcome: 'reject' });
    expect(tallyVote(vote(7, 5, 2), twoThirds, group10)).toEqual({ outcome: 'approve' });
  });

  it('refuses inconsistent counts', () => {
    expect(tallyVote(vote(8, 6, 3), DEFAULT_VOTE_RULES, group10)).toMatchObject({
      code: 'TALLY_INCONSISTENT',
      field: 'votesFor',
    });
    expect(tallyVote(vote(11, 6), DEFAULT_VOTE_RULES, group10)).toMatchObject({
      code: 'TALLY_INCONSISTENT',
      field: 'membersPresent',
    });
    expect(tallyVote(vote(8, 6), DEFAULT_VOTE_RULES, { ...group10, memberCount: 12 })).toMatchObject({
      code: 'TALLY_INCONSISTENT',
      field: 'membersTotal',
    });
  });
});

describe('programme limits', () => {
  it('caps amount and term', () => {
    expect(checkLoanLimits(program, 100_000_000, 120)).toBeNull();
    expect(checkLoanLimits(program, 100_000_001, 12)).toMatchObject({ code: 'AMOUNT_OVER_CEILING' });
    expect(checkLoanLimits(program, 1_000_000, 121)).toMatchObject({ code: 'TERM_OVER_MAXIMUM' });
  });

  it('caps per month of term where the programme lends per month', () => {
    const students = { ...program, ceilingVnd: 480_000_000, ceilingPerMonthVnd: 4_000_000 };
    expect(ceilingFor(students, 10)).toBe(40_000_000);
    expect(checkLoanLimits(students, 40_000_001, 10)).toMatchObject({ code: 'AMOUNT_OVER_CEILING' });
  });
});

describe('step decisions', () => {
  const ctx = {
    program,
    group: group10,
    proposal: null,
    request: {
      householdCategory: 'POOR' as const,
      amount: 50_000_000,
      termMonths: 36,
      purpose: 'Nuôi bò',
      usePlan: 'Mua bò giống',
      borrower: { fullName: 'Nguyễn Văn Ánh', citizenId: '034185001234', dateOfBirth: '1985-04-12' },
    },
    approved: { amount: 40_000_000, termMonths: 36, annualRatePercent: '6.6' },
    dates,
  };

  it('needs a reason to reject or return', () => {
    expect(checkDecision({ step: 'bank-approval', outcome: 'reject', reason: '  ' }, ctx)).toMatchObject({
      code: 'REASON_REQUIRED',
    });
    expect(checkDecision({ step: 'bank-approval', outcome: 'return' }, ctx)).toMatchObject({ code: 'REASON_REQUIRED' });
  });

  it('checks the managing association and the dossier at entrustment', () => {
    const decide = (associationCode: 'FARMERS' | 'WOMEN', dossierComplete: boolean) =>
      checkDecision({ step: 'entrustment', outcome: 'approve', associationCode, dossierComplete }, ctx);
    expect(decide('WOMEN', true)).toMatchObject({ code: 'ASSOCIATION_MISMATCH' });
    expect(decide('FARMERS', false)).toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    expect(decide('FARMERS', true)).toBeNull();
  });

  it('checks residence and the listed category at ward verification', () => {
    const decide = (residenceConfirmed: boolean, listedCategory: 'POOR' | 'NEAR_POOR') =>
      checkDecision({ step: 'ward-verification', outcome: 'approve', residenceConfirmed, listedCategory }, ctx);
    expect(decide(false, 'POOR')).toMatchObject({ code: 'RESIDENCE_NOT_CONFIRMED' });
    expect(decide(true, 'NEAR_POOR')).toMatchObject({ code: 'CATEGORY_NOT_ELIGIBLE' });
    expect(decide(true, 'POOR')).toBeNull();
  });

  it('disburses exactly the approved amount', () => {
    const disburse = (amount: number) =>
      checkDecision(
        {
          step: 'disbursement',
          outcome: 'approve',
          amount,
          disbursedOn: '2026-12-17',
          transactionPoint: 'Điểm giao dịch',
        },
        ctx,
      );
    expect(disburse(50_000_000)).toMatchObject({ code: 'DISBURSEMENT_AMOUNT_MISMATCH' });
    expect(disburse(40_000_000)).toBeNull();
  });
});

describe("the applicant's own vote", () => {
  const withApplicant = (present: number, forVotes: number, against: number) => ({
    ...vote(present, forVotes, against),
    applicantPresent: true,
  });

  it('counts the applicant towards the quorum but never as a voter', () => {
    expect(tallyVote(withApplicant(6, 3, 2), DEFAULT_VOTE_RULES, group10)).toEqual({ outcome: 'approve' });
    expect(tallyVote(withApplicant(6, 3, 3), DEFAULT_VOTE_RULES, group10)).toMatchObject({
      code: 'TALLY_INCONSISTENT',
    });
    expect(tallyVote(withApplicant(7, 3, 3), DEFAULT_VOTE_RULES, group10)).toEqual({ outcome: 'reject' });
  });

  it('refuses an applicant counted present who is not a member of the group', () => {
    const outsider = { ...group10, borrowerIsMember: false };
    expect(tallyVote(withApplicant(6, 3, 2), DEFAULT_VOTE_RULES, outsider)).toMatchObject({
      field: 'applicantPresent',
    });
  });
});

describe('the four-eyes bank approval', () => {
  const base = {
    program,
    group: group10,
    request: {
      householdCategory: 'POOR' as const,
      amount: 50_000_000,
      termMonths: 36,
      purpose: 'Nuôi bò',
      usePlan: 'Mua bò giống',
      borrower: { fullName: 'Nguyễn Văn Ánh', citizenId: '034185001234', dateOfBirth: '1985-04-12' },
    },
    approved: null,
    dates,
  };

  it('needs amount and term to propose, and no send-back without a proposal', () => {
    const ctx = { ...base, proposal: null };
    expect(checkDecision({ step: 'bank-approval', outcome: 'approve', termMonths: 36 }, ctx)).toMatchObject({
      code: 'FIELD_REQUIRED',
    });
    expect(checkDecision({ step: 'bank-approval', outcome: 'send-back', reason: 'Xem lại' }, ctx)).toMatchObject({
      code: 'OUTCOME_NOT_ALLOWED',
    });
  });

  it('confirms the proposal as it stands', () => {
    const ctx = {
      ...base,
      proposal: { amount: 40_000_000, termMonths: 36, by: 'bank.officer', at: '2026-11-29T00:00:00Z' },
    };
    expect(checkDecision({ step: 'bank-approval', outcome: 'approve' }, ctx)).toBeNull();
    expect(checkDecision({ step: 'bank-approval', outcome: 'approve', approvedAmount: 45_000_000 }, ctx)).toMatchObject(
      {
        code: 'PROPOSAL_MISMATCH',
      },
    );
    expect(checkDecision({ step: 'bank-approval', outcome: 'send-back' }, ctx)).toMatchObject({
      code: 'REASON_REQUIRED',
    });
  });
});
