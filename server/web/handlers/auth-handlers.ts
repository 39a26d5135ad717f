import { Router, type RequestHandler } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { Role } from '../../../workflows/domain.js';
import { AppError } from '../../domain/errors.js';
import { login, logout } from '../../domain/sessions.js';
import { LoginBody } from '../../http/schemas.js';
import { clearCookie, setCookie } from '../cookies.js';
import { SESSION_COOKIE, pageContext } from '../context.js';
import { LoginPage } from '../pages/login-page.js';
import { LogoutPage } from '../pages/logout-page.js';
import { sendPage } from '../render.js';

/** Only a path on this site: never `//host` or `/\host`, which browsers read as another site. */
export function localPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}

/** Where an officer lands after sign-in: the administrator has no inbox, the administration is their work. */
export const homeFor = (role: Role): string => (role === 'admin' ? '/admin' : '/inbox');

export function authHandlers(prisma: PrismaClient, idleMinutes: number, loginLimit: RequestHandler): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    const ctx = pageContext(res);
    if (ctx.officer) return res.redirect(303, localPath(req.query.next, homeFor(ctx.officer.role)));
    const notice = req.query.ended === '1' || ctx.sessionEnded ? ctx.t('sessionEnded') : undefined;
    const loggedOut = req.query.out === '1' ? ctx.t('loggedOut') : undefined;
    sendPage(
      res,
      h(LoginPage, {
        ctx,
        data: { username: '', next: localPath(req.query.next, ''), notice: notice ?? loggedOut },
      }),
    );
  });

  router.post('/login', loginLimit, async (req, res) => {
    const ctx = pageContext(res);
    const form = req.body as Record<string, unknown>;
    const next = localPath(form.next, '');
    const parsed = LoginBody.safeParse({ username: form.username, password: form.password });
    try {
      if (!parsed.success) throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
      const session = await login(prisma, parsed.data, idleMinutes);
      setCookie(req, res, SESSION_COOKIE, session.token, idleMinutes * 60_000);
      res.redirect(303, next || homeFor(session.role));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'UNAUTHENTICATED') throw error;
      const username = typeof form.username === 'string' ? form.username.slice(0, 100) : '';
      sendPage(res, h(LoginPage, { ctx, data: { username, next, message: ctx.t('loginFailed') } }), 401);
    }
  });

  router.get('/logout', (_req, res) => {
    const ctx = pageContext(res);
    if (!ctx.officer) return res.redirect(303, '/login');
    sendPage(res, h(LogoutPage, { ctx }));
  });

  router.post('/logout', async (req, res) => {
    const token = res.locals.token as string | undefined;
    if (token) await logout(prisma, token);
    clearCookie(req, res, SESSION_COOKIE);
    res.redirect(303, '/login?out=1');
  });

  return router;
}
