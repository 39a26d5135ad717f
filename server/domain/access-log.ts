/**
 * Who saw what: every read of a citizen's full file (the officer view of an application or of its loan, its audit
 * export, a registry check, lookup or export) is recorded before it is answered. Fail closed: if the record cannot be
 * written the read fails too, because a bank would rather refuse a read than serve one it cannot account for
 * (Decree 13/2023/NĐ-CP asks the controller to be able to show who processed whose data).
 */
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/generated/client.js';
import type { Officer } from './sessions.js';

export const ACCESS_VIEWS = [
  'application',
  'application-page',
  'loan-page',
  'audit-json',
  'audit-csv',
  'audit-page-csv',
  'registry-check',
  'registry-lookup',
  'registry-export',
] as const;
export type AccessView = (typeof ACCESS_VIEWS)[number];

export interface AccessTarget {
  view: AccessView;
  application?: { id: string; code: string };
  wardCode?: string;
}

/** Records one read; awaited by the caller before it answers, so a failure here refuses the read (500). */
export async function recordAccess(prisma: PrismaClient, officer: Officer, target: AccessTarget): Promise<void> {
  await prisma.accessLogEntry.create({
    data: {
      officerUsername: officer.username,
      officerRole: officer.role,
      view: target.view,
      applicationId: target.application?.id ?? null,
      applicationCode: target.application?.code ?? null,
      wardCode: target.wardCode ?? null,
    },
  });
}

export const AccessLogQuery = z.strictObject({
  /** The application's code, exact. */
  application: z.string().trim().min(1).max(40).optional(),
  /** The officer's username, exact. */
  officer: z.string().trim().min(1).max(64).optional(),
  /** From this instant (inclusive); a date means its start in UTC. */
  from: z.coerce.date().optional(),
  /** Up to this instant (exclusive). */
  to: z.coerce.date().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AccessLogEntryView = z.object({
  at: z.string(),
  officer: z.string(),
  role: z.string(),
  view: z.enum(ACCESS_VIEWS),
  applicationCode: z.string().nullable(),
  wardCode: z.string().nullable(),
});
export type AccessLogEntryView = z.infer<typeof AccessLogEntryView>;

export const AccessLogPage = z.object({
  items: z.array(AccessLogEntryView),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type AccessLogPage = z.infer<typeof AccessLogPage>;

/** The log, newest first, for the administrator. */
export async function listAccessLog(prisma: PrismaClient, query: AccessLogQuery): Promise<AccessLogPage> {
  const where = {
    ...(query.application ? { applicationCode: query.application } : {}),
    ...(query.officer ? { officerUsername: query.officer } : {}),
    ...(query.from || query.to
      ? { at: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } }
      : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.accessLogEntry.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.accessLogEntry.count({ where }),
  ]);
  return AccessLogPage.parse({
    items: rows.map((row) => ({
      at: row.at.toISOString(),
      officer: row.officerUsername,
      role: row.officerRole,
      view: row.view,
      applicationCode: row.applicationCode,
      wardCode: row.wardCode,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  });
}
