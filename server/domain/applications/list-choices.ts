import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { ROLE_SCOPE } from '../../../workflows/rules/authority.js';
import type { GroupChoice, WardChoice } from '../reference-data.js';
import type { Officer } from '../sessions.js';

const NONE = { code: { in: [] } };

/** The savings groups whose applications an officer may read: the same scope as readableBy. */
function groupsInScope(officer: Officer): Prisma.SavingsGroupWhereInput {
  switch (ROLE_SCOPE[officer.role]) {
    case null:
      return NONE;
    case 'ward':
      return officer.wardCode ? { wardCode: officer.wardCode } : NONE;
    case 'association':
      return officer.wardCode && officer.associationCode
        ? { wardCode: officer.wardCode, associationCode: officer.associationCode }
        : NONE;
    case 'group':
      return officer.groupCode ? { code: officer.groupCode } : NONE;
    case 'bank-office':
      return officer.bankOfficeCode ? { ward: { bankOfficeCode: officer.bankOfficeCode } } : NONE;
  }
}

/** The wards and groups the applications list may be filtered by: only those within the officer's scope. */
export async function listFilterChoices(
  prisma: PrismaClient,
  officer: Officer,
): Promise<{ wards: WardChoice[]; groups: GroupChoice[] }> {
  const groups = await prisma.savingsGroup.findMany({ where: groupsInScope(officer), orderBy: { code: 'asc' } });
  const wardCodes = [...new Set(groups.map((group) => group.wardCode))];
  const wards = await prisma.ward.findMany({ where: { code: { in: wardCodes } }, orderBy: { code: 'asc' } });
  return {
    wards: wards.map(({ code, name, transactionPoint }) => ({ code, name, transactionPoint })),
    groups: groups.map(({ code, name, village, wardCode }) => ({ code, name, village, wardCode })),
  };
}
