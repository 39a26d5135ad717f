/** The programme catalogue's routes: every change adds a version (see server/domain/programme-catalogue.ts). */
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { HOUSEHOLD_CATEGORIES, STEP_NAMES } from '../../../workflows/domain.js';
import { requireOfficer } from '../middleware/auth.js';
import { addProgrammeVersion, createProgramme, listProgrammeVersions } from '../../domain/programme-catalogue.js';
import { line } from '../schemas.js';

const Fraction = z.strictObject({ numerator: z.number().int().min(0), denominator: z.number().int().min(1) });

export const ProgramDefinition = z
  .strictObject({
    nameVi: line(200),
    nameEn: line(200),
    ceilingVnd: z.number().int().positive().max(1_000_000_000_000),
    ceilingPerMonthVnd: z.number().int().positive().max(1_000_000_000).nullable().default(null),
    annualRatePercent: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/, 'a percentage such as 6.6 or 8.382'),
    maxTermMonths: z.number().int().min(1).max(600),
    stepOrder: z.array(z.enum(STEP_NAMES)).length(STEP_NAMES.length),
    eligibleCategories: z.array(z.enum(HOUSEHOLD_CATEGORIES)).min(1),
    voteRules: z.strictObject({ quorum: Fraction, approval: Fraction }),
    deadlines: z.partialRecord(z.enum(STEP_NAMES), z.number().int().min(1).max(120)).default({}),
    graceWorkingDays: z.number().int().min(0).max(60).default(5),
    checkOverdueDebt: z.boolean().default(true),
  })
  .superRefine((program, ctx) => {
    // Any order of the review steps, but the money moves last: bank approval, then disbursement.
    if (new Set(program.stepOrder).size !== STEP_NAMES.length) {
      ctx.addIssue({ code: 'custom', path: ['stepOrder'], message: 'each step exactly once' });
    }
    if (program.stepOrder.slice(-2).join(',') !== 'bank-approval,disbursement') {
      ctx.addIssue({ code: 'custom', path: ['stepOrder'], message: 'must end with bank-approval, disbursement' });
    }
  });

export const NewProgramBody = ProgramDefinition.and(z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/) }));
const ProgramParams = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/) });

/** Mounted inside the admin router, behind its admin-only guard. */
export function programAdminRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.post('/admin/programs', async (req, res) => {
    const { code, ...definition } = NewProgramBody.parse(req.body);
    res.status(201).json(await createProgramme(prisma, requireOfficer(res), code, definition));
  });

  router.put('/admin/programs/:code', async (req, res) => {
    const { code } = ProgramParams.parse(req.params);
    const definition = ProgramDefinition.parse(req.body);
    res.json(await addProgrammeVersion(prisma, requireOfficer(res), code, definition));
  });

  router.get('/admin/programs/:code/versions', async (req, res) => {
    const { code } = ProgramParams.parse(req.params);
    res.json(await listProgrammeVersions(prisma, code));
  });

  return router;
}
