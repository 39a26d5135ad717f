import { Router } from 'express';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { AccessLogQuery, listAccessLog } from '../../domain/access-log.js';

/** GET /admin/access-log: who read which citizen's file, newest first (mounted behind the admin check). */
export function accessLogRoutes(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/admin/access-log', async (req, res) => {
    res.json(await listAccessLog(prisma, AccessLogQuery.parse(req.query)));
  });
  return router;
}
