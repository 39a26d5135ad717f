/**
 * Where `Idempotency-Key` answers are kept: one row per key, caller, method and route. The HTTP middleware
 * decides what is kept; this module is how.
 */
import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';

const TTL_MS = 24 * 60 * 60 * 1000;
/** A first request still "in flight" after this long died with its process: a retry may run again. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

export interface KeyRef {
  key: string;
  caller: string;
  method: string;
  /** The route's pattern, e.g. /api/applications/:id/withdraw. */
  path: string;
}

export interface KeptRequest {
  id: string;
  requestHash: string;
  salt: string;
  status: number | null;
  body: Prisma.JsonValue | null;
}

/**
 * Claims the key for this request, or finds who holds it. `hashWith(salt)` is the request's fingerprint; the
 * salt is new for every claim, so a kept hash tells nothing about another request.
 */
export async function claimKey(
  prisma: PrismaClient,
  ref: KeyRef,
  hashWith: (salt: string) => string,
): Promise<{ claimed: boolean; row: KeptRequest | null }> {
  const now = Date.now();
  // Expired keys are deleted lazily; an abandoned first attempt (its process died) frees its key too.
  await prisma.idempotencyKey.deleteMany({
    where: {
      OR: [
        { expiresAt: { lte: new Date(now) } },
        { ...ref, status: null, createdAt: { lte: new Date(now - ABANDONED_AFTER_MS) } },
      ],
    },
  });
  const salt = randomBytes(16).toString('hex');
  const fresh = { ...ref, requestHash: hashWith(salt), salt, expiresAt: new Date(now + TTL_MS) };
  const { count } = await prisma.idempotencyKey.createMany({ data: [fresh], skipDuplicates: true });
  const row = await prisma.idempotencyKey.findUnique({ where: { key_caller_method_path: ref } });
  return { claimed: count === 1 && row?.salt === salt, row };
}

/** Keeps a final answer for the retries to come. */
export async function keepAnswer(prisma: PrismaClient, id: string, status: number, body: unknown): Promise<void> {
  const json = body === undefined ? {} : { body: body as Prisma.InputJsonValue };
  await prisma.idempotencyKey.update({ where: { id }, data: { status, ...json } });
}

/** Frees the key after an answer that is not final (5xx, 429): the retry runs again. */
export async function releaseKey(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.idempotencyKey.deleteMany({ where: { id } });
}
