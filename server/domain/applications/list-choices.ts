import type { PrismaClient } from '../../../prisma/generated/client.js';
import { groupsReadableBy } from '../access.js';
import type { GroupChoice, WardChoice } from '../reference-data.js';
import type { Officer } from '../sessions.js';

/** The wards and groups the applications list may be filtered by: only those within the officer's scope. */
export async function listFilterChoices(
  prisma: PrismaClient,
  officer: Officer,
): Promise<{ wards: WardChoice[]; groups: GroupChoice[] }> {
  const groups = await prisma.savingsGroup.findMany({ where: groupsReadableBy(officer), orderBy: { code: 'asc' } });
  const wardCodes = [...new Set(groups.map((group) => group.wardCode))];
  const wards = await prisma.ward.findMany({ where: { code: { in: wardCodes } }, orderBy: { code: 'asc' } });
  return {
    wards: wards.map(({ code, name, transactionPoint }) => ({ code, name, transactionPoint })),
    groups: groups.map(({ code, name, village, wardCode }) => ({ code, name, village, wardCode })),
  };
}
