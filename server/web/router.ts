/**
 * The web application: server-rendered pages over the same use cases as the API. Mounted after the API
 * routers; /api paths pass through untouched (their 404 stays JSON), everything else is a page or an asset.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler } from 'express';
import { h } from 'preact';
import type { WorkflowDeps } from '../domain/applications/index.js';
import { rejectUnsafeText } from '../http/middleware/safe-text.js';
import { setCookie } from './cookies.js';
import { LANG_COOKIE, langCookieMaxAge, pageContext, webContext } from './context.js';
import { pageNotFound, webErrorPages } from './error-pages.js';
import { adminHandlers } from './handlers/admin-handlers.js';
import { formDownloadHandlers, transactionDayHandlers } from './handlers/transaction-day-handlers.js';
import { carryOverHandlers } from './handlers/carry-over-handlers.js';
import { capitalHandlers } from './handlers/capital-handlers.js';
import { capitalFormHandlers } from './handlers/capital-form-handlers.js';
import { reportHandlers } from './handlers/report-handlers.js';
import { applicationHandlers } from './handlers/application-handlers.js';
import { applyHandlers } from './handlers/apply-handlers.js';
import { authHandlers, localPath } from './handlers/auth-handlers.js';
import { inboxHandlers } from './handlers/inbox-handlers.js';
import { interestCollectionHandlers } from './handlers/interest-collection-handlers.js';
import { listHandlers } from './handlers/list-handlers.js';
import { batchHandlers } from './handlers/batch-handlers.js';
import { loanHandlers } from './handlers/loan-handlers.js';
import { meetingHandlers } from './handlers/meeting-handlers.js';
import { REGISTRY_UPLOAD_PATH, registryHandlers } from './handlers/registry-handlers.js';
import { statusHandlers } from './handlers/status-handlers.js';
import { votePreviewHandlers } from './handlers/vote-preview-handlers.js';
import { LANGS } from './labels.js';
import { HomePage } from './pages/home-page.js';
import { sendPage } from './render.js';

export interface WebDeps extends WorkflowDeps {
  /** A browser session ends after this many minutes without a page seen. */
  idleMinutes: number;
  loginLimit: RequestHandler;
  /** The API's own limiter for proofs by citizen ID: one budget per address, pages and API together. */
  applicantLimit: RequestHandler;
  log: (message: string, error?: unknown) => void;
  /** Production refuses to enable an account that still has the demo password, as the API does. */
  refuseDemoPasswords?: boolean;
  /** Today's date in Vietnam (YYYY-MM-DD): what the household list and group membership are judged against. */
  today: () => string;
}

const require = createRequire(import.meta.url);
const packageDir = (file: string): string => path.dirname(require.resolve(file));
const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));
const STATIC = { index: false, maxAge: '1d' } as const;

function assets(): Router {
  const router = Router();
  router.use('/assets', express.static(ASSETS, STATIC));
  router.use('/assets/vendor', express.static(packageDir('htmx.org/dist/htmx.min.js'), STATIC));
  const font = (weight: string) => packageDir(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`);
  router.use('/assets/fonts', express.static(font('400Regular'), STATIC));
  router.use('/assets/fonts', express.static(font('700Bold'), STATIC));
  return router;
}

export function webRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use('/api', (_req, _res, next) => next('router'));
  router.use(assets());
  router.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 2000 }));
  router.use(rejectUnsafeText);
  router.use(webContext(deps.prisma, deps.idleMinutes, [REGISTRY_UPLOAD_PATH]));

  router.get('/', (_req, res) => {
    sendPage(res, h(HomePage, { ctx: pageContext(res) }));
  });

  router.get('/lang/:lang', (req, res) => {
    const lang = (LANGS as readonly string[]).includes(req.params.lang) ? req.params.lang : 'vi';
    setCookie(req, res, LANG_COOKIE, lang, langCookieMaxAge);
    res.redirect(303, localPath(req.query.next, '/'));
  });

  router.use(authHandlers(deps.prisma, deps.idleMinutes, deps.loginLimit));
  router.use(statusHandlers(deps, deps.applicantLimit));
  router.use(applyHandlers(deps));
  router.use(inboxHandlers(deps.prisma));
  router.use(listHandlers(deps.prisma));
  router.use(applicationHandlers(deps));
  router.use(formDownloadHandlers(deps));
  router.use(transactionDayHandlers(deps));
  router.use(carryOverHandlers(deps));
  router.use(capitalFormHandlers(deps.prisma, deps.today));
  router.use(capitalHandlers(deps.prisma, deps.today));
  router.use(loanHandlers(deps));
  router.use(reportHandlers(deps.prisma, deps.today));
  router.use(votePreviewHandlers(deps));
  router.use(meetingHandlers(deps));
  router.use(batchHandlers(deps));
  router.use(interestCollectionHandlers(deps));
  router.use(adminHandlers(deps.prisma, { refuseDemoPasswords: deps.refuseDemoPasswords ?? false, today: deps.today }));
  router.use(registryHandlers(deps.prisma, deps.today));
  router.use(pageNotFound);
  router.use(webErrorPages(deps.log));
  return router;
}
