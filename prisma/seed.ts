import {
  ASSOCIATION_CODES,
  ASSOCIATION_LABELS,
  BRIEF_STEP_ORDER,
  DEFAULT_VOTE_RULES,
  PUBLISHED_STEP_ORDER,
  type AssociationCode,
  type HouseholdCategory,
  type StepName,
} from '../workflows/domain.js';

import type { Prisma, PrismaClient } from './generated/client.js';
import { seedCapitalSources } from './capital-seed.js';

// Demo reference data. Ward, group and account codes are a contract used by the API tests and the docs.

const PROVINCE = 'Tỉnh Thái Bình (dữ liệu mẫu)';
const DISTRICT = 'Huyện Kiến Xương (dữ liệu mẫu)';
const BANK_OFFICE_CODE = 'PGD-KIENXUONG';
/** Two offices, so scoping by office is real: the second serves no demo ward. */
const BANK_OFFICES = [
  { code: BANK_OFFICE_CODE, name: 'Phòng giao dịch NHCSXH huyện Kiến Xương' },
  { code: 'PGD-TIENHAI', name: 'Phòng giao dịch NHCSXH huyện Tiền Hải' },
] as const;
/** CCCD province prefix of Thái Bình. */
const CITIZEN_ID_PROVINCE = '034';

const WARDS = [
  {
    code: 'HOABINH',
    name: 'Phường Hòa Bình',
    kind: 'phuong',
    transactionPoint: 'Điểm giao dịch xã Hòa Bình – Nhà văn hóa tổ dân phố 3',
    transactionDay: 17,
  },
  {
    code: 'TANLAP',
    name: 'Phường Tân Lập',
    kind: 'phuong',
    transactionPoint: 'Điểm giao dịch phường Tân Lập – Trụ sở UBND phường',
    transactionDay: 10,
  },
  {
    code: 'DONGHUNG',
    name: 'Xã Đông Hưng',
    kind: 'xa',
    transactionPoint: 'Điểm giao dịch xã Đông Hưng – Nhà văn hóa thôn Đông',
    transactionDay: 25,
  },
] as const;

interface GroupSeed {
  code: string;
  wardCode: (typeof WARDS)[number]['code'];
  village: string;
  associationCode: AssociationCode;
  /** The first member is the group leader. */
  members: readonly string[];
  /** Members' birth years are spread over this range. */
  birthYears: readonly [number, number];
}

