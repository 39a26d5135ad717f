import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { login, logout } from '../../domain/sessions.js';
import { requireOfficer } from '../middleware/auth.js';
import { LoginBody, LoginResponse } from '../schemas.js';

export const MeView = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  wardCode: z.string().nullable(),
  associationCode: z.string().nullable(),
  groupCode: z.string().nullable(),
  bankOfficeCode: z.string().nullable(),
});

export function authRoutes(prisma: PrismaClient, tokenTtlMinutes: number, limit: RequestHandler): Router {
  const router = Router();

  router.post('/auth/login', limit, async (req, res) => {
    const credentials = LoginBody.parse(req.body);
    const session = await login(prisma, credentials, tokenTtlMinutes);
    res.json(LoginResponse.parse({ ...session, expiresAt: session.expiresAt.toISOString() }));
  });

  router.post('/auth/logout', async (_req, res) => {
    requireOfficer(res);
    await logout(prisma, res.locals.token as string);
    res.status(204).end();
  });

  router.get('/auth/me', (_req, res) => {
    res.json(MeView.parse(requireOfficer(res)));
  });

  return router;
}
