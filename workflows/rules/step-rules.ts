/**
 * The business rules of each step as pure functions, shared by the workflow validators and the unit tests.
 * A rule returns a violation instead of throwing so callers choose how to surface it.
 */
import type {
  BankApprovalDecision,
  DisbursementDecision,
  EntrustmentDecision,
  GroupSnapshot,
  GroupVoteDecision,
  LoanRequest,
  ProgramSnapshot,
  StepDecisionInput,
  WardVerificationDecision,
  ApprovedTerms,
  BankProposal,
} from '../definitions.js';
import type { HouseholdCategory, MoreThanFraction, Outcome, VoteRules } from '../domain.js';
import { DATE_CODES, checkDisbursementDate, checkMeetingDate, type DecisionDates } from './decision-dates.js';

export type { DecisionDates } from './decision-dates.js';

export const RULE_CODES = [
  'REASON_REQUIRED',
  'FIELD_REQUIRED',
  'RESIDENCE_NOT_CONFIRMED',
  'CATEGORY_MISMATCH',
  'CATEGORY_NOT_ELIGIBLE',
  'ASSOCIATION_MISMATCH',
  'DOSSIER_INCOMPLETE',
  'TALLY_INCONSISTENT',
  'NO_QUORUM',
  'AMOUNT_OVER_CEILING',
  'AMOUNT_OVER_REQUESTED',
  'TERM_OVER_MAXIMUM',
  'DISBURSEMENT_AMOUNT_MISMATCH',
  'PROPOSAL_MISMATCH',
  'OUTCOME_NOT_ALLOWED',
  ...DATE_CODES,
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface RuleViolation {
  code: RuleCode;
  field?: string;
  message: string;
}

export interface DecisionContext {
  program: ProgramSnapshot;
  group: GroupSnapshot;
  request: LoanRequest;
  proposal: BankProposal | null;
  approved: ApprovedTerms | null;
  /** Today, the submission and the bank's approval as Vietnam dates, by the workflow's clock. */
  dates: DecisionDates;
}

function violation(code: RuleCode, message: string, field?: string): RuleViolation {
  return field === undefined ? { code, message } : { code, message, field };
}

/** Strictly more than the fraction: integer arithmetic, no floating point. */
export function isMoreThan(count: number, base: number, fraction: MoreThanFraction): boolean {
  return count * fraction.denominator > base * fraction.numerator;
}

/** The programme ceiling for a given term: a flat ceiling, capped per month of term where the programme says so. */
export function ceilingFor(program: ProgramSnapshot, termMonths: number): number {
  if (program.ceilingPerMonthVnd === null) return program.ceilingVnd;
  return Math.min(program.ceilingVnd, program.ceilingPerMonthVnd * termMonths);
}

/** Amount and term limits of the programme, applied at submission, amendment and bank approval. */
export type LimitViolation = RuleViolation & { code: 'TERM_OVER_MAXIMUM' | 'AMOUNT_OVER_CEILING' };

export function checkLoanLimits(program: ProgramSnapshot, amount: number, termMonths: number): LimitViolation | null {
  if (termMonths > program.maxTermMonths) {
    const message = `Term ${termMonths} months exceeds the programme maximum of ${program.maxTermMonths} months`;
    return { code: 'TERM_OVER_MAXIMUM', message, field: 'termMonths' };
  }
  const ceiling = ceilingFor(program, termMonths);
  if (amount > ceiling) {
    return {
      code: 'AMOUNT_OVER_CEILING',
      message: `Amount ${amount} VND exceeds the programme ceiling of ${ceiling} VND`,
      field: 'amount',
    };
  }
  return null;
}

export type VoteResult = { outcome: Extract<Outcome, 'approve' | 'reject'> } | RuleViolation;

/** The tally as counted at the meeting: all the vote rule reads of a group-vote decision. */
export type VoteTally = Pick<
  GroupVoteDecision,
  'membersTotal' | 'membersPresent' | 'votesFor' | 'votesAgainst' | 'abstentions' | 'applicantPresent'
>;

/** Who may vote: the members present, less the applicant when they are present (never on their own application). */
export function eligibleVoters(vote: Pick<GroupVoteDecision, 'membersPresent' | 'applicantPresent'>): number {
  return vote.membersPresent - (vote.applicantPresent === true ? 1 : 0);
}

/**
 * Computes the vote outcome from the tally with the programme's quorum and majority rules. The applicant
 * counts towards the quorum when present but casts no vote on their own application, so the majority is
 * taken over the other members present.
 */
export function tallyVote(vote: VoteTally, rules: VoteRules, group: GroupSnapshot): VoteResult {
  if (vote.membersTotal !== group.memberCount) {
    return violation(
      'TALLY_INCONSISTENT',
      `membersTotal ${vote.membersTotal} differs from the group's ${group.memberCount} members`,
      'membersTotal',
    );
  }
  if (vote.membersPresent > vote.membersTotal) {
    return violation('TALLY_INCONSISTENT', 'More members present than members in the group', 'membersPresent');
  }
  const applicantPresent = vote.applicantPresent === true;
  if (applicantPresent && !group.borrowerIsMember) {
    return violation('TALLY_INCONSISTENT', 'The applicant is not a member of the group', 'applicantPresent');
  }
  if (applicantPresent && vote.membersPresent < 1) {
    return violation('TALLY_INCONSISTENT', 'The applicant is counted present but nobody was', 'membersPresent');
  }
  const voters = eligibleVoters(vote);
  if (vote.votesFor + vote.votesAgainst + vote.abstentions > voters) {
    const who = applicantPresent ? 'members present other than the applicant' : 'members present';
    return violation('TALLY_INCONSISTENT', `More votes cast than ${who}`, 'votesFor');
  }
  if (!isMoreThan(vote.membersPresent, vote.membersTotal, rules.quorum)) {
    return violation(
      'NO_QUORUM',
      `No quorum: ${vote.membersPresent} of ${vote.membersTotal} members present, more than ${rules.quorum.numerator}/${rules.quorum.denominator} required`,
      'membersPresent',
    );
  }
  return { outcome: isMoreThan(vote.votesFor, voters, rules.approval) ? 'approve' : 'reject' };
}

/** Whether the programme lends to a household category: at submission, ward verification and amendment. */
export function isCategoryEligible(program: ProgramSnapshot, category: HouseholdCategory): boolean {
  return program.eligibleCategories.includes(category);
}

export function checkCategoryEligible(
  program: ProgramSnapshot,
  category: HouseholdCategory,
  field: string,
): RuleViolation | null {
  if (isCategoryEligible(program, category)) return null;
  return violation(
    'CATEGORY_NOT_ELIGIBLE',
    `Category ${category} is not eligible for programme ${program.code}`,
    field,
  );
}

/** Every outcome but approve (reject, return, send-back) needs a reason; the group vote's outcome is computed. */
export function needsReason(outcome: string): boolean {
  return outcome !== 'approve';
}

export function checkReason(outcome: string | null, reason: string | undefined): RuleViolation | null {
  if (outcome === null || !needsReason(outcome) || reason?.trim()) return null;
  return violation('REASON_REQUIRED', `A reason is required to ${outcome}`, 'reason');
}

/** What an approved disbursement must say: how much, on which day, and where. */
export const DISBURSEMENT_FIELDS = ['amount', 'disbursedOn', 'transactionPoint'] as const;

export function isViolation(value: unknown): value is RuleViolation {
  return typeof value === 'object' && value !== null && 'code' in value;
}

function checkWardVerification(d: WardVerificationDecision, ctx: DecisionContext): RuleViolation | null {
  if (d.outcome !== 'approve') return null;
  if (!d.residenceConfirmed) {
    return violation('RESIDENCE_NOT_CONFIRMED', 'Approval requires legal residence in the ward', 'residenceConfirmed');
  }
  const category = checkCategoryEligible(ctx.program, d.listedCategory, 'listedCategory');
  if (category) return category;
  if (d.listedCategory !== ctx.request.householdCategory) {
    return violation(
      'CATEGORY_MISMATCH',
      `The ward list shows ${d.listedCategory} but the application declares ${ctx.request.householdCategory}`,
      'listedCategory',
    );
  }
  return null;
}

function checkEntrustment(d: EntrustmentDecision, ctx: DecisionContext): RuleViolation | null {
  if (d.associationCode !== ctx.group.associationCode) {
    return violation(
      'ASSOCIATION_MISMATCH',
      `Group ${ctx.group.code} is managed by ${ctx.group.associationCode}, not ${d.associationCode}`,
      'associationCode',
    );
  }
  if (d.outcome === 'approve' && !d.dossierComplete) {
    return violation('DOSSIER_INCOMPLETE', 'Approval requires a complete dossier', 'dossierComplete');
  }
  return null;
}

function checkProposal(d: BankApprovalDecision, ctx: DecisionContext): RuleViolation | null {
  if (d.outcome === 'send-back') {
    return violation('OUTCOME_NOT_ALLOWED', 'Only a manager confirming a proposal can send it back', 'outcome');
  }
  if (d.outcome !== 'approve') return null;
  if (d.approvedAmount === undefined)
    return violation('FIELD_REQUIRED', 'approvedAmount is required', 'approvedAmount');
  if (d.termMonths === undefined) return violation('FIELD_REQUIRED', 'termMonths is required', 'termMonths');
  if (d.approvedAmount > ctx.request.amount) {
    return violation(
      'AMOUNT_OVER_REQUESTED',
      `Approved amount ${d.approvedAmount} VND exceeds the requested ${ctx.request.amount} VND`,
      'approvedAmount',
    );
  }
  const limits = checkLoanLimits(ctx.program, d.approvedAmount, d.termMonths);
  return limits && limits.field === 'amount' ? { ...limits, field: 'approvedAmount' } : limits;
}

/** The manager confirms the proposal as it stands: amounts, when given, must be the proposed ones. */
function checkConfirmation(d: BankApprovalDecision, proposal: BankProposal): RuleViolation | null {
  if (d.outcome !== 'approve') return null;
  if (d.approvedAmount !== undefined && d.approvedAmount !== proposal.amount) {
    return violation(
      'PROPOSAL_MISMATCH',
      `The proposal is ${proposal.amount} VND; send it back to change it`,
      'approvedAmount',
    );
  }
  if (d.termMonths !== undefined && d.termMonths !== proposal.termMonths) {
    return violation(
      'PROPOSAL_MISMATCH',
      `The proposal is ${proposal.termMonths} months; send it back to change it`,
      'termMonths',
    );
  }
  return null;
}

function checkBankApproval(d: BankApprovalDecision, ctx: DecisionContext): RuleViolation | null {
  return ctx.proposal === null ? checkProposal(d, ctx) : checkConfirmation(d, ctx.proposal);
}

function checkGroupVote(d: GroupVoteDecision, ctx: DecisionContext): RuleViolation | null {
  const dated = checkMeetingDate(d.meetingDate, ctx.dates);
  if (dated) return dated;
  const result = tallyVote(d, ctx.program.voteRules, ctx.group);
  return isViolation(result) ? result : null;
}

function checkDisbursement(d: DisbursementDecision, ctx: DecisionContext): RuleViolation | null {
  if (d.outcome !== 'approve') return checkDisbursementDate(d, ctx.dates);
  const missing = DISBURSEMENT_FIELDS.find((field) => d[field] === undefined);
  if (missing) return violation('FIELD_REQUIRED', `${missing} is required`, missing);
  if (ctx.approved === null || d.amount !== ctx.approved.amount) {
    return violation(
      'DISBURSEMENT_AMOUNT_MISMATCH',
      `Disbursed amount must equal the approved amount${ctx.approved ? ` of ${ctx.approved.amount} VND` : ''}`,
      'amount',
    );
  }
  return checkDisbursementDate(d, ctx.dates);
}

/** Reject and return need a reason; then the step's own rules apply. */
export function checkDecision(decision: StepDecisionInput, ctx: DecisionContext): RuleViolation | null {
  const reason = checkReason(decision.step === 'group-vote' ? null : decision.outcome, decision.reason);
  if (reason) return reason;
  switch (decision.step) {
    case 'ward-verification':
      return checkWardVerification(decision, ctx);
    case 'entrustment':
      return checkEntrustment(decision, ctx);
    case 'group-vote':
      return checkGroupVote(decision, ctx);
    case 'bank-approval':
      return checkBankApproval(decision, ctx);
    case 'disbursement':
      return checkDisbursement(decision, ctx);
  }
}
