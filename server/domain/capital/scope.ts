/**
 * Whose capital an officer sees and manages. Capital belongs to a district: a bank office's officers see the
 * districts of the wards it serves, a ward's officers (and its associations' and groups') their ward's district.
 * The bank manager manages the sources of their office's districts; the administrator every district.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { ROLE_SCOPE } from '../../../workflows/rules/authority.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';

/** The districts whose sources the officer reads; null means every district. */
export async function readableDistricts(prisma: PrismaClient, officer: Officer): Promise<string[] | null> {
  switch (ROLE_SCOPE[officer.role]) {
    case null:
      return null;
    case 'bank-office':
      return officeDistricts(prisma, officer);
    case 'group': {
      const group = officer.groupCode
        ? await prisma.savingsGroup.findUnique({ where: { code: officer.groupCode }, include: { ward: true } })
        : null;
      return group ? [group.ward.district] : [];
    }
    case 'ward':
    case 'association': {
      const ward = officer.wardCode ? await prisma.ward.findUnique({ where: { code: officer.wardCode } }) : null;
      return ward ? [ward.district] : [];
    }
  }
}

async function officeDistricts(prisma: PrismaClient, officer: Officer): Promise<string[]> {
  if (!officer.bankOfficeCode) return [];
  const wards = await prisma.ward.findMany({
    where: { bankOfficeCode: officer.bankOfficeCode },
    select: { district: true },
    distinct: ['district'],
  });
  return wards.map((w) => w.district);
}

/** The districts whose sources the officer manages (null: every one), or FORBIDDEN for a role that manages none. */
export async function managedDistricts(prisma: PrismaClient, officer: Officer): Promise<string[] | null> {
  if (officer.role === 'admin') return null;
  if (officer.role !== 'bank_manager') {
    throw new AppError('FORBIDDEN', 'Capital sources are managed by the bank manager or the administrator');
  }
  return officeDistricts(prisma, officer);
}

export const inDistricts = (districts: string[] | null, district: string): boolean =>
  districts === null || districts.includes(district);