const GROUPS: readonly GroupSeed[] = [
  {
    code: 'HOABINH-01',
    wardCode: 'HOABINH',
    village: 'Tổ dân phố 3',
    associationCode: 'FARMERS',
    birthYears: [1962, 1995],
    members: [
      'Nguyễn Văn Hùng',
      'Trần Thị Hoa',
      'Trần Văn Bình',
      'Phạm Thị Lan',
      'Hoàng Văn Nam',
      'Vũ Thị Mai',
      'Đặng Văn Tuấn',
      'Bùi Thị Thu Hằng',
      'Đỗ Văn Thắng',
      'Ngô Thị Hương',
    ],
  },
  {
    code: 'HOABINH-02',
    wardCode: 'HOABINH',
    village: 'Tổ dân phố 5',
    associationCode: 'WOMEN',
    birthYears: [1965, 1998],
    members: [
      'Lê Thị Thu Hằng',
      'Nguyễn Thị Hoa',
      'Lê Thị Nga',
      'Phạm Thị Huyền',
      'Vũ Thị Loan',
      'Đỗ Thị Thanh Hà',
      'Bùi Thị Ngọc Ánh',
      'Hoàng Thị Yến',
      'Đặng Thị Nhung',
      'Ngô Thị Phương',
      'Dương Thị Hạnh',
      'Lương Thị Thảo',
    ],
  },
  {
    code: 'TANLAP-01',
    wardCode: 'TANLAP',
    village: 'Tổ dân phố Tân Thành',
    associationCode: 'VETERANS',
    birthYears: [1950, 1975],
    members: [
      'Phạm Văn Quang',
      'Nguyễn Văn Thành',
      'Trần Đức Long',
      'Lê Văn Sơn',
      'Hoàng Minh Tâm',
      'Vũ Văn Hải',
      'Đinh Văn Khoa',
      'Bùi Quang Vinh',
    ],
  },
  {
    code: 'TANLAP-02',
    wardCode: 'TANLAP',
    village: 'Tổ dân phố Tân Hòa',
    associationCode: 'YOUTH',
    birthYears: [1992, 2006],
    members: [
      'Trịnh Thị Diệu Linh',
      'Nguyễn Minh Đức',
      'Trần Thị Ngọc Lan',
      'Phạm Quốc Huy',
      'Hoàng Thị Thùy Linh',
      'Vũ Đức Anh',
      'Đặng Thị Kim Oanh',
      'Bùi Văn Hiếu',
      'Đỗ Thị Minh Trang',
      'Ngô Văn Khánh',
      'Lê Văn Toàn',
      'Phan Thị Hồng Nhung',
      'Lý Thị Bích Ngọc',
      'Tạ Quang Dũng',
      'Cao Văn Thái',
    ],
  },
  {
    code: 'DONGHUNG-01',
    wardCode: 'DONGHUNG',
    village: 'Thôn Đông',
    associationCode: 'WOMEN',
    birthYears: [1960, 1996],
    members: [
      'Vũ Thị Hồng',
      'Nguyễn Thị Bích',
      'Trần Thị Dung',
      'Lê Thị Mơ',
      'Phạm Thị Tuyết',
      'Đào Thị Liên',
      'Hoàng Thị Gấm',
      'Mai Thị Xuân',
      'Đỗ Thị Hiền',
      'Tô Thị Quyên',
      'Lại Thị Vân',
    ],
  },
  {
    code: 'DONGHUNG-02',
    wardCode: 'DONGHUNG',
    village: 'Thôn Nam',
    associationCode: 'FARMERS',
    birthYears: [1958, 1990],
    members: [
      'Đỗ Văn Hải',
      'Nguyễn Văn Cường',
      'Trần Văn Lợi',
      'Lê Văn Tùng',
      'Phạm Văn Chiến',
      'Bùi Văn Kiên',
      'Hoàng Văn Lực',
      'Vũ Văn Thịnh',
      'Đặng Văn Phúc',
    ],
  },
];

const ALL_ELIGIBLE: readonly HouseholdCategory[] = ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED', 'MARGINAL_INCOME', 'OTHER'];

interface ProgramSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  ceilingVnd: bigint;
  ceilingPerMonthVnd?: bigint;
  annualRatePercent: string;
  maxTermMonths: number;
  stepOrder: readonly StepName[];
  eligibleCategories: readonly HouseholdCategory[];
}

const PROGRAMS: readonly ProgramSeed[] = [
  {
    code: 'POOR',
    nameVi: 'Cho vay hộ nghèo',
    nameEn: 'Poor household loans',
    ceilingVnd: 100_000_000n,
    annualRatePercent: '6.6',
    maxTermMonths: 120,
    stepOrder: PUBLISHED_STEP_ORDER,
    eligibleCategories: ['POOR'],
  },
  {
    code: 'NEAR_POOR',
    nameVi: 'Cho vay hộ cận nghèo',
    nameEn: 'Near-poor household loans',
    ceilingVnd: 100_000_000n,
    annualRatePercent: '7.92',
    maxTermMonths: 120,
    stepOrder: PUBLISHED_STEP_ORDER,
    eligibleCategories: ['NEAR_POOR'],
  },
  {
    code: 'NEWLY_ESCAPED',
    nameVi: 'Cho vay hộ mới thoát nghèo',
    nameEn: 'Loans to households newly escaped from poverty',
    ceilingVnd: 100_000_000n,
    annualRatePercent: '8.25',
    maxTermMonths: 60,
    stepOrder: PUBLISHED_STEP_ORDER,
    eligibleCategories: ['NEWLY_ESCAPED'],
  },
  {
    code: 'STUDENT',
    nameVi: 'Cho vay học sinh, sinh viên có hoàn cảnh khó khăn',
    nameEn: 'Loans to disadvantaged students',
    ceilingVnd: 4_000_000n * 120n,
    ceilingPerMonthVnd: 4_000_000n,
    annualRatePercent: '6.6',
    maxTermMonths: 120,
    stepOrder: BRIEF_STEP_ORDER,
    eligibleCategories: ['POOR', 'NEAR_POOR', 'DISADVANTAGED_STUDENT'],
  },
  {
    code: 'JOB_CREATION',
    nameVi: 'Cho vay hỗ trợ tạo việc làm',
    nameEn: 'Job creation loans',
    ceilingVnd: 200_000_000n,
    // 127% of the poor-household rate of 6.6%.
    annualRatePercent: '8.382',
    maxTermMonths: 120,
    stepOrder: BRIEF_STEP_ORDER,
    eligibleCategories: ALL_ELIGIBLE,
  },
  {
    code: 'CLEAN_WATER',
    nameVi: 'Cho vay nước sạch và vệ sinh môi trường nông thôn',
    nameEn: 'Rural clean water and sanitation loans',
    // 25,000,000 VND per facility, two facilities at most.
    ceilingVnd: 50_000_000n,
    annualRatePercent: '9',
    maxTermMonths: 60,
    stepOrder: BRIEF_STEP_ORDER,
    eligibleCategories: ALL_ELIGIBLE,
  },
];

