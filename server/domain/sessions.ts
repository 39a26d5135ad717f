import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../prisma/generated/client.js';
import type { Actor } from '../../workflows/definitions.js';
import type { Role } from '../../workflows/domain.js';
import { scopeOf } from './access.js';
import { AppError } from './errors.js';
import { decoyHash, verifyPassword, type PasswordVerifier } from '../infra/passwords.js';

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  wardCode: string | null;
  associationCode: string | null;
  groupCode: string | null;
  bankOfficeCode: string | null;
  citizenId: string | null;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * A session token for the right username and password. An unknown username, a wrong password and a disabled
 * account get the same answer after the same work: an unknown username is checked against a decoy hash, so
 * the answer's timing does not tell which usernames exist.
 */
export async function login(
  prisma: PrismaClient,
  credentials: { username: string; password: string },
  ttlMinutes: number,
  verify: PasswordVerifier = verifyPassword,
): Promise<{ token: string; expiresAt: Date; role: Role }> {
  const account = await prisma.officerAccount.findUnique({ where: { username: credentials.username } });
  const matches = await verify(credentials.password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !matches || account.disabled) throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
  await prisma.authSession.create({ data: { tokenHash: hashToken(token), accountId: account.id, expiresAt } });
  return { token, expiresAt, role: account.role as Role };
}

export async function logout(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.authSession.updateMany({
    where: { tokenHash: hashToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/**
 * Slides a live session's expiry to `minutes` from now: a browser session ends after that long idle. A revoked
 * or already expired session stays ended.
 */
export async function extendSession(prisma: PrismaClient, token: string, minutes: number): Promise<void> {
  const now = new Date();
  await prisma.authSession.updateMany({
    where: { tokenHash: hashToken(token), revokedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: new Date(now.getTime() + minutes * 60_000) },
  });
}

/** The officer a live session token belongs to; null for an unknown, revoked or expired token or a disabled account. */
export async function officerForToken(prisma: PrismaClient, token: string): Promise<Officer | null> {
  const session = await prisma.authSession.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { account: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.account.disabled) return null;
  const { account } = session;
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role as Role,
    wardCode: account.wardCode,
    associationCode: account.associationCode,
    groupCode: account.groupCode,
    bankOfficeCode: account.bankOfficeCode,
    citizenId: account.citizenId,
  };
}

export function actorOf(officer: Officer): Actor {
  return { username: officer.username, role: officer.role, displayName: officer.displayName, scope: scopeOf(officer) };
}
