import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { PrismaClient } from '../prisma/generated/client.js';
import type { Actor } from '../workflows/definitions.js';
import type { Role } from '../workflows/domain.js';
import { scopeOf } from './access.js';
import { AppError } from './errors.js';
import { verifyPassword } from './passwords.js';

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

export async function login(
  prisma: PrismaClient,
  credentials: { username: string; password: string },
  ttlMinutes: number,
): Promise<{ token: string; expiresAt: Date; role: Role }> {
  const account = await prisma.officerAccount.findUnique({ where: { username: credentials.username } });
  // The same answer for an unknown user, a wrong password and a disabled account.
  const valid = account !== null && (await verifyPassword(credentials.password, account.passwordHash));
  if (!account || !valid || account.disabled) throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
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

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Reads the bearer token when there is one; a present but invalid token is refused, never ignored. */
export function authenticate(prisma: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    const header = req.header('authorization');
    if (!header) return next();
    const token = bearerToken(header);
    if (!token) throw new AppError('UNAUTHENTICATED', 'Malformed Authorization header');
    const session = await prisma.authSession.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { account: true },
    });
    if (!session || session.revokedAt || session.expiresAt <= new Date() || session.account.disabled) {
      throw new AppError('UNAUTHENTICATED', 'The token is invalid or has expired');
    }
    const { account } = session;
    res.locals.officer = {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role as Role,
      wardCode: account.wardCode,
      associationCode: account.associationCode,
      groupCode: account.groupCode,
      bankOfficeCode: account.bankOfficeCode,
      citizenId: account.citizenId,
    } satisfies Officer;
    res.locals.token = token;
    next();
  };
}

export function currentOfficer(res: Response): Officer | null {
  return (res.locals.officer as Officer | undefined) ?? null;
}

export function requireOfficer(res: Response): Officer {
  const officer = currentOfficer(res);
  if (!officer) throw new AppError('UNAUTHENTICATED', 'Log in first: Authorization: Bearer <token>');
  return officer;
}

export function actorOf(officer: Officer): Actor {
  return { username: officer.username, role: officer.role, displayName: officer.displayName, scope: scopeOf(officer) };
}
