/**
 * The loan pages, over the same use cases and schemas as /api/loans: the list, one loan, and its four forms.
 * Outside the officer's scope a loan is the 404 page (as the API answers); in scope, each form is the acting
 * role's, and a refusal comes back on the same page, in the visitor's language, with what was typed.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import { z } from 'zod';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import { listFilterChoices } from '../../domain/applications/index.js';
import { notFound } from '../../domain/errors.js';
import {
  checkLoanUse,
  extendInstalment,
  listLoans,
  payPrincipal,
  readLoan,
  repayEarly,
} from '../../domain/loans/index.js';
import { listCurrentPrograms } from '../../domain/programmes.js';
import { parseDateText } from '../../domain/registry/dates.js';
import { ExtensionBody, ListLoansQuery, LoanParams, PaymentBody, UseCheckBody } from '../../http/routes/loans.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { numberOrText } from '../form-values.js';
import type { LabelKey } from '../labels.js';
import type { LoanFormName, SentLoanForm } from '../pages/loan-forms.js';
import { LoanPage } from '../pages/loan-page.js';
import { LoansPage } from '../pages/loans-page.js';
import { sendPage } from '../render.js';
import { formValues, noticeOf, refusalOf } from './admin-forms.js';

type Deps = WorkflowDeps & { today: () => string };

const LIST_FIELDS = ['status', 'overdue', 'wardCode', 'groupCode', 'programCode', 'page', 'pageSize'] as const;

/** The GET form's query as the API's schema reads it; a query the schema refuses shows the first page unfiltered. */
function readListQuery(query: Record<string, unknown>) {
  const given = Object.fromEntries(
    LIST_FIELDS.flatMap((field) => {
      const value = query[field];
      return typeof value === 'string' && value.trim() !== '' ? [[field, value.trim()]] : [];
    }),
  );
  const parsed = ListLoansQuery.safeParse(given);
  return parsed.success ? parsed.data : ListLoansQuery.parse({});
}

/** A page's loan id: anything that is not one is the same 404 page as a loan that does not exist. */
function loanIdOf(params: unknown): string {
  const parsed = LoanParams.safeParse(params);
  if (!parsed.success) throw notFound('Loan');
  return parsed.data.id;
}

const NOTICES = {
  paid: 'loanPaid',
  repaid: 'loanRepaid',
  extended: 'loanExtended',
  checked: 'loanUseChecked',
} as const satisfies Record<string, LabelKey>;

/** Where the API's own message would speak of the loan application, the page says what these fields want. */
const FIELD_MESSAGES: Record<string, LabelKey> = { amount: 'loanAmountInvalid', newDueOn: 'loanDateInvalid' };

async function showLoan(
  deps: Deps,
  res: Response,
  id: string,
  extra: { onText?: string; sent?: SentLoanForm; notice?: string | undefined } = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const officer = ctx.officer!;
  const today = deps.today();
  const onText = extra.onText ?? '';
  const on = onText ? parseDateText(onText) : today;
  const onError = on === null ? ctx.t('owedOnInvalid') : undefined;
  const loan = await readLoan(deps, officer, id, on ?? today);
  // The forms start from today's figures whatever day the page shows.
  const todays = on && on !== today ? (await readLoan(deps, officer, id, today)).dueToday : loan.dueToday;
  const programme = (await listCurrentPrograms(deps.prisma)).find((p) => p.code === loan.programCode);
  const programmeName = programme ? (ctx.lang === 'vi' ? programme.nameVi : programme.nameEn) : loan.programCode;
  const data = { loan, programmeName, onText, onError, today: todays, sent: extra.sent, notice: extra.notice };
  sendPage(res, h(LoanPage, { ctx, data }), onError ? 400 : status);
}

/**
 * Runs one form's use case: the redirect with its notice, or the page again with the refusal beside the fields
 * and the values as typed. A loan out of scope (not found) or a fault goes on to the error page.
 */
