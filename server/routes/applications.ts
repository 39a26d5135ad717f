import { Router } from 'express';
import type { PrismaClient } from '../../prisma/generated/client.js';
import {
  amendApplication,
  applicantActor,
  decideStep,
  findApplication,
  startStep,
  submitApplication,
  withdrawApplication,
  type WorkflowDeps,
} from '../applications.js';
import { actorOf, currentOfficer, requireOfficer } from '../auth.js';
import { notFound } from '../errors.js';
import {
  AmendApplicationBody,
  ApplicationParams,
  CreateApplicationBody,
  CreatedApplication,
  DecisionBodies,
  ListApplicationsQuery,
  StepParams,
  WithdrawBody,
} from '../schemas.js';
import {
  ApplicationPage,
  applicationInclude,
  toApplicationSummary,
  toApplicationView,
  type ApplicationView,
} from '../views.js';
import type { StepDecisionInput } from '../../workflows/definitions.js';

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
    const officer = currentOfficer(res);
    const state = await submitApplication(deps, body, officer ? actorOf(officer) : null);
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
    requireOfficer(res);
    const query = ListApplicationsQuery.parse(req.query);
    const where = {
      ...(query.ward ? { wardCode: query.ward } : {}),
      ...(query.group ? { groupCode: query.group } : {}),
      ...(query.step ? { currentStep: query.step } : {}),
      ...(query.status ? { status: query.status } : {}),
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

  router.get('/applications/:id', async (req, res) => {
    requireOfficer(res);
    const { id } = ApplicationParams.parse(req.params);
    const app = await findApplication(prisma, id);
    res.json(await readApplicationView(prisma, app.id));
  });

  router.patch('/applications/:id', async (req, res) => {
    const { id } = ApplicationParams.parse(req.params);
    const body = AmendApplicationBody.parse(req.body);
    const app = await findApplication(prisma, id);
    const officer = currentOfficer(res);
    await amendApplication(deps, app, body, applicantActor(app, officer ? actorOf(officer) : null, body.citizenId));
    res.json(await readApplicationView(prisma, app.id));
  });

  router.post('/applications/:id/withdraw', async (req, res) => {
    const { id } = ApplicationParams.parse(req.params);
    const body = WithdrawBody.parse(req.body ?? {});
    const app = await findApplication(prisma, id);
    const officer = currentOfficer(res);
    await withdrawApplication(deps, app, body, applicantActor(app, officer ? actorOf(officer) : null, body.citizenId));
    res.json(await readApplicationView(prisma, app.id));
  });

  router.post('/applications/:id/steps/:step/start', async (req, res) => {
    const officer = requireOfficer(res);
    const { id, step } = StepParams.parse(req.params);
    const app = await findApplication(prisma, id);
    await startStep(deps, app, step, officer, actorOf(officer));
    res.json(await readApplicationView(prisma, app.id));
  });

  router.post('/applications/:id/steps/:step/decision', async (req, res) => {
    const officer = requireOfficer(res);
    const { id, step } = StepParams.parse(req.params);
    const fields = DecisionBodies[step].parse(req.body);
    const app = await findApplication(prisma, id);
    const decision = { step, ...fields } as StepDecisionInput;
    await decideStep(deps, app, decision, officer, actorOf(officer));
    res.json(await readApplicationView(prisma, app.id));
  });

  return router;
}
