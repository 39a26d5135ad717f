import type { PrismaClient } from '../../prisma/generated/client.js';
import { AppError } from './errors.js';
import { auditAdminAction } from './officers.js';
import type { Officer } from './sessions.js';

export interface WardChoice {
  code: string;
  name: string;
  transactionPoint: string;
}

export interface GroupChoice {
  code: string;
  name: string;
  village: string;
  wardCode: string;
}

/** Wards and their savings groups, in code order: what the application form offers. */
export async function listWardsAndGroups(
  prisma: PrismaClient,
): Promise<{ wards: WardChoice[]; groups: GroupChoice[] }> {
  const [wards, groups] = await Promise.all([
    prisma.ward.findMany({ orderBy: { code: 'asc' } }),
    prisma.savingsGroup.findMany({ orderBy: { code: 'asc' } }),
  ]);
  return {
    wards: wards.map(({ code, name, transactionPoint }) => ({ code, name, transactionPoint })),
    groups: groups.map(({ code, name, village, wardCode }) => ({ code, name, village, wardCode })),
  };
}

export interface AssociationEntry {
  code: string;
  name: { vi: string; en: string };
}

export async function listAssociations(prisma: PrismaClient): Promise<AssociationEntry[]> {
  const rows = await prisma.massOrganisation.findMany({ orderBy: { code: 'asc' } });
  return rows.map((r) => ({ code: r.code, name: { vi: r.nameVi, en: r.nameEn } }));
}

/** The savings groups (of one ward, or all), with their managing association and their current members. */
export async function listGroups(prisma: PrismaClient, wardCode: string | undefined) {
  const groups = await prisma.savingsGroup.findMany({
    where: wardCode ? { wardCode } : {},
    orderBy: { code: 'asc' },
    include: { association: true, _count: { select: { members: { where: { leftOn: null } } } } },
  });
  return groups.map(({ association, _count, ...group }) => ({
    ...group,
    associationName: { vi: association.nameVi, en: association.nameEn },
    memberCount: _count.members,
  }));
}

/** The days of a year that are not ordinary: holidays, and the Saturdays worked in their place. */
export async function listCalendarDays(prisma: PrismaClient, year: number) {
  const days = await prisma.calendarDay.findMany({ where: { year }, orderBy: { date: 'asc' } });
  return days.map((day) => ({ ...day, date: day.date.toISOString().slice(0, 10) }));
}

export interface CalendarDayEntry {
  date: string;
  working: boolean;
  kind: string;
  nameVi: string;
  nameEn: string;
}

/** Replaces a year's days with those an administrator loads (the official dates, once announced). */
export async function loadCalendarYear(
  prisma: PrismaClient,
  admin: Officer,
  year: number,
  days: CalendarDayEntry[],
): Promise<{ year: number; days: number }> {
  const outside = days.find((day) => !day.date.startsWith(`${year}-`));
  if (outside) {
    throw new AppError('VALIDATION_FAILED', `${outside.date} is not in ${year}`, [
      { path: 'days', message: 'date outside the year' },
    ]);
  }
  await prisma.$transaction(async (tx) => {
    await tx.calendarDay.deleteMany({ where: { year } });
    await tx.calendarDay.createMany({
      data: days.map((day) => ({ ...day, date: new Date(`${day.date}T00:00:00Z`), year, source: 'admin' })),
    });
    await auditAdminAction(tx, admin, 'CALENDAR_LOADED', { year, days: days.length });
  });
  return { year, days: days.length };
}
