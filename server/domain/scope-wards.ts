/**
 * The wards a bank officer's scope covers, as a plain list. `readableBy` reaches a bank office's applications
 * through their ward's office (a join the planner cannot see through: it estimates a bank office at a fraction
 * of the whole table and reads it in date order); adding the same wards as `ward_code IN (…)` next to it lets
 * the database use the ward-leading indexes (`npm run bench:volume`). The join stays: it is the access rule.
 */
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import { ROLE_SCOPE } from '../../workflows/rules/authority.js';
import type { Officer } from './sessions.js';

/** A condition every application `readableBy(officer)` keeps also meets (adding it changes no answer); empty if none. */
export async function wardsInScope(prisma: PrismaClient, officer: Officer): Promise<Prisma.ApplicationWhereInput> {
  if (ROLE_SCOPE[officer.role] !== 'bank-office' || !officer.bankOfficeCode) return {};
  const wards = await prisma.ward.findMany({
    where: { bankOfficeCode: officer.bankOfficeCode },
    select: { code: true },
  });
  return { wardCode: { in: wards.map((ward) => ward.code) } };
}
