import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { requireRole } from '../../domain/access.js';
import { requireOfficer } from '../middleware/auth.js';
import { AppError, notFound } from '../../domain/errors.js';
import { OfficerView, auditAdminAction, resolveScope, revokeSessions, toOfficerView } from '../../domain/officers.js';
import { hashPassword } from '../../infra/passwords.js';
import { programAdminRoutes } from './programs-admin.js';
import { NewOfficerBody, OfficerParams, OfficerPatchBody, OfficersQuery, PasswordResetBody } from '../schemas.js';

/** Accounts, roles and scopes: the administrator's work. Every other role gets 403 here. */
export function adminRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.use('/admin', (_req, res, next) => {
    requireRole(requireOfficer(res), ['admin']);
    next();
  });

  async function loadAccount(username: string) {
    const account = await prisma.officerAccount.findUnique({ where: { username } });
    if (!account) throw notFound('Officer');
    return account;
  }

  router.get('/admin/officers', async (req, res) => {
    const query = OfficersQuery.parse(req.query);
    const rows = await prisma.officerAccount.findMany({
      where: { ...(query.role ? { role: query.role } : {}), ...(query.ward ? { wardCode: query.ward } : {}) },
      orderBy: { username: 'asc' },
    });
    res.json(z.array(OfficerView).parse(rows.map(toOfficerView)));
  });

  router.post('/admin/officers', async (req, res) => {
    const admin = requireOfficer(res);
    const { password, role, wardCode, associationCode, groupCode, bankOfficeCode, ...profile } = NewOfficerBody.parse(
      req.body,
    );
    const scope = await resolveScope(prisma, role, { wardCode, associationCode, groupCode, bankOfficeCode });
    if (await prisma.officerAccount.findUnique({ where: { username: profile.username } })) {
      throw new AppError('USERNAME_TAKEN', `Username ${profile.username} is taken`, [
        { path: 'username', message: 'taken' },
      ]);
    }
    const passwordHash = await hashPassword(password);
    const created = await prisma.$transaction(async (tx) => {
      const row = await tx.officerAccount.create({ data: { ...profile, role, ...scope, passwordHash } });
      await auditAdminAction(tx, admin, 'OFFICER_CREATED', { username: row.username, role, ...scope });
      return row;
    });
    res.status(201).json(toOfficerView(created));
  });

  router.patch('/admin/officers/:username', async (req, res) => {
    const admin = requireOfficer(res);
    const { username } = OfficerParams.parse(req.params);
    const patch = OfficerPatchBody.parse(req.body);
    const account = await loadAccount(username);
    const role = patch.role ?? (account.role as typeof patch.role & string);
    const scope = await resolveScope(prisma, role, { ...account, ...patch });
    const authorityChanged =
      role !== account.role ||
      Object.entries(scope).some(([key, value]) => account[key as keyof typeof scope] !== value);
    const updated = await prisma.$transaction(async (tx) => {
      const row = await tx.officerAccount.update({
        where: { id: account.id },
        data: {
          ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
          ...(patch.email !== undefined ? { email: patch.email } : {}),
          ...(patch.citizenId !== undefined ? { citizenId: patch.citizenId } : {}),
          role,
          ...scope,
        },
      });
      // Tokens carry no authority of their own, but a changed role or scope starts a new session anyway.
      if (authorityChanged) await revokeSessions(tx, account.id);
      await auditAdminAction(tx, admin, 'OFFICER_CHANGED', { username, role, ...scope, authorityChanged });
      return row;
    });
    res.json(toOfficerView(updated));
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/admin/officers/:username/${action}`, async (req, res) => {
      const admin = requireOfficer(res);
      const { username } = OfficerParams.parse(req.params);
      if (disabled && username === admin.username) {
        throw new AppError('FORBIDDEN', 'An administrator cannot disable their own account');
      }
      const account = await loadAccount(username);
      const updated = await prisma.$transaction(async (tx) => {
        const row = await tx.officerAccount.update({ where: { id: account.id }, data: { disabled } });
        if (disabled) await revokeSessions(tx, account.id);
        await auditAdminAction(tx, admin, disabled ? 'OFFICER_DISABLED' : 'OFFICER_ENABLED', { username });
        return row;
      });
      res.json(toOfficerView(updated));
    });
  }

  router.post('/admin/officers/:username/reset-password', async (req, res) => {
    const admin = requireOfficer(res);
    const { username } = OfficerParams.parse(req.params);
    const { password } = PasswordResetBody.parse(req.body);
    const account = await loadAccount(username);
    const passwordHash = await hashPassword(password);
    const updated = await prisma.$transaction(async (tx) => {
      const row = await tx.officerAccount.update({ where: { id: account.id }, data: { passwordHash } });
      await revokeSessions(tx, account.id);
      await auditAdminAction(tx, admin, 'OFFICER_PASSWORD_RESET', { username });
      return row;
    });
    res.json(toOfficerView(updated));
  });

  router.use(programAdminRoutes(prisma));

  router.put('/admin/calendar/:year', async (req, res) => {
    const admin = requireOfficer(res);
    const { year } = CalendarYearParams.parse(req.params);
    const { days } = CalendarYearBody.parse(req.body);
    const outside = days.find((day) => !day.date.startsWith(`${year}-`));
    if (outside)
      throw new AppError('VALIDATION_FAILED', `${outside.date} is not in ${year}`, [
        { path: 'days', message: 'date outside the year' },
      ]);
    await prisma.$transaction(async (tx) => {
      await tx.calendarDay.deleteMany({ where: { year } });
      await tx.calendarDay.createMany({
        data: days.map((day) => ({ ...day, date: new Date(`${day.date}T00:00:00Z`), year, source: 'admin' })),
      });
      await auditAdminAction(tx, admin, 'CALENDAR_LOADED', { year, days: days.length });
    });
    res.json({ year, days: days.length });
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
