/**
 * The real system for integration tests: a Temporal dev server, a Postgres-compatible database (PGlite in
 * memory, or the PostgreSQL at DATABASE_URL), an SMTP listener on loopback, a worker and the HTTP API.
 */
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime, bundleWorkflowCode, type Worker } from '@temporalio/worker';
import { createActivities, type Activities } from '../../activities/index.js';
import { buildTransport, type Mailer } from '../../activities/mail/transport.js';
import { seedCalendar } from '../../prisma/calendar-seed.js';
import { seedDemoData } from '../../prisma/seed.js';
import { createApp, type AppDeps } from '../../server/http/app.js';
import { openDatabase, type Database } from '../../server/infra/database.js';
import { startTestTemporal, type TestTemporal } from '../../tools/dev-server.js';
import { migrateDatabase } from '../../server/infra/migrate.js';
import { hashPassword } from '../../server/infra/passwords.js';
import { WORKFLOWS_PATH, WORKFLOW_INTERCEPTOR_MODULES, createLoanWorker } from '../../server/infra/worker.js';
import { createLogger, type Logger } from '../../server/infra/logger.js';
import { createMetrics } from '../../server/infra/metrics.js';
import { requestIdClientInterceptor } from '../../server/infra/temporal-interceptors.js';
import { temporalLogger } from '../../server/infra/temporal-logger.js';
import { getStateQuery, type ApplicationState } from '../../workflows/definitions.js';
import { httpClient } from './http-client.js';
import { startSmtpSink, type SmtpSink } from './smtp.js';
import { openPreparedPglite } from './pglite-template.js';
import { startTimeSkippingEnv } from './time-skipping.js';
import { TEST_ONLY_KEYRING } from './test-payload-keys.js';
import {
  EncryptionCodec,
  FAILURE_CONVERTER_PATH,
  clientDataConverter,
  workerDataConverter,
  type PayloadKeyring,
} from '../../server/infra/payload-codec.js';
import { register as registerTsRequire } from 'tsx/cjs/api';

export interface StackOptions {
  /** Wraps the real activities, e.g. to make one fail after doing its work; those it leaves out stay real. */
  wrapActivities?: (activities: Activities) => Partial<Activities>;
  /** Wraps the real mailer, e.g. to make a delivery fail transiently. */
  wrapMailer?: (mailer: Mailer) => Mailer;
  /** Runs on Temporal's time-skipping test server instead of the dev server: `stack.env.sleep()` skips days. */
  timeSkipping?: boolean;
  /** A Temporal server already running (the benchmark starts one as `npm start` does); stopped by close(). */
  temporal?: TestTemporal;
  /** The payload keys of the client and the first worker; TEST_ONLY_KEYRING unless a test says otherwise. */
  keyring?: PayloadKeyring;
  /**
   * The structured logger of the app and, if this is the file's first stack, of the worker's Runtime
   * (workflow and activity log lines). Default: warnings and errors to standard error.
   */
  logger?: Logger;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export interface TestStack {
  db: Database;
  client: Client;
  smtp: SmtpSink;
  taskQueue: string;
  temporalAddress: string;
  /** Set when the stack runs on the time-skipping server. */
  env: TestWorkflowEnvironment | undefined;
  baseUrl: string;
  /** Starts the worker, with another keyring if given (a key rotation), else the stack's. */
  startWorker(options?: { keyring?: PayloadKeyring }): Promise<void>;
  /** A client over the stack's server with its own keyring, e.g. to serve the API after a rotation. */
  clientFor(keyring: PayloadKeyring): Client;
  stopWorker(): Promise<void>;
  /** True when no worker runs, or it has no workflow activation and no activity in flight. */
  workerIdle(): boolean;
  api<T = any>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string>; baseUrl?: string },
  ): Promise<ApiResponse<T>>;
  login(username: string, password?: string): Promise<string>;
  handleFor(applicationId: string): Promise<WorkflowHandle>;
  /** Another HTTP server over the same stack, e.g. with tighter rate limits; returns its base URL. */
  serve(overrides?: Partial<AppDeps>): Promise<string>;
  /** The Express app behind baseUrl, for looking at its routes. */
  readonly app: Express;
  queryState(applicationId: string): Promise<ApplicationState>;
  close(): Promise<void>;
}

/** The Temporal Web UI origin the test stack's codec endpoint allows (CORS). */
export const TEST_UI_ORIGIN = 'http://localhost:8233';

/** The schema and the demo data of `npm run db:seed`. */
async function prepareDatabase(db: Database): Promise<void> {
  await migrateDatabase(db);
  await seedCalendar(db.prisma);
  await seedDemoData(db.prisma, { hashPassword });
}

async function openTestDatabase(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return openPreparedPglite(prepareDatabase);
  const db = await openDatabase({ databaseUrl });
  // Test files run one at a time, so each starts from an empty schema on the shared server.
  await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await prepareDatabase(db);
  return db;
}

let bundle: Promise<{ code: string }> | undefined;

async function startTimeSkippingTemporal(
  keyring: PayloadKeyring,
): Promise<TestTemporal & { env: TestWorkflowEnvironment }> {
  const env = await startTimeSkippingEnv({ dataConverter: clientDataConverter(keyring) });
  return { address: env.address, namespace: env.namespace ?? 'default', env, stop: () => env.teardown() };
}

