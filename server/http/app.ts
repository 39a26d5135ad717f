import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { PrismaClient } from '../../prisma/generated/client.js';
import { authenticate } from './middleware/auth.js';
import { notFound } from '../domain/errors.js';
import { pingDatabase } from '../infra/database.js';
import { errorMiddleware } from './middleware/error-handler.js';
import { rejectUnsafeText } from './middleware/safe-text.js';
import { buildOpenApiDocument } from './openapi/document.js';
import { applicationRoutes } from './routes/applications.js';
import { authRoutes } from './routes/auth.js';
import { referenceRoutes } from './routes/reference.js';
import { adminRoutes } from './routes/admin.js';
import { debtRoutes } from './routes/debts.js';
import { capitalRoutes } from './routes/capital.js';
import { reportRoutes } from './routes/reports.js';
import { formRoutes } from './routes/forms.js';
import { statusRoutes } from './routes/status.js';
import { rateLimit, type RateLimitRule } from './middleware/rate-limit.js';
import { carryOverRoutes } from './routes/carry-overs.js';
import { idempotency } from './middleware/idempotency.js';
import { routeResolver } from './middleware/matched-route.js';
import { registryToday } from '../domain/registry/store.js';
import { readRegistryUpload, registryRoutes } from './routes/registry.js';
import { meetingFormRoutes } from './routes/meeting-forms.js';
import { meetingRoutes } from './routes/meetings.js';
import { loanRoutes } from './routes/loans.js';
import { batchRoutes } from './routes/batches.js';
import { webRoutes } from '../web/router.js';
import type { PayloadCodec } from '@temporalio/common';
import { codecRoutes } from './routes/codec.js';
import type { Logger } from '../infra/logger.js';
import type { Metrics } from '../infra/metrics.js';
import { observeRequests } from './middleware/observe-requests.js';
import { operationsRoutes } from './routes/operations.js';

export interface AppDeps {
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
  tokenTtlMinutes: number;
  /** Per client address: logins, and the applicant's status lookup (which guesses would target). */
  rateLimits: { login: RateLimitRule; statusLookup: RateLimitRule };
  /** Today in Vietnam (YYYY-MM-DD), as the household registry judges dates; tests fix it. */
  today?: () => string;
  /** Express `trust proxy`: set when a reverse proxy gives the client address in X-Forwarded-For. */
  trustProxy?: boolean | number | string;
  log: (message: string, error?: unknown) => void;
  /** Production: an account that still has the demo password cannot be enabled. Off in dev and tests. */
  refuseDemoPasswords?: boolean;
  /** Minutes without a page seen before a browser session ends (default 30). */
  webIdleMinutes?: number;
  /** The payload codec the Temporal Web UI decodes through (/api/codec), and the UI origins allowed to call it. */
  codec: { codec: PayloadCodec; allowedOrigins: readonly string[] };
  /** The process's structured logger: access log lines, with the request id. */
  logger: Logger;
  metrics?: Metrics;
  /** See operationsRoutes: the bearer token of /metrics, and whether it is closed without one. */
  metricsToken?: string | undefined;
  metricsClosedWithoutToken?: boolean;
}

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await check();
    return 'up';
  } catch {
    return 'down';
  }
}

/** Builds the HTTP application; it does not listen, so tests and entry points decide how to serve it. */
export function createApp(deps: AppDeps): Express {
  const { prisma, client } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.use(observeRequests(app, { logger: deps.logger, ...(deps.metrics ? { metrics: deps.metrics } : {}) }));
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(helmet());
  // Before the API's body parser and text checks: its own CORS, body limit and login (see codec.ts).
  app.use(codecRoutes(prisma, deps.codec.codec, deps.codec.allowedOrigins));
  app.use(express.json({ limit: '100kb' }));
  app.use(rejectUnsafeText);

  app.get('/health', async (_req, res) => {
    const [database, temporal] = await Promise.all([
      probe(() => pingDatabase(prisma)),
      probe(() => client.workflowService.getSystemInfo({})),
    ]);
    const healthy = database === 'up' && temporal === 'up';
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', database, temporal });
  });

  app.use(
    operationsRoutes({
      prisma,
      client,
      taskQueue: deps.taskQueue,
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
      metricsToken: deps.metricsToken,
      metricsClosedWithoutToken: deps.metricsClosedWithoutToken ?? false,
    }),
  );

  const openApi = buildOpenApiDocument();
  app.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  app.use('/api', authenticate(prisma));
  // The uploaded file is read before the Idempotency-Key middleware, which hashes every POST body.
  app.use('/api/wards/:ward/registry/import', readRegistryUpload());
  // One budget per client address for every proof by citizen ID: the status lookup, and withdraw and amend.
  const applicantLimit = rateLimit(deps.rateLimits.statusLookup);
  const today = deps.today ?? registryToday;
  const loginLimit = rateLimit(deps.rateLimits.login);
  const routers = [
    authRoutes(prisma, deps.tokenTtlMinutes, loginLimit),
    referenceRoutes(prisma),
    applicationRoutes({ prisma, client, taskQueue: deps.taskQueue }, applicantLimit),
    statusRoutes(prisma, applicantLimit),
    adminRoutes(prisma, { refuseDemoPasswords: deps.refuseDemoPasswords ?? false, today }),
    registryRoutes(prisma, today),
    debtRoutes(prisma, today),
    capitalRoutes(prisma),
    reportRoutes(prisma, today),
    meetingRoutes({ prisma, client, taskQueue: deps.taskQueue }),
    loanRoutes({ prisma, client, taskQueue: deps.taskQueue }),
    batchRoutes({ prisma, client, taskQueue: deps.taskQueue }, today),
    formRoutes(prisma),
    carryOverRoutes({ prisma, client, taskQueue: deps.taskQueue }),
    meetingFormRoutes(prisma),
  ];
  // Keyed on the route that will answer, which only the routers know: they resolve it before they run.
  app.use('/api', idempotency(prisma, routeResolver(routers, '/api'), deps.log));
  for (const router of routers) app.use('/api', router);
  const { taskQueue, log } = deps;
  app.use(
    webRoutes({
      prisma,
      client,
      taskQueue,
      idleMinutes: deps.webIdleMinutes ?? 30,
      loginLimit,
      applicantLimit,
      log,
      refuseDemoPasswords: deps.refuseDemoPasswords ?? false,
      today,
    }),
  );
  app.use(() => {
    throw notFound('Route');
  });
  app.use(errorMiddleware(deps.log));
  return app;
}
