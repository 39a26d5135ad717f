/**
 * Every code a refusal can carry, in one list: the HTTP status table is declared over this union, so a new
 * code cannot silently become a 500.
 */
import { WORKFLOW_REFUSAL_CODES } from '../../workflows/rules/transitions.js';
import { FILE_ERROR_CODES } from './registry/types.js';
import { LOAN_REFUSAL_CODES } from '../../workflows/rules/loan-transitions.js';

/** The eligibility rules of a programme (see eligibility.ts), each with a bilingual message. */
export const ELIGIBILITY_CODES = [
  'BORROWER_UNDER_18',
  'AMOUNT_OVER_CEILING',
  'TERM_OVER_MAXIMUM',
  'CATEGORY_NOT_ELIGIBLE',
  'NOT_ON_WARD_LIST',
  'LISTED_CATEGORY_MISMATCH',
  'LISTING_EXPIRED',
  'OPEN_APPLICATION_EXISTS',
  'OVERDUE_DEBT',
] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];

/** Refusals raised by the server itself: request shape, authentication, scope, reference data. */
export const REQUEST_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT_OF_INTEREST',
  'RATE_LIMITED',
  'NOT_FOUND',
  'INVALID_SCOPE',
  'USERNAME_TAKEN',
  'PROGRAM_EXISTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TEMPORAL_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'IDEMPOTENCY_IN_FLIGHT',
  'IDEMPOTENCY_KEY_REUSED',
  'UNKNOWN_PROGRAM',
  'UNKNOWN_WARD',
  'UNKNOWN_GROUP',
  'GROUP_NOT_IN_WARD',
  'SELF_CHANGE_FORBIDDEN',
  'LAST_ADMIN',
  'WARD_EXISTS',
  'BANK_OFFICE_EXISTS',
  'GROUP_EXISTS',
  'MEMBER_EXISTS',
  'UNKNOWN_BANK_OFFICE',
  'UNKNOWN_ASSOCIATION',
  'ASSOCIATION_NOT_IN_WARD',
  'ASSOCIATION_IN_USE',
  'CLEAR_ALREADY_REQUESTED',
  'DEMO_PASSWORD_IN_USE',
] as const;

/** Refusals of the group's review meeting (server/domain/batches/). */
export const MEETING_CODES = [
  'MEETING_ALREADY_OPEN',
  'MEETING_CLOSED',
  'MEETING_NOT_CLOSED',
  'NOT_A_MEMBER',
  'MEMBER_NOT_PRESENT',
  'MEMBER_RECUSED',
  'NOT_ON_AGENDA',
] as const;

/** Refusals of a batch (đợt): a group's list decided at one step (server/domain/batches/). */
export const BATCH_CODES = [
  'NOTHING_WAITING',
  'BATCH_NOT_DRAFT',
  'BATCH_NOT_SUBMITTED',
  'BATCH_NOT_CONFIRMED',
  'NOT_IN_BATCH',
] as const;

/** Refusals of the capital sources and their ledger (server/domain/capital/). */
export const CAPITAL_CODES = [
  'CAPITAL_SOURCE_EXISTS',
  'UNKNOWN_CAPITAL_SOURCE',
  'RECALL_EXCEEDS_AVAILABLE',
  'NO_DISBURSED_LOAN',
  'REPAYMENT_EXCEEDS_OUTSTANDING',
] as const;

export const ERROR_CODES = [
  ...REQUEST_CODES,
  ...MEETING_CODES,
  ...BATCH_CODES,
  ...CAPITAL_CODES,
  ...WORKFLOW_REFUSAL_CODES,
  ...LOAN_REFUSAL_CODES,
  ...ELIGIBILITY_CODES,
  ...FILE_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && KNOWN.has(code);
