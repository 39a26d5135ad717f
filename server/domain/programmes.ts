import type { PrismaClient } from '../../prisma/generated/client.js';
import type { LoanProgram } from '../../prisma/generated/client.js';
import type { HolidayCalendar } from '../../workflows/calendar/working-days.js';
import type { ProgramSnapshot } from '../../workflows/definitions.js';
import { DEFAULT_VOTE_RULES, type HouseholdCategory, type StepName, type VoteRules } from '../../workflows/domain.js';

export function toProgramSnapshot(row: LoanProgram): ProgramSnapshot {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    ceilingVnd: Number(row.ceilingVnd),
    ceilingPerMonthVnd: row.ceilingPerMonthVnd === null ? null : Number(row.ceilingPerMonthVnd),
    annualRatePercent: row.annualRatePercent.toString(),
    maxTermMonths: row.maxTermMonths,
    stepOrder: row.stepOrder as StepName[],
    eligibleCategories: row.eligibleCategories as HouseholdCategory[],
    voteRules: (row.voteRules as VoteRules | null) ?? DEFAULT_VOTE_RULES,
    deadlines: (row.deadlines as Partial<Record<StepName, number>> | null) ?? {},
    graceWorkingDays: row.graceWorkingDays,
    checkOverdueDebt: row.checkOverdueDebt,
    instalmentMonths: row.instalmentMonths,
  };
}

/** The newest active version of each programme: what new applications take. */
export async function listCurrentPrograms(prisma: PrismaClient): Promise<ProgramSnapshot[]> {
  const rows = await prisma.loanProgram.findMany({
    where: { active: true },
    orderBy: [{ code: 'asc' }, { version: 'desc' }],
    distinct: ['code'],
  });
  return rows.map(toProgramSnapshot);
}

export async function loadProgramSnapshot(prisma: PrismaClient, code: string): Promise<ProgramSnapshot | null> {
  const row = await prisma.loanProgram.findFirst({ where: { code, active: true }, orderBy: { version: 'desc' } });
  return row ? toProgramSnapshot(row) : null;
}

/** Holidays and make-up working days of this year and the next: what a new application's deadlines use. */
export async function loadCalendar(prisma: PrismaClient, year: number): Promise<HolidayCalendar> {
  const days = await prisma.calendarDay.findMany({
    where: { year: { in: [year, year + 1] } },
    orderBy: { date: 'asc' },
  });
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return {
    holidays: days.filter((day) => !day.working).map((day) => iso(day.date)),
    makeUpWorkingDays: days.filter((day) => day.working).map((day) => iso(day.date)),
  };
}
