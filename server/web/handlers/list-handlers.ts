import { Router } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { listApplications, listFilterChoices } from '../../domain/applications/index.js';
import { ListApplicationsQuery } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { ApplicationsPage } from '../pages/applications-page.js';
import { sendPage } from '../render.js';

const FIELDS = ['ward', 'group', 'step', 'status', 'q', 'page', 'pageSize'] as const;

/**
 * The GET form's query as the API's schema reads it: empty fields (the "all" choice) are left out, and a query
 * the schema refuses (a hand-edited URL) shows the first page unfiltered rather than an error.
 */
function readQuery(query: Record<string, unknown>): ListApplicationsQuery {
  const given = Object.fromEntries(
    FIELDS.flatMap((field) => {
      const value = query[field];
      return typeof value === 'string' && value.trim() !== '' ? [[field, value]] : [];
    }),
  );
  const parsed = ListApplicationsQuery.safeParse(given);
  return parsed.success ? parsed.data : ListApplicationsQuery.parse({});
}

/** The applications list, from the same use case and query schema as GET /api/applications. */
export function listHandlers(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/applications', requireSignIn, async (req, res) => {
    const ctx = pageContext(res);
    const query = readQuery(req.query);
    const [{ rows, total }, choices] = await Promise.all([
      listApplications(prisma, ctx.officer!, query),
      listFilterChoices(prisma, ctx.officer!),
    ]);
    sendPage(res, h(ApplicationsPage, { ctx, data: { query, rows, total, ...choices } }));
  });
  return router;
}
