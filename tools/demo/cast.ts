/**
 * The demo's households and what becomes of their loans: plain data, the same for every run, so two runs of the
 * same size tell the same story.
 */

/** What the household does with its loan; the story acts it out month by month. */
export type Persona = 'on-time' | 'long' | 'early' | 'overdue' | 'late' | 'extended';

/** One in twenty loans of each kind, so every count of about twenty has them all. */
const PERSONAS: readonly Persona[] = [
  'on-time',
  'early',
  'overdue',
  'long',
  'extended',
  'late',
  'on-time',
  'long',
  'early',
  'on-time',
  'long',
  'overdue',
  'on-time',
  'extended',
  'long',
  'late',
  'on-time',
  'long',
  'early',
  'on-time',
];

export interface ProgrammeChoice {
  code: string;
  category: string;
  amounts: readonly number[];
  purpose: string;
  usePlan: string;
  maxTermMonths: number;
}

/** Three programmes with the published step order (group vote first) and two with the brief order. */
const PROGRAMMES: readonly ProgrammeChoice[] = [
  {
    code: 'POOR',
    category: 'POOR',
    amounts: [30_000_000, 50_000_000, 80_000_000, 100_000_000],
    purpose: 'Nuôi bò sinh sản',
    usePlan: 'Mua 2 con bò giống, làm chuồng trại; trả lãi hằng tháng từ tiền bán bê con.',
    maxTermMonths: 120,
  },
  {
    code: 'JOB_CREATION',
    category: 'OTHER',
    amounts: [50_000_000, 100_000_000, 150_000_000],
    purpose: 'Mở xưởng may gia công',
    usePlan: 'Mua 3 máy may công nghiệp, thuê 2 lao động địa phương.',
    maxTermMonths: 120,
  },
  {
    code: 'NEAR_POOR',
    category: 'NEAR_POOR',
    amounts: [40_000_000, 60_000_000, 100_000_000],
    purpose: 'Trồng rau an toàn',
    usePlan: 'Làm nhà lưới 500 m², mua giống và hệ thống tưới nhỏ giọt.',
    maxTermMonths: 120,
  },
  {
    code: 'CLEAN_WATER',
    category: 'POOR',
    amounts: [20_000_000, 25_000_000, 50_000_000],
    purpose: 'Xây bể nước và nhà vệ sinh',
    usePlan: 'Xây bể chứa 4 m³ và một nhà tiêu hợp vệ sinh.',
    maxTermMonths: 60,
  },
  {
    code: 'NEWLY_ESCAPED',
    category: 'NEWLY_ESCAPED',
    amounts: [30_000_000, 70_000_000],
    purpose: 'Nuôi gà thả vườn',
    usePlan: 'Mua 500 con gà giống, thức ăn và làm chuồng.',
    maxTermMonths: 60,
  },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lương'];
const MEN = ['Văn Minh', 'Văn Khải', 'Đức Thọ', 'Văn Sáng', 'Quang Hưng', 'Văn Đông', 'Hữu Nghĩa', 'Văn Toản'];
const WOMEN = ['Thị Hạnh', 'Thị Nụ', 'Thị Xuyến', 'Thị Thắm', 'Thị Duyên', 'Thị Lụa', 'Thị Mến', 'Thị Thoa'];

export interface Household {
  index: number;
  fullName: string;
  citizenId: string;
  dateOfBirth: string;
  persona: Persona;
  programme: ProgrammeChoice;
  amount: number;
}

/** The i-th household: a name, a citizen ID (CCCD layout, serials above the seed's) and what it will do. */
export function household(index: number): Household {
  const female = index % 2 === 1;
  const given = (female ? WOMEN : MEN)[Math.floor(index / 2) % 8]!;
  const year = 1960 + ((index * 7) % 40);
  const programme = PROGRAMMES[index % PROGRAMMES.length]!;
  return {
    index,
    fullName: `${FAMILY[index % FAMILY.length]!} ${given}`,
    citizenId: `034${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(500_000 + index).padStart(6, '0')}`,
    dateOfBirth: `${year}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`,
    persona: PERSONAS[index % PERSONAS.length]!,
    programme,
    amount: programme.amounts[Math.floor(index / PROGRAMMES.length) % programme.amounts.length]!,
  };
}

/**
 * The term that lets the persona play out within the months left of the history: a loan repaid on time, missed
 * or extended falls due before the end; a long loan and one repaid early run past it.
 */
export function termFor(persona: Persona, monthsLeft: number, maxTermMonths: number): number {
  const within = Math.max(1, Math.min(12, monthsLeft - 1));
  const terms: Record<Persona, number> = {
    'on-time': within,
    overdue: Math.max(1, Math.floor(within / 2)),
    late: Math.max(1, Math.floor(within / 2)),
    extended: Math.max(1, Math.floor(within / 2)),
    long: 36,
    early: 24,
  };
  return Math.min(terms[persona], maxTermMonths);
}
