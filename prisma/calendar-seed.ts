import { VIETNAMESE_MAKE_UP_WORKING_DAYS, VIETNAMESE_PUBLIC_HOLIDAYS } from '../workflows/calendar/holidays-vn.js';
import type { PrismaClient } from './generated/client.js';

/**
 * Loads the published Vietnamese holidays and make-up working days shipped with the code. Runs at every
 * start and adds only the days not yet present, so holidays an administrator loaded or changed are kept.
 */
export async function seedCalendar(prisma: PrismaClient): Promise<{ added: number }> {
  const holidays = VIETNAMESE_PUBLIC_HOLIDAYS.map((day) => ({
    date: new Date(`${day.date}T00:00:00Z`),
    year: day.year,
    working: false,
    kind: day.kind,
    nameVi: day.nameVi,
    nameEn: day.nameEn,
    source: day.source,
  }));
  const makeUpDays = VIETNAMESE_MAKE_UP_WORKING_DAYS.map((day) => ({
    date: new Date(`${day.date}T00:00:00Z`),
    year: day.year,
    working: true,
    kind: 'make-up-working-day',
    nameVi: `Ngày làm bù cho ngày ${day.replaces.split('-').reverse().join('/')}`,
    nameEn: `Make-up working day for ${day.replaces}`,
    source: day.source,
  }));
  const { count } = await prisma.calendarDay.createMany({ data: [...holidays, ...makeUpDays], skipDuplicates: true });
  return { added: count };
}
