/**
 * `Idempotency-Key` on every POST: the first answer is kept for 24 hours and a retry with the same key gets it
 * back (status and body, plus `Idempotent-Replay: true`) without running again. A key belongs to the caller, the
 * method and the route that matched (its pattern, so `/api/applications/` and `/API/applications` are one
 * route); the same key with another request (other path parameters, query or body) is refused.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { claimKey, keepAnswer, releaseKey } from '../../infra/idempotency-store.js';
import { currentOfficer } from './auth.js';
import type { MatchedRoute, RouteResolver } from './matched-route.js';
import { AppError } from '../../domain/errors.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAY_HEADER = 'Idempotent-Replay';
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;
/**
 * Never kept: a login's answer is a bearer token, which is stored nowhere in clear (and a second login is
 * harmless anyway). Matched by route pattern, so no spelling of the path slips past.
 */
const NEVER_KEPT: ReadonlySet<string> = new Set(['POST /api/auth/login']);

/**
 * The officer's account id; an anonymous caller (an applicant) by a hash of their address, so one applicant's
 * keys never meet another's answers, and no address is stored in clear.
 */
function callerOf(req: Request, res: Response): string {
  const officer = currentOfficer(res);
  if (officer) return officer.id;
  return `anonymous:${createHash('sha256')
    .update(req.ip ?? 'unknown')
    .digest('hex')
    .slice(0, 32)}`;
}

/**
 * 2xx and 4xx answers are final; 5xx and 429 are not, so a retry must run again. Nor is 401: a route that needs a
 * token refused a caller without one, so the answer belongs to nobody, and an anonymous caller must not be able to
 * fill the table with keys for routes it may not use.
 */
const isFinal = (status: number): boolean =>
  (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429 && status !== 401);

function requestHash(req: Request, route: MatchedRoute, salt: string): string {
  const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
  const body: unknown = req.body;
  const hash = createHash('sha256').update(salt).update('\n').update(JSON.stringify(route.params)).update('\n');
  hash.update(query).update('\n');
  if (Buffer.isBuffer(body)) hash.update(body);
  else if (body !== undefined) hash.update(JSON.stringify(body));
  return hash.digest('hex');
}

type Log = (message: string, error?: unknown) => void;

/** Records the answer before it is sent, so a retry right after the first answer finds it. */
function keepAnswerOf(prisma: PrismaClient, res: Response, id: string, log: Log): void {
  let kept = false;
  const store = async (status: number, body: unknown) => {
    try {
      if (isFinal(status)) await keepAnswer(prisma, id, status, body);
      else await releaseKey(prisma, id);
    } catch (error) {
      log('Could not keep the answer of an idempotent request', error);
    }
  };
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    if (kept) return json(body);
    kept = true;
    void store(res.statusCode, body).then(() => json(body));
    return res;
  };
  // Answers without a JSON body (204) are kept once sent.
  res.on('finish', () => {
    if (kept) return;
    kept = true;
    void store(res.statusCode, undefined);
  });
}

/**
 * Mounted before the routers it serves; `resolveRoute` tells it which of their routes will answer. A request
 * that no route answers keeps nothing (its 404 is not worth a row).
 */
export function idempotency(prisma: PrismaClient, resolveRoute: RouteResolver, log: Log): RequestHandler {
  return async (req, res, next) => {
    const key = req.header(IDEMPOTENCY_HEADER);
    if (req.method !== 'POST' || key === undefined) return next();
    const route = resolveRoute(req.method, req.path);
    if (!route || NEVER_KEPT.has(`${req.method} ${route.pattern}`)) return next();
    if (!KEY_FORMAT.test(key)) {
      const message = 'Idempotency-Key must be 1 to 200 visible ASCII characters';
      throw new AppError('VALIDATION_FAILED', message, [{ path: IDEMPOTENCY_HEADER, message }]);
    }
    const caller = callerOf(req, res);
    const ref = { key, caller, method: req.method, path: route.pattern };
    const { claimed, row } = await claimKey(prisma, ref, (salt) => requestHash(req, route, salt));
    if (!row) throw new AppError('IDEMPOTENCY_IN_FLIGHT', 'A request with this Idempotency-Key is in progress');
    if (claimed) {
      keepAnswerOf(prisma, res, row.id, log);
      return next();
    }
    if (row.requestHash !== requestHash(req, route, row.salt)) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request', [
        { path: IDEMPOTENCY_HEADER, message: 'already used for a different request' },
      ]);
    }
    if (row.status === null) {
      throw new AppError('IDEMPOTENCY_IN_FLIGHT', 'A request with this Idempotency-Key is still in progress');
    }
    res.status(row.status).set(REPLAY_HEADER, 'true');
    if (row.body === null) res.end();
    else res.json(row.body);
  };
}

/**
 * The Temporal Update id for a request that carries an `Idempotency-Key`: `scope` (the action, its application and
 * its caller) and the key. A retry with the same key reaches the same Update, and Temporal answers it with the first
 * attempt's result instead of running it again, also when the first answer was lost (a 5xx frees the key here).
 * Without a key, none: each call has its own.
 */
export function updateIdOf(req: Request, scope: string): { updateId?: string } {
  const key = req.get(IDEMPOTENCY_HEADER);
  return key !== undefined && KEY_FORMAT.test(key) ? { updateId: `${scope}:${key}` } : {};
}
