/** The Temporal SDK's logger (worker, workflow and activity log lines) over the process's pino logger. */
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { Logger } from 'pino';

const LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

export function temporalLogger(logger: Logger): TemporalLogger {
  const sdk = logger.child({ source: 'temporal' });
  const log = (level: LogLevel, message: string, meta?: LogMetadata): void => {
    sdk[LEVELS[level]](meta ?? {}, message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
