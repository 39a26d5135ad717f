import { Router } from 'express';
import type { PrismaClient } from '../../prisma/generated/client.js';
import { notFound } from '../errors.js';
import { CodeParams } from '../schemas.js';
import { toStatusView } from '../status-view.js';
import { applicationInclude } from '../views.js';

/** The applicant's window: no token, looked up by the application code they were given. */
export function statusRoutes(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/status/:code', async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const row = await prisma.application.findUnique({ where: { code }, include: applicationInclude });
    if (!row) throw notFound('Application');
    res.json(toStatusView(row));
  });
  return router;
}
