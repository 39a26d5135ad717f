/**
 * The applicant's window, as pages: look up by code + last 4 digits, then amend or withdraw with the full
 * citizen ID. The same use cases as GET /api/status/:code, PATCH /api/applications/:id and withdraw.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { h } from 'preact';
import { z } from 'zod';
import {
  amendApplication,
  findForApplicantAction,
  lookupStatus,
  withdrawApplication,
  type WorkflowDeps,
} from '../../domain/applications/index.js';
import { AppError } from '../../domain/errors.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { AmendApplicationBody, CodeParams, StatusQuery, WithdrawBody } from '../../http/schemas.js';
import { toStatusView } from '../../http/views/status-view.js';
import { form01Td } from '../../domain/forms/form-01-td.js';
import { readForm01Data } from '../../domain/forms/form-01-td-data.js';
import { STATUS_SESSION_MINUTES, applicationOfStatusSession, openStatusSession } from '../../domain/status-sessions.js';
import { renderPdf } from '../../infra/pdf.js';
import { PDF_TYPE, form01FileName, sendFile } from '../../http/routes/forms.js';
import { readCookies, setCookie } from '../cookies.js';
import { pageContext } from '../context.js';
import { formErrors } from '../form-errors.js';
import { formText as text, numberOrText } from '../form-values.js';
import { StatusLookupPage } from '../pages/status-lookup-page.js';
import { StatusPage, type StatusPageData } from '../pages/status-page.js';
import { sendPage } from '../render.js';

/** The applicant's status session (see server/domain/status-sessions.ts). */
const STATUS_COOKIE = 'status_session';

const LookupForm = z.object({ code: CodeParams.shape.code, citizenIdLast4: StatusQuery.shape.citizenIdLast4 });

async function showStatus(
  deps: WorkflowDeps,
  res: Response,
  code: string,
  last4: string,
  extra: Pick<StatusPageData, 'notice' | 'refused'> = {},
  status = 200,
  found?: (applicationId: string) => Promise<void>,
): Promise<void> {
  const row = await lookupStatus(deps.prisma, code, last4);
  await found?.(row.id);
  const transactionPoint = row.disbursement?.transactionPoint ?? row.ward.transactionPoint;
  sendPage(
    res,
    h(StatusPage, { ctx: pageContext(res), data: { view: toStatusView(row), last4, transactionPoint, ...extra } }),
    status,
  );
}

/** Runs an applicant action; a refusal comes back on the status page beside the form, as typed. */
async function act(
  deps: WorkflowDeps,
  res: Response,
  form: 'amend' | 'withdraw',
  values: Record<string, string>,
  run: () => Promise<unknown>,
  notice: string,
): Promise<void> {
  const { code, last4 } = values as { code: string; last4: string };
  try {
    await run();
  } catch (error) {
    const refused = formErrors(error, pageContext(res).t);
    if (!refused) throw error;
    // Without an officer, a wrong citizen ID is the same 404 as an unknown application: say so beside the field.
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      refused.general = [];
      refused.fields.citizenId = pageContext(res).t('citizenIdMismatch');
    }
    return showStatus(
      deps,
      res,
      code,
      last4,
      { refused: { form, values, errors: refused.fields, general: refused.general } },
      error instanceof AppError ? statusOf(error.code) : 400,
    );
  }
  await showStatus(deps, res, code, last4, { notice });
}

export function statusHandlers(deps: WorkflowDeps, applicantLimit: RequestHandler): Router {
  const router = Router();
  const { prisma } = deps;

  router.get('/status', (req, res) => {
    const code = typeof req.query.code === 'string' ? req.query.code.slice(0, 100) : '';
    sendPage(res, h(StatusLookupPage, { ctx: pageContext(res), data: { code, errors: {}, general: [] } }));
  });

  router.post('/status', applicantLimit, async (req, res) => {
    const ctx = pageContext(res);
    const form = req.body as Record<string, unknown>;
    const typed = { code: text(form.code), citizenIdLast4: text(form.citizenIdLast4) };
    const parsed = LookupForm.safeParse(typed);
    if (!parsed.success) {
      const { fields } = formErrors(parsed.error, ctx.t) ?? { fields: {} };
      return sendPage(res, h(StatusLookupPage, { ctx, data: { code: typed.code, errors: fields, general: [] } }), 400);
    }
    try {
      await showStatus(deps, res, parsed.data.code, parsed.data.citizenIdLast4, {}, 200, async (applicationId) =>
        setCookie(
          req,
          res,
          STATUS_COOKIE,
          await openStatusSession(prisma, applicationId),
          STATUS_SESSION_MINUTES * 60_000,
        ),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
      const general = [ctx.t('statusNotFound')];
      sendPage(res, h(StatusLookupPage, { ctx, data: { code: typed.code, errors: {}, general } }), 404);
    }
  });

  router.post('/status/amend', applicantLimit, async (req, res) => {
    const form = req.body as Record<string, unknown>;
    const names = ['code', 'last4', 'amount', 'termMonths', 'purpose', 'usePlan', 'citizenId'] as const;
    const values = Object.fromEntries(names.map((name) => [name, text(form[name])]));
    const changes = Object.fromEntries(
      (['amount', 'termMonths', 'purpose', 'usePlan'] as const)
        .filter((name) => values[name])
        .map((name) => [name, name === 'amount' || name === 'termMonths' ? numberOrText(values[name]!) : values[name]]),
    );
    await act(
      deps,
      res,
      'amend',
      values,
      async () => {
        const body = AmendApplicationBody.parse({ ...changes, citizenId: values.citizenId });
        const caller = await findForApplicantAction(prisma, values.code!, null, body.citizenId);
        await amendApplication(deps, caller, body);
      },
      pageContext(res).t('amended'),
    );
  });

  router.post('/status/withdraw', applicantLimit, async (req, res) => {
    const form = req.body as Record<string, unknown>;
    const values = { code: text(form.code), last4: text(form.last4), citizenId: text(form.citizenId) };
    await act(
      deps,
      res,
      'withdraw',
      values,
      async () => {
        const body = WithdrawBody.parse({ citizenId: values.citizenId });
        const caller = await findForApplicantAction(prisma, values.code, null, body.citizenId);
        await withdrawApplication(deps, caller, body);
      },
      pageContext(res).t('withdrawn'),
    );
  });

  // Form 01/TD carries the borrower's personal data: only within the status session the lookup opened for it.
  router.get('/status/:code/forms/01-td.pdf', async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const id = await applicationOfStatusSession(prisma, readCookies(req)[STATUS_COOKIE], code);
    sendFile(res, PDF_TYPE, form01FileName(code), await renderPdf(form01Td(await readForm01Data(prisma, id))));
  });

  return router;
}
