/**
 * The codec endpoint of the Temporal Web UI (its remote codec-server protocol): POST …/codec/decode and
 * …/codec/encode with `{ payloads: [{ metadata: { key: base64 }, data: base64 }] }`, answered in kind. Only an
 * administrator sees decoded payloads. The UI authenticates either with the web session cookie (the UI's
 * "include cross-origin credentials" setting, the UI opened on the same site as the app) or with an API
 * bearer token; browsers ask first with a CORS preflight, answered here for the configured UI origins only.
 */
import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { requireRole } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { officerForToken, type Officer } from '../../domain/sessions.js';
import { readCookies } from '../../web/cookies.js';
import { SESSION_COOKIE } from '../../web/context.js';
import { bearerToken } from '../middleware/auth.js';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** Temporal's Payloads message in its protobuf JSON form. */
export const CodecPayloads = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), Base64).optional(), data: Base64.optional() }))
    .max(10_000),
});
type JsonPayloads = z.infer<typeof CodecPayloads>;

const toPayload = (json: JsonPayloads['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(json.metadata ?? {}).map(([key, value]) => [key, new Uint8Array(Buffer.from(value, 'base64'))]),
  ),
  data: new Uint8Array(Buffer.from(json.data ?? '', 'base64')),
});

const toJson = (payload: Payload): JsonPayloads['payloads'][number] => ({
  metadata: Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value ?? []).toString('base64')]),
  ),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});

/** A bearer token if one is sent (an invalid one is refused, never ignored), else the web session cookie. */
async function codecCaller(prisma: PrismaClient, req: Request): Promise<Officer> {
  const header = req.header('authorization');
  const token = header ? bearerToken(header) : readCookies(req)[SESSION_COOKIE];
  if (header && !token) throw new AppError('UNAUTHENTICATED', 'Malformed Authorization header');
  const officer = token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? await officerForToken(prisma, token) : null;
  if (!officer) throw new AppError('UNAUTHENTICATED', 'Log in as an administrator first');
  return officer;
}

/** CORS for the Temporal UI's origins only, with credentials; a preflight is answered here without a login. */
function codecCors(allowedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.header('origin');
    if (origin && allowedOrigins.includes(origin)) {
      res.vary('Origin');
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Namespace',
        'Access-Control-Max-Age': '600',
      });
    }
    if (req.method === 'OPTIONS') {
      res.status(origin && allowedOrigins.includes(origin) ? 204 : 403).end();
      return;
    }
    next();
  };
}

export function codecRoutes(prisma: PrismaClient, codec: PayloadCodec, allowedOrigins: readonly string[]): Router {
  const router = Router();
  router.use('/api/codec', codecCors(allowedOrigins));
  // A page of history can hold many payloads: a larger limit than the API's 100 kB, for this route only.
  router.use('/api/codec', express.json({ limit: '4mb' }));

  for (const action of ['decode', 'encode'] as const) {
    router.post(`/api/codec/${action}`, async (req, res) => {
      requireRole(await codecCaller(prisma, req), ['admin']);
      const { payloads } = CodecPayloads.parse(req.body);
      const converted = await codec[action](payloads.map(toPayload));
      res.json(CodecPayloads.parse({ payloads: converted.map(toJson) }));
    });
  }
  return router;
}
