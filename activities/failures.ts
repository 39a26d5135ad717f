import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { Prisma } from '../prisma/generated/client.js';

/**
 * Prisma request errors that the same call can never get past by trying again: constraint violations, values
 * that do not fit their column, a row that must exist and does not. Connection, pool and transaction-conflict
 * errors (P1xxx, P2024, P2028, P2034) are not here: they pass with time, so they stay retryable.
 */
const PERMANENT_PRISMA_CODES = new Set([
  'P2000', // value too long for its column
  'P2002', // unique violation (the idempotent duplicate is recognised before this is consulted)
  'P2003', // foreign-key violation
  'P2004', // constraint failed
  'P2005', // invalid stored value for the field's type
  'P2006', // invalid value
  'P2007', // data validation error
  'P2011', // null constraint violation
  'P2012', // missing required value
  'P2013', // missing required argument
  'P2014', // relation violation
  'P2019', // input error
  'P2020', // value out of range
  'P2023', // inconsistent column data
  'P2025', // a record the operation depends on was not found
  'P2026', // unsupported feature
]);

/** An invariant of the activity's input that no retry can repair (e.g. an event without its required data). */
export class PermanentActivityError extends Error {
  override name = 'PermanentActivityError';
}

export function isPermanentError(error: unknown): boolean {
  if (error instanceof PermanentActivityError) return true;
  if (error instanceof Prisma.PrismaClientValidationError) return true;
  return error instanceof Prisma.PrismaClientKnownRequestError && PERMANENT_PRISMA_CODES.has(error.code);
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Runs an activity's body and turns a permanent failure into a non-retryable ApplicationFailure, so the
 * workflow hears of it at once instead of retrying forever while its caller waits. Anything else is
 * rethrown as it is and retried by the activity's retry policy.
 */
export async function failPermanently<T>(activity: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (!isPermanentError(error)) throw error;
    const code = error instanceof Prisma.PrismaClientKnownRequestError ? ` (${error.code})` : '';
    // The failure is kept in the workflow history, which the Temporal UI shows, and Prisma's message quotes the
    // query's arguments (names, citizen IDs): the history and the log get the error's kind, code and target only.
    const meta = error instanceof Prisma.PrismaClientKnownRequestError ? error.meta : undefined;
    log.error(`${activity} failed permanently${code}`, {
      kind: error instanceof Error ? error.name : typeof error,
      target: meta?.target ?? meta?.field_name,
    });
    throw ApplicationFailure.create({
      message: `${activity} failed permanently${code}`,
      type: 'PERMANENT_ACTIVITY_FAILURE',
      nonRetryable: true,
    });
  }
}