async function submitLoanForm(
  deps: Deps,
  res: Response,
  id: string,
  form: LoanFormName,
  values: Record<string, string>,
  act: () => Promise<unknown>,
  done: keyof typeof NOTICES,
  /** The page's own checks (the early repayment's confirmation), judged before the use case is asked. */
  pageErrors: Record<string, string> = {},
): Promise<void> {
  if (Object.keys(pageErrors).length > 0) {
    await showLoan(deps, res, id, { sent: { form, values, errors: pageErrors, general: [] } }, 400);
    return;
  }
  try {
    await act();
  } catch (error) {
    const refusal = refusalOf(res, error);
    // Out of scope, a role that is not offered the form, or a fault: the error page, as for any other page.
    if (!refusal || refusal.status === 401 || refusal.status === 403) throw error;
    const { t } = pageContext(res);
    const errors = { ...refusal.fields };
    if (error instanceof z.ZodError) {
      for (const name of Object.keys(errors)) {
        const label = FIELD_MESSAGES[name];
        if (label) errors[name] = t(label);
      }
    }
    const sent = { form, values, errors, general: refusal.general };
    await showLoan(deps, res, id, { sent }, refusal.status);
    return;
  }
  res.redirect(303, `/loans/${encodeURIComponent(id)}?done=${done}`);
}

/** A typed amount as the API's body reads it (`16.666.666` and `16666666` alike). */
const amountBody = (values: Record<string, string>) => ({
  ...(values.amount ? { amount: numberOrText(values.amount) } : {}),
});

export function loanHandlers(deps: Deps): Router {
  const router = Router();
  router.use('/loans', requireSignIn);

  router.get('/loans', async (req, res) => {
    const ctx = pageContext(res);
    const query = readListQuery(req.query);
    const [page, choices, programmes] = await Promise.all([
      listLoans(deps.prisma, ctx.officer!, query),
      listFilterChoices(deps.prisma, ctx.officer!),
      listCurrentPrograms(deps.prisma),
    ]);
    const data = { query, items: page.items, total: page.total, ...choices, programmes };
    sendPage(res, h(LoansPage, { ctx, data }));
  });

  router.get('/loans/:id', async (req, res) => {
    const id = loanIdOf(req.params);
    const onText = typeof req.query.on === 'string' ? req.query.on.trim() : '';
    await showLoan(deps, res, id, { onText, notice: noticeOf(res, NOTICES, req.query.done) });
  });

  router.post('/loans/:id/principal-payments', async (req, res) => {
    const id = loanIdOf(req.params);
    const values = formValues(req.body, ['amount']);
    await submitLoanForm(
      deps,
      res,
      id,
      'principal',
      values,
      () => payPrincipal(deps, pageContext(res).officer!, id, PaymentBody.parse(amountBody(values))),
      'paid',
    );
  });

  router.post('/loans/:id/early-repayment', async (req, res) => {
    const id = loanIdOf(req.params);
    const values = formValues(req.body, ['amount', 'confirm']);
    const unconfirmed: Record<string, string> =
      values.confirm === 'true' ? {} : { confirm: pageContext(res).t('earlyConfirmMissing') };
    await submitLoanForm(
      deps,
      res,
      id,
      'early',
      values,
      () => repayEarly(deps, pageContext(res).officer!, id, PaymentBody.parse(amountBody(values))),
      'repaid',
      unconfirmed,
    );
  });

  router.post('/loans/:id/extensions', async (req, res) => {
    const id = loanIdOf(req.params);
    const values = formValues(req.body, ['instalmentNo', 'newDueOn', 'wardChairComment', 'bankDecision']);
    const body = {
      ...(values.instalmentNo ? { instalmentNo: numberOrText(values.instalmentNo) } : {}),
      newDueOn: parseDateText(values.newDueOn ?? '') ?? values.newDueOn,
      wardChairComment: values.wardChairComment,
      bankDecision: values.bankDecision,
    };
    await submitLoanForm(
      deps,
      res,
      id,
      'extension',
      values,
      () => extendInstalment(deps, pageContext(res).officer!, id, ExtensionBody.parse(body)),
      'extended',
    );
  });

  router.post('/loans/:id/use-check', async (req, res) => {
    const id = loanIdOf(req.params);
    const values = formValues(req.body, ['outcome', 'note']);
    const body = { ...(values.outcome ? { outcome: values.outcome } : {}), note: values.note };
    await submitLoanForm(
      deps,
      res,
      id,
      'use-check',
      values,
      () => checkLoanUse(deps, pageContext(res).officer!, id, UseCheckBody.parse(body)),
      'checked',
    );
  });

  return router;
}
