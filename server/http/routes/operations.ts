/**
 * For the people who run the system: liveness, readiness and the Prometheus metrics. Outside /api, so
 * neither officer authentication nor idempotency applies; /metrics has its own token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { Router, type Request } from 'express';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { notFound, AppError } from '../../domain/errors.js';
import { pingDatabase } from '../../infra/database.js';
import type { Metrics } from '../../infra/metrics.js';

// Temporal's proto enums (TaskQueueKind.NORMAL, TaskQueueType.WORKFLOW), without importing the proto package.
const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;

/** A worker counts as polling if the server saw it poll within this window (a poll lasts up to a minute). */
const POLLER_RECENT_MS = 90_000;

export interface OperationsDeps {
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
  metrics?: Metrics;
  /** Bearer token for /metrics; without one, /metrics answers only loopback callers, or 404 when `closed`. */
  metricsToken?: string | undefined;
  /** Production without a token: /metrics does not exist (404). */
  metricsClosedWithoutToken?: boolean;
}

type Probe = 'up' | 'down';

async function probe(check: () => Promise<unknown>): Promise<Probe> {
  try {
    await check();
    return 'up';
  } catch {
    return 'down';
  }
}

async function workerPolling(client: Client, taskQueue: string): Promise<void> {
  const answer = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
    taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
  });
  const now = Date.now();
  const recent = (answer.pollers ?? []).some((poller) => {
    const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
    return now - seconds * 1_000 < POLLER_RECENT_MS;
  });
  if (!recent) throw new Error('no recent poller');
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function assertMayScrape(req: Request, deps: OperationsDeps): void {
  if (deps.metricsToken === undefined) {
    // Not configured: in production the endpoint does not exist; on an embedded default a scraper on the
    // same machine may read it without a token (nothing personal is in it, and a token printed at each
    // start would break a scrape configuration at every restart).
    if (deps.metricsClosedWithoutToken || !LOOPBACK.has(req.socket.remoteAddress ?? '')) throw notFound('Route');
    return;
  }
  const header = req.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  if (!sameToken(token, deps.metricsToken)) throw new AppError('UNAUTHENTICATED', 'A metrics token is required');
}

export function operationsRoutes(deps: OperationsDeps): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  router.get('/health/ready', async (_req, res) => {
    const [database, temporal, worker] = await Promise.all([
      probe(() => pingDatabase(deps.prisma)),
      probe(() => deps.client.workflowService.getSystemInfo({})),
      probe(() => workerPolling(deps.client, deps.taskQueue)),
    ]);
    const ready = database === 'up' && temporal === 'up' && worker === 'up';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', database, temporal, worker });
  });
  router.get('/metrics', async (req, res) => {
    assertMayScrape(req, deps);
    if (!deps.metrics) throw notFound('Route');
    const body = await deps.metrics.registry.metrics();
    res.type(deps.metrics.registry.contentType).send(body);
  });
  return router;
}
