import type { Prisma } from '../prisma/generated/client.js';
import type { NotificationIntent } from '../workflows/definitions.js';
import type { StepName } from '../workflows/domain.js';

interface ApplicationScope {
  wardCode: string;
  groupCode: string;
  associationCode: string;
  bankOfficeCode: string | null;
  borrowerEmail: string | null;
}

/** The officers who act on a step, within the application's ward, association or group. */
function officerFilter(step: StepName, app: ApplicationScope): Prisma.OfficerAccountWhereInput {
  switch (step) {
    case 'ward-verification':
      return { role: 'ward_officer', wardCode: app.wardCode };
    case 'entrustment':
      return { role: 'association_officer', wardCode: app.wardCode, associationCode: app.associationCode };
    case 'group-vote':
      return { role: 'group_leader', groupCode: app.groupCode };
    case 'bank-approval':
    case 'disbursement':
      return { role: { in: ['bank_credit_officer', 'bank_manager'] }, bankOfficeCode: app.bankOfficeCode ?? '' };
  }
}

/** Resolves intents to addresses, in a stable order and without duplicates. */
export async function resolveRecipients(
  tx: Prisma.TransactionClient,
  intent: NotificationIntent,
  app: ApplicationScope,
): Promise<string[]> {
  if (intent.audience === 'applicant') return app.borrowerEmail ? [app.borrowerEmail] : [];
  const roles = intent.roles ? { role: { in: intent.roles } } : {};
  const officers = await tx.officerAccount.findMany({
    where: { AND: [officerFilter(intent.step, app), roles, { disabled: false, email: { not: null } }] },
    select: { email: true },
    orderBy: { username: 'asc' },
  });
  return [...new Set(officers.flatMap((o) => (o.email ? [o.email] : [])))];
}
