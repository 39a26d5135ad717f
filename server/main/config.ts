import path from 'node:path';
import { z } from 'zod';
import type { PayloadKeyring } from '../infra/payload-codec.js';
import { PayloadKeysSchema, keyringFrom } from './payload-keys.js';
import { LOG_LEVELS, type LogLevel } from '../infra/logger.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString,
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: optionalString,
  TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  SMTP_URL: optionalString,
  MAIL_FROM: z.string().default('"NHCSXH - Hồ sơ vay vốn" <no-reply@policy-loan.local>'),
  PUBLIC_URL: optionalString,
  TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(43_200).default(480),
  WEB_IDLE_MINUTES: z.coerce.number().int().min(1).max(1_440).default(30),
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  STATUS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: optionalString,
  PAYLOAD_KEYS: PayloadKeysSchema.optional(),
  PAYLOAD_KEY_ID: optionalString,
  CODEC_ALLOWED_ORIGINS: optionalString,
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional()),
  WORKER_METRICS_ADDRESS: optionalString,
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  pgliteDir: string;
  temporal: {
    address: string | undefined;
    namespace: string;
    taskQueue: string | undefined;
    devServerPort: number;
    devServerUiPort: number;
  };
  mail: { transport: { kind: 'smtp'; url: string } | { kind: 'files'; dir: string }; from: string };
  publicUrl: string;
  tokenTtlMinutes: number;
  /** A browser session ends after this many minutes without a page seen. */
  webIdleMinutes: number;
  rateLimits: { login: { windowMs: number; max: number }; statusLookup: { windowMs: number; max: number } };
  trustProxy: string | undefined;
  seedDemo: boolean;
  /** Encrypts Temporal payloads; undefined: the embedded default generates one (see payload-keys.ts). */
  payloadKeys: PayloadKeyring | undefined;
  /** Origins of the Temporal Web UI allowed to call /api/codec; default the dev server's UI on this machine. */
  codecAllowedOrigins: string[];
  logLevel: LogLevel;
  /** GET /metrics asks for this bearer token; unset: 404 in production, loopback callers only otherwise. */
  metricsToken: string | undefined;
  /** host:port where the worker's Temporal SDK serves its own Prometheus metrics; unset: not served. */
  workerMetricsAddress: string | undefined;
  /** How long a stopping process waits for in-flight requests and activities before it closes anyway. */
  shutdownGraceMs: number;
}

/** Parses the environment once, in an entry point; everything else receives the result. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = EnvSchema.parse(source);
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    pgliteDir: path.join(dataDir, 'pglite'),
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      devServerPort: env.TEMPORAL_PORT,
      devServerUiPort: env.TEMPORAL_UI_PORT,
    },
    mail: {
      transport: env.SMTP_URL
        ? { kind: 'smtp', url: env.SMTP_URL }
        : { kind: 'files', dir: path.join(dataDir, 'mail') },
      from: env.MAIL_FROM,
    },
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    tokenTtlMinutes: env.TOKEN_TTL_MINUTES,
    webIdleMinutes: env.WEB_IDLE_MINUTES,
    rateLimits: {
      login: { windowMs: 60_000, max: env.LOGIN_RATE_LIMIT_PER_MINUTE },
      statusLookup: { windowMs: 60_000, max: env.STATUS_RATE_LIMIT_PER_MINUTE },
    },
    trustProxy: env.TRUST_PROXY,
    // Demo accounts (password demo1234) exist only on embedded defaults, never in production.
    seedDemo: env.SEED_DEMO === 'auto' ? env.NODE_ENV !== 'production' : env.SEED_DEMO === 'true',
    payloadKeys: env.PAYLOAD_KEYS ? keyringFrom(env.PAYLOAD_KEYS, env.PAYLOAD_KEY_ID) : undefined,
    codecAllowedOrigins: env.CODEC_ALLOWED_ORIGINS?.split(',').map((origin) => origin.trim()) ?? [
      `http://localhost:${env.TEMPORAL_UI_PORT}`,
      `http://127.0.0.1:${env.TEMPORAL_UI_PORT}`,
    ],
    logLevel: env.LOG_LEVEL,
    metricsToken: env.METRICS_TOKEN,
    workerMetricsAddress: env.WORKER_METRICS_ADDRESS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1_000,
  };
}
