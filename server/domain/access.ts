/**
 * Who may see and touch which application. Every officer's authority has a scope (a ward, an association
 * in a ward, a group, or a bank office and the wards it serves), given per role by the workflow's authority
 * table; these predicates turn it into queries.
 */
import type { Prisma } from '../../prisma/generated/client.js';
import type { Role } from '../../workflows/domain.js';
import {
  ROLE_SCOPE,
  scopePlaces,
  stepsWaitingOn,
  type BoundPlaces,
  type ScopePlaces,
} from '../../workflows/rules/authority.js';
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

/** The places the officer's authority covers; null for the administrator or a half-configured account. */
function officerPlaces(officer: Officer): BoundPlaces | null {
  return scopePlaces(ROLE_SCOPE[officer.role], officer);
}

const NOTHING: Prisma.ApplicationWhereInput = { id: { in: [] } };
const NO_GROUP: Prisma.SavingsGroupWhereInput = { code: { in: [] } };

/** The bank office is the ward's: both an application and a group reach it through their ward. */
const servedBy = (bankOfficeCode: string | undefined) => (bankOfficeCode ? { ward: { bankOfficeCode } } : {});

/** The applications an officer may read. Administrators keep reference data and accounts: no loan files. */
export function readableBy(officer: Officer): Prisma.ApplicationWhereInput {
  const places = officerPlaces(officer);
  if (!places) return NOTHING;
  const { wardCode, associationCode, groupCode, bankOfficeCode } = places;
  return { wardCode, associationCode, groupCode, ...servedBy(bankOfficeCode) };
}

/** The savings groups whose applications an officer may read: the same scope as {@link readableBy}. */
export function groupsReadableBy(officer: Officer): Prisma.SavingsGroupWhereInput {
  const places = officerPlaces(officer);
  if (!places) return NO_GROUP;
  const { wardCode, associationCode, groupCode, bankOfficeCode } = places;
  return { wardCode, associationCode, code: groupCode, ...servedBy(bankOfficeCode) };
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
export function mayFileFor(officer: Officer, target: ScopePlaces): boolean {
  const places = officerPlaces(officer);
  if (!places) return false;
  return Object.entries(places).every(([place, value]) => target[place as keyof ScopePlaces] === value);
}

export function requireRole(officer: Officer, roles: readonly Role[]): void {
  if (!roles.includes(officer.role)) throw new AppError('FORBIDDEN', `This needs the role ${roles.join(' or ')}`);
}
