import type { Application, Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import type { ApplicationStatus, StepName } from '../../../workflows/domain.js';
import { readableBy } from '../access.js';
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

/** One page of the applications within the officer's scope, newest first, and how many there are in all. */
export async function listApplications(
  prisma: PrismaClient,
  officer: Officer,
  filter: ApplicationFilter,
): Promise<{ rows: ListedApplication[]; total: number }> {
  const where = {
    AND: [
      readableBy(officer),
      {
        ...(filter.ward ? { wardCode: filter.ward } : {}),
        ...(filter.group ? { groupCode: filter.group } : {}),
        ...(filter.step ? { currentStep: filter.step } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      searchWhere(filter.q),
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.application.findMany({
      where,
      include: { program: { select: { nameVi: true, nameEn: true } } },
      orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    }),
    prisma.application.count({ where }),
  ]);
  return { rows, total };
}
