/**
 * Who may see and touch which application. Every officer's authority has a scope (a ward, an association
 * in a ward, a group, or a bank office and the wards it serves), given per role by the workflow's authority
 * table; these predicates turn it into queries.
 */
import type { Prisma } from '../../prisma/generated/client.js';
import type { Role } from '../../workflows/domain.js';
import { ROLE_SCOPE, stepsWaitingOn } from '../../workflows/rules/authority.js';
import type { Officer } from './sessions.js';
import { AppError } from './errors.js';

/** The scope as recorded in the audit trail. */
export function scopeOf(officer: Officer): string | null {
  switch (ROLE_SCOPE[officer.role]) {
    case null:
      return null;
    case 'ward':
      return `ward:${officer.wardCode}`;
    case 'association':
      return `association:${officer.associationCode}@${officer.wardCode}`;
    case 'group':
      return `group:${officer.groupCode}`;
    case 'bank-office':
      return `bank-office:${officer.bankOfficeCode}`;
  }
}

const NOTHING: Prisma.ApplicationWhereInput = { id: { in: [] } };

/** The applications an officer may read. Administrators keep reference data and accounts: no loan files. */
export function readableBy(officer: Officer): Prisma.ApplicationWhereInput {
  switch (ROLE_SCOPE[officer.role]) {
    case null:
      return NOTHING;
    case 'ward':
      return officer.wardCode ? { wardCode: officer.wardCode } : NOTHING;
    case 'association':
      return officer.wardCode && officer.associationCode
        ? { wardCode: officer.wardCode, associationCode: officer.associationCode }
        : NOTHING;
    case 'group':
      return officer.groupCode ? { groupCode: officer.groupCode } : NOTHING;
    case 'bank-office':
      return officer.bankOfficeCode ? { ward: { bankOfficeCode: officer.bankOfficeCode } } : NOTHING;
  }
}

/** The current steps that wait on a role; bank approval by stage (credit officers propose, managers confirm). */
function waitingStep(role: Role): Prisma.ApplicationWhereInput {
  const steps = stepsWaitingOn(role).map(({ step, proposed }) =>
    proposed === undefined ? { currentStep: step } : { currentStep: step, proposedBy: proposed ? { not: null } : null },
  );
  return steps.length > 0 ? { OR: steps } : NOTHING;
}

/** The applications whose current step waits on this officer: in scope, in progress, not held by another. */
export function waitingOn(officer: Officer): Prisma.ApplicationWhereInput {
  return {
    AND: [
      readableBy(officer),
      waitingStep(officer.role),
      { status: 'IN_PROGRESS' },
      { OR: [{ stepHolder: null }, { stepHolder: officer.username }] },
    ],
  };
}

/** Whether a new application for this ward / group / association falls inside the officer's scope. */
export function mayFileFor(
  officer: Officer,
  target: { wardCode: string; groupCode: string; associationCode: string; bankOfficeCode: string | null },
): boolean {
  switch (ROLE_SCOPE[officer.role]) {
    case null:
      return false;
    case 'ward':
      return officer.wardCode === target.wardCode;
    case 'association':
      return officer.wardCode === target.wardCode && officer.associationCode === target.associationCode;
    case 'group':
      return officer.groupCode === target.groupCode;
    case 'bank-office':
      return officer.bankOfficeCode !== null && officer.bankOfficeCode === target.bankOfficeCode;
  }
}

export function requireRole(officer: Officer, roles: readonly Role[]): void {
  if (!roles.includes(officer.role)) throw new AppError('FORBIDDEN', `This needs the role ${roles.join(' or ')}`);
}
