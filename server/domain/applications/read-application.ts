import type { PrismaClient } from '../../../prisma/generated/client.js';
import { notFound } from '../errors.js';
import type { Officer } from '../sessions.js';
import { findApplication } from './find-application.js';
import { statusInclude, type StatusRow } from './status-lookup.js';

/** The whole application an officer may see (404 outside their scope), with its programme, ward and events. */
export async function readApplicationFor(prisma: PrismaClient, code: string, officer: Officer): Promise<StatusRow> {
  const ref = await findApplication(prisma, code, officer);
  return prisma.application.findUniqueOrThrow({ where: { id: ref.id }, include: statusInclude });
}

/** An application the caller has already been found allowed to see (by findApplication or the applicant's proof). */
export async function readApplicationRow(prisma: PrismaClient, id: string): Promise<StatusRow> {
  const row = await prisma.application.findUnique({ where: { id }, include: statusInclude });
  if (!row) throw notFound('Application');
  return row;
}
