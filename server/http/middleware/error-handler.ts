/**
 * The one error path: domain errors carry an ErrorCode, and this table gives each its HTTP status. It is
 * declared over the whole union, so adding a code without a status does not compile.
 */
import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import type { ErrorCode } from '../../domain/error-codes.js';
import { AppError, type FieldError } from '../../domain/errors.js';
import { noteRefusal } from './observe-requests.js';
import { isDatabaseUnavailable } from '../../infra/database-errors.js';

export const HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  REASON_REQUIRED: 400,
  FIELD_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  ROLE_NOT_ALLOWED: 403,
  FORBIDDEN: 403,
  SAME_OFFICER: 403,
  SELF_CHANGE_FORBIDDEN: 403,
  CONFLICT_OF_INTEREST: 403,
  NOT_FOUND: 404,
  APPLICATION_ENDED: 409,
  AWAITING_AMENDMENT: 409,
  NOT_RETURNED: 409,
  STEP_NOT_CURRENT: 409,
  STEP_NOT_STARTED: 409,
  STEP_HELD_BY_OTHER: 409,
  NOT_SCHEDULED_THAT_DAY: 409,
  USERNAME_TAKEN: 409,
  PROGRAM_EXISTS: 409,
  LAST_ADMIN: 409,
  WARD_EXISTS: 409,
  BANK_OFFICE_EXISTS: 409,
  GROUP_EXISTS: 409,
  MEMBER_EXISTS: 409,
  ASSOCIATION_IN_USE: 409,
  CLEAR_ALREADY_REQUESTED: 409,
  DEMO_PASSWORD_IN_USE: 409,
  IDEMPOTENCY_IN_FLIGHT: 409,
  MEETING_ALREADY_OPEN: 409,
  MEETING_CLOSED: 409,
  MEETING_NOT_CLOSED: 409,
  LOAN_CLOSED: 409,
  INTEREST_ALREADY_COLLECTED: 409,
  INSTALMENT_PAID: 409,
  ALREADY_EXTENDED: 409,
  USE_CHECK_DONE: 409,
  BATCH_NOT_DRAFT: 409,
  BATCH_NOT_SUBMITTED: 409,
  BATCH_NOT_CONFIRMED: 409,
  NOTHING_WAITING: 422,
  NOT_IN_BATCH: 422,
  CAPITAL_SOURCE_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Rules of a step or programme that a well-formed request breaks.
  INVALID_SCOPE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNKNOWN_PROGRAM: 422,
  UNKNOWN_WARD: 422,
  UNKNOWN_GROUP: 422,
  GROUP_NOT_IN_WARD: 422,
  UNKNOWN_BANK_OFFICE: 422,
  UNKNOWN_ASSOCIATION: 422,
  ASSOCIATION_NOT_IN_WARD: 422,
  NOT_A_MEMBER: 422,
  MEMBER_NOT_PRESENT: 422,
  MEMBER_RECUSED: 422,
  NOT_ON_AGENDA: 422,
  INTEREST_NOT_DUE: 422,
  AMOUNT_OVER_DUE: 422,
  NOTHING_DUE: 422,
  PAYOFF_MISMATCH: 422,
  INSTALMENT_NOT_FOUND: 422,
  INSTALMENT_OVERDUE: 422,
  EXTENSION_DATE_INVALID: 422,
  INSUFFICIENT_CAPITAL: 422,
  UNKNOWN_CAPITAL_SOURCE: 422,
  RECALL_EXCEEDS_AVAILABLE: 422,
  NO_DISBURSED_LOAN: 422,
  REPAYMENT_EXCEEDS_OUTSTANDING: 422,
  RESIDENCE_NOT_CONFIRMED: 422,
  CATEGORY_MISMATCH: 422,
  CATEGORY_NOT_ELIGIBLE: 422,
  ASSOCIATION_MISMATCH: 422,
  DOSSIER_INCOMPLETE: 422,
  TALLY_INCONSISTENT: 422,
  NO_QUORUM: 422,
  AMOUNT_OVER_CEILING: 422,
  AMOUNT_OVER_REQUESTED: 422,
  TERM_OVER_MAXIMUM: 422,
  DISBURSEMENT_AMOUNT_MISMATCH: 422,
  PROPOSAL_MISMATCH: 422,
  OUTCOME_NOT_ALLOWED: 422,
  DATE_IN_FUTURE: 422,
  DATE_BEFORE_SUBMISSION: 422,
  DATE_BEFORE_APPROVAL: 422,
  BORROWER_UNDER_18: 422,
  NOT_ON_WARD_LIST: 422,
  LISTED_CATEGORY_MISMATCH: 422,
  LISTING_EXPIRED: 422,
  OPEN_APPLICATION_EXISTS: 422,
  OVERDUE_DEBT: 422,
  // A household list that cannot be read as a whole (see server/domain/registry/README.md).
  UNSUPPORTED_FORMAT: 422,
  FILE_UNREADABLE: 422,
  HEADER_NOT_FOUND: 422,
  MISSING_COLUMN: 422,
  DUPLICATE_COLUMN: 422,
  TOO_MANY_ROWS: 422,
  RATE_LIMITED: 429,
  // A fault of the system, not of the request: the answer says so, with no internals.
  RECORDING_FAILED: 500,
  TEMPORAL_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

/** The `Retry-After` of a 503: a Temporal or PostgreSQL restart takes a few seconds. */
export const RETRY_AFTER_SECONDS = 5;

export const statusOf = (code: ErrorCode): number => HTTP_STATUS[code];

function fromZod(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
  const code = error.issues.some((i) => i.path.at(-1) === 'reason' && i.message.includes('reason'))
    ? 'REASON_REQUIRED'
    : 'VALIDATION_FAILED';
  return new AppError(code, 'The request is not valid', fields);
}

export function normalise(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return fromZod(error);
  const httpError = error as { type?: unknown; status?: unknown };
  if (httpError.type === 'entity.parse.failed') return new AppError('MALFORMED_JSON', 'The body is not valid JSON');
  if (httpError.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The body is too large');
  if (typeof httpError.status === 'number' && httpError.status >= 400 && httpError.status < 500) {
    return new AppError('VALIDATION_FAILED', 'The request could not be read');
  }
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE', 'The database is unavailable');
  return null;
}

export function errorMiddleware(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const known = normalise(error);
    noteRefusal(res, known?.code ?? 'INTERNAL');
    if (!known) {
      log('Unhandled error', error);
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal error' } });
      return;
    }
    const body: { code: string; message: string; fields?: FieldError[]; rules?: AppError['rules'] } = {
      code: known.code,
      message: known.message,
    };
    if (known.fields.length > 0) body.fields = known.fields;
    if (known.rules.length > 0) body.rules = known.rules.map(({ code, vi, en }) => ({ code, vi, en }));
    const status = statusOf(known.code);
    // Every 503 is a dependency that is down for a moment (Temporal, PostgreSQL): the client may retry, and is told when.
    if (status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(status).json({ error: body });
  };
}
