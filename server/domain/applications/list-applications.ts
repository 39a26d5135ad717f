import type { Application, Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import type { ApplicationStatus, StepName } from '../../../workflows/domain.js';
import { readableBy } from '../access.js';
import { wardsInScope } from '../scope-wards.js';
import type { Officer } from '../sessions.js';
import { parseApplicationSearch } from './application-search.js';

export interface ApplicationFilter {
  ward?: string | undefined;
  group?: string | undefined;
  step?: StepName | undefined;
  status?: ApplicationStatus | undefined;
  /** A code, a citizen ID or part of the borrower's name (see parseApplicationSearch). */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

function searchWhere(q: string | undefined): Prisma.ApplicationWhereInput {
  const search = q === undefined ? null : parseApplicationSearch(q);
  if (search === null) return {};
  if (search.by === 'code') return { code: search.code };
  if (search.by === 'citizenId') return { borrowerCitizenId: search.citizenId };
  return { borrowerNameFolded: { contains: search.folded } };
}

export type ListedApplication = Application & { program: { nameVi: string; nameEn: string } };

/**
 * One page of the applications within the officer's scope, newest first, and how many there are in all. The page
 * is found first by id alone, which the list index (ward, submission time, id and the filtered columns) answers
 * without reading the table; only the page's own rows are then read whole. A bank office's 20-odd wards hold tens
 * of thousands of applications: sorting whole rows of all of them cost hundreds of ms (npm run bench:volume).
 */
export async function listApplications(
  prisma: PrismaClient,
  officer: Officer,
  filter: ApplicationFilter,
): Promise<{ rows: ListedApplication[]; total: number }> {
  const where = {
    AND: [
      readableBy(officer),
      await wardsInScope(prisma, officer),
      {
        ...(filter.ward ? { wardCode: filter.ward } : {}),
        ...(filter.group ? { groupCode: filter.group } : {}),
        ...(filter.step ? { currentStep: filter.step } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      searchWhere(filter.q),
    ],
  };
  const orderBy = [{ submittedAt: 'desc' }, { id: 'asc' }] satisfies Prisma.ApplicationOrderByWithRelationInput[];
  const [page, total] = await Promise.all([
    prisma.application.findMany({
      where,
      select: { id: true },
      orderBy,
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    }),
    prisma.application.count({ where }),
  ]);
  const rows =
    page.length === 0
      ? []
      : await prisma.application.findMany({
          where: { id: { in: page.map((row) => row.id) } },
          include: { program: { select: { nameVi: true, nameEn: true } } },
          orderBy,
        });
  return { rows, total };
}
