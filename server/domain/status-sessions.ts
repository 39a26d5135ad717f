/**
 * The applicant's status session: the lookup by code and the last 4 digits of the citizen ID opens one for that
 * application, and only the browser holding its token may then download what carries personal data (form 01/TD).
 * The code alone never suffices, and a token opens no other application.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../prisma/generated/client.js';
import { notFound } from './errors.js';

export const STATUS_SESSION_MINUTES = 30;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Opens a session for an application the caller just proved they may see; expired sessions go on the way. */
export async function openStatusSession(prisma: PrismaClient, applicationId: string): Promise<string> {
  const now = Date.now();
  await prisma.statusSession.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  const token = randomBytes(32).toString('base64url');
  await prisma.statusSession.create({
    data: { tokenHash: hashOf(token), applicationId, expiresAt: new Date(now + STATUS_SESSION_MINUTES * 60_000) },
  });
  return token;
}

/**
 * The application the session was opened for, if it is the one with this code and the session has not expired.
 * Anything else is the same 404 as an unknown application, so a code cannot be probed through it.
 */
export async function applicationOfStatusSession(
  prisma: PrismaClient,
  token: string | undefined,
  code: string,
): Promise<string> {
  if (!token) throw notFound('Application');
  const session = await prisma.statusSession.findFirst({
    where: { tokenHash: hashOf(token), expiresAt: { gt: new Date() } },
  });
  const app = session
    ? await prisma.application.findFirst({ where: { id: session.applicationId, code }, select: { id: true } })
    : null;
  if (!app) throw notFound('Application');
  return app.id;
}
