/**
 * The web application's one error path: every refusal is a page in the visitor's language with the status the
 * API would give; an ended session goes back to sign-in. Anything unexpected is logged and shown as a plain
 * apology, never as internals.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { h } from 'preact';
import { AppError, notFound } from '../domain/errors.js';
import { normalise, statusOf } from '../http/middleware/error-handler.js';
import { noteRefusal } from '../http/middleware/observe-requests.js';
import { pageContext, type PageContext } from './context.js';
import { ERROR_MESSAGES } from './error-messages.js';
import { LANGS, translator } from './labels.js';
import { ErrorPage } from './pages/error-page.js';
import { sendPage } from './render.js';
import { readCookies } from './cookies.js';

/** The messages of a refusal: the code's, then each broken rule's. */
export function refusalMessages(ctx: PageContext, error: AppError): string[] {
  return [ctx.t(ERROR_MESSAGES[error.code]), ...error.rules.map((rule) => ctx.t(rule))];
}

/** An error raised before the page context was built (a body too large) still speaks the visitor's language. */
function contextOf(req: Request, res: Response): PageContext {
  const existing = res.locals.page as PageContext | undefined;
  if (existing) return existing;
  const cookie = readCookies(req).lang;
  const lang = cookie === 'en' && LANGS.includes(cookie) ? 'en' : 'vi';
  return { lang, t: translator(lang), officer: null, csrf: '', path: req.originalUrl, sessionEnded: false };
}

export const pageNotFound: RequestHandler = () => {
  throw notFound('Page');
};

export function webErrorPages(log: (message: string, error?: unknown) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const ctx = contextOf(req, res);
    const known = normalise(error);
    noteRefusal(res, known?.code ?? 'INTERNAL');
    if (!known) {
      log('Unhandled error', error);
      sendPage(res, h(ErrorPage, { ctx, title: ctx.t('errorTitle'), messages: [ctx.t('internalError')] }), 500);
      return;
    }
    if (known.code === 'UNAUTHENTICATED' && req.method === 'GET') {
      const ended = ctx.sessionEnded ? '&ended=1' : '';
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}${ended}`);
      return;
    }
    const title = known.code === 'NOT_FOUND' ? ctx.t('notFoundTitle') : ctx.t('errorTitle');
    sendPage(res, h(ErrorPage, { ctx, title, messages: refusalMessages(ctx, known) }), statusOf(known.code));
  };
}

/** Officer pages: a visitor who is not signed in is sent to sign-in first. */
export const requireSignIn: RequestHandler = (_req, res, next) => {
  if (!pageContext(res).officer) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  next();
};
