/**
 * Vietnamese public holidays (the general working calendar of public servants) for 2026 and 2027, as seed data.
 *
 * The Labour Code 2019 (art. 112(1)) grants New Year (1 January), 5 days of Tết, Hùng Kings' Commemoration
 * (10th day of the 3rd lunar month), 30 April, 1 May, and 2 September with one adjacent day; the Prime
 * Minister picks the Tết days and the adjacent National Day (art. 112(3)); a holiday that falls on a weekend
 * gives a compensatory day off on the next working day (art. 111(3)). Each year the Ministry of Home Affairs
 * may also swap a working day for a Saturday so that a break runs unbroken (hoán đổi / làm bù).
 *
 * `announced`: from the government decisions as reported by national news (2026). `derived`: not yet announced
 * when this was written (2027), worked out from the rules above, the lunar calendar, and the precedent of the
 * last year with the same weekdays; replace them with the announcement when it is published.
 */
import type { HolidayCalendar, IsoDate } from './working-days.js';

/**
 * `public-holiday`: a statutory day off (even when it falls on a weekend); `compensatory`: nghỉ bù for a
 * holiday on a weekend; `swapped`: a working day off in exchange for a make-up Saturday; `break-weekend`: a
 * Saturday or Sunday the announcement counts in the break (listed so the break shows whole).
 */
export type HolidayKind = 'public-holiday' | 'compensatory' | 'swapped' | 'break-weekend';

export interface VietnameseHoliday {
  year: number;
  date: IsoDate;
  nameVi: string;
  nameEn: string;
  kind: HolidayKind;
  source: 'announced' | 'derived';
}

export interface MakeUpWorkingDay {
  year: number;
  date: IsoDate;
  /** The day off it pays for. */
  replaces: IsoDate;
  source: 'announced' | 'derived';
}

type Source = VietnameseHoliday['source'];
const entry = (date: IsoDate, kind: HolidayKind, nameVi: string, nameEn: string, source: Source) => ({
  year: Number(date.slice(0, 4)),
  date,
  nameVi,
  nameEn,
  kind,
  source,
});