/**
 * Starts something on Temporal's time-skipping server again when the server did not come up: the JVM test server gets
 * a fixed 5 s to start, which a busy machine can miss; a second attempt usually makes it.
 */
export async function retryingTestServerStart<T>(start: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts || !/ephemeral server|Failed to connect|did not start/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
}

/** {@link startStack} on Temporal's time-skipping server, started again when the server did not come up. */
export function startTimeSkippingStack(options: StackOptions = {}): Promise<TestStack> {
  return retryingTestServerStart(() => startStack({ ...options, timeSkipping: true }));
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const keyring = options.keyring ?? TEST_ONLY_KEYRING;
  const logger = options.logger ?? createLogger({ level: 'warn', destination: process.stderr });
  if (!bundle) {
    // Worker state changes are noise in test output; warnings and errors still show.
    Runtime.install({ logger: options.logger ? temporalLogger(options.logger) : new DefaultLogger('WARN') });
    // The worker require()s the failure converter by path (a .ts file here), which plain Node cannot load.
    registerTsRequire();
    bundle = bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      failureConverterPath: FAILURE_CONVERTER_PATH,
      workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
      logger: new DefaultLogger('WARN'),
    });
  }
  const [temporal, db, smtp] = await Promise.all([
    options.temporal
      ? Promise.resolve<TestTemporal & { env?: TestWorkflowEnvironment }>(options.temporal)
      : options.timeSkipping
        ? startTimeSkippingTemporal(keyring)
        : startTestTemporal().then((dev): TestTemporal & { env?: TestWorkflowEnvironment } => dev),
    openTestDatabase(),
    startSmtpSink(),
  ]);

  const taskQueue = `loans-${Math.random().toString(36).slice(2, 10)}`;
  const connection = await Connection.connect({ address: temporal.address });
  // The time-skipping environment's client unlocks time while a test awaits a workflow result.
  const clientFor = (ring: PayloadKeyring) =>
    new Client({
      connection,
      namespace: temporal.namespace,
      dataConverter: clientDataConverter(ring),
      interceptors: { workflow: [requestIdClientInterceptor()] },
    });
  const client = temporal.env?.client ?? clientFor(keyring);
  const mailer = (options.wrapMailer ?? ((m) => m))(buildTransport({ kind: 'smtp', url: smtp.url }));
  const realActivities = createActivities({
    prisma: db.prisma,
    mailer,
    config: { publicUrl: 'http://loans.test', mailFrom: 'no-reply@loans.test', messageIdDomain: 'loans.test' },
  });
  const activities: Activities = { ...realActivities, ...options.wrapActivities?.(realActivities) };

  let worker: { worker: Worker; running: Promise<void>; connection: NativeConnection } | null = null;
  async function startWorker(workerOptions: { keyring?: PayloadKeyring } = {}): Promise<void> {
    const workerConnection = await NativeConnection.connect({ address: temporal.address });
    const created = await createLoanWorker({
      connection: workerConnection,
      namespace: temporal.namespace,
      taskQueue,
      activities,
      workflowBundle: await bundle!,
      dataConverter: workerDataConverter(workerOptions.keyring ?? keyring),
    });
    worker = { worker: created, running: created.run(), connection: workerConnection };
  }
  async function stopWorker(): Promise<void> {
    if (!worker) return;
    worker.worker.shutdown();
    await worker.running;
    await worker.connection.close();
    worker = null;
  }
  await startWorker();

  const metrics = createMetrics(db.prisma);
  const servers: Server[] = [];
  const apps: Express[] = [];
  async function serve(overrides: Partial<AppDeps> = {}): Promise<string> {
    const app = createApp({
      prisma: db.prisma,
      client,
      taskQueue,
      tokenTtlMinutes: 60,
      // Generous by default: the suites log in often from one address. The rate-limit tests tighten them.
      rateLimits: { login: { windowMs: 60_000, max: 10_000 }, statusLookup: { windowMs: 60_000, max: 10_000 } },
      log: (m, e) => console.error(m, e),
      codec: { codec: new EncryptionCodec(keyring), allowedOrigins: [TEST_UI_ORIGIN] },
      logger,
      metrics,
      ...overrides,
    });
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    servers.push(server);
    apps.push(app);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const baseUrl = await serve();

  // The same client an outside caller uses (test/support/http-client.ts), on this stack's address.
  const { api, login } = httpClient(baseUrl);

  async function handleFor(applicationId: string): Promise<WorkflowHandle> {
    const row = await db.prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    return client.workflow.getHandle(row.workflowId);
  }

  return {
    db,
    client,
    smtp,
    taskQueue,
    temporalAddress: temporal.address,
    env: temporal.env,
    baseUrl,
    startWorker,
    stopWorker,
    workerIdle() {
      if (!worker) return true;
      const status = worker.worker.getStatus();
      return status.numInFlightWorkflowActivations === 0 && status.numInFlightActivities === 0;
    },
    clientFor,
    api,
    login,
    handleFor,
    queryState: async (id) => (await handleFor(id)).query(getStateQuery),
    serve,
    get app() {
      return apps[0]!;
    },
    async close() {
      for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopWorker();
      await connection.close();
      mailer.close();
      await smtp.close();
      await db.close();
      await temporal.stop();
    },
  };
}

export type { TestTemporal };
