/**
 * The programme catalogue as the administrator changes it. A change never edits a programme in place: it adds a
 * version. Applications in flight keep the version they started with (it is copied into their workflow); new
 * ones take the newest.
 */
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import type { ProgramSnapshot } from '../../workflows/definitions.js';
import { AppError, notFound } from './errors.js';
import { auditAdminAction } from './officers.js';
import { toProgramSnapshot } from './programmes.js';
import type { Officer } from './sessions.js';

/** Everything a version says; the code and the version number are the catalogue's. */
export type ProgrammeDefinition = Omit<ProgramSnapshot, 'id' | 'code' | 'version' | 'instalmentMonths'>;

function toRow(code: string, version: number, d: ProgrammeDefinition): Prisma.LoanProgramCreateInput {
  return {
    code,
    version,
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    ceilingVnd: BigInt(d.ceilingVnd),
    ceilingPerMonthVnd: d.ceilingPerMonthVnd === null ? null : BigInt(d.ceilingPerMonthVnd),
    annualRatePercent: d.annualRatePercent,
    maxTermMonths: d.maxTermMonths,
    stepOrder: d.stepOrder,
    eligibleCategories: d.eligibleCategories,
    voteRules: { quorum: { ...d.voteRules.quorum }, approval: { ...d.voteRules.approval } },
    deadlines: d.deadlines,
    graceWorkingDays: d.graceWorkingDays,
    checkOverdueDebt: d.checkOverdueDebt,
  };
}

export async function createProgramme(
  prisma: PrismaClient,
  admin: Officer,
  code: string,
  definition: ProgrammeDefinition,
): Promise<ProgramSnapshot> {
  if (await prisma.loanProgram.findFirst({ where: { code } })) {
    throw new AppError('PROGRAM_EXISTS', `Programme ${code} exists; change it with PUT to add a version`);
  }
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.loanProgram.create({ data: toRow(code, 1, definition) });
    await auditAdminAction(tx, admin, 'PROGRAM_CREATED', { code, version: 1 });
    return created;
  });
  return toProgramSnapshot(row);
}

export async function addProgrammeVersion(
  prisma: PrismaClient,
  admin: Officer,
  code: string,
  definition: ProgrammeDefinition,
): Promise<ProgramSnapshot> {
  const row = await prisma.$transaction(async (tx) => {
    const latest = await tx.loanProgram.findFirst({ where: { code }, orderBy: { version: 'desc' } });
    if (!latest) throw notFound('Programme');
    const created = await tx.loanProgram.create({ data: toRow(code, latest.version + 1, definition) });
    await auditAdminAction(tx, admin, 'PROGRAM_VERSIONED', { code, version: created.version });
    return created;
  });
  return toProgramSnapshot(row);
}

export async function listProgrammeVersions(prisma: PrismaClient, code: string): Promise<ProgramSnapshot[]> {
  const rows = await prisma.loanProgram.findMany({ where: { code }, orderBy: { version: 'asc' } });
  if (rows.length === 0) throw notFound('Programme');
  return rows.map(toProgramSnapshot);
}
