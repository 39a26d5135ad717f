import { Router } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { StepName } from '../../../workflows/domain.js';
import { BATCH_STEPS } from '../../domain/batches/index.js';
import { readInbox, type InboxItem } from '../../domain/inbox.js';
import { readLoanTasks } from '../../domain/loans/loan-tasks.js';
import { StepParam } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { InboxPage } from '../pages/inbox-page.js';
import { sendPage } from '../render.js';

/** The groups with applications waiting at a step decided by batch (ward, association, bank), and how many. */
function batchGroups(items: InboxItem[]): { code: string; waiting: number }[] {
  const waiting = new Map<string, number>();
  for (const item of items) {
    if (!(BATCH_STEPS as readonly string[]).includes(item.step) || !item.row.groupCode) continue;
    waiting.set(item.row.groupCode, (waiting.get(item.row.groupCode) ?? 0) + 1);
  }
  return [...waiting].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => ({ code, waiting: count }));
}

/** The officer's home page, from the same use case as GET /api/inbox. */
export function inboxHandlers(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/inbox', requireSignIn, async (req, res) => {
    const ctx = pageContext(res);
    const parsed = StepParam.safeParse(req.query.step);
    const step = parsed.success ? parsed.data : null;
    const all = await readInbox(prisma, ctx.officer!);
    const counts: Partial<Record<StepName, number>> = {};
    for (const item of all) counts[item.step] = (counts[item.step] ?? 0) + 1;
    const items = step ? all.filter((item) => item.step === step) : all;
    const loanTasks = await readLoanTasks(prisma, ctx.officer!);
    sendPage(res, h(InboxPage, { ctx, data: { items, counts, step, loanTasks, batchGroups: batchGroups(all) } }));
  });
  return router;
}
