/**
 * Graceful stop on SIGTERM / SIGINT, in dependency order: the API stops accepting and answers its in-flight
 * requests (they may wait on the worker for an update's result), then the worker drains its in-flight
 * activities, then the mailer, the database and the dev server close. A second signal stops at once.
 */
import type { Logger } from '../infra/logger.js';

export function stopOnSignals(logger: Logger, steps: readonly (() => Promise<unknown> | unknown)[]): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'Second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'Stopping');
    let failed = false;
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        failed = true;
        logger.error({ err: error }, 'A shutdown step failed');
      }
    }
    logger.info('Stopped');
    process.exit(failed ? 1 : 0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, (s) => void stop(s));
}
