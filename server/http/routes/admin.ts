import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { requireRole } from '../../domain/access.js';
import { requireOfficer } from '../middleware/auth.js';
import { loadCalendarYear } from '../../domain/reference-data.js';
import {
  changeOfficer,
  createOfficer,
  listOfficers,
  resetOfficerPassword,
  setOfficerDisabled,
} from '../../domain/officer-accounts.js';
import { OfficerView } from '../../domain/officers.js';
import { programAdminRoutes } from './programs-admin.js';
import { referenceAdminRoutes } from './reference-admin.js';
import { accessLogRoutes } from './access-log.js';
import { NewOfficerBody, OfficerParams, OfficerPatchBody, OfficersQuery, PasswordResetBody } from '../schemas.js';

/**
 * Accounts, roles and scopes: the administrator's work. Every other role gets 403 here. `refuseDemoPasswords`
 * is on in production; `today` is the Vietnam date the reference data is judged by (no member joins tomorrow).
 */
export function adminRoutes(
  prisma: PrismaClient,
  options: { refuseDemoPasswords: boolean; today: () => string },
): Router {
  const router = Router();

  router.use('/admin', (_req, res, next) => {
    requireRole(requireOfficer(res), ['admin']);
    next();
  });

  router.get('/admin/officers', async (req, res) => {
    const query = OfficersQuery.parse(req.query);
    res.json(z.array(OfficerView).parse(await listOfficers(prisma, query)));
  });

  router.post('/admin/officers', async (req, res) => {
    const body = NewOfficerBody.parse(req.body);
    res.status(201).json(await createOfficer(prisma, requireOfficer(res), body));
  });

  router.patch('/admin/officers/:username', async (req, res) => {
    const { username } = OfficerParams.parse(req.params);
    const patch = OfficerPatchBody.parse(req.body);
    res.json(await changeOfficer(prisma, requireOfficer(res), username, patch));
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/admin/officers/:username/${action}`, async (req, res) => {
      const { username } = OfficerParams.parse(req.params);
      res.json(await setOfficerDisabled(prisma, requireOfficer(res), username, disabled, options));
    });
  }

  router.post('/admin/officers/:username/reset-password', async (req, res) => {
    const { username } = OfficerParams.parse(req.params);
    const { password } = PasswordResetBody.parse(req.body);
    res.json(await resetOfficerPassword(prisma, requireOfficer(res), username, password));
  });

  router.use(programAdminRoutes(prisma));
  router.use(referenceAdminRoutes(prisma, options.today));
  router.use(accessLogRoutes(prisma));

  router.put('/admin/calendar/:year', async (req, res) => {
    const { year } = CalendarYearParams.parse(req.params);
    const { days } = CalendarYearBody.parse(req.body);
    res.json(await loadCalendarYear(prisma, requireOfficer(res), year, days));
  });

  return router;
}

export const CalendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** A year's holidays (working: false) and make-up working days (working: true), replacing what was there. */
export const CalendarYearBody = z.strictObject({
  days: z
    .array(
      z.strictObject({
        date: z.iso.date(),
        working: z.boolean(),
        kind: z.string().trim().min(1).max(40).default('public-holiday'),
        nameVi: z.string().trim().min(1).max(200),
        nameEn: z.string().trim().min(1).max(200),
      }),
    )
    .max(366),
});
