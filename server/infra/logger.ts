/**
 * The one structured logger of a process, built in the composition root and passed down. Every line is
 * JSON, carries the request id of the HTTP request it belongs to (if any), and is masked of personal data.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { REDACTED_FIELDS, maskText, maskValue } from './log-masking.js';
import { currentRequestId } from './request-context.js';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level: LogLevel;
  /** Where the lines go; standard output by default. Tests pass a stream that keeps them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: REDACTED_FIELDS, censor: '[redacted]' },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      // The message and every argument are masked before pino sees them, so no path of a log call leaks.
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => maskValue(arg)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
      formatters: {
        bindings: (bindings) => maskValue(bindings) as Record<string, unknown>,
        log: (object) => maskValue(object) as Record<string, unknown>,
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** The `(message, error?)` callback the HTTP layer and tools take, over the structured logger. */
export function messageLog(logger: Logger): (message: string, error?: unknown) => void {
  return (message, error) => {
    if (error === undefined) logger.info(message);
    else logger.error({ err: error }, message);
  };
}

export { maskText };
