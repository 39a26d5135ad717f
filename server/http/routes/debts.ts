/**
 * Overdue debt the bank records against a person (nợ quá hạn). Programmes that check it refuse such a
 * borrower (and their household) until the debt is cleared. Bank officers only: it is the bank's ledger.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { requireRole } from '../../domain/access.js';
import { requireOfficer } from '../middleware/auth.js';
import { notFound } from '../../domain/errors.js';
import { auditAdminAction } from '../../domain/officers.js';
import { CitizenId, IsoDate } from '../schemas.js';

const BANK_ROLES = ['bank_credit_officer', 'bank_manager'] as const;

export const NewDebtBody = z.strictObject({
  citizenId: CitizenId,
  amountVnd: z.number().int().positive().max(1_000_000_000_000),
  since: IsoDate,
  note: z.string().trim().min(1).max(1000).optional(),
});
const DebtParams = z.object({ id: z.uuid() });
export const DebtQuery = z.strictObject({ citizenId: CitizenId });

export const DebtView = z.object({
  id: z.string(),
  citizenId: z.string(),
  amountVnd: z.number().int(),
  since: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  clearedAt: z.string().nullable(),
});

type DebtRow = Awaited<ReturnType<PrismaClient['overdueDebt']['findFirstOrThrow']>>;

const toView = (row: DebtRow) =>
  DebtView.parse({
    ...row,
    amountVnd: Number(row.amountVnd),
    since: row.since.toISOString().slice(0, 10),
    clearedAt: row.clearedAt?.toISOString() ?? null,
  });

export function debtRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.use('/overdue-debts', (_req, res, next) => {
    requireRole(requireOfficer(res), BANK_ROLES);
    next();
  });

  router.get('/overdue-debts', async (req, res) => {
    const { citizenId } = DebtQuery.parse(req.query);
    const rows = await prisma.overdueDebt.findMany({ where: { citizenId }, orderBy: { since: 'asc' } });
    res.json(rows.map(toView));
  });

  router.post('/overdue-debts', async (req, res) => {
    const officer = requireOfficer(res);
    const body = NewDebtBody.parse(req.body);
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.overdueDebt.create({
        data: {
          ...body,
          amountVnd: BigInt(body.amountVnd),
          since: new Date(`${body.since}T00:00:00Z`),
          recordedBy: officer.username,
        },
      });
      await auditAdminAction(tx, officer, 'OVERDUE_DEBT_RECORDED', { debtId: created.id, amountVnd: body.amountVnd });
      return created;
    });
    res.status(201).json(toView(row));
  });

  router.post('/overdue-debts/:id/clear', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = DebtParams.parse(req.params);
    const existing = await prisma.overdueDebt.findUnique({ where: { id } });
    if (!existing) throw notFound('Overdue debt');
    const row = await prisma.$transaction(async (tx) => {
      const cleared = await tx.overdueDebt.update({
        where: { id },
        data: { clearedAt: existing.clearedAt ?? new Date(), clearedBy: existing.clearedBy ?? officer.username },
      });
      await auditAdminAction(tx, officer, 'OVERDUE_DEBT_CLEARED', { debtId: id });
      return cleared;
    });
    res.json(toView(row));
  });

  return router;
}
