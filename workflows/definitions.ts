/**
 * The contract between the server and the workflows: task queue, input and state types, and the
 * typed Update / Query definitions. Imported by both sides; holds no I/O.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ApplicationStatus,
  HouseholdCategory,
  Outcome,
  Role,
  StepName,
  VoteRules,
  AssociationCode,
} from './domain.js';
import type { HolidayCalendar } from './calendar/working-days.js';
import type { StepDeadline } from './rules/deadlines.js';

export const TASK_QUEUE = 'policy-loan-applications';

/** One workflow execution per application: its id derives from the application code. */
export function workflowIdFor(code: string): string {
  return `loan-application-${code}`;
}

export interface Actor {
  username: string;
  role: Role | 'applicant' | 'system';
  displayName: string;
  /** Where the actor's authority runs, e.g. `ward:HOABINH` or `bank-office:PGD-KIENXUONG`; recorded in the audit. */
  scope: string | null;
}

export interface ProgramSnapshot {
  id: string;
  code: string;
  version: number;
  nameVi: string;
  nameEn: string;
  ceilingVnd: number;
  ceilingPerMonthVnd: number | null;
  annualRatePercent: string;
  maxTermMonths: number;
  stepOrder: StepName[];
  eligibleCategories: HouseholdCategory[];
  voteRules: VoteRules;
  /** Working days per step (disbursement: the ward's transaction day). */
  deadlines: Partial<Record<StepName, number>>;
  /** Working days after a breach before the application expires (is returned with reason "expired"). */
  graceWorkingDays: number;
  /** Whether a borrower with overdue debt recorded at the bank is refused (a policy parameter). */
  checkOverdueDebt: boolean;
  /** Months between principal instalments of the loan once disbursed (absent in snapshots taken before it). */
  instalmentMonths?: number | undefined;
}

export interface GroupSnapshot {
  code: string;
  wardCode: string;
  associationCode: AssociationCode;
  memberCount: number;
  /** The applicant's own vote never counts, so the tally needs to know whether they are a member. */
  borrowerIsMember: boolean;
}

export interface Borrower {
  fullName: string;
  citizenId: string;
  dateOfBirth: string;
  phone?: string | undefined;
  email?: string | undefined;
}

export interface HouseholdMemberEntry {
  fullName: string;
  citizenId: string;
  relationship: string;
}

/** What the applicant asked for (form 01/TD); amendable while the application is returned. */
export interface LoanRequest {
  householdCategory: HouseholdCategory;
  amount: number;
  termMonths: number;
  purpose: string;
  usePlan: string;
  village?: string | undefined;
  borrower: Borrower;
  /** The other members of the household (form 01/UQ); officers among them may not act on the application. */
  householdMembers?: HouseholdMemberEntry[] | undefined;
}

export interface ProcessApplicationInput {
  applicationId: string;
  code: string;
  wardCode: string;
  program: ProgramSnapshot;
  group: GroupSnapshot;
  request: LoanRequest;
  submittedBy: Actor;
  /** The ward's commune transaction point's fixed day of the month. */
  transactionDay: number;
  /** Holidays and make-up working days as of submission: the application keeps the calendar it started with. */
  calendar: HolidayCalendar;
}

export interface WardVerificationDecision {
  step: 'ward-verification';
  outcome: Outcome;
  reason?: string | undefined;
  residenceConfirmed: boolean;
  listedCategory: HouseholdCategory;
}

export interface EntrustmentDecision {
  step: 'entrustment';
  outcome: Outcome;
  reason?: string | undefined;
  associationCode: AssociationCode;
  dossierComplete: boolean;
}

/** The outcome of a vote is computed from the tally, never typed by the caller. */
export interface GroupVoteDecision {
  step: 'group-vote';
  reason?: string | undefined;
  meetingDate: string;
  membersTotal: number;
  membersPresent: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  /** Whether the applicant attended: they count towards the quorum but cast no vote on their own application. */
  applicantPresent?: boolean | undefined;
}

/**
 * Two stages (four eyes): a credit officer's `approve` proposes amount and term; a manager's `approve`
 * confirms the proposal and `send-back` returns it to the credit officer.
 */
export interface BankApprovalDecision {
  step: 'bank-approval';
  outcome: Outcome | 'send-back';
  reason?: string | undefined;
  approvedAmount?: number | undefined;
  termMonths?: number | undefined;
}

export interface DisbursementDecision {
  step: 'disbursement';
  outcome: Outcome;
  reason?: string | undefined;
  amount?: number | undefined;
  disbursedOn?: string | undefined;
  transactionPoint?: string | undefined;
}

export type StepDecisionInput =
  WardVerificationDecision | EntrustmentDecision | GroupVoteDecision | BankApprovalDecision | DisbursementDecision;

