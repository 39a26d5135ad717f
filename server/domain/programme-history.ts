/**
 * The programme catalogue as the administration reads it: each programme's current version, and every version
 * of one programme with the day it was published and what it changed from the one before.
 */
import type { PrismaClient } from '../../prisma/generated/client.js';
import type { ProgramSnapshot } from '../../workflows/definitions.js';
import { notFound } from './errors.js';
import type { ProgrammeDefinition } from './programme-catalogue.js';
import { toProgramSnapshot } from './programmes.js';

export interface ProgrammeVersion {
  program: ProgramSnapshot;
  /** When this version was published: new applications take it from then on. */
  publishedAt: Date;
  /** The settings that differ from the previous version (none for the first). */
  changed: (keyof ProgrammeDefinition)[];
}

const SETTINGS: readonly (keyof ProgrammeDefinition)[] = [
  'nameVi',
  'nameEn',
  'ceilingVnd',
  'ceilingPerMonthVnd',
  'annualRatePercent',
  'maxTermMonths',
  'stepOrder',
  'eligibleCategories',
  'voteRules',
  'deadlines',
  'graceWorkingDays',
  'checkOverdueDebt',
];

/** Settings compare by value: JSON of the same shape, keys sorted for the records (deadlines, vote rules). */
function sameSetting(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
        : v,
    );
  return canonical(a) === canonical(b);
}

export async function readProgrammeHistory(prisma: PrismaClient, code: string): Promise<ProgrammeVersion[]> {
  const rows = await prisma.loanProgram.findMany({ where: { code }, orderBy: { version: 'asc' } });
  if (rows.length === 0) throw notFound('Programme');
  return rows.map((row, index) => {
    const program = toProgramSnapshot(row);
    const before = index > 0 ? toProgramSnapshot(rows[index - 1]!) : null;
    const changed = before ? SETTINGS.filter((key) => !sameSetting(program[key], before[key])) : [];
    return { program, publishedAt: row.createdAt, changed };
  });
}