/** The password of every demo account: production refuses to start while an enabled account still has it. */
export const DEMO_PASSWORD = 'demo1234';

/**
 * Inserts the demo province (wards, mass organisations, groups and members, loan programmes, officer
 * accounts) in one transaction. Idempotent: does nothing when any ward already exists.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  options: { hashPassword: (plain: string) => Promise<string> },
): Promise<{ seeded: boolean }> {
  if ((await prisma.ward.count()) > 0) return { seeded: false };
  // One hash for every demo account: scrypt is deliberately slow.
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  return prisma.$transaction(
    async (tx) => {
      // Re-checked inside the transaction so two seeders racing cannot both insert.
      if ((await tx.ward.count()) > 0) return { seeded: false };
      await tx.bankOffice.createMany({ data: [...BANK_OFFICES] });
      await tx.ward.createMany({
        data: WARDS.map((ward) => ({
          ...ward,
          district: DISTRICT,
          province: PROVINCE,
          bankOfficeCode: BANK_OFFICE_CODE,
        })),
      });
      await tx.massOrganisation.createMany({
        data: ASSOCIATION_CODES.map((code) => ({
          code,
          nameVi: ASSOCIATION_LABELS[code].vi,
          nameEn: ASSOCIATION_LABELS[code].en,
        })),
      });
      await tx.wardAssociation.createMany({ data: wardAssociationRows(), skipDuplicates: true });
      await tx.savingsGroup.createMany({ data: GROUPS.map(toGroupRow) });
      await tx.groupMember.createMany({ data: GROUPS.flatMap(toMemberRows) });
      await tx.loanProgram.createMany({ data: PROGRAMS.map(toProgramRow) });
      await tx.officerAccount.createMany({ data: officerRows(passwordHash) });
      await tx.escalationContact.createMany({ data: escalationContacts() });
      await seedCapitalSources(tx, DISTRICT);
      return { seeded: true };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

/** The associations that manage a demo group operate in its ward. */
function wardAssociationRows(): Prisma.WardAssociationCreateManyInput[] {
  return GROUPS.map((group) => ({ wardCode: group.wardCode, associationCode: group.associationCode }));
}

function toGroupRow(group: GroupSeed): Prisma.SavingsGroupCreateManyInput {
  const association = ASSOCIATION_LABELS[group.associationCode].vi;
  return {
    code: group.code,
    name: `Tổ TK&VV ${lowerFirst(group.village)} – ${association}`,
    village: group.village,
    wardCode: group.wardCode,
    associationCode: group.associationCode,
  };
}

function toMemberRows(group: GroupSeed, groupIndex: number): Prisma.GroupMemberCreateManyInput[] {
  const [firstYear, lastYear] = group.birthYears;
  return group.members.map((fullName, memberIndex) => {
    const birthYear = firstYear + ((memberIndex * 7) % (lastYear - firstYear + 1));
    return {
      groupCode: group.code,
      fullName,
      citizenId: citizenId(fullName, birthYear, (groupIndex + 1) * 1000 + memberIndex + 1),
      role: memberIndex === 0 ? 'LEADER' : 'MEMBER',
      joinedOn: new Date(Date.UTC(2020 + (memberIndex % 4), memberIndex % 12, 1 + ((memberIndex * 3) % 28))),
    };
  });
}

