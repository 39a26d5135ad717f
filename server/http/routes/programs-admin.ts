/**
 * The programme catalogue. A change never edits a programme in place: it adds a version. Applications in
 * flight keep the version they started with (it is copied into their workflow); new ones take the newest.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { HOUSEHOLD_CATEGORIES, STEP_NAMES } from '../../../workflows/domain.js';
import { requireOfficer } from '../middleware/auth.js';
import { AppError, notFound } from '../../domain/errors.js';
import { auditAdminAction } from '../../domain/officers.js';
import { toProgramSnapshot } from '../../domain/programmes.js';
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

type Definition = z.infer<typeof ProgramDefinition>;

function toRow(code: string, version: number, d: Definition): Prisma.LoanProgramCreateInput {
  return {
    code,
    version,
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    ceilingVnd: BigInt(d.ceilingVnd),
    ceilingPerMonthVnd: d.ceilingPerMonthVnd === null ? null : BigInt(d.ceilingPerMonthVnd),
    annualRatePercent: d.annualRatePercent,
    maxTermMonths: d.maxTermMonths,
    stepOrder: d.stepOrder,
    eligibleCategories: d.eligibleCategories,
    voteRules: d.voteRules,
    deadlines: d.deadlines,
    graceWorkingDays: d.graceWorkingDays,
    checkOverdueDebt: d.checkOverdueDebt,
  };
}

/** Mounted inside the admin router, behind its admin-only guard. */
export function programAdminRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.post('/admin/programs', async (req, res) => {
    const admin = requireOfficer(res);
    const { code, ...definition } = NewProgramBody.parse(req.body);
    if (await prisma.loanProgram.findFirst({ where: { code } })) {
      throw new AppError('PROGRAM_EXISTS', `Programme ${code} exists; change it with PUT to add a version`);
    }
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.loanProgram.create({ data: toRow(code, 1, definition) });
      await auditAdminAction(tx, admin, 'PROGRAM_CREATED', { code, version: 1 });
      return created;
    });
    res.status(201).json(toProgramSnapshot(row));
  });

  router.put('/admin/programs/:code', async (req, res) => {
    const admin = requireOfficer(res);
    const { code } = ProgramParams.parse(req.params);
    const definition = ProgramDefinition.parse(req.body);
    const row = await prisma.$transaction(async (tx) => {
      const latest = await tx.loanProgram.findFirst({ where: { code }, orderBy: { version: 'desc' } });
      if (!latest) throw notFound('Programme');
      const created = await tx.loanProgram.create({ data: toRow(code, latest.version + 1, definition) });
      await auditAdminAction(tx, admin, 'PROGRAM_VERSIONED', { code, version: created.version });
      return created;
    });
    res.json(toProgramSnapshot(row));
  });

  router.get('/admin/programs/:code/versions', async (req, res) => {
    const { code } = ProgramParams.parse(req.params);
    const rows = await prisma.loanProgram.findMany({ where: { code }, orderBy: { version: 'asc' } });
    if (rows.length === 0) throw notFound('Programme');
    res.json(rows.map(toProgramSnapshot));
  });

  return router;
}
