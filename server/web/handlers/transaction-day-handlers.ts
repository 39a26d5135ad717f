/**
 * The transaction day's pages for bank officers: the same use cases and query schema as GET /api/transaction-days,
 * and marking a row disbursed through the step decision the application page records, exactly once.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import { z } from 'zod';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import { requireRole } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { formatDate } from '../../domain/format.js';
import { form01Td } from '../../domain/forms/form-01-td.js';
import { readForm01Data } from '../../domain/forms/form-01-td-data.js';
import { postingList } from '../../domain/forms/posting-list.js';
import { transactionDayList } from '../../domain/forms/transaction-day-list.js';
import { findApplication } from '../../domain/applications/index.js';
import { parseDateText } from '../../domain/registry/dates.js';
import {
  BANK_ROLES,
  listScheduledDays,
  listTransactionPoints,
  markDisbursed,
  readTransactionDay,
  writeTransactionDayXlsx,
  type TransactionDayQuery as Query,
} from '../../domain/transaction-days/index.js';
import { renderPdf } from '../../infra/pdf.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import {
  PDF_TYPE,
  TransactionDayQuery,
  XLSX_TYPE,
  dayFileName,
  form01FileName,
  sendFile,
} from '../../http/routes/forms.js';
import { CodeParams } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { formErrors } from '../form-errors.js';
import { formText } from '../form-values.js';
import { TransactionDayPage, type TransactionDayPageData } from '../pages/transaction-day-page.js';
import { CARRY_OVER_NOTICES, carryOverNotice } from './carry-over-notices.js';
import { requireSignIn } from '../error-pages.js';
import { sendPage } from '../render.js';

const MarkBody = TransactionDayQuery.extend({ applicationId: z.uuid() });

/** The form's choices as typed; the date typed as 17/12/2026 is read as the schema's YYYY-MM-DD. */
function readChoice(source: Record<string, unknown>): { values: { ward: string; date: string }; given: boolean } {
  return { values: { ward: formText(source.ward), date: formText(source.date) }, given: 'ward' in source };
}

const asQuery = (values: { ward: string; date: string }) =>
  TransactionDayQuery.safeParse({ ward: values.ward, date: parseDateText(values.date) ?? values.date });

export async function showDay(
  deps: WorkflowDeps & { today: () => string },
  res: Response,
  source: Record<string, unknown>,
  extra: Partial<TransactionDayPageData> = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const officer = ctx.officer!;
  const points = await listTransactionPoints(deps.prisma, officer);
  const { values, given } = readChoice(source);
  values.ward ||= points[0]?.code ?? '';
  const scheduled = values.ward ? await listScheduledDays(deps.prisma, officer, values.ward) : [];
  values.date ||= scheduled[0]?.date ?? deps.today();
  const parsed = asQuery(values);
  const errors = given && !parsed.success ? (formErrors(parsed.error, ctx.t)?.fields ?? {}) : {};
  const day = parsed.success ? await readTransactionDay(deps.prisma, officer, parsed.data) : null;
  const shown = { ward: values.ward, date: parsed.success ? formatDate(parsed.data.date) : values.date };
  sendPage(
    res,
    h(TransactionDayPage, { ctx, data: { points, values: shown, errors, day, scheduled, ...extra } }),
    status,
  );
}

async function sendDayFile(
  deps: WorkflowDeps,
  res: Response,
  source: Record<string, unknown>,
  kind: 'list.pdf' | 'list.xlsx' | 'posting-list.pdf',
): Promise<void> {
  const query: Query = TransactionDayQuery.parse(source);
  const day = await readTransactionDay(deps.prisma, pageContext(res).officer!, query);
  if (kind === 'list.xlsx') {
    sendFile(
      res,
      XLSX_TYPE,
      dayFileName('giai-ngan', query.ward, query.date, 'xlsx'),
      await writeTransactionDayXlsx(day),
    );
  } else if (kind === 'list.pdf') {
    sendFile(
      res,
      PDF_TYPE,
      dayFileName('giai-ngan', query.ward, query.date, 'pdf'),
      await renderPdf(transactionDayList(day)),
    );
  } else {
    sendFile(res, PDF_TYPE, dayFileName('cong-khai', query.ward, query.date, 'pdf'), await renderPdf(postingList(day)));
  }
}

const NOTICES = {
  disbursed: 'noticeDisbursed',
  already: 'noticeAlreadyDisbursed',
  ...CARRY_OVER_NOTICES,
} as const;

export function transactionDayHandlers(deps: WorkflowDeps & { today: () => string }): Router {
  const router = Router();
  router.use('/transaction-days', requireSignIn, (_req, res, next) => {
    requireRole(pageContext(res).officer!, BANK_ROLES);
    next();
  });

  router.get('/transaction-days', async (req, res) => {
    const ctx = pageContext(res);
    const done = NOTICES[req.query.done as keyof typeof NOTICES] as (typeof NOTICES)[keyof typeof NOTICES] | undefined;
    const code = formText(req.query.code);
    const notice = done && code ? carryOverNotice(ctx.t(done).replace('{code}', code), req.query) : undefined;
    await showDay(deps, res, req.query, { notice });
  });

  for (const kind of ['list.pdf', 'list.xlsx', 'posting-list.pdf'] as const) {
    router.get(`/transaction-days/${kind}`, async (req, res) => {
      await sendDayFile(deps, res, req.query, kind);
    });
  }

  /** One row disbursed; a double click or a retried POST finds it done and records nothing twice. */
  router.post('/transaction-days/disbursements', async (req, res) => {
    const ctx = pageContext(res);
    const body = MarkBody.parse(req.body);
    const app = await findApplication(deps.prisma, body.applicationId, ctx.officer);
    try {
      const outcome = await markDisbursed(deps, ctx.officer!, body);
      const query = new URLSearchParams({ ward: body.ward, date: body.date, done: outcome, code: app.code });
      res.redirect(303, `/transaction-days?${query.toString()}#row-${app.code}`);
    } catch (error) {
      const refused = error instanceof AppError ? formErrors(error, ctx.t) : null;
      if (!refused || !(error instanceof AppError)) throw error;
      const messages = [...refused.general, ...Object.values(refused.fields)];
      const status = statusOf(error.code);
      await showDay(deps, res, { ward: body.ward, date: body.date }, { rowErrors: { [app.id]: messages } }, status);
    }
  });

  return router;
}

/** Form 01/TD of one application, for the officers who can see it (the same 404 outside their scope). */
export function formDownloadHandlers(deps: WorkflowDeps): Router {
  const router = Router();
  router.get('/applications/:code/forms/01-td.pdf', requireSignIn, async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const app = await findApplication(deps.prisma, code, pageContext(res).officer);
    sendFile(
      res,
      PDF_TYPE,
      form01FileName(app.code),
      await renderPdf(form01Td(await readForm01Data(deps.prisma, app.id))),
    );
  });
  return router;
}
