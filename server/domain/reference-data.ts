import type { PrismaClient } from '../../prisma/generated/client.js';

export interface WardChoice {
  code: string;
  name: string;
  transactionPoint: string;
}

export interface GroupChoice {
  code: string;
  name: string;
  village: string;
  wardCode: string;
}

/** Wards and their savings groups, in code order: what the application form offers. */
export async function listWardsAndGroups(
  prisma: PrismaClient,
): Promise<{ wards: WardChoice[]; groups: GroupChoice[] }> {
  const [wards, groups] = await Promise.all([
    prisma.ward.findMany({ orderBy: { code: 'asc' } }),
    prisma.savingsGroup.findMany({ orderBy: { code: 'asc' } }),
  ]);
  return {
    wards: wards.map(({ code, name, transactionPoint }) => ({ code, name, transactionPoint })),
    groups: groups.map(({ code, name, village, wardCode }) => ({ code, name, village, wardCode })),
  };
}
