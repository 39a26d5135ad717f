/**
 * What the portfolio report may be narrowed to, for the officer asking: the districts whose capital they read
 * (see capital/scope.ts), those districts' wards, the programmes, and the districts' capital sources.
 */
import type { PrismaClient } from '../../prisma/generated/client.js';
import { readableDistricts } from './capital/scope.js';
import { listCurrentPrograms } from './programmes.js';
import type { Officer } from './sessions.js';

export interface ReportChoices {
  districts: string[];
  wards: { code: string; name: string; district: string }[];
  programs: { code: string; nameVi: string; nameEn: string }[];
  sources: { code: string; name: string; district: string }[];
}

export async function listReportChoices(prisma: PrismaClient, officer: Officer): Promise<ReportChoices> {
  const readable = await readableDistricts(prisma, officer);
  const inScope = readable === null ? {} : { district: { in: readable } };
  const [wards, sources, programs] = await Promise.all([
    prisma.ward.findMany({ where: inScope, orderBy: [{ district: 'asc' }, { name: 'asc' }] }),
    prisma.capitalSource.findMany({ where: inScope, orderBy: [{ district: 'asc' }, { code: 'asc' }] }),
    listCurrentPrograms(prisma),
  ]);
  const districts = readable ?? [...new Set(wards.map((ward) => ward.district))];
  return {
    districts: [...districts].sort((a, b) => a.localeCompare(b, 'vi')),
    wards: wards.map(({ code, name, district }) => ({ code, name, district })),
    programs: programs.map(({ code, nameVi, nameEn }) => ({ code, nameVi, nameEn })),
    sources: sources.map(({ code, name, district }) => ({ code, name, district })),
  };
}
