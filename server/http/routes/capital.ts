/**
 * Capital sources (nguồn vốn) and their ledger. Officers read the sources of their districts; the bank manager
 * (their office's districts) and the administrator create sources, entrust, top up, recall and plan.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { readProgramPriority, setProgramPriority } from '../../domain/capital/program-priority.js';
import {
  createCapitalSource,
  entrustCapital,
  listCapitalSources,
  readCapitalSource,
  recallCapital,
  setCapitalPlan,
} from '../../domain/capital/sources.js';
import { CAPITAL_KINDS } from '../../domain/capital/views.js';
import { requireOfficer } from '../middleware/auth.js';
import { IsoDate, line, paragraphs } from '../schemas.js';

/** Whole VND: an integer the API can carry exactly (no fractions, nothing past Number.MAX_SAFE_INTEGER). */
export const CapitalAmount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const sourceCode = line(40).regex(/^[A-Z0-9][A-Z0-9-]*$/, 'upper-case letters, digits and dashes');

export const NewCapitalSourceBody = z.strictObject({
  code: sourceCode,
  name: line(200),
  /** "central": vốn Trung ương, for one programme; "local": vốn ngân sách địa phương ủy thác. */
  kind: z.enum(CAPITAL_KINDS),
  district: line(200),
  /** A ward's own local-budget capital; leave out for the district's. */
  wardCode: line(40).optional(),
  /** Required for central capital; a local source without it lends for every programme. */
  programCode: line(40).optional(),
});

export const CapitalEntrustmentBody = z.strictObject({
  /** "entrust" (the first entrustment) or "top-up" (bổ sung). */
  kind: z.enum(['entrust', 'top-up']).default('entrust'),
  amount: CapitalAmount,
  on: IsoDate,
  /** The decision's number, e.g. 125/QĐ-UBND. */
  decisionNumber: line(100),
  note: paragraphs(1000).optional(),
});

export const CapitalRecallBody = z.strictObject({
  amount: CapitalAmount,
  on: IsoDate,
  decisionNumber: line(100),
  note: paragraphs(1000).optional(),
});

export const CapitalPlanBody = z.strictObject({
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Defaults to the source's programme; required for a source that lends for every programme. */
  programCode: line(40).optional(),
});

export const CapitalPriorityBody = z.strictObject({
  /** Source codes, first choice first. */
  sourceCodes: z.array(sourceCode).min(1).max(50),
});

const SourceParams = z.object({ code: line(40) });
const PlanParams = z.object({ code: line(40), year: z.coerce.number().int().min(2000).max(2100) });
const ProgramParams = z.object({ code: line(40) });

export function capitalRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/capital-sources', async (_req, res) => {
    res.json(await listCapitalSources(prisma, requireOfficer(res)));
  });

  router.post('/capital-sources', async (req, res) => {
    const body = NewCapitalSourceBody.parse(req.body);
    res.status(201).json(await createCapitalSource(prisma, requireOfficer(res), body));
  });

  router.get('/capital-sources/:code', async (req, res) => {
    const { code } = SourceParams.parse(req.params);
    res.json(await readCapitalSource(prisma, requireOfficer(res), code));
  });

  router.post('/capital-sources/:code/entrustments', async (req, res) => {
    const { code } = SourceParams.parse(req.params);
    const body = CapitalEntrustmentBody.parse(req.body);
    res.status(201).json(await entrustCapital(prisma, requireOfficer(res), code, body));
  });

  router.post('/capital-sources/:code/recalls', async (req, res) => {
    const { code } = SourceParams.parse(req.params);
    const body = CapitalRecallBody.parse(req.body);
    res.status(201).json(await recallCapital(prisma, requireOfficer(res), code, body));
  });

  router.put('/capital-sources/:code/plans/:year', async (req, res) => {
    const { code, year } = PlanParams.parse(req.params);
    const body = CapitalPlanBody.parse(req.body);
    res.json(await setCapitalPlan(prisma, requireOfficer(res), code, year, body));
  });

  router.get('/programs/:code/capital-priority', async (req, res) => {
    const { code } = ProgramParams.parse(req.params);
    res.json(await readProgramPriority(prisma, requireOfficer(res), code));
  });

  router.put('/programs/:code/capital-priority', async (req, res) => {
    const { code } = ProgramParams.parse(req.params);
    const { sourceCodes } = CapitalPriorityBody.parse(req.body);
    res.json(await setProgramPriority(prisma, requireOfficer(res), code, sourceCodes));
  });

  return router;
}
