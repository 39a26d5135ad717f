/**
 * Who may see and touch which application. Every officer's authority has a scope (a ward, an association
 * in a ward, a group, or a bank office and the wards it serves); these predicates turn it into queries.
 */
import type { Prisma } from '../../prisma/generated/client.js';
import type { Role } from '../../workflows/domain.js';
import type { Officer } from './sessions.js';
import { AppError } from './errors.js';

/** The scope as recorded in the audit trail. */
export function scopeOf(officer: Officer): string | null {
  switch (officer.role) {
    case 'admin':
      return null;
    case 'ward_officer':
      return `ward:${officer.wardCode}`;
    case 'association_officer':
      return `association:${officer.associationCode}@${officer.wardCode}`;
    case 'group_leader':
      return `group:${officer.groupCode}`;
    case 'bank_credit_officer':
    case 'bank_manager':
      return `bank-office:${officer.bankOfficeCode}`;
  }
}

const NOTHING: Prisma.ApplicationWhereInput = { id: { in: [] } };

/** The applications an officer may read. Administrators keep reference data and accounts: no loan files. */
export function readableBy(officer: Officer): Prisma.ApplicationWhereInput {
  switch (officer.role) {
    case 'admin':
      return NOTHING;
    case 'ward_officer':
      return officer.wardCode ? { wardCode: officer.wardCode } : NOTHING;
    case 'association_officer':
      return officer.wardCode && officer.associationCode
        ? { wardCode: officer.wardCode, associationCode: officer.associationCode }
        : NOTHING;
    case 'group_leader':
      return officer.groupCode ? { groupCode: officer.groupCode } : NOTHING;
    case 'bank_credit_officer':
    case 'bank_manager':
      return officer.bankOfficeCode ? { ward: { bankOfficeCode: officer.bankOfficeCode } } : NOTHING;
  }
}

const WAITING_STEP: Record<Role, Prisma.ApplicationWhereInput> = {
  admin: NOTHING,
  ward_officer: { currentStep: 'ward-verification' },
  association_officer: { currentStep: 'entrustment' },
  group_leader: { currentStep: 'group-vote' },
  // Bank approval is two-stage: credit officers propose, managers confirm what was proposed.
  bank_credit_officer: { OR: [{ currentStep: 'bank-approval', proposedBy: null }, { currentStep: 'disbursement' }] },
  bank_manager: { OR: [{ currentStep: 'bank-approval', proposedBy: { not: null } }, { currentStep: 'disbursement' }] },
};

/** The applications whose current step waits on this officer: in scope, in progress, not held by another. */
export function waitingOn(officer: Officer): Prisma.ApplicationWhereInput {
  return {
    AND: [
      readableBy(officer),
      WAITING_STEP[officer.role],
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
  switch (officer.role) {
    case 'admin':
      return false;
    case 'ward_officer':
      return officer.wardCode === target.wardCode;
    case 'association_officer':
      return officer.wardCode === target.wardCode && officer.associationCode === target.associationCode;
    case 'group_leader':
      return officer.groupCode === target.groupCode;
    case 'bank_credit_officer':
    case 'bank_manager':
      return officer.bankOfficeCode !== null && officer.bankOfficeCode === target.bankOfficeCode;
  }
}

export function requireRole(officer: Officer, roles: readonly Role[]): void {
  if (!roles.includes(officer.role)) throw new AppError('FORBIDDEN', `This needs the role ${roles.join(' or ')}`);
}