const NEW_YEAR = ['Tết Dương lịch', "New Year's Day"] as const;
const TET = ['Tết Nguyên đán', 'Lunar New Year (Tết)'] as const;
const HUNG_KINGS = ['Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day"] as const;
const REUNIFICATION = ['Ngày Chiến thắng (30/4)', 'Reunification Day'] as const;
const LABOUR = ['Ngày Quốc tế Lao động (1/5)', "International Workers' Day"] as const;
const NATIONAL = ['Quốc khánh (2/9)', 'National Day'] as const;

const tet = (date: IsoDate, lunarVi: string, lunarEn: string, kind: HolidayKind, source: Source) =>
  entry(date, kind, `${TET[0]} (${lunarVi})`, `${TET[1]} (${lunarEn})`, source);

export const VIETNAMESE_PUBLIC_HOLIDAYS: readonly VietnameseHoliday[] = [
  // 2026. New Year: Government Office notice of 25 Dec 2025, Thursday 1 to Sunday 4 January, Friday 2 swapped
  // for Saturday 10 January.
  entry('2026-01-01', 'public-holiday', NEW_YEAR[0], NEW_YEAR[1], 'announced'),
  entry('2026-01-02', 'swapped', `${NEW_YEAR[0]} (nghỉ hoán đổi)`, `${NEW_YEAR[1]} (swapped day off)`, 'announced'),
  entry('2026-01-03', 'break-weekend', NEW_YEAR[0], NEW_YEAR[1], 'announced'),
  entry('2026-01-04', 'break-weekend', NEW_YEAR[0], NEW_YEAR[1], 'announced'),
  // Tết Bính Ngọ (Lunar New Year's Day: Tuesday 17 February): the Prime Minister approved on 13 Oct 2025
  // Saturday 14 (27th of the 12th month) to Sunday 22 February (6th of the 1st month), 9 days: 5 statutory + 4
  // weekend days.
  tet('2026-02-14', '27 tháng Chạp', '12th month, day 27', 'break-weekend', 'announced'),
  tet('2026-02-15', '28 tháng Chạp', '12th month, day 28', 'break-weekend', 'announced'),
  tet('2026-02-16', '29 tháng Chạp, tất niên', "Lunar New Year's Eve", 'public-holiday', 'announced'),
  tet('2026-02-17', 'mùng 1', 'day 1', 'public-holiday', 'announced'),
  tet('2026-02-18', 'mùng 2', 'day 2', 'public-holiday', 'announced'),
  tet('2026-02-19', 'mùng 3', 'day 3', 'public-holiday', 'announced'),
  tet('2026-02-20', 'mùng 4', 'day 4', 'public-holiday', 'announced'),
  tet('2026-02-21', 'mùng 5', 'day 5', 'break-weekend', 'announced'),
  tet('2026-02-22', 'mùng 6', 'day 6', 'break-weekend', 'announced'),
  // 10/3 Bính Ngọ is Sunday 26 April, compensated on Monday 27 April (Labour Code art. 111(3)).
  entry('2026-04-26', 'public-holiday', HUNG_KINGS[0], HUNG_KINGS[1], 'announced'),
  entry('2026-04-27', 'compensatory', `${HUNG_KINGS[0]} (nghỉ bù)`, `${HUNG_KINGS[1]} (in lieu)`, 'announced'),
  entry('2026-04-30', 'public-holiday', REUNIFICATION[0], REUNIFICATION[1], 'announced'),
  entry('2026-05-01', 'public-holiday', LABOUR[0], LABOUR[1], 'announced'),
  // National Day: approved on 13 Oct 2025, Saturday 29 August to Wednesday 2 September; the adjacent day is
  // Tuesday 1 September and Monday 31 August is swapped for Saturday 22 August.
  entry('2026-08-29', 'break-weekend', NATIONAL[0], NATIONAL[1], 'announced'),
  entry('2026-08-30', 'break-weekend', NATIONAL[0], NATIONAL[1], 'announced'),
  entry('2026-08-31', 'swapped', `${NATIONAL[0]} (nghỉ hoán đổi)`, `${NATIONAL[1]} (swapped day off)`, 'announced'),
  entry('2026-09-01', 'public-holiday', `${NATIONAL[0]} (ngày liền kề)`, `${NATIONAL[1]} (adjacent day)`, 'announced'),
  entry('2026-09-02', 'public-holiday', NATIONAL[0], NATIONAL[1], 'announced'),

  // 2027, derived. New Year is Friday 1 January.
  entry('2027-01-01', 'public-holiday', NEW_YEAR[0], NEW_YEAR[1], 'derived'),
  // Tết Đinh Mùi: Lunar New Year's Day is Saturday 6 February and the 12th month of Bính Ngọ has 29 days, so
  // Friday 5 February is New Year's Eve. 2024 had the same weekdays (Lunar New Year's Day on a Saturday) and was
  // given 2 days before and 3 after, Thursday to Wednesday: the same here is Thursday 4 to Wednesday 10 February.
  tet('2027-02-04', '28 tháng Chạp', '12th month, day 28', 'public-holiday', 'derived'),
  tet('2027-02-05', '29 tháng Chạp, tất niên', "Lunar New Year's Eve", 'public-holiday', 'derived'),
  tet('2027-02-06', 'mùng 1', 'day 1', 'break-weekend', 'derived'),
  tet('2027-02-07', 'mùng 2', 'day 2', 'break-weekend', 'derived'),
  tet('2027-02-08', 'mùng 3', 'day 3', 'public-holiday', 'derived'),
  tet('2027-02-09', 'mùng 4', 'day 4', 'public-holiday', 'derived'),
  tet('2027-02-10', 'mùng 5', 'day 5', 'public-holiday', 'derived'),
  // 10/3 Đinh Mùi: the 3rd lunar month begins on 7 April 2027 (new moon 06:52 on 7 April, UTC+7), so Friday 16 April.
  entry('2027-04-16', 'public-holiday', HUNG_KINGS[0], HUNG_KINGS[1], 'derived'),
  entry('2027-04-30', 'public-holiday', REUNIFICATION[0], REUNIFICATION[1], 'derived'),
  // 1 May is a Saturday: compensated on Monday 3 May (art. 111(3)).
  entry('2027-05-01', 'public-holiday', LABOUR[0], LABOUR[1], 'derived'),
  entry('2027-05-03', 'compensatory', `${LABOUR[0]} (nghỉ bù)`, `${LABOUR[1]} (in lieu)`, 'derived'),
  // 2 September is a Thursday; as in 2021 (also a Thursday) the adjacent day is taken to be Friday 3 September.
  entry('2027-09-02', 'public-holiday', NATIONAL[0], NATIONAL[1], 'derived'),
  entry('2027-09-03', 'public-holiday', `${NATIONAL[0]} (ngày liền kề)`, `${NATIONAL[1]} (adjacent day)`, 'derived'),
];

/** Saturdays worked to pay for a swapped day off (ngày làm bù). */
export const VIETNAMESE_MAKE_UP_WORKING_DAYS: readonly MakeUpWorkingDay[] = [
  { year: 2026, date: '2026-01-10', replaces: '2026-01-02', source: 'announced' },
  { year: 2026, date: '2026-08-22', replaces: '2026-08-31', source: 'announced' },
];

/** The working calendar for the given years (all years of the data by default), ready for workflow input. */
export function vietnameseHolidayCalendar(years?: readonly number[]): HolidayCalendar {
  const wanted = (year: number) => !years || years.includes(year);
  return {
    // Weekend days of a break change nothing in working-day arithmetic, so the calendar leaves them out.
    holidays: VIETNAMESE_PUBLIC_HOLIDAYS.filter((h) => wanted(h.year) && h.kind !== 'break-weekend').map((h) => h.date),
    makeUpWorkingDays: VIETNAMESE_MAKE_UP_WORKING_DAYS.filter((d) => wanted(d.year)).map((d) => d.date),
  };
}
