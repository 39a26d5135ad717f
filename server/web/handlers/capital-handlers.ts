/** The capital pages: the same use cases as GET /api/capital-sources and GET /api/capital-sources/:code. */
import { Router } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { listCapitalSources, readCapitalSource } from '../../domain/capital/sources.js';
import { CodeParams } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { CapitalPage } from '../pages/capital-page.js';
import { CapitalSourcePage } from '../pages/capital-source-page.js';
import { sendPage } from '../render.js';

export function capitalHandlers(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/capital', requireSignIn, async (_req, res) => {
    const ctx = pageContext(res);
    const sources = await listCapitalSources(prisma, ctx.officer!);
    sendPage(res, h(CapitalPage, { ctx, sources }));
  });

  router.get('/capital/:code', requireSignIn, async (req, res) => {
    const ctx = pageContext(res);
    const { code } = CodeParams.parse(req.params);
    const source = await readCapitalSource(prisma, ctx.officer!, code);
    sendPage(res, h(CapitalSourcePage, { ctx, source }));
  });

  return router;
}
