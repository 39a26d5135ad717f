/** What every administration form handler does the same way: read the form, show a refusal, say what was done. */
import type { Response } from 'express';
import { AppError } from '../../domain/errors.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { pageContext } from '../context.js';
import { formErrors } from '../form-errors.js';
import { formText } from '../form-values.js';
import type { LabelKey } from '../labels.js';

/** The form's text fields as typed (trimmed); a password is never read through here, so never echoed back. */
export function formValues(body: unknown, names: readonly string[]): Record<string, string> {
  const form = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((name) => [name, formText(form[name])]));
}

/** A repeated checkbox arrives as one string or an array of them. */
export const checked = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/**
 * A refusal the page shows beside its fields, with the status the API would answer; anything else (not found,
 * a server fault) is null, for the caller to rethrow to the error page.
 */
export function refusalOf(res: Response, error: unknown) {
  if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
  const refusal = formErrors(error, pageContext(res).t);
  return refusal ? { ...refusal, status: error instanceof AppError ? statusOf(error.code) : 400 } : null;
}

export type Refusal = NonNullable<ReturnType<typeof refusalOf>>;

/** The notice for `?done=<action>` after a redirect; an unknown action says nothing. */
export function noticeOf(res: Response, notices: Record<string, LabelKey>, done: unknown): string | undefined {
  const key = typeof done === 'string' && Object.hasOwn(notices, done) ? notices[done] : undefined;
  return key ? pageContext(res).t(key) : undefined;
}

/**
 * Runs a form's use case: on success the redirect (POST, redirect, GET), on a refusal the page again through
 * `refused`; anything else goes on to the error page.
 */
export async function submitForm(
  res: Response,
  action: () => Promise<unknown>,
  redirectTo: string,
  refused: (refusal: Refusal) => Promise<void>,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    const refusal = refusalOf(res, error);
    if (!refusal) throw error;
    await refused(refusal);
    return;
  }
  res.redirect(303, redirectTo);
}
