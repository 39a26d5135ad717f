/**
 * Overdue debt the bank records against a person (nợ quá hạn). Programmes that check it refuse such a
 * borrower (and their household) until the debt is cleared. Bank officers only, within their office's wards.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { requireRole } from '../../domain/access.js';
import { DebtView, clearDebt, listDebts, recordDebt } from '../../domain/debts.js';
import { requireOfficer } from '../middleware/auth.js';
import { CitizenId, IsoDate, line, paragraphs } from '../schemas.js';

export { DebtView };

const BANK_ROLES = ['bank_credit_officer', 'bank_manager'] as const;

export const NewDebtBody = z.strictObject({
  citizenId: CitizenId,
  /** The ward whose bank office keeps the debt: one your office serves. */
  wardCode: line(40),
  amountVnd: z.number().int().positive().max(1_000_000_000_000),
  since: IsoDate,
  note: paragraphs(1000).optional(),
});
/** The request needs a reason; the confirmation needs none. */
export const ClearDebtBody = z.strictObject({ reason: paragraphs(1000).optional() });
const DebtParams = z.object({ id: z.uuid() });
export const DebtQuery = z.strictObject({ citizenId: CitizenId });

export function debtRoutes(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  router.use('/overdue-debts', (_req, res, next) => {
    requireRole(requireOfficer(res), BANK_ROLES);
    next();
  });

  router.get('/overdue-debts', async (req, res) => {
    const { citizenId } = DebtQuery.parse(req.query);
    res.json(await listDebts(prisma, requireOfficer(res), citizenId));
  });

  router.post('/overdue-debts', async (req, res) => {
    const body = NewDebtBody.parse(req.body);
    res.status(201).json(await recordDebt(prisma, requireOfficer(res), body, today()));
  });

  router.post('/overdue-debts/:id/clear', async (req, res) => {
    const { id } = DebtParams.parse(req.params);
    const { reason } = ClearDebtBody.parse(req.body ?? {});
    res.json(await clearDebt(prisma, requireOfficer(res), id, reason));
  });

  return router;
}
