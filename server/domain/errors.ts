import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

export interface FieldError {
  path: string;
  message: string;
}

/** One broken eligibility rule, with its code and a message in Vietnamese and English. */
export interface RuleMessage {
  code: ErrorCode;
  /** The form field the rule is about, when there is one (`borrower.dateOfBirth`). */
  field?: string;
  vi: string;
  en: string;
}

/** A coded domain error. Domain code knows no HTTP: the one error middleware maps the code to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  /** Every eligibility rule broken, with its code and a message in Vietnamese and English. */
  readonly rules: RuleMessage[];

  constructor(code: ErrorCode, message: string, fields: FieldError[] = [], rules: RuleMessage[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.rules = rules;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
