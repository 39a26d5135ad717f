import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
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

export const log = (message: string, error?: unknown): void => {
  console.log(`[${new Date().toISOString()}] ${message}${error === undefined ? '' : ` ${String(error)}`}`);
};

export const taskQueueOf = (config: Config): string => config.temporal.taskQueue ?? TASK_QUEUE;

/**
 * Opens the database, applies migrations and, on embedded defaults, loads the demo district once. In
 * production it refuses (StartRefused) to load the demo district, and to go on while an enabled account
 * still has the demo password. `checks: false` is for tools that must run before those are settled.
 */
export async function openStore(config: Config, options: { checks?: boolean } = {}): Promise<Database> {
  const checks = options.checks ?? true;
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
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
    await seedCalendar(db.prisma);
    if (checks && config.seedDemo) {
      const { seeded } = await seedDemoData(db.prisma, { hashPassword });
      if (seeded) log(`Loaded the demo district (accounts use password ${DEMO_PASSWORD})`);
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
): Promise<{ worker: Worker; mailer: Mailer; running: Promise<void> }> {
  // Bundling and worker state chatter stay out of the console; warnings and errors still show.
  Runtime.install({ logger: new DefaultLogger('WARN') });
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
  });
  const running = worker.run().finally(() => connection.close());
  log(`Worker polling task queue ${taskQueueOf(config)} on ${address}`);
  return { worker, mailer, running };
}

export async function startApi(
  config: Config,
  address: string,
  db: Database,
  keyring: PayloadKeyring,
): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address });
  const client = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: clientDataConverter(keyring),
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
    log,
    codec: { codec: new EncryptionCodec(keyring), allowedOrigins: config.codecAllowedOrigins },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  return {
    client,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}

/** The SDK already shuts the worker down on SIGINT / SIGTERM; a second call would throw. */
export function stopWorker(worker: Worker): void {
  if (worker.getState() === 'RUNNING') worker.shutdown();
}
