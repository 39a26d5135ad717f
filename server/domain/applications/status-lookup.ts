import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { notFound } from '../errors.js';
import { sameSecret } from '../../infra/passwords.js';

/** What the applicant's status page is built from: the application, its programme, disbursement and events. */
export const statusInclude = {
  program: true,
  disbursement: true,
  ward: true,
  auditEvents: { where: { seq: { not: null } }, orderBy: { seq: 'asc' } },
} satisfies Prisma.ApplicationInclude;

export type StatusRow = Prisma.ApplicationGetPayload<{ include: typeof statusInclude }>;

/**
 * The applicant's window: the application code plus the last 4 digits of the borrower's citizen ID. A wrong
 * code and a wrong factor get the same 404, so neither can be probed on its own.
 */
export async function lookupStatus(prisma: PrismaClient, code: string, citizenIdLast4: string): Promise<StatusRow> {
  const row = await prisma.application.findUnique({ where: { code }, include: statusInclude });
  if (!row || !sameSecret(row.borrowerCitizenId.slice(-4), citizenIdLast4)) throw notFound('Application');
  return row;
}
