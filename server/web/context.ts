/**
 * Who is asking and in which language, for every page: the session cookie (the API's own opaque token), the
 * language cookie, and the CSRF token every form carries. POSTs without the matching token are refused.
 */
import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { PrismaClient } from '../../prisma/generated/client.js';
import { AppError } from '../domain/errors.js';
import { extendSession, officerForToken, type Officer } from '../domain/sessions.js';
import { clearCookie, readCookies, setCookie } from './cookies.js';
import { LANGS, translator, type Lang, type Translate } from './labels.js';
import { sameSecret } from '../infra/passwords.js';

export const SESSION_COOKIE = 'sid';
export const LANG_COOKIE = 'lang';
export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';
const YEAR_MS = 365 * 24 * 3_600_000;

export interface PageContext {
  lang: Lang;
  t: Translate;
  officer: Officer | null;
  csrf: string;
  /** The path being shown, for the language switch to come back to. */
  path: string;
  /** A session cookie was sent but its session has ended (idle, revoked, expired). */
  sessionEnded: boolean;
}

export const pageContext = (res: Response): PageContext => res.locals.page as PageContext;

/**
 * `uploadPaths`: the routes that take a file (multipart form). Their token is a field of the multipart body,
 * which only the route reads (readUpload, after its access check, before it keeps the file); a multipart POST
 * to any other path is refused here unread.
 */
export function webContext(
  prisma: PrismaClient,
  idleMinutes: number,
  uploadPaths: readonly RegExp[] = [],
): RequestHandler {
  return async (req, res, next) => {
    const cookies = readCookies(req);
    const lang = (LANGS as readonly string[]).includes(cookies[LANG_COOKIE] ?? '')
      ? (cookies[LANG_COOKIE] as Lang)
      : 'vi';
    let csrf = cookies[CSRF_COOKIE] ?? '';
    if (!/^[A-Za-z0-9_-]{43}$/.test(csrf)) {
      csrf = randomBytes(32).toString('base64url');
      setCookie(req, res, CSRF_COOKIE, csrf);
    }
    const token = cookies[SESSION_COOKIE];
    const officer = token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? await officerForToken(prisma, token) : null;
    if (officer && token) {
      // Sliding idle timeout: each page seen keeps the session alive for idleMinutes more.
      await extendSession(prisma, token, idleMinutes);
      setCookie(req, res, SESSION_COOKIE, token, idleMinutes * 60_000);
      res.locals.token = token;
    } else if (token) {
      clearCookie(req, res, SESSION_COOKIE);
    }
    res.locals.page = {
      lang,
      t: translator(lang),
      officer,
      csrf,
      path: req.originalUrl,
      sessionEnded: Boolean(token) && !officer,
    } satisfies PageContext;
    if (req.method === 'POST' && req.is('multipart/form-data')) {
      if (!uploadPaths.some((path) => path.test(req.path))) {
        throw new AppError('FORBIDDEN', 'This form does not take a file');
      }
    } else if (req.method === 'POST') {
      const sent = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      if (typeof sent !== 'string' || !sameSecret(sent, csrf)) {
        throw new AppError('FORBIDDEN', 'The form has expired; reload the page and send it again');
      }
    }
    next();
  };
}

export const langCookieMaxAge = YEAR_MS;
