import { Router, type RequestHandler } from 'express';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { lookupStatus } from '../../domain/applications/index.js';
import { CodeParams, StatusQuery } from '../schemas.js';
import { toStatusView } from '../views/status-view.js';

/**
 * The applicant's window: the application code plus the last 4 digits of the borrower's citizen ID, as the
 * `citizenIdLast4` query parameter or the `X-Citizen-Id-Last4` header. A wrong code and a wrong factor get
 * the same 404, so neither can be probed on its own.
 */
export function statusRoutes(prisma: PrismaClient, limit: RequestHandler): Router {
  const router = Router();
  router.get('/status/:code', limit, async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const { citizenIdLast4 } = StatusQuery.parse({
      citizenIdLast4: req.header('x-citizen-id-last4'),
      ...req.query,
    });
    res.json(toStatusView(await lookupStatus(prisma, code, citizenIdLast4)));
  });
  return router;
}
