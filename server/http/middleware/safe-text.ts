import type { RequestHandler } from 'express';
import { AppError } from '../../domain/errors.js';

/**
 * PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate is not text at all: either would fail deep in
 * a query or an activity. Refused at the door instead, wherever it hides in the body or the query.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isSafeText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/**
 * No payload of this API nests deeper than a few levels; a body nested thousands deep would overflow the stack
 * of any recursive walk (zod's included), so it is refused here, before anything else reads it.
 */
export const MAX_DEPTH = 32;

type Finding = { path: string; problem: 'text' | 'depth' };

/** Walks with an explicit stack, so the depth of the value cannot overflow the call stack. */
function findProblem(root: unknown, rootPath: string): Finding | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      if (!isSafeText(value)) return { path: path || '(value)', problem: 'text' };
      continue;
    }
    if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    if (depth >= MAX_DEPTH) return { path: path || '(body)', problem: 'depth' };
    const entries = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof key === 'string' && !isSafeText(key)) return { path: `${path}.(key)`, problem: 'text' };
      const itemPath = path ? `${path}.${key}` : String(key);
      pending.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return null;
}

export const rejectUnsafeText: RequestHandler = (req, _res, next) => {
  const found = findProblem(req.body, '') ?? findProblem(req.query, 'query');
  if (found?.problem === 'depth') {
    throw new AppError('VALIDATION_FAILED', `The body may not nest deeper than ${MAX_DEPTH} levels`, [
      { path: found.path, message: 'nested too deep' },
    ]);
  }
  if (found) {
    throw new AppError('VALIDATION_FAILED', 'Text may not contain NUL characters or unpaired surrogates', [
      { path: found.path, message: 'invalid text' },
    ]);
  }
  next();
};
