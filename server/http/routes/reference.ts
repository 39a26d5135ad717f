import { Router } from 'express';
import { z } from 'zod';
import { AdminWardView, listWards } from '../../domain/reference-admin.js';
import { listAssociations, listCalendarDays, listGroups } from '../../domain/reference-data.js';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { listCurrentPrograms } from '../../domain/programmes.js';
import { GroupsQuery } from '../schemas.js';

const Label = z.object({ vi: z.string(), en: z.string() });

export const ProgramView = z.object({
  code: z.string(),
  version: z.number().int(),
  name: Label,
  ceilingVnd: z.number().int(),
  ceilingPerMonthVnd: z.number().int().nullable(),
  annualRatePercent: z.string(),
  maxTermMonths: z.number().int(),
  stepOrder: z.array(z.string()),
  eligibleCategories: z.array(z.string()),
  voteRules: z.object({
    quorum: z.object({ numerator: z.number(), denominator: z.number() }),
    approval: z.object({ numerator: z.number(), denominator: z.number() }),
  }),
  /** Working days per step; disbursement is due on the ward's transaction day. */
  deadlines: z.record(z.string(), z.number().int()),
  graceWorkingDays: z.number().int(),
});
/** A ward as anyone may read it: the administrator's view without the bank office. */
export const WardView = AdminWardView.omit({ bankOfficeCode: true });
export const AssociationView = z.object({ code: z.string(), name: Label });
export const GroupView = z.object({
  code: z.string(),
  name: z.string(),
  village: z.string(),
  wardCode: z.string(),
  associationCode: z.string(),
  associationName: Label,
  memberCount: z.number().int(),
});

export function referenceRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/programs', async (_req, res) => {
    const programs = await listCurrentPrograms(prisma);
    res.json(z.array(ProgramView).parse(programs.map((p) => ({ ...p, name: { vi: p.nameVi, en: p.nameEn } }))));
  });

  router.get('/wards', async (_req, res) => {
    res.json(z.array(WardView).parse(await listWards(prisma)));
  });

  router.get('/associations', async (_req, res) => {
    res.json(z.array(AssociationView).parse(await listAssociations(prisma)));
  });

  router.get('/groups', async (req, res) => {
    const { ward } = GroupsQuery.parse(req.query);
    res.json(z.array(GroupView).parse(await listGroups(prisma, ward)));
  });

  router.get('/calendar', async (req, res) => {
    const { year } = CalendarQuery.parse(req.query);
    res.json(z.array(CalendarDayView).parse(await listCalendarDays(prisma, year)));
  });

  return router;
}

export const CalendarQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const CalendarDayView = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  source: z.string(),
});
