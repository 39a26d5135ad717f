/**
 * The ward's household list as an officer reads it on screen: one row per household, a search box and pages.
 * The list of one ward is a few thousand households at most, so the name search folds them in memory, the way
 * the applications list folds borrowers' names ("Nguyen Thi Hang" finds "Nguyễn Thị Hằng").
 */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import type { HouseholdCategory } from '../../../workflows/domain.js';
import { foldText, toOneLine } from '../text.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface RegistryRow {
  householdId: string;
  headName: string;
  headCitizenId: string;
  village: string | null;
  category: HouseholdCategory;
  listedOn: string;
  expiresOn: string;
  /** Everyone on the list in the household, the head included. */
  people: number;
}

export interface RegistryPageQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const CITIZEN_ID = /^\d{12}$/u;
const isoDay = (date: Date | null): string => (date === null ? '' : date.toISOString().slice(0, 10));

/**
 * 12 digits are a citizen ID, the head's or a listed member's, exactly; anything else is part of the household
 * code (any case) or of the head's name, compared folded.
 */
export async function listRegistryHouseholds(
  db: Db,
  wardCode: string,
  query: RegistryPageQuery,
): Promise<{ rows: RegistryRow[]; total: number }> {
  const typed = toOneLine(query.q ?? '');
  const byCitizenId: Prisma.HouseholdWhereInput = CITIZEN_ID.test(typed)
    ? { OR: [{ headCitizenId: typed }, { members: { some: { citizenId: typed, fromRegistry: true } } }] }
    : {};
  const households = await db.household.findMany({
    where: { wardCode, registryCode: { not: null }, ...byCitizenId },
    select: {
      registryCode: true,
      headName: true,
      headCitizenId: true,
      village: true,
      category: true,
      listedCategory: true,
      listedOn: true,
      expiresOn: true,
      _count: { select: { members: { where: { fromRegistry: true } } } },
    },
    orderBy: { registryCode: 'asc' },
  });
  const folded = CITIZEN_ID.test(typed) ? '' : foldText(typed);
  const upper = typed.toUpperCase();
  const matching = households.filter(
    (h) =>
      folded === '' || (h.registryCode ?? '').toUpperCase().includes(upper) || foldText(h.headName).includes(folded),
  );
  const start = (query.page - 1) * query.pageSize;
  const rows = matching.slice(start, start + query.pageSize).map((h): RegistryRow => ({
    householdId: h.registryCode ?? '',
    headName: h.headName,
    headCitizenId: h.headCitizenId,
    village: h.village,
    category: (h.listedCategory ?? h.category) as HouseholdCategory,
    listedOn: isoDay(h.listedOn),
    expiresOn: isoDay(h.expiresOn),
    people: 1 + h._count.members,
  }));
  return { rows, total: matching.length };
}
