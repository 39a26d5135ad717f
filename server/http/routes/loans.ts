/**
 * The loan book: loans in the caller's scope, one loan's schedule, payments and events, and the Updates on the
 * loan's workflow (principal at the transaction point, early repayment, extension, the use check) and the group
 * leader's monthly interest collection.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  LoanActionResult,
  LoanDetailView,
  LoanPage,
  checkLoanUse,
  collectInterest,
  extendInstalment,
  listInterestDue,
  listLoans,
  payPrincipal,
  readLoan,
  repayEarly,
} from '../../domain/loans/index.js';
import type { WorkflowDeps } from '../../domain/applications/workflow-deps.js';
import { requireOfficer } from '../middleware/auth.js';
import { IsoDate, line, paragraphs } from '../schemas.js';

const Money = z.number().int().positive().max(1_000_000_000_000);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written YYYY-MM');

export const LoanParams = z.object({ id: z.uuid() });
export const GroupParams = z.object({ group: line(40) });
export const ListLoansQuery = z.strictObject({
  status: z.enum(['ACTIVE', 'CLOSED']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  wardCode: line(40).optional(),
  groupCode: line(40).optional(),
  programCode: line(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const LoanQuery = z.strictObject({ on: IsoDate.optional() });
export const PaymentBody = z.strictObject({ amount: Money });
export const ExtensionBody = z.strictObject({
  instalmentNo: z.number().int().min(1),
  newDueOn: IsoDate,
  /** The ward chair's comment on the borrower's request (ý kiến của Chủ tịch UBND cấp xã). */
  wardChairComment: paragraphs(1000).pipe(z.string().min(1)),
  /** The bank's decision: its number or wording. */
  bankDecision: line(200).pipe(z.string().min(1)),
});
export const UseCheckBody = z.strictObject({
  outcome: z.enum(['as-planned', 'misused']),
  note: paragraphs(2000).pipe(z.string().min(1)),
});
export const InterestQuery = z.strictObject({ month: Month });
export const InterestBatchBody = z.strictObject({
  month: Month,
  /** The number of the group leader's receipt book (01/BL). */
  receiptNo: line(40).optional(),
  collections: z
    .array(z.strictObject({ loanId: z.uuid(), amount: Money }))
    .min(1)
    .max(200),
});
export const InterestDueView = z.object({
  groupCode: z.string(),
  month: z.string(),
  items: z.array(
    z.object({
      loanId: z.string(),
      code: z.string(),
      borrowerName: z.string(),
      dueOn: z.string(),
      amount: z.number().int(),
      collected: z.number().int().nullable(),
    }),
  ),
});
export const InterestBatchResult = z.object({
  groupCode: z.string(),
  month: z.string(),
  collected: z.array(z.object({ loanId: z.string(), amount: z.number().int(), seq: z.number().int() })),
});

export function loanRoutes(deps: WorkflowDeps): Router {
  const router = Router();

  router.get('/loans', async (req, res) => {
    const query = ListLoansQuery.parse(req.query);
    res.json(LoanPage.parse(await listLoans(deps.prisma, requireOfficer(res), query)));
  });

  router.get('/loans/:id', async (req, res) => {
    const { id } = LoanParams.parse(req.params);
    const { on } = LoanQuery.parse(req.query);
    res.json(LoanDetailView.parse(await readLoan(deps, requireOfficer(res), id, on)));
  });

  router.post('/loans/:id/principal-payments', async (req, res) => {
    const { id } = LoanParams.parse(req.params);
    const body = PaymentBody.parse(req.body);
    res.status(201).json(LoanActionResult.parse(await payPrincipal(deps, requireOfficer(res), id, body)));
  });

  router.post('/loans/:id/early-repayment', async (req, res) => {
    const { id } = LoanParams.parse(req.params);
    const body = PaymentBody.parse(req.body);
    res.status(201).json(LoanActionResult.parse(await repayEarly(deps, requireOfficer(res), id, body)));
  });

  router.post('/loans/:id/extensions', async (req, res) => {
    const { id } = LoanParams.parse(req.params);
    const body = ExtensionBody.parse(req.body);
    res.status(201).json(LoanActionResult.parse(await extendInstalment(deps, requireOfficer(res), id, body)));
  });

  router.post('/loans/:id/use-check', async (req, res) => {
    const { id } = LoanParams.parse(req.params);
    const body = UseCheckBody.parse(req.body);
    res.json(LoanActionResult.parse(await checkLoanUse(deps, requireOfficer(res), id, body)));
  });

  router.get('/groups/:group/interest-collections', async (req, res) => {
    const { group } = GroupParams.parse(req.params);
    const { month } = InterestQuery.parse(req.query);
    const items = await listInterestDue(deps.prisma, requireOfficer(res), group, month);
    res.json(InterestDueView.parse({ groupCode: group, month, items }));
  });

  router.post('/groups/:group/interest-collections', async (req, res) => {
    const { group } = GroupParams.parse(req.params);
    const body = InterestBatchBody.parse(req.body);
    res.status(201).json(InterestBatchResult.parse(await collectInterest(deps, requireOfficer(res), group, body)));
  });

  return router;
}
