/**
 * One application's page for officers: read it, take its current step, record the step's decision. The same
 * use cases and schemas as GET /api/applications/:id and the steps' start and decision routes.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import type { StepDecisionInput } from '../../../workflows/definitions.js';
import type { StepName } from '../../../workflows/domain.js';
import { rolesForStage } from '../../../workflows/rules/authority.js';
import {
  decideStep,
  findApplication,
  readApplicationFor,
  startStep,
  type WorkflowDeps,
} from '../../domain/applications/index.js';
import { auditTrailCsv, readAuditTrail } from '../../domain/audit.js';
import { recordAccess } from '../../domain/access-log.js';
import { AppError } from '../../domain/errors.js';
import { checkAgainstRegistry } from '../../domain/registry/check.js';
import { parseDateText } from '../../domain/registry/dates.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { CodeParams, DecisionBodies, StepParam } from '../../http/schemas.js';
import { toApplicationView } from '../../http/views/application-view.js';
import { pageContext } from '../context.js';
import { formErrors } from '../form-errors.js';
import { formText, numberOrText } from '../form-values.js';
import type { DecisionFormData } from '../pages/decision-forms.js';
import { ApplicationPage, type ApplicationPageData } from '../pages/application-page.js';
import { refusalMessages, requireSignIn } from '../error-pages.js';
import { sendPage } from '../render.js';

/** Each step's form fields, as its decision body names them. */
const STEP_FIELDS: Record<StepName, readonly string[]> = {
  'ward-verification': ['outcome', 'reason', 'residenceConfirmed', 'listedCategory'],
  entrustment: ['outcome', 'reason', 'associationCode', 'dossierComplete'],
  'group-vote': [
    'reason',
    'meetingDate',
    'membersTotal',
    'membersPresent',
    'votesFor',
    'votesAgainst',
    'abstentions',
    'applicantPresent',
  ],
  'bank-approval': ['outcome', 'reason', 'approvedAmount', 'termMonths'],
  disbursement: ['outcome', 'reason', 'amount', 'disbursedOn', 'transactionPoint'],
};
const CHECKBOXES = new Set(['residenceConfirmed', 'dossierComplete', 'applicantPresent']);
const OPTIONAL_CHECKBOXES = new Set(['applicantPresent']);
const NUMBERS = new Set([
  'membersTotal',
  'membersPresent',
  'votesFor',
  'votesAgainst',
  'abstentions',
  'approvedAmount',
  'termMonths',
  'amount',
]);
const DATES = new Set(['meetingDate', 'disbursedOn']);

/** The form's fields as the decision body: checkboxes as booleans, numbers and dates as the schema reads them. */
export function decisionBody(step: StepName, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of STEP_FIELDS[step]) {
    const value = values[name] ?? '';
    if (CHECKBOXES.has(name)) {
      if (value === 'true' || !OPTIONAL_CHECKBOXES.has(name)) body[name] = value === 'true';
    } else if (value === '') continue;
    else if (NUMBERS.has(name)) body[name] = numberOrText(value);
    else if (DATES.has(name)) body[name] = parseDateText(value) ?? value;
    else body[name] = value;
  }
  return body;
}

const NOTICES = { taken: 'taken', decided: 'decided' } as const;

export async function showApplication(
  deps: WorkflowDeps & { today: () => string },
  res: Response,
  code: string,
  extra: Partial<ApplicationPageData> = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const view = toApplicationView(await readApplicationFor(deps.prisma, code, ctx.officer!));
  const step = view.currentStep;
  const mayAct = step !== null && rolesForStage(step, view.proposal !== null).includes(ctx.officer!.role);
  const registryCheck =
    step === 'ward-verification' && view.status === 'IN_PROGRESS'
      ? await checkAgainstRegistry(deps.prisma, ctx.officer!, code, deps.today())
      : undefined;
  await recordAccess(deps.prisma, ctx.officer!, {
    view: 'application-page',
    application: view,
    wardCode: view.wardCode,
  });
  sendPage(res, h(ApplicationPage, { ctx, data: { view, mayAct, registryCheck, ...extra } }), status);
}

export function applicationHandlers(deps: WorkflowDeps & { today: () => string }): Router {
  const router = Router();
  router.use('/applications', requireSignIn);

  router.get('/applications/:code', async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const done = NOTICES[req.query.done as keyof typeof NOTICES] as 'taken' | 'decided' | undefined;
    await showApplication(deps, res, code, done ? { notice: pageContext(res).t(done) } : {});
  });

  /** The same CSV as GET /api/applications/:id/audit?format=csv, for the session's officer. */
  router.get('/applications/:code/audit.csv', async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const app = await findApplication(deps.prisma, code, pageContext(res).officer);
    const entries = await readAuditTrail(deps.prisma, app.id);
    await recordAccess(deps.prisma, pageContext(res).officer!, { view: 'audit-page-csv', application: app });
    res.type('text/csv; charset=utf-8').attachment(`audit-${app.code}.csv`).send(auditTrailCsv(entries));
  });

  router.post('/applications/:code/steps/:step/start', async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const step = StepParam.parse(req.params.step);
    const ctx = pageContext(res);
    const app = await findApplication(deps.prisma, code, ctx.officer);
    try {
      await startStep(deps, app, step, ctx.officer!);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'NOT_FOUND') throw error;
      return showApplication(deps, res, code, { general: refusalMessages(ctx, error) }, statusOf(error.code));
    }
    res.redirect(303, `/applications/${encodeURIComponent(code)}?done=taken`);
  });

  router.post('/applications/:code/steps/:step/decision', async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const step = StepParam.parse(req.params.step);
    const ctx = pageContext(res);
    const app = await findApplication(deps.prisma, code, ctx.officer);
    const form = req.body as Record<string, unknown>;
    const values = Object.fromEntries(STEP_FIELDS[step].map((name) => [name, formText(form[name])]));
    try {
      const fields = DecisionBodies[step].parse(decisionBody(step, values));
      await decideStep(deps, app, { step, ...fields } as StepDecisionInput, ctx.officer!);
    } catch (error) {
      const refused = formErrors(error, ctx.t);
      if (!refused || (error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      const decision: DecisionFormData = { code, step, values, errors: refused.fields, general: refused.general };
      return showApplication(deps, res, code, { decision }, error instanceof AppError ? statusOf(error.code) : 400);
    }
    res.redirect(303, `/applications/${encodeURIComponent(code)}?done=decided`);
  });

  return router;
}
