import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { StepDecisionInput } from '../../../workflows/definitions.js';
import { readInbox } from '../../domain/inbox.js';
import { readLoanTasks } from '../../domain/loans/loan-tasks.js';
import {
  amendApplication,
  decideStep,
  findApplication,
  findForApplicantAction,
  listApplications,
  readApplicationRow,
  startStep,
  submitApplication,
  withdrawApplication,
  type ApplicantCaller,
  type WorkflowDeps,
} from '../../domain/applications/index.js';
import { auditTrailCsv, readAuditTrail } from '../../domain/audit.js';
import { recordAccess } from '../../domain/access-log.js';
import { currentOfficer, requireOfficer } from '../middleware/auth.js';
import { updateIdOf } from '../middleware/idempotency.js';
import {
  AmendApplicationBody,
  ApplicationParams,
  AuditQuery,
  CreateApplicationBody,
  CreatedApplication,
  DecisionBodies,
  ListApplicationsQuery,
  StepParams,
  WithdrawBody,
} from '../schemas.js';
import {
  ApplicationPage,
  InboxView,
  toApplicationSummary,
  toApplicationView,
  type ApplicationView,
} from '../views/application-view.js';
import { toStatusView, type StatusView } from '../views/status-view.js';

export async function readApplicationView(prisma: PrismaClient, id: string): Promise<ApplicationView> {
  return toApplicationView(await readApplicationRow(prisma, id));
}

/** The applicant sees what the status lookup shows (no officers' names); an officer acting for them, the officer view. */
async function answerFor(prisma: PrismaClient, caller: ApplicantCaller): Promise<ApplicationView | StatusView> {
  if (caller.onBehalf) return readApplicationView(prisma, caller.app.id);
  return toStatusView(await readApplicationRow(prisma, caller.app.id));
}

/**
 * `applicantLimit` is the status lookup's limiter, shared: every guess at a citizen ID, through any route,
 * counts against the same budget per client address. Officers prove who they are with their session instead.
 */
export function applicationRoutes(deps: WorkflowDeps, applicantLimit: RequestHandler): Router {
  const { prisma } = deps;
  const router = Router();
  const limitApplicantProof: RequestHandler = (req, res, next) =>
    currentOfficer(res) ? next() : applicantLimit(req, res, next);

  router.post('/applications', async (req, res) => {
    const body = CreateApplicationBody.parse(req.body);
    const state = await submitApplication(deps, body, currentOfficer(res));
    res.status(201).json(
      CreatedApplication.parse({
        id: state.applicationId,
        code: state.code,
        status: state.status,
        currentStep: state.currentStep,
      }),
    );
  });

  router.get('/applications', async (req, res) => {
    const officer = requireOfficer(res);
    const query = ListApplicationsQuery.parse(req.query);
    const { rows, total } = await listApplications(prisma, officer, query);
    res.json(
      ApplicationPage.parse({
        items: rows.map(toApplicationSummary),
        page: query.page,
        pageSize: query.pageSize,
        total,
      }),
    );
  });

  router.get('/inbox', async (_req, res) => {
    const officer = requireOfficer(res);
    const items = await readInbox(prisma, officer);
    const loanTasks = await readLoanTasks(prisma, officer);
    res.json(
      InboxView.parse({
        items: items.map(({ row, step: _step, stepSince, ...rest }) => ({
          ...toApplicationSummary(row),
          ...rest,
          stepSince: stepSince.toISOString(),
        })),
        loanTasks,
      }),
    );
  });

  router.get('/applications/:id', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = ApplicationParams.parse(req.params);
    const app = await findApplication(prisma, id, officer);
    const view = await readApplicationView(prisma, app.id);
    await recordAccess(prisma, officer, { view: 'application', application: app });
    res.json(view);
  });

  router.get('/applications/:id/audit', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = ApplicationParams.parse(req.params);
    const { format } = AuditQuery.parse(req.query);
    const app = await findApplication(prisma, id, officer);
    const entries = await readAuditTrail(prisma, app.id);
    await recordAccess(prisma, officer, { view: format === 'csv' ? 'audit-csv' : 'audit-json', application: app });
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`audit-${app.code}.csv`).send(auditTrailCsv(entries));
      return;
    }
    res.json(z.object({ code: z.string(), entries: z.array(z.unknown()) }).parse({ code: app.code, entries }));
  });

  router.patch('/applications/:id', limitApplicantProof, async (req, res) => {
    const { id } = ApplicationParams.parse(req.params);
    const body = AmendApplicationBody.parse(req.body);
    const caller = await findForApplicantAction(prisma, id, currentOfficer(res), body.citizenId);
    await amendApplication(deps, caller, body);
    res.json(await answerFor(prisma, caller));
  });

  router.post('/applications/:id/withdraw', limitApplicantProof, async (req, res) => {
    const { id } = ApplicationParams.parse(req.params);
    const body = WithdrawBody.parse(req.body ?? {});
    const caller = await findForApplicantAction(prisma, id, currentOfficer(res), body.citizenId);
    await withdrawApplication(deps, caller, body);
    res.json(await answerFor(prisma, caller));
  });

  router.post('/applications/:id/steps/:step/start', async (req, res) => {
    const officer = requireOfficer(res);
    const { id, step } = StepParams.parse(req.params);
    const app = await findApplication(prisma, id, officer);
    await startStep(deps, app, step, officer, updateIdOf(req, `start:${app.id}:${step}:${officer.id}`));
    res.json(await readApplicationView(prisma, app.id));
  });

  router.post('/applications/:id/steps/:step/decision', async (req, res) => {
    const officer = requireOfficer(res);
    const { id, step } = StepParams.parse(req.params);
    const fields = DecisionBodies[step].parse(req.body);
    const app = await findApplication(prisma, id, officer);
    await decideStep(
      deps,
      app,
      { step, ...fields } as StepDecisionInput,
      officer,
      updateIdOf(req, `decision:${app.id}:${step}:${officer.id}`),
    );
    res.json(await readApplicationView(prisma, app.id));
  });

  return router;
}
