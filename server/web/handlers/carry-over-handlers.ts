/**
 * The transaction day's carry-overs from the page: one row "not disbursed today" with its reason, or every row
 * still waiting when the day closes. The same use cases and body schemas as the API; exactly once per row and day,
 * so a double click or a resent POST moves nothing twice.
 */
import { Router } from 'express';
import { requireRole } from '../../domain/access.js';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import { AppError } from '../../domain/errors.js';
import { BANK_ROLES, carryOverRow, closeTransactionDay } from '../../domain/transaction-days/index.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { CarryOverBody, CloseDayBody } from '../../http/routes/carry-overs.js';
import { TransactionDayQuery } from '../../http/routes/forms.js';
import { pageContext } from '../context.js';
import { formErrors } from '../form-errors.js';
import { formText } from '../form-values.js';
import type { CarryOverForm } from '../pages/transaction-day-page.js';
import { requireSignIn } from '../error-pages.js';
import { showDay } from './transaction-day-handlers.js';

type Deps = WorkflowDeps & { today: () => string };

/** The form fields without the CSRF token, for the strict body schemas the API shares. */
const withoutCsrf = (body: Record<string, unknown>) => {
  const { _csrf: _token, ...fields } = body;
  return fields;
};

export function carryOverHandlers(deps: Deps): Router {
  const router = Router();
  router.use(['/transaction-days/carry-overs', '/transaction-days/close'], requireSignIn, (_req, res, next) => {
    requireRole(pageContext(res).officer!, BANK_ROLES);
    next();
  });

  router.post('/transaction-days/carry-overs', async (req, res) => {
    const ctx = pageContext(res);
    const source = withoutCsrf(req.body as Record<string, unknown>);
    const day = TransactionDayQuery.parse(source);
    const typed: CarryOverForm = {
      applicationId: formText(source.applicationId),
      reason: formText(source.reason),
      errors: {},
    };
    const parsed = CarryOverBody.safeParse(source);
    if (!parsed.success) {
      const errors = formErrors(parsed.error, ctx.t)?.fields ?? {};
      return showDay(deps, res, day, { carryOver: { ...typed, errors } }, 400);
    }
    try {
      const moved = await carryOverRow(deps, ctx.officer!, parsed.data);
      const done = moved.outcome === 'already' ? 'already-carried-over' : 'carried-over';
      const query = new URLSearchParams({ ward: day.ward, date: day.date, done, code: moved.code, to: moved.toOn });
      res.redirect(303, `/transaction-days?${query.toString()}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refused = formErrors(error, ctx.t);
      const messages = [...(refused?.general ?? []), ...Object.values(refused?.fields ?? {})];
      const rowErrors = { [typed.applicationId ?? '']: messages };
      await showDay(deps, res, day, { carryOver: typed, rowErrors }, statusOf(error.code));
    }
  });

  router.post('/transaction-days/close', async (req, res) => {
    const ctx = pageContext(res);
    const source = withoutCsrf(req.body as Record<string, unknown>);
    const day = TransactionDayQuery.parse(source);
    const typed: CarryOverForm = { reason: formText(source.reason), errors: {} };
    const parsed = CloseDayBody.safeParse(source);
    if (!parsed.success) {
      const errors = formErrors(parsed.error, ctx.t)?.fields ?? {};
      return showDay(deps, res, day, { closeDay: { ...typed, errors } }, 400);
    }
    try {
      const { carriedOver, refused } = await closeTransactionDay(deps, ctx.officer!, parsed.data);
      const moved = carriedOver.filter((row) => row.outcome === 'carried-over');
      const query = new URLSearchParams({
        ward: day.ward,
        date: day.date,
        done: 'closed',
        code: day.ward,
        count: String(moved.length),
      });
      if (refused.length === 0) return res.redirect(303, `/transaction-days?${query.toString()}`);
      const rowErrors = Object.fromEntries(
        refused.map((row) => {
          const messages = formErrors(row.error, ctx.t);
          return [row.applicationId, [...(messages?.general ?? []), ...Object.values(messages?.fields ?? {})]];
        }),
      );
      const notice = ctx.t('noticeDayClosed').replace('{count}', String(moved.length));
      await showDay(deps, res, day, { notice, rowErrors });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const messages = formErrors(error, ctx.t);
      const general = [...(messages?.general ?? []), ...Object.values(messages?.fields ?? {})];
      await showDay(
        deps,
        res,
        day,
        { closeDay: { ...typed, errors: { reason: general.join(' ') } } },
        statusOf(error.code),
      );
    }
  });

  return router;
}
