import type { RequestHandler, Response } from 'express';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { AppError } from '../../domain/errors.js';
import { officerForToken, type Officer } from '../../domain/sessions.js';

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
    const officer = await officerForToken(prisma, token);
    if (!officer) throw new AppError('UNAUTHENTICATED', 'The token is invalid or has expired');
    res.locals.officer = officer;
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
