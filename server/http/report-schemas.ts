/** The portfolio report's request and answer (GET /api/reports; server/domain/reports/types.ts is the contract). */
import { z } from 'zod';
import { IsoDate, line } from './schemas.js';

export const ReportQuerySchema = z
  .strictObject({
    /** Default: the officer's district (the first of theirs, or of all for the administrator). */
    district: line(200).optional(),
    wardCode: line(40).optional(),
    programCode: line(40).optional(),
    sourceCode: line(40).optional(),
    /** The stocks' date. Default: today (Vietnam). */
    on: IsoDate.optional(),
    /** The period of the flows, both days included. Default: 1 January of the year of `on`, to `on`. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    format: z.enum(['json', 'xlsx']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'the period ends before it begins' });

const amount = z.number().int();

export const PortfolioReportView = z.object({
  query: z.object({
    district: z.string(),
    wardCode: z.string().optional(),
    programCode: z.string().optional(),
    sourceCode: z.string().optional(),
    on: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  scopeNames: z.object({
    district: z.string(),
    ward: z.string().optional(),
    program: z.string().optional(),
    source: z.string().optional(),
  }),
  /** capital = outstanding + available + reserved: the capital ledger of the scope's sources on `on`. */
  asOf: z.object({
    capital: amount,
    outstanding: amount,
    available: amount,
    reserved: amount,
    /** The loan book: principal disbursed by `on` and not repaid by then. */
    loanOutstanding: amount,
    overdue: amount,
    overdueRatio: z.number().min(0).max(1),
    borrowers: z.number().int(),
  }),
  period: z.object({
    loansDisbursed: z.number().int(),
    amountDisbursed: amount,
    householdsServed: z.number().int(),
    principalRepaid: amount,
    interestCollected: amount,
  }),
  wards: z.array(
    z.object({
      wardCode: z.string(),
      wardName: z.string(),
      outstanding: amount,
      overdue: amount,
      borrowers: z.number().int(),
    }),
  ),
  months: z.array(
    z.object({ month: z.string(), outstanding: amount, overdue: amount, disbursed: amount, repaid: amount }),
  ),
  sources: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['central', 'local']),
      capital: amount,
      outstanding: amount,
      available: amount,
      reserved: amount,
    }),
  ),
});
