import { z } from 'zod';
import type { Prisma } from '../../../prisma/generated/client.js';
import { MOVEMENT_KINDS } from './ledger.js';

export const CAPITAL_KINDS = ['central', 'local'] as const;

export const CapitalSourceView = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(CAPITAL_KINDS),
  district: z.string(),
  wardCode: z.string().nullable(),
  programCode: z.string().nullable(),
  /** Whole VND. available = capital − reserved − outstanding. */
  capital: z.number().int(),
  reserved: z.number().int(),
  outstanding: z.number().int(),
  available: z.number().int(),
  createdAt: z.string(),
});
export type CapitalSourceView = z.infer<typeof CapitalSourceView>;

export const CapitalMovementView = z.object({
  kind: z.enum(MOVEMENT_KINDS),
  amount: z.number().int(),
  on: z.string(),
  decisionNumber: z.string().nullable(),
  applicationId: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.string(),
  capitalAfter: z.number().int(),
  reservedAfter: z.number().int(),
  outstandingAfter: z.number().int(),
  recordedAt: z.string(),
});

export const CapitalPlanView = z.object({ year: z.number().int(), programCode: z.string(), amount: z.number().int() });
export type CapitalPlanView = z.infer<typeof CapitalPlanView>;

export const CapitalSourceDetail = CapitalSourceView.extend({
  plans: z.array(CapitalPlanView),
  /** The ledger, oldest first. */
  movements: z.array(CapitalMovementView),
});
export type CapitalSourceDetail = z.infer<typeof CapitalSourceDetail>;

export const ProgramCapitalPriorityView = z.object({ programCode: z.string(), sourceCodes: z.array(z.string()) });

type SourceRow = Prisma.CapitalSourceGetPayload<object>;
type MovementRow = Prisma.CapitalMovementGetPayload<object>;
type PlanRow = Prisma.CapitalPlanGetPayload<object>;

export const toSourceView = (row: SourceRow): CapitalSourceView =>
  CapitalSourceView.parse({
    ...row,
    capital: Number(row.capital),
    reserved: Number(row.reserved),
    outstanding: Number(row.outstanding),
    available: Number(row.capital - row.reserved - row.outstanding),
    createdAt: row.createdAt.toISOString(),
  });

export const toMovementView = (row: MovementRow): z.infer<typeof CapitalMovementView> =>
  CapitalMovementView.parse({
    ...row,
    amount: Number(row.amount),
    on: row.on.toISOString().slice(0, 10),
    actor: row.actorUsername,
    capitalAfter: Number(row.capitalAfter),
    reservedAfter: Number(row.reservedAfter),
    outstandingAfter: Number(row.outstandingAfter),
    recordedAt: row.recordedAt.toISOString(),
  });

export const toPlanView = (row: PlanRow): CapitalPlanView => ({
  year: row.year,
  programCode: row.programCode,
  amount: Number(row.amount),
});
