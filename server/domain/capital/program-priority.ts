import type { PrismaClient } from '../../../prisma/generated/client.js';
import { AppError } from '../errors.js';
import type { Officer } from '../sessions.js';
import { inDistricts, managedDistricts, readableDistricts } from './scope.js';

export interface ProgramCapitalPriority {
  programCode: string;
  /** First choice first; only the sources the officer may read. */
  sourceCodes: string[];
}

async function assertProgram(prisma: PrismaClient, programCode: string): Promise<void> {
  if ((await prisma.loanProgram.count({ where: { code: programCode } })) === 0) {
    throw new AppError('NOT_FOUND', `Programme ${programCode} not found`);
  }
}

export async function readProgramPriority(
  prisma: PrismaClient,
  officer: Officer,
  programCode: string,
): Promise<ProgramCapitalPriority> {
  await assertProgram(prisma, programCode);
  const districts = await readableDistricts(prisma, officer);
  const rows = await prisma.programCapitalPriority.findMany({
    where: { programCode, ...(districts === null ? {} : { source: { district: { in: districts } } }) },
    include: { source: { select: { code: true } } },
    orderBy: { rank: 'asc' },
  });
  return { programCode, sourceCodes: rows.map((r) => r.source.code) };
}

/**
 * Sets the order in which the programme draws on the listed sources, for the districts of those sources (the
 * programme's order in another district is left as it is). A source not listed for such a district is no longer
 * drawn on once any source of that district is ranked.
 */
export async function setProgramPriority(
  prisma: PrismaClient,
  officer: Officer,
  programCode: string,
  sourceCodes: string[],
): Promise<ProgramCapitalPriority> {
  await assertProgram(prisma, programCode);
  const districts = await managedDistricts(prisma, officer);
  const sources = await prisma.capitalSource.findMany({ where: { code: { in: sourceCodes } } });
  for (const code of sourceCodes) {
    const source = sources.find((s) => s.code === code);
    if (!source || !inDistricts(districts, source.district)) {
      throw new AppError('UNKNOWN_CAPITAL_SOURCE', `Capital source ${code} is not one you manage`, [
        { path: 'sourceCodes', message: `unknown source ${code}` },
      ]);
    }
    if (source.programCode && source.programCode !== programCode) {
      throw new AppError('INVALID_SCOPE', `Capital source ${code} lends for ${source.programCode} only`, [
        { path: 'sourceCodes', message: `${code} is for another programme` },
      ]);
    }
  }
  const touched = [...new Set(sources.map((s) => s.district))];
  await prisma.$transaction(async (tx) => {
    await tx.programCapitalPriority.deleteMany({ where: { programCode, source: { district: { in: touched } } } });
    await tx.programCapitalPriority.createMany({
      data: sourceCodes.map((code, index) => ({
        programCode,
        sourceId: sources.find((s) => s.code === code)?.id ?? '',
        rank: index + 1,
      })),
    });
  });
  return readProgramPriority(prisma, officer, programCode);
}
