import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { StepDecisionInput } from '../../../workflows/definitions.js';
import { readableBy, waitingOn } from '../../domain/access.js';
import {
  amendApplication,
  applicantActor,
  decideStep,
  findApplication,
  startStep,
  submitApplication,
  withdrawApplication,
  type WorkflowDeps,
} from '../../domain/applications.js';
import { auditTrailCsv, readAuditTrail } from '../../domain/audit.js';
import { currentOfficer, requireOfficer } from '../middleware/auth.js';
import { notFound } from '../../domain/errors.js';
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
  applicationInclude,
  toApplicationSummary,
  toApplicationView,
  type ApplicationView,
} from '../views/application-view.js';

export async function readApplicationView(prisma: PrismaClient, id: string): Promise<ApplicationView> {
  const row = await prisma.application.findUnique({ where: { id }, include: applicationInclude });
  if (!row) throw notFound('Application');
  return toApplicationView(row);
}

export function applicationRoutes(deps: WorkflowDeps): Router {
  const { prisma } = deps;
  const router = Router();

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
    const where = {
      AND: [
        readableBy(officer),
        {
          ...(query.ward ? { wardCode: query.ward } : {}),
          ...(query.group ? { groupCode: query.group } : {}),
          ...(query.step ? { currentStep: query.step } : {}),
          ...(query.status ? { status: query.status } : {}),
        },
      ],
    };
    const [rows, total] = await Promise.all([
      prisma.application.findMany({
        where,
        orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      prisma.application.count({ where }),
    ]);
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
    const rows = await prisma.application.findMany({
      where: waitingOn(officer),
      orderBy: [{ stepSince: 'asc' }, { submittedAt: 'asc' }],
      take: 500,
    });
    const now = Date.now();
    res.json(
      InboxView.parse({
        items: rows.map((row) => {
          const since = row.stepSince ?? row.submittedAt;
          return {
            ...toApplicationSummary(row),
            stepSince: since.toISOString(),
            waitingHours: Math.floor((now - since.getTime()) / 3_600_000),
            heldByMe: row.stepHolder === officer.username,
            dueOn: row.dueOn?.toISOString().slice(0, 10) ?? null,
            overdue: row.overdue,
          };
        }),
      }),
    );
  });

  router.get('/applications/:id', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = ApplicationParams.parse(req.params);
    const app = await findApplication(prisma, id, officer);
    res.json(await readApplicationView(prisma, app.id));
  });

  router.get('/applications/:id/audit', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = ApplicationParams.parse(req.params);
    const { format } = AuditQuery.parse(req.query);
    const app = await findApplication(prisma, id, officer);
    const entries = await readAuditTrail(prisma, app.id);
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`audit-${app.code}.csv`).send(auditTrailCsv(entries));
      return;
    }
    res.json(z.object({ code: z.string(), entries: z.array(z.unknown()) }).parse({ code: app.code, entries }));
  });

  router.patch('/applications/:id', async (req, res) => {
    const { id } = ApplicationParams.parse(req.params);
    const body = AmendApplicationBody.parse(req.body);
    const officer = currentOfficer(res);
    const app = await findApplication(prisma, id, officer);
    await amendApplication(deps, app, body, applicantActor(app, officer, body.citizenId));
    res.json(await readApplicationView(prisma, app.id));
  });

  router.post('/applications/:id/withdraw', async (req, res) => {
    const { id } = ApplicationParams.parse(req.params);
    const body = WithdrawBody.parse(req.body ?? {});
    const officer = currentOfficer(res);
    const app = await findApplication(prisma, id, officer);
    await withdrawApplication(deps, app, body, applicantActor(app, officer, body.citizenId));
    res.json(await readApplicationView(prisma, app.id));
  });

  router.post('/applications/:id/steps/:step/start', async (req, res) => {
    const officer = requireOfficer(res);
    const { id, step } = StepParams.parse(req.params);
    const app = await findApplication(prisma, id, officer);
    await startStep(deps, app, step, officer);
    res.json(await readApplicationView(prisma, app.id));
  });

  router.post('/applications/:id/steps/:step/decision', async (req, res) => {
    const officer = requireOfficer(res);
    const { id, step } = StepParams.parse(req.params);
    const fields = DecisionBodies[step].parse(req.body);
    const app = await findApplication(prisma, id, officer);
    await decideStep(deps, app, { step, ...fields } as StepDecisionInput, officer);
    res.json(await readApplicationView(prisma, app.id));
  });

  return router;
}
