import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createActivities } from '../../activities/index.js';
import { buildTransport, type Mailer } from '../../activities/mail/transport.js';
import { seedCalendar } from '../../prisma/calendar-seed.js';
import { seedDemoData } from '../../prisma/seed.js';
import { TASK_QUEUE } from '../../workflows/definitions.js';
import { createApp } from '../http/app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from '../infra/database.js';
import { migrateDatabase } from '../infra/migrate.js';
import { hashPassword } from '../infra/passwords.js';
import { createLoanWorker } from '../infra/worker.js';

export const log = (message: string, error?: unknown): void => {
  console.log(`[${new Date().toISOString()}] ${message}${error === undefined ? '' : ` ${String(error)}`}`);
};

export const taskQueueOf = (config: Config): string => config.temporal.taskQueue ?? TASK_QUEUE;

/** Opens the database, applies migrations and, on embedded defaults, loads the demo district once. */
export async function openStore(config: Config): Promise<Database> {
  const db = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgliteDir: config.pgliteDir },
  );
  const { applied } = await migrateDatabase(db);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
  await seedCalendar(db.prisma);
  if (config.seedDemo) {
    const { seeded } = await seedDemoData(db.prisma, { hashPassword });
    if (seeded) log('Loaded the demo district (accounts use password demo1234)');
  }
  return db;
}

export async function startWorker(
  config: Config,
  address: string,
  db: Database,
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
  });
  const running = worker.run().finally(() => connection.close());
  log(`Worker polling task queue ${taskQueueOf(config)} on ${address}`);
  return { worker, mailer, running };
}

export async function startApi(
  config: Config,
  address: string,
  db: Database,
): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const app = createApp({
    prisma: db.prisma,
    client,
    taskQueue: taskQueueOf(config),
    tokenTtlMinutes: config.tokenTtlMinutes,
    rateLimits: config.rateLimits,
    ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
    log,
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
