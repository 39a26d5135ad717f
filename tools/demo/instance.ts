/**
 * The demo's own instance: Temporal's time-skipping test server (in memory), PGlite in its own directory, the
 * worker and the API in this process. The API's "today" follows the test server's clock, so the pages date
 * things as the workflows do.
 */
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities/index.js';
import { buildTransport } from '../../activities/mail/transport.js';
import { loadConfig, type Config } from '../../server/main/config.js';
import { resolvePayloadKeyring } from '../../server/main/payload-keys.js';
import { openStore, startApi, taskQueueOf } from '../../server/main/runtime.js';
import { createLogger } from '../../server/infra/logger.js';
import { temporalLogger } from '../../server/infra/temporal-logger.js';
import { workerDataConverter } from '../../server/infra/payload-codec.js';
import { createLoanWorker } from '../../server/infra/worker.js';
import { toVietnamDate } from '../../workflows/calendar/working-days.js';
import { resolveTimeSkippingServer } from '../time-skipping-server.js';
import { skippingClock } from './clock.js';
import type { DemoClock } from './story.js';

export interface DemoInstance {
  config: Config;
  clock: DemoClock;
  close(): Promise<void>;
}

export async function startDemoInstance(options: {
  projectRoot: string;
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<DemoInstance> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: options.dataDir,
    PORT: String(options.port),
    DATABASE_URL: '',
    SMTP_URL: '',
    LOG_LEVEL: 'warn',
    // The story logs in as some thirty officers within a minute, from one address.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    STATUS_RATE_LIMIT_PER_MINUTE: '10000',
  });
  const logger = createLogger({ level: config.logLevel });
  Runtime.install({ logger: temporalLogger(logger), shutdownSignals: [] });
  const executable = await resolveTimeSkippingServer({ projectRoot: options.projectRoot, log: options.log });
  // The SDK gives the JVM server a fixed 5 s to start, which a busy machine can miss.
  let env: TestWorkflowEnvironment | undefined;
  for (let attempt = 1; !env; attempt += 1) {
    try {
      env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable } });
    } catch (error) {
      if (attempt >= 4 || !String(error).includes('did not start')) throw error;
      options.log('the time-skipping server did not start in time; trying again');
    }
  }
  const timeSkipping = env;
  const keyring = await resolvePayloadKeyring(config);
  const db = await openStore(config, { log: options.log });

  const connection = await NativeConnection.connect({ address: timeSkipping.address });
  const mailer = buildTransport(config.mail.transport);
  const worker: Worker = await createLoanWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: taskQueueOf(config),
    activities: createActivities({
      prisma: db.prisma,
      mailer,
      config: { publicUrl: config.publicUrl, mailFrom: config.mail.from, messageIdDomain: 'policy-loan.local' },
    }),
    dataConverter: workerDataConverter(keyring),
  });
  const running = worker.run();

  // The API reads today synchronously: a copy of the server's clock, refreshed after each skip and every second
  // (once the story stops skipping, the test server's clock runs at the pace of real time).
  let today = toVietnamDate(await timeSkipping.currentTimeMs());
  const refresh = async () => {
    today = toVietnamDate(await timeSkipping.currentTimeMs());
  };
  const ticking = setInterval(() => void refresh().catch(() => undefined), 1_000);
  const api = await startApi(config, timeSkipping.address, db, keyring, logger, { today: () => today });

  const skipping = skippingClock({
    env: timeSkipping,
    workerIdle: () => {
      const status = worker.getStatus();
      return status.numInFlightWorkflowActivations === 0 && status.numInFlightActivities === 0;
    },
    log: options.log,
  });
  const clock: DemoClock = {
    now: skipping.now,
    async skipTo(instant) {
      await skipping.skipTo(instant);
      await refresh();
    },
  };
  return {
    config,
    clock,
    async close() {
      clearInterval(ticking);
      await api.close();
      worker.shutdown();
      await running;
      await connection.close();
      mailer.close();
      await db.close();
      await timeSkipping.teardown();
    },
  };
}
