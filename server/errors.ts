import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { RULE_CODES } from '../workflows/step-rules.js';
import { FILE_ERROR_CODES } from './registry/types.js';

const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  REASON_REQUIRED: 400,
  FIELD_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  ROLE_NOT_ALLOWED: 403,
  FORBIDDEN: 403,
  SAME_OFFICER: 403,
  CONFLICT_OF_INTEREST: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  APPLICATION_ENDED: 409,
  AWAITING_AMENDMENT: 409,
  NOT_RETURNED: 409,
  STEP_NOT_CURRENT: 409,
  STEP_NOT_STARTED: 409,
  STEP_HELD_BY_OTHER: 409,
  INVALID_SCOPE: 422,
  USERNAME_TAKEN: 409,
  PROGRAM_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TEMPORAL_UNAVAILABLE: 503,
  IDEMPOTENCY_IN_FLIGHT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
};

/** Submission refusals: the request is well-formed but names unknown data or breaks a programme rule. */
const SUBMISSION_RULE_CODES: readonly string[] = [
  'UNKNOWN_PROGRAM',
  'UNKNOWN_WARD',
  'UNKNOWN_GROUP',
  'GROUP_NOT_IN_WARD',
  'BORROWER_UNDER_18',
  'NOT_ON_WARD_LIST',
  'LISTED_CATEGORY_MISMATCH',
  'LISTING_EXPIRED',
  'OPEN_APPLICATION_EXISTS',
  'OVERDUE_DEBT',
];

/** Every rule of a step or programme that a well-formed request can break is a 422. */
export function statusForCode(code: string): number {
  if (code in STATUS_BY_CODE) return STATUS_BY_CODE[code] ?? 500;
  // A household list that cannot be read as a whole is a 422 too (see server/registry/README.md).
  const ruleCodes: readonly string[] = [...RULE_CODES, ...SUBMISSION_RULE_CODES, ...FILE_ERROR_CODES];
  if (ruleCodes.includes(code)) return 422;
  return 500;
}

export interface FieldError {
  path: string;
  message: string;
}

/** A coded domain error; the one error middleware turns it into an HTTP answer. */
export class AppError extends Error {
  readonly code: string;
  readonly fields: FieldError[];
  /** Every eligibility rule broken, with its code and a message in Vietnamese and English. */
  readonly rules: { code: string; vi: string; en: string }[];

  constructor(
    code: string,
    message: string,
    fields: FieldError[] = [],
    rules: { code: string; vi: string; en: string }[] = [],
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.rules = rules;
  }

  get status(): number {
    return statusForCode(this.code);
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);

function fromZod(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
  const code = error.issues.some((i) => i.path.at(-1) === 'reason' && i.message.includes('reason'))
    ? 'REASON_REQUIRED'
    : 'VALIDATION_FAILED';
  return new AppError(code, 'The request is not valid', fields);
}

function normalise(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return fromZod(error);
  const httpError = error as { type?: unknown; status?: unknown };
  if (httpError.type === 'entity.parse.failed') return new AppError('MALFORMED_JSON', 'The body is not valid JSON');
  if (httpError.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The body is too large');
  if (typeof httpError.status === 'number' && httpError.status >= 400 && httpError.status < 500) {
    return new AppError('VALIDATION_FAILED', 'The request could not be read');
  }
  return null;
}

export function errorMiddleware(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const known = normalise(error);
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
    res.status(known.status).json({ error: body });
  };
}
