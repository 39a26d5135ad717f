/**
 * Every HTTP request gets a request id (a well-formed incoming X-Request-Id, else a new one), echoed in the
 * response and held for the work the request starts (log lines, Temporal headers). When the answer is
 * sent, one access-log line and one latency observation: method, matched route, status, duration. Never
 * the body, and never the raw path, which can hold a citizen ID; an unmatched path is just `unmatched`.
 */
import { randomUUID } from 'node:crypto';
import type { Express, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { maskText } from '../../infra/log-masking.js';
import type { Metrics } from '../../infra/metrics.js';
import { runWithRequestId } from '../../infra/request-context.js';
import { routeResolver, type RouteResolver } from './matched-route.js';

const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** An incoming id is kept only if well formed and free of anything the log masking would hide. */
export function requestIdFrom(header: string | undefined): string {
  if (header !== undefined && WELL_FORMED_ID.test(header) && maskText(header) === header) return header;
  return randomUUID();
}

/** Error handlers note the code of a refusal here, for the refusals counter. */
export function noteRefusal(res: Response, code: string): void {
  res.locals.refusalCode = code;
}

export function observeRequests(app: Express, deps: { logger: Logger; metrics?: Metrics }): RequestHandler {
  // Built on first use: by then every route of the app is declared.
  let resolve: RouteResolver | undefined;
  const routeOf = (method: string, url: string): string => {
    resolve ??= routeResolver([app.router], '');
    const path = url.split('?')[0] ?? '/';
    const match = resolve(method, path) ?? (method === 'HEAD' ? resolve('GET', path) : null);
    return match?.pattern ?? 'unmatched';
  };
  return (req, res, next) => {
    const requestId = requestIdFrom(req.get('x-request-id'));
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    let logged = false;
    const done = (): void => {
      if (logged) return;
      logged = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req.method, req.originalUrl);
      const status = res.writableFinished ? res.statusCode : 499;
      deps.metrics?.observeRequest({ method: req.method, route, status }, seconds);
      const code = res.locals.refusalCode as string | undefined;
      if (code !== undefined) deps.metrics?.countRefusal(code);
      deps.logger.info(
        { requestId, method: req.method, route, status, durationMs: Math.round(seconds * 10_000) / 10, code },
        'request',
      );
    };
    res.once('finish', done);
    res.once('close', done);
    runWithRequestId(requestId, next);
  };
}
