import type { Prisma } from '../../prisma/generated/client.js';
import type { NotificationIntent } from '../../workflows/definitions.js';
import type { Role, StepName } from '../../workflows/domain.js';
import { ROLE_SCOPE, STEP_AUTHORITY, scopePlaces } from '../../workflows/rules/authority.js';

interface ApplicationScope {
  wardCode: string;
  groupCode: string;
  associationCode: string;
  bankOfficeCode: string | null;
  borrowerEmail: string | null;
}

/** The officers who act on a step, within the application's ward, association, group or bank office. */
function officerFilter(step: StepName, app: ApplicationScope): Prisma.OfficerAccountWhereInput {
  return {
    OR: STEP_AUTHORITY[step].roles.flatMap((role: Role) => {
      // The officer accounts bound to the same places as the application, for this role's kind of scope.
      const places = scopePlaces(ROLE_SCOPE[role], app);
      return places ? [{ role, ...places }] : [];
    }),
  };
}

/** Resolves intents to addresses, in a stable order and without duplicates. */
export async function resolveRecipients(
  tx: Prisma.TransactionClient,
  intent: NotificationIntent,
  app: ApplicationScope,
): Promise<string[]> {
  if (intent.audience === 'applicant') return app.borrowerEmail ? [app.borrowerEmail] : [];
  if (intent.audience === 'supervisors') {
    const contacts = await tx.escalationContact.findMany({
      where: { scope: supervisingScope(intent.step, app) },
      orderBy: { email: 'asc' },
    });
    return [...new Set(contacts.map((c) => c.email))];
  }
  const filter =
    intent.audience === 'group-leader'
      ? officerFilter('group-vote', app)
      : { AND: [officerFilter(intent.step, app), intent.roles ? { role: { in: intent.roles } } : {}] };
  const officers = await tx.officerAccount.findMany({
    where: { AND: [filter, { disabled: false, email: { not: null } }] },
    select: { email: true },
    orderBy: { username: 'asc' },
  });
  return [...new Set(officers.flatMap((o) => (o.email ? [o.email] : [])))];
}

/**
 * Who supervises a step: the ward chair for the ward's certification, the association's district level for
 * the entrusted check and the group's meeting, the bank office head for the bank's steps.
 */
function supervisingScope(step: StepName, app: ApplicationScope): string {
  switch (STEP_AUTHORITY[step].supervisor) {
    case 'ward':
      return `ward:${app.wardCode}`;
    case 'association':
      return `association:${app.associationCode}`;
    case 'bank-office':
      return `bank-office:${app.bankOfficeCode ?? ''}`;
  }
}
