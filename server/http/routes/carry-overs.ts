/** Moving what is not disbursed on its transaction day to the next one: one row, or every row when the day closes. */
import { Router } from 'express';
import { z } from 'zod';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import { carryOverRow, closeTransactionDay, type CarriedOver } from '../../domain/transaction-days/index.js';
import { requireOfficer } from '../middleware/auth.js';
import { paragraphs } from '../schemas.js';
import { TransactionDayQuery } from './forms.js';

const reason = paragraphs(1000);
export const CarryOverBody = z.strictObject({ ...TransactionDayQuery.shape, applicationId: z.uuid(), reason });
export const CloseDayBody = z.strictObject({ ...TransactionDayQuery.shape, reason });

export const CarriedOverView = z.object({
  applicationId: z.string(),
  code: z.string(),
  outcome: z.enum(['carried-over', 'already']),
  fromOn: z.string(),
  toOn: z.string(),
});
export const ClosedDayView = z.object({
  ward: z.string(),
  date: z.string(),
  carriedOver: z.array(CarriedOverView),
  refused: z.array(
    z.object({
      applicationId: z.string(),
      code: z.string(),
      error: z.object({ code: z.string(), message: z.string() }),
    }),
  ),
});

const view = (row: CarriedOver) => CarriedOverView.parse(row);

export function carryOverRoutes(deps: WorkflowDeps): Router {
  const router = Router();

  router.post('/transaction-days/carry-overs', async (req, res) => {
    const officer = requireOfficer(res);
    const body = CarryOverBody.parse(req.body);
    res.json(view(await carryOverRow(deps, officer, body)));
  });

  router.post('/transaction-days/close', async (req, res) => {
    const officer = requireOfficer(res);
    const body = CloseDayBody.parse(req.body);
    const { carriedOver, refused } = await closeTransactionDay(deps, officer, body);
    res.json(
      ClosedDayView.parse({
        ward: body.ward,
        date: body.date,
        carriedOver: carriedOver.map(view),
        refused: refused.map((r) => ({ ...r, error: { code: r.error.code, message: r.error.message } })),
      }),
    );
  });

  return router;
}