export interface AmendmentChanges {
  householdCategory?: HouseholdCategory | undefined;
  amount?: number | undefined;
  termMonths?: number | undefined;
  purpose?: string | undefined;
  usePlan?: string | undefined;
  village?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

/** Not disbursed on its transaction day: the loan moves to the ward's next transaction day, with why. */
export interface CarryOverArgs {
  actor: Actor;
  /** The transaction day it was scheduled for and not disbursed on (YYYY-MM-DD); a retry names the same day. */
  fromOn: string;
  reason: string;
}

export interface StartStepArgs {
  step: StepName;
  actor: Actor;
}

export interface DecideStepArgs {
  actor: Actor;
  decision: StepDecisionInput;
}

export interface AmendArgs {
  actor: Actor;
  changes: AmendmentChanges;
  /** Required when an officer amends on the applicant's behalf; recorded with the amendment. */
  reason?: string | undefined;
}

export interface WithdrawArgs {
  actor: Actor;
  /** Required when an officer withdraws on the applicant's behalf. */
  reason?: string | undefined;
}

export const EVENT_TYPES = [
  'SUBMITTED',
  'STEP_STARTED',
  'STEP_DECIDED',
  'APPROVAL_PROPOSED',
  'PROPOSAL_SENT_BACK',
  'AMENDED',
  'WITHDRAWN',
  'DEADLINE_REMINDER',
  'STEP_OVERDUE',
  'STEP_EXPIRED',
  'DISBURSEMENT_CARRIED_OVER',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One entry of an application's history, identical in the workflow state and in the read model. */
export interface HistoryEntry {
  seq: number;
  type: EventType;
  step: StepName | null;
  actor: Actor;
  at: string;
  outcome: Outcome | null;
  reason: string | null;
  payload: Record<string, unknown>;
}

export interface StepHolder {
  username: string;
  role: Role;
  since: string;
}

export interface ApprovedTerms {
  amount: number;
  termMonths: number;
  annualRatePercent: string;
}

export interface BankProposal {
  amount: number;
  termMonths: number;
  by: string;
  at: string;
}

export interface DisbursementRecord {
  amount: number;
  disbursedOn: string;
  transactionPoint: string;
}

export interface ApplicationState {
  applicationId: string;
  code: string;
  status: ApplicationStatus;
  currentStep: StepName | null;
  /** When the current step last became current: what the inbox counts waiting time from. */
  stepSince: string | null;
  /** When the current step was entered (submission, the previous approval, an amendment): deadlines start here. */
  stepEnteredAt: string | null;
  deadline: StepDeadline | null;
  /** The transaction day the disbursement is scheduled for, once the bank has approved. */
  disbursementOn: string | null;
  holder: StepHolder | null;
  returnReason: string | null;
  request: LoanRequest;
  proposal: BankProposal | null;
  approved: ApprovedTerms | null;
  disbursement: DisbursementRecord | null;
  history: HistoryEntry[];
}

/** Who must hear about an event; the activity resolves addresses from the read model. */
export type NotificationIntent =
  | { audience: 'step-officers'; step: StepName; roles?: Role[] }
  | { audience: 'supervisors'; step: StepName }
  | { audience: 'group-leader' }
  | { audience: 'applicant' };

/** Everything an activity needs to bring the read model up to date after one event. */
export interface RecordedEvent {
  eventId: string;
  workflowId: string;
  entry: HistoryEntry;
  state: Omit<ApplicationState, 'history'>;
  submission: ProcessApplicationInput | null;
  notify: NotificationIntent[];
}

/**
 * What an accepted Update answers: the sequence number of the event it recorded (or, for awaitRecorded, of the
 * last event) and where the application stands once that event is in the read model. Small on purpose: every
 * result is stored in the workflow history, so the whole state here would make history grow with its square.
 */
export interface UpdateResult {
  seq: number;
  status: ApplicationStatus;
  currentStep: StepName | null;
}

export const getStateQuery = defineQuery<ApplicationState>('getState');
export const startStepUpdate = defineUpdate<UpdateResult, [StartStepArgs]>('startStep');
export const decideStepUpdate = defineUpdate<UpdateResult, [DecideStepArgs]>('decideStep');
export const amendApplicationUpdate = defineUpdate<UpdateResult, [AmendArgs]>('amendApplication');
export const withdrawApplicationUpdate = defineUpdate<UpdateResult, [WithdrawArgs]>('withdrawApplication');
export const carryOverDisbursementUpdate = defineUpdate<UpdateResult, [CarryOverArgs]>('carryOverDisbursement');
/** Resolves once every event so far is in the read model; the server awaits it after starting a workflow. */
export const awaitRecordedUpdate = defineUpdate<UpdateResult, []>('awaitRecorded');

/** What the bank's confirmation reserves (and disbursement makes sure of): the approved amount, once per application. */
export interface ReserveCapitalArgs {
  applicationId: string;
  programCode: string;
  wardCode: string;
  amount: number;
  /** The workflow's day in Vietnam, for the ledger. */
  on: string;
  actor: string;
}
