/**
 * 10,000 applications written straight into the read model (no workflow runs): realistic Vietnamese names, spread
 * over the seeded wards and groups, steps and statuses, each with its history of audit events. What /inbox and
 * /applications/:code read is the read model alone, so this is all those pages need.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import { STEP_NAMES, type StepName } from '../../workflows/domain.js';
import { foldText } from '../../server/domain/text.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Xuân', 'Quang', 'Thu'];
const GIVEN = [
  'Ánh',
  'Bình',
  'Cường',
  'Dũng',
  'Hoa',
  'Hùng',
  'Lan',
  'Mai',
  'Nam',
  'Phương',
  'Quý',
  'Sơn',
  'Tâm',
  'Yến',
];
const PURPOSES = [
  'Nuôi bò sinh sản',
  'Mua máy cày',
  'Trồng cà phê',
  'Sửa nhà chống bão',
  'Nuôi lợn',
  'Mở quán tạp hóa',
];

/** A small deterministic generator, so two runs store the same data. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const STATUSES = [
  ['IN_PROGRESS', 0.6],
  ['DISBURSED', 0.2],
  ['REJECTED', 0.1],
  ['RETURNED', 0.05],
  ['WITHDRAWN', 0.05],
] as const;

export interface SeededApplications {
  codes: string[];
  /** Codes of applications in ward HOABINH (what ward.HOABINH may open). */
  hoabinhCodes: string[];
}

export async function seedApplications(prisma: PrismaClient, total: number): Promise<SeededApplications> {
  const random = generator(20_261_201);
  const groups = await prisma.savingsGroup.findMany({ orderBy: { code: 'asc' } });
  const programs = await prisma.loanProgram.findMany({ orderBy: { code: 'asc' } });
  // Half in HOABINH, the rest spread over every ward: the ward officer and the bank officer get many items.
  const hoabinh = groups.filter((g) => g.wardCode === 'HOABINH');
  const now = Date.now();
  const codes: string[] = [];
  const hoabinhCodes: string[] = [];
  const households: Prisma.HouseholdCreateManyInput[] = [];
  const applications: Prisma.ApplicationCreateManyInput[] = [];
  const events: Prisma.AuditEventCreateManyInput[] = [];
  for (let i = 0; i < total; i += 1) {
    const group = random.next() < 0.5 ? random.pick(hoabinh) : random.pick(groups);
    const program = random.pick(programs);
    const name = `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
    const citizenId = `0${String(34_000_000_000 + i).padStart(11, '0')}`;
    const code = `${group.wardCode}-2026-B${String(i).padStart(5, '0')}`;
    let roll = random.next();
    const status = STATUSES.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'IN_PROGRESS';
    const open = status === 'IN_PROGRESS';
    const step: StepName | null = open ? random.pick(STEP_NAMES) : null;
    const submittedAt = new Date(now - Math.floor(random.next() * 120) * 86_400_000 - i * 1000);
    const householdId = randomUUID();
    const id = randomUUID();
    households.push({
      id: householdId,
      wardCode: group.wardCode,
      category: 'POOR',
      headName: name,
      headCitizenId: citizenId,
    });
    applications.push({
      id,
      code,
      workflowId: `loan-application-${code}`,
      programId: program.id,
      programCode: program.code,
      wardCode: group.wardCode,
      groupCode: group.code,
      associationCode: group.associationCode,
      householdId,
      householdCategory: 'POOR',
      borrowerName: name,
      borrowerNameFolded: foldText(name),
      borrowerCitizenId: citizenId,
      borrowerBirthDate: new Date(Date.UTC(1960 + (i % 40), i % 12, 1 + (i % 28))),
      village: `Thôn ${1 + (i % 9)}`,
      amountRequested: BigInt(10_000_000 + (i % 40) * 1_000_000),
      termMonths: 12 + (i % 5) * 12,
      purpose: random.pick(PURPOSES),
      usePlan: 'Dùng vốn đúng mục đích; trả lãi hằng tháng từ thu nhập của hộ.',
      status,
      currentStep: step,
      stepSince: open ? new Date(submittedAt.getTime() + 86_400_000) : null,
      dueOn: open ? new Date(Date.UTC(2026, 11, 1 + (i % 28))) : null,
      overdue: open && random.next() < 0.15,
      lastEventSeq: 4,
      submittedAt,
      updatedAt: submittedAt,
      closedAt: open ? null : submittedAt,
    });
    codes.push(code);
    if (group.wardCode === 'HOABINH') hoabinhCodes.push(code);
    const history: [string, string | null, string | null][] = [
      ['SUBMITTED', null, null],
      ['STEP_STARTED', 'group-vote', null],
      ['STEP_DECIDED', 'group-vote', 'approve'],
      ['STEP_STARTED', 'ward-verification', null],
    ];
    history.forEach(([type, eventStep, outcome], index) => {
      events.push({
        eventId: `${id}:${index + 1}`,
        applicationId: id,
        seq: index + 1,
        type,
        step: eventStep,
        actorUsername: index === 0 ? 'applicant' : 'group.HOABINH-01',
        actorRole: index === 0 ? 'applicant' : 'group_leader',
        actorScope: index === 0 ? null : `group:${group.code}`,
        data: { outcome, reason: null, payload: null, actorName: index === 0 ? name : 'Nguyễn Văn Hùng' },
        occurredAt: new Date(submittedAt.getTime() + index * 3_600_000),
      });
    });
  }
  for (let i = 0; i < total; i += 1000) {
    await prisma.household.createMany({ data: households.slice(i, i + 1000) });
    await prisma.application.createMany({ data: applications.slice(i, i + 1000) });
    await prisma.auditEvent.createMany({ data: events.slice(i * 4, (i + 1000) * 4) });
  }
  return { codes, hoabinhCodes };
}
