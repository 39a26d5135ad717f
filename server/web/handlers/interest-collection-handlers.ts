/**
 * The group leader's monthly interest collection (receipt 01/BL) on the page: the same use cases and schemas as
 * GET/POST /api/groups/:group/interest-collections. The batch is one POST; a refused line is named beside its row
 * with everything typed kept, and nothing of the batch is entered.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import { z } from 'zod';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import { AppError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/format.js';
import { collectInterest, listInterestDue, type InterestDueItem } from '../../domain/loans/interest-collections.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { GroupParams, InterestBatchBody, InterestQuery } from '../../http/routes/loans.js';
import { pageContext } from '../context.js';
import { ERROR_MESSAGES } from '../error-messages.js';
import { requireSignIn } from '../error-pages.js';
import { formText, numberOrText } from '../form-values.js';
import { amountField, InterestCollectionPage, type InterestPageData } from '../pages/interest-collection-page.js';
import { sendPage } from '../render.js';

type Deps = WorkflowDeps & { today: () => string };

/** What the page shows beyond the month's list: the form as typed, its refusals, the notice. */
type Shown = Partial<
  Pick<InterestPageData, 'amounts' | 'receiptNo' | 'rowErrors' | 'receiptError' | 'general' | 'notice'>
>;

/** Refusals that are about the page, not the batch: the error page says them. */
const NOT_A_REFUSAL = new Set(['FORBIDDEN', 'UNKNOWN_GROUP', 'UNAUTHENTICATED', 'NOT_FOUND']);

export function interestCollectionHandlers(deps: Deps): Router {
  const router = Router();
  const pathOf = (group: string) => `/groups/${encodeURIComponent(group)}/interest-collections`;

  async function show(res: Response, group: string, month: string, shown: Shown = {}, status = 200) {
    const ctx = pageContext(res);
    const officer = ctx.officer!;
    const items = await listInterestDue(deps.prisma, officer, group, month);
    const data: InterestPageData = {
      groupCode: group,
      month,
      items,
      canCollect: officer.role === 'group_leader' && officer.groupCode === group,
      amounts: {},
      receiptNo: '',
      rowErrors: {},
      general: [],
      ...shown,
    };
    sendPage(res, h(InterestCollectionPage, { ctx, data }), status);
  }

  router.get('/groups/:group/interest-collections', requireSignIn, async (req, res) => {
    const { group } = GroupParams.parse(req.params);
    const query = req.query as Record<string, unknown>;
    const { month } = InterestQuery.parse({ month: formText(query.month) || deps.today().slice(0, 7) });
    const count = formText(query.count);
    const notice =
      query.done === 'collected' && /^\d{1,3}$/.test(count)
        ? pageContext(res).t('interestDone').replace('{count}', count)
        : undefined;
    await show(res, group, month, { notice });
  });

  router.post('/groups/:group/interest-collections', requireSignIn, async (req, res) => {
    const { group } = GroupParams.parse(req.params);
    const { t, officer } = pageContext(res);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const { month } = InterestQuery.parse({ month: formText(form.month) });
    const receiptNo = formText(form.receiptNo);
    const items = await listInterestDue(deps.prisma, officer!, group, month);
    // Every row the page showed with a field, even one collected meanwhile: the use case names that line.
    const sent = items.filter((item) => typeof form[amountField(item.loanId)] === 'string');
    const amounts = Object.fromEntries(sent.map((item) => [item.loanId, formText(form[amountField(item.loanId)])]));
    // The batch's lines, in the order of the page's rows: a row left empty is not collected this time.
    const lines = sent.filter((item) => amounts[item.loanId] !== '');
    const typed = { amounts, receiptNo };
    if (lines.length === 0) {
      return show(res, group, month, { ...typed, general: [t('interestNothingTyped')] }, 400);
    }
    const body = {
      month,
      ...(receiptNo ? { receiptNo } : {}),
      collections: lines.map((item) => ({ loanId: item.loanId, amount: numberOrText(amounts[item.loanId] ?? '') })),
    };
    try {
      const batch = InterestBatchBody.parse(body);
      await collectInterest(deps, officer!, group, batch);
    } catch (error) {
      const refused = await refusalOf(res, group, month, error, lines);
      if (!refused) throw error;
      return show(res, group, month, { ...typed, ...refused.shown }, refused.status);
    }
    res.redirect(303, `${pathOf(group)}?month=${month}&done=collected&count=${lines.length}`);
  });

  /** The refusal's lines beside their rows (`collections.<n>.…` is the n-th line sent); null: not a refusal. */
  async function refusalOf(
    res: Response,
    group: string,
    month: string,
    error: unknown,
    lines: InterestDueItem[],
  ): Promise<{ shown: Shown; status: number } | null> {
    const { t, lang, officer } = pageContext(res);
    const rowErrors: Record<string, string> = {};
    const lineOf = (path: readonly PropertyKey[] | string) => {
      const [, index] = (typeof path === 'string' ? path.split('.') : path.map(String)) as string[];
      return lines[Number(index)];
    };
    if (error instanceof z.ZodError) {
      let receiptError: string | undefined;
      for (const issue of error.issues) {
        const line = issue.path[0] === 'collections' ? lineOf(issue.path) : undefined;
        if (line) rowErrors[line.loanId] ??= t('interestAmountInvalid');
        else if (issue.path[0] === 'receiptNo') receiptError = t(ERROR_MESSAGES.VALIDATION_FAILED);
      }
      return { shown: { rowErrors, receiptError }, status: 400 };
    }
    if (!(error instanceof AppError) || NOT_A_REFUSAL.has(error.code)) return null;
    // What the book says now: a line refused on its loan is either collected meanwhile or has nothing due.
    const now = await listInterestDue(deps.prisma, officer!, group, month);
    for (const field of error.fields) {
      const line = lineOf(field.path);
      if (!line) continue;
      if (field.path.endsWith('.amount')) {
        const atMost = t('interestAtMost').replace('{amount}', formatMoney(line.amount, lang));
        rowErrors[line.loanId] = `${t(ERROR_MESSAGES.AMOUNT_OVER_DUE)} ${atMost}`;
      } else {
        const collected = now.find((item) => item.loanId === line.loanId)?.collected !== null;
        rowErrors[line.loanId] = t(ERROR_MESSAGES[collected ? 'INTEREST_ALREADY_COLLECTED' : 'INTEREST_NOT_DUE']);
      }
    }
    const general = Object.keys(rowErrors).length === 0 ? [t(ERROR_MESSAGES[error.code])] : [];
    return { shown: { rowErrors, general }, status: statusOf(error.code) };
  }

  return router;
}
