import type { PrismaClient } from '../../../prisma/generated/client.js';
import { readableBy } from '../access.js';
import { notFound } from '../errors.js';
import type { Officer } from '../sessions.js';

/** What the use cases need of an application row: where its workflow runs and whose it is. */
export interface ApplicationRef {
  id: string;
  code: string;
  workflowId: string;
  status: string;
  borrowerCitizenId: string;
  borrowerName: string;
  householdId: string;
}

export const refSelect = {
  id: true,
  code: true,
  workflowId: true,
  status: true,
  borrowerCitizenId: true,
  borrowerName: true,
  householdId: true,
} as const;

export function whereIdOrCode(idOrCode: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  return isUuid ? { id: idOrCode } : { code: idOrCode };
}

/**
 * The application, if the caller may see it. An officer outside its scope gets the same 404 as for an
 * application that does not exist, so ids cannot be probed across wards.
 */
export async function findApplication(
  prisma: PrismaClient,
  idOrCode: string,
  officer: Officer | null,
): Promise<ApplicationRef> {
  const scope = officer ? readableBy(officer) : {};
  const row = await prisma.application.findFirst({
    where: { AND: [whereIdOrCode(idOrCode), scope] },
    select: refSelect,
  });
  if (!row) throw notFound('Application');
  return row;
}
