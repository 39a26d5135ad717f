import { createServer, type Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createActivities } from '../../activities/index.js';
import { buildTransport, type Mailer } from '../../activities/mail/transport.js';
import { seedCalendar } from '../../prisma/calendar-seed.js';
import { DEMO_PASSWORD, seedDemoData } from '../../prisma/seed.js';
import { TASK_QUEUE } from '../../workflows/definitions.js';
import { createApp } from '../http/app.js';
import type { Config } from './config.js';
import { StartRefused, accountsWithDemoPassword, demoPasswordRefusal } from './demo-passwords.js';
import { openDatabase, type Database } from '../infra/database.js';
import { migrateDatabase } from '../infra/migrate.js';
import { hashPassword } from '../infra/passwords.js';
import { createLoanWorker } from '../infra/worker.js';
import {
  EncryptionCodec,
  clientDataConverter,
  workerDataConverter,
  type PayloadKeyring,
} from '../infra/payload-codec.js';
import { createLogger, messageLog, type Logger } from '../infra/logger.js';
import { createMetrics } from '../infra/metrics.js';
import { requestIdClientInterceptor } from '../infra/temporal-interceptors.js';
import { temporalLogger } from '../infra/temporal-logger.js';

/** The process's one logger (JSON lines on standard output), built by each entry point from its config. */
export const processLogger = (config: Config): Logger => createLogger({ level: config.logLevel });

/** For tools that have no config-built logger of their own (admin:create); entry points pass theirs. */
export const log = (message: string, error?: unknown): void => {
  console.log(`[${new Date().toISOString()}] ${message}${error === undefined ? '' : ` ${String(error)}`}`);
};

export const taskQueueOf = (config: Config): string => config.temporal.taskQueue ?? TASK_QUEUE;

/**
 * Opens the database, applies migrations and, on embedded defaults, loads the demo district once. In
 * production it refuses (StartRefused) to load the demo district, and to go on while an enabled account
 * still has the demo password. `checks: false` is for tools that must run before those are settled.
 */
export async function openStore(
  config: Config,
  options: { checks?: boolean; log?: (message: string, error?: unknown) => void } = {},
): Promise<Database> {
  const checks = options.checks ?? true;
  const say = options.log ?? log;
  if (checks && config.env === 'production' && config.seedDemo) {
    throw new StartRefused(
      'Refusing to start in production with SEED_DEMO=true: it creates accounts with the published password ' +
        `${DEMO_PASSWORD}. Create the first administrator with \`npm run admin:create\` instead.`,
    );
  }
  const db = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgliteDir: config.pgliteDir },
  );
  try {
    const { applied } = await migrateDatabase(db);
    if (applied.length > 0) say(`Applied migrations: ${applied.join(', ')}`);
    await seedCalendar(db.prisma);
    if (checks && config.seedDemo) {
      const { seeded } = await seedDemoData(db.prisma, { hashPassword });
      if (seeded) say(`Loaded the demo district (accounts use password ${DEMO_PASSWORD})`);
    }
    if (checks && config.env === 'production') {
      const demo = await accountsWithDemoPassword(db.prisma);
      if (demo.length > 0) throw demoPasswordRefusal(demo);
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Prints a refusal to start and exits non-zero (after `cleanup`); any other error is rethrown. */
export async function exitIfRefused(error: unknown, cleanup?: () => Promise<unknown>): Promise<never> {
  if (!(error instanceof StartRefused)) throw error;
  console.error(error.message);
  await cleanup?.();
  process.exit(1);
}

export async function startWorker(
  config: Config,
  address: string,
  db: Database,
  keyring: PayloadKeyring,
  logger: Logger,
): Promise<{ worker: Worker; mailer: Mailer; running: Promise<void> }> {
  Runtime.install({
    logger: temporalLogger(logger),
    // The entry points stop the worker themselves, after the API has answered its in-flight requests
    // (which may wait on this worker for an update's result).
    shutdownSignals: [],
    ...(config.workerMetricsAddress
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.workerMetricsAddress } } } }
      : {}),
  });
  const connection = await NativeConnection.connect({ address });
  const mailer = buildTransport(config.mail.transport);
  const activities = createActivities({
    prisma: db.prisma,
    mailer,
    config: { publicUrl: config.publicUrl, mailFrom: config.mail.from, messageIdDomain: 'policy-loan.local' },
  });
  const worker = await createLoanWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: taskQueueOf(config),
    activities,
    dataConverter: workerDataConverter(keyring),
    shutdownGraceMs: config.shutdownGraceMs,
  });
  const running = worker.run().finally(() => connection.close());
  logger.info({ taskQueue: taskQueueOf(config), address }, 'Worker polling');
  return { worker, mailer, running };
}

export async function startApi(
  config: Config,
  address: string,
  db: Database,
  keyring: PayloadKeyring,
  logger: Logger,
  /** `today`: the demo instance's, which follows the time-skipping server's clock; default the wall clock. */
  options: { today?: () => string } = {},
): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address });
  const client = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: clientDataConverter(keyring),
    interceptors: { workflow: [requestIdClientInterceptor()] },
  });
  const app = createApp({
    prisma: db.prisma,
    client,
    taskQueue: taskQueueOf(config),
    tokenTtlMinutes: config.tokenTtlMinutes,
    webIdleMinutes: config.webIdleMinutes,
    rateLimits: config.rateLimits,
    ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
    refuseDemoPasswords: config.env === 'production',
    ...(options.today ? { today: options.today } : {}),
    log: messageLog(logger),
    codec: { codec: new EncryptionCodec(keyring), allowedOrigins: config.codecAllowedOrigins },
    logger,
    metrics: createMetrics(db.prisma),
    metricsToken: config.metricsToken,
    metricsClosedWithoutToken: config.env === 'production',
  });
  let stopping = false;
  // Once stopping, a request on a kept-alive connection is refused cleanly instead of starting work.
  const server: Server = createServer((req, res) => {
    if (!stopping) return void app(req, res);
    res.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '5' });
    res.end(JSON.stringify({ error: { code: 'SHUTTING_DOWN', message: 'The server is stopping' } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  return {
    client,
    close: async () => {
      stopping = true;
      // A connection accepted just now may not have sent its request yet, and close() would reset it as
      // idle: for a moment, such requests still arrive and are answered 503 before the listener closes.
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, config.shutdownGraceMs)));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // In-flight requests finish within the grace period; what is still open after it is cut.
      const bound = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      await closed;
      clearTimeout(bound);
      await connection.close();
    },
  };
}

/** Begins draining (in-flight activities finish, within the grace time); a second call would throw. */
export function stopWorker(worker: Worker): void {
  if (worker.getState() === 'RUNNING') worker.shutdown();
}
