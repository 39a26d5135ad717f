/**
 * Which part of the book a report covers, checked against the officer's districts: a district the officer does not
 * serve, or a ward, programme or source that is not of the district, answers NOT_FOUND (as a capital source outside
 * the officer's districts does) so the report does not reveal what exists elsewhere.
 */
import { Prisma, type PrismaClient } from '../../../prisma/generated/client.js';
import { readableDistricts } from '../capital/scope.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';
import type { PortfolioReport, ReportScope } from './types.js';

export interface ScopeFilters {
  names: PortfolioReport['scopeNames'];
  /** The wards of the scope, in code order, with their names. */
  wards: { code: string; name: string }[];
  /** Keeps the loans of the scope: a condition on `loans l`. */
  loans: Prisma.Sql;
  /** Keeps the capital sources of the scope: a condition on `capital_sources s`. */
  sources: Prisma.Sql;
}

/** The district a report shows when none is asked for: the officer's (the first of theirs), or the first of all. */
export async function defaultReportDistrict(prisma: PrismaClient, officer: Officer): Promise<string> {
  const districts = await readableDistricts(prisma, officer);
  if (districts === null) {
    const first = await prisma.ward.findFirst({ orderBy: { district: 'asc' }, select: { district: true } });
    if (!first) throw new AppError('NOT_FOUND', 'No district has been set up');
    return first.district;
  }
  const first = [...districts].sort()[0];
  if (first === undefined) throw new AppError('NOT_FOUND', 'The officer serves no district');
  return first;
}

export async function resolveReportScope(
  prisma: PrismaClient,
  officer: Officer,
  scope: ReportScope,
): Promise<ScopeFilters> {
  const districts = await readableDistricts(prisma, officer);
  if (districts !== null && !districts.includes(scope.district)) throw notFound('district', scope.district);
  const wards = await prisma.ward.findMany({
    where: { district: scope.district, ...(scope.wardCode ? { code: scope.wardCode } : {}) },
    select: { code: true, name: true },
    orderBy: { code: 'asc' },
  });
  if (wards.length === 0) throw notFound(scope.wardCode ? 'ward' : 'district', scope.wardCode ?? scope.district);
  const names: PortfolioReport['scopeNames'] = { district: scope.district };
  const loans: Prisma.Sql[] = [Prisma.sql`l.ward_code IN (${Prisma.join(wards.map((w) => w.code))})`];
  const sources: Prisma.Sql[] = [Prisma.sql`s.district = ${scope.district}`];
  if (scope.wardCode) {
    names.ward = wards[0]?.name;
    // A ward borrows from its own local capital and from the district's; capital is not divided between wards.
    sources.push(Prisma.sql`(s.ward_code IS NULL OR s.ward_code = ${scope.wardCode})`);
  }
  if (scope.programCode) {
    const program = await prisma.loanProgram.findFirst({
      where: { code: scope.programCode },
      orderBy: { version: 'desc' },
      select: { nameVi: true },
    });
    if (!program) throw notFound('programme', scope.programCode);
    names.program = program.nameVi;
    loans.push(Prisma.sql`l.program_code = ${scope.programCode}`);
    sources.push(Prisma.sql`(s.program_code IS NULL OR s.program_code = ${scope.programCode})`);
  }
  if (scope.sourceCode) {
    const source = await prisma.capitalSource.findUnique({ where: { code: scope.sourceCode } });
    if (source?.district !== scope.district) throw notFound('capital source', scope.sourceCode);
    names.source = source.name;
    loans.push(Prisma.sql`EXISTS (SELECT 1 FROM capital_reservations r
                                  WHERE r.application_id = l.application_id AND r.source_id = ${source.id}::uuid)`);
    sources.push(Prisma.sql`s.id = ${source.id}::uuid`);
  }
  return { names, wards, loans: Prisma.join(loans, ' AND '), sources: Prisma.join(sources, ' AND ') };
}

const notFound = (what: string, code: string): AppError =>
  new AppError('NOT_FOUND', `No ${what} ${code} in the officer's districts`);
