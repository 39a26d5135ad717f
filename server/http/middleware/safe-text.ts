import type { RequestHandler } from 'express';
import { AppError } from '../../domain/errors.js';

/**
 * PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate is not text at all: either would fail deep in
 * a query or an activity. Refused at the door instead, wherever it hides in the body or the query.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isSafeText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

function unsafePath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path || '(value)';
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsafePath(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unsafePath(key, path) ? `${path}.(key)` : unsafePath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

export const rejectUnsafeText: RequestHandler = (req, _res, next) => {
  const found = unsafePath(req.body, '') ?? unsafePath(req.query, 'query');
  if (found) {
    throw new AppError('VALIDATION_FAILED', 'Text may not contain NUL characters or unpaired surrogates', [
      { path: found, message: 'invalid text' },
    ]);
  }
  next();
};
