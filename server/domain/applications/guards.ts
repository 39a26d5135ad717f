import type { PrismaClient } from '../../../prisma/generated/client.js';
import { ENDED_STATUSES, type ApplicationStatus } from '../../../workflows/domain.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';
import type { ApplicationRef } from './find-application.js';

/** An ended application is refused before its workflow is asked (it may have completed). */
export function assertOpen(app: ApplicationRef): void {
  if (ENDED_STATUSES.includes(app.status as ApplicationStatus)) {
    throw new AppError('APPLICATION_ENDED', `Application ${app.code} has ended (${app.status})`);
  }
}

/** An officer never acts on an application of their own household, nor on their own. */
export async function assertNoConflictOfInterest(
  prisma: PrismaClient,
  app: ApplicationRef,
  officer: Officer,
): Promise<void> {
  if (!officer.citizenId) return;
  const ownHousehold =
    officer.citizenId === app.borrowerCitizenId ||
    (await prisma.householdMember.count({ where: { householdId: app.householdId, citizenId: officer.citizenId } })) > 0;
  if (ownHousehold) {
    throw new AppError(
      'CONFLICT_OF_INTEREST',
      "You belong to the applicant's household and may not act on this application",
    );
  }
}