/** CCCD layout: province (3) + sex and century (1) + year of birth (2) + serial (6). */
function citizenId(fullName: string, birthYear: number, serial: number): string {
  const female = fullName.includes(' Thị ');
  const sexAndCentury = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
  return `${CITIZEN_ID_PROVINCE}${sexAndCentury}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

function toProgramRow(program: ProgramSeed): Prisma.LoanProgramCreateManyInput {
  return {
    code: program.code,
    version: 1,
    nameVi: program.nameVi,
    nameEn: program.nameEn,
    ceilingVnd: program.ceilingVnd,
    ceilingPerMonthVnd: program.ceilingPerMonthVnd ?? null,
    annualRatePercent: program.annualRatePercent,
    maxTermMonths: program.maxTermMonths,
    stepOrder: [...program.stepOrder],
    eligibleCategories: [...program.eligibleCategories],
    voteRules: { quorum: { ...DEFAULT_VOTE_RULES.quorum }, approval: { ...DEFAULT_VOTE_RULES.approval } },
  };
}

function officerRows(passwordHash: string): Prisma.OfficerAccountCreateManyInput[] {
  const account = (
    username: string,
    displayName: string,
    scope: Omit<Prisma.OfficerAccountCreateManyInput, 'username' | 'displayName' | 'passwordHash'>,
  ) => ({
    username,
    displayName,
    email: `${username}@demo.invalid`,
    passwordHash,
    ...scope,
  });
  const rows = [account('admin', 'Quản trị hệ thống', { role: 'admin' })];
  for (const ward of WARDS) {
    rows.push(account(`ward.${ward.code}`, `Cán bộ UBND ${ward.name}`, { role: 'ward_officer', wardCode: ward.code }));
  }
  for (const associationCode of ASSOCIATION_CODES) {
    for (const ward of WARDS) {
      rows.push(
        account(
          `assoc.${associationCode}.${ward.code}`,
          `Cán bộ ${ASSOCIATION_LABELS[associationCode].vi} – ${ward.name}`,
          {
            role: 'association_officer',
            associationCode,
            wardCode: ward.code,
          },
        ),
      );
    }
  }
  for (const [groupIndex, group] of GROUPS.entries()) {
    const leader = toMemberRows(group, groupIndex)[0];
    if (!leader) throw new Error(`Seed group ${group.code} has no members`);
    // The leader is a member of the group: their citizen ID lets conflicts of interest be found.
    rows.push(
      account(`group.${group.code}`, leader.fullName, {
        role: 'group_leader',
        groupCode: group.code,
        wardCode: group.wardCode,
        citizenId: leader.citizenId,
      }),
    );
  }
  rows.push(
    account('bank.officer', 'Cán bộ tín dụng – PGD NHCSXH huyện Kiến Xương', {
      role: 'bank_credit_officer',
      bankOfficeCode: BANK_OFFICE_CODE,
    }),
    account('bank.manager', 'Giám đốc PGD NHCSXH huyện Kiến Xương', {
      role: 'bank_manager',
      bankOfficeCode: BANK_OFFICE_CODE,
    }),
  );
  return rows;
}

/** Who hears about a breach: the ward chair, the association's district level, the bank office head. */
function escalationContacts(): Prisma.EscalationContactCreateManyInput[] {
  return [
    ...WARDS.map((ward) => ({
      scope: `ward:${ward.code}`,
      name: `Chủ tịch UBND ${ward.name}`,
      title: 'Chủ tịch UBND phường/xã',
      email: `chutich.${ward.code}@demo.invalid`,
    })),
    ...ASSOCIATION_CODES.map((code) => ({
      scope: `association:${code}`,
      name: `${ASSOCIATION_LABELS[code].vi} huyện Kiến Xương`,
      title: 'Cấp huyện của hội đoàn thể',
      email: `huyen.${code}@demo.invalid`,
    })),
    ...BANK_OFFICES.map((office) => ({
      scope: `bank-office:${office.code}`,
      name: `Giám đốc ${office.name}`,
      title: 'Giám đốc phòng giao dịch',
      email: `giamdoc.${office.code}@demo.invalid`,
    })),
  ];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
