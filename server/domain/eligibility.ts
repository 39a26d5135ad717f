/**
 * The eligibility rules of a policy loan, checked mechanically at submission and again when the bank
 * approves. A refusal lists every rule broken, each with a machine-readable code and a message in
 * Vietnamese and English.
 */
import type { PrismaClient } from '../../prisma/generated/client.js';
import { toVietnamDate } from '../../workflows/calendar/working-days.js';
import type { ProgramSnapshot } from '../../workflows/definitions.js';
import { CATEGORY_LABELS, type HouseholdCategory } from '../../workflows/domain.js';
import { checkLoanLimits, isCategoryEligible } from '../../workflows/rules/step-rules.js';
import type { EligibilityCode } from './error-codes.js';
import { AppError } from './errors.js';
import { findListing } from './registry/store.js';
import { ageOn } from './registry/values.js';

export interface RuleFailure {
  code: EligibilityCode;
  field?: string;
  vi: string;
  en: string;
}

export interface EligibilityInput {
  program: ProgramSnapshot;
  wardCode: string;
  householdCategory: HouseholdCategory;
  borrower: { citizenId: string; dateOfBirth: string };
  amount: number;
  termMonths: number;
  /** At bank approval the application itself is open: it does not count against its own household. */
  excludeApplicationId?: string;
}

function limitFailures(input: EligibilityInput): RuleFailure[] {
  const failures: RuleFailure[] = [];
  const limits = checkLoanLimits(input.program, input.amount, input.termMonths);
  if (limits?.code === 'TERM_OVER_MAXIMUM') {
    failures.push({
      code: limits.code,
      field: 'termMonths',
      vi: `Thời hạn vay ${input.termMonths} tháng vượt mức tối đa ${input.program.maxTermMonths} tháng của chương trình`,
      en: limits.message,
    });
  } else if (limits) {
    failures.push({
      code: limits.code,
      field: 'amount',
      vi: `Số tiền vay vượt mức cho vay tối đa của chương trình`,
      en: limits.message,
    });
  }
  if (!isCategoryEligible(input.program, input.householdCategory)) {
    failures.push({
      code: 'CATEGORY_NOT_ELIGIBLE',
      field: 'householdCategory',
      vi: `${CATEGORY_LABELS[input.householdCategory].vi} không thuộc đối tượng của chương trình ${input.program.nameVi}`,
      en: `Category ${input.householdCategory} is not eligible for ${input.program.nameEn}`,
    });
  }
  return failures;
}

/**
 * Legal residence and the ward's list. Applied where the ward has imported its list; a ward without one
 * certifies residence and category by hand at ward verification.
 */
async function listFailures(prisma: PrismaClient, input: EligibilityInput, today: string): Promise<RuleFailure[]> {
  const hasList =
    (await prisma.household.count({ where: { wardCode: input.wardCode, registryCode: { not: null } } })) > 0;
  if (!hasList) return [];
  const listing = await findListing(prisma, input.wardCode, input.borrower.citizenId, today);
  if (!listing.found || !listing.household) {
    return [
      {
        code: 'NOT_ON_WARD_LIST',
        field: 'borrower.citizenId',
        vi: 'Hộ vay không có trong danh sách hộ của phường/xã nơi tổ hoạt động (không xác định được nơi cư trú hợp pháp)',
        en: "The household is not on the list of the group's ward (legal residence cannot be established)",
      },
    ];
  }
  const failures: RuleFailure[] = [];
  const listed = listing.household.category;
  if (listed !== input.householdCategory || !isCategoryEligible(input.program, listed)) {
    failures.push({
      code: 'LISTED_CATEGORY_MISMATCH',
      field: 'householdCategory',
      vi: `Danh sách của phường/xã ghi ${CATEGORY_LABELS[listed].vi}, không phù hợp với hồ sơ hoặc chương trình`,
      en: `The ward's list shows ${listed}, which does not match the application or the programme`,
    });
  }
  if (listing.expired) {
    failures.push({
      code: 'LISTING_EXPIRED',
      vi: `Hộ đã hết thời hạn trong danh sách (hết hạn ngày ${listing.household.expiresOn.split('-').reverse().join('/')})`,
      en: `The household's listing expired on ${listing.household.expiresOn}`,
    });
  }
  return failures;
}

/** One open application or active (disbursed) loan per household per programme. */
async function openApplicationFailures(prisma: PrismaClient, input: EligibilityInput): Promise<RuleFailure[]> {
  const household = await prisma.household.findFirst({
    where: {
      wardCode: input.wardCode,
      OR: [{ headCitizenId: input.borrower.citizenId }, { members: { some: { citizenId: input.borrower.citizenId } } }],
    },
    select: { id: true },
  });
  const open = await prisma.application.count({
    where: {
      programCode: input.program.code,
      status: { in: ['IN_PROGRESS', 'RETURNED', 'DISBURSED'] },
      OR: [{ borrowerCitizenId: input.borrower.citizenId }, ...(household ? [{ householdId: household.id }] : [])],
      ...(input.excludeApplicationId ? { NOT: { id: input.excludeApplicationId } } : {}),
      // A loan repaid and closed in the loan book is no longer active.
      AND: [{ NOT: { loan: { is: { status: 'CLOSED' } } } }],
    },
  });
  if (open === 0) return [];
  return [
    {
      code: 'OPEN_APPLICATION_EXISTS',
      vi: `Hộ đã có hồ sơ đang xử lý hoặc khoản vay còn dư nợ trong chương trình ${input.program.nameVi}`,
      en: `The household already has an open application or an active loan in ${input.program.nameEn}`,
    },
  ];
}

/**
 * No overdue debt against the borrower or the household's members, where the programme checks it: in the bank's
 * manual ledger (debts from before the system) or as an overdue instalment in the loan book.
 */
async function overdueDebtFailures(prisma: PrismaClient, input: EligibilityInput): Promise<RuleFailure[]> {
  if (!input.program.checkOverdueDebt) return [];
  const household = await prisma.household.findFirst({
    where: {
      wardCode: input.wardCode,
      OR: [{ headCitizenId: input.borrower.citizenId }, { members: { some: { citizenId: input.borrower.citizenId } } }],
    },
    include: { members: { select: { citizenId: true } } },
  });
  const people = [
    input.borrower.citizenId,
    ...(household
      ? [household.headCitizenId, ...household.members.flatMap((m) => (m.citizenId ? [m.citizenId] : []))]
      : []),
  ];
  const debt = await prisma.overdueDebt.findFirst({ where: { citizenId: { in: people }, clearedAt: null } });
  // The loan book: an overdue instalment of any loan of the borrower or the household.
  const overdueLoan = await prisma.loanInstalment.findFirst({
    where: {
      status: 'OVERDUE',
      loan: { OR: [{ borrowerCitizenId: { in: people } }, ...(household ? [{ householdId: household.id }] : [])] },
    },
    select: { loanId: true },
  });
  if (!debt && !overdueLoan) return [];
  return [
    {
      code: 'OVERDUE_DEBT',
      vi: 'Hộ vay đang có nợ quá hạn tại Ngân hàng Chính sách xã hội',
      en: 'The household has overdue debt recorded at the bank',
    },
  ];
}

export async function eligibilityFailures(
  prisma: PrismaClient,
  input: EligibilityInput,
  now: Date,
): Promise<RuleFailure[]> {
  const today = toVietnamDate(now.getTime());
  const failures: RuleFailure[] = [];
  if (ageOn(input.borrower.dateOfBirth, today) < 18) {
    failures.push({
      code: 'BORROWER_UNDER_18',
      field: 'borrower.dateOfBirth',
      vi: 'Người vay đại diện hộ phải từ đủ 18 tuổi trở lên',
      en: 'The representative borrower must be 18 or over',
    });
  }
  failures.push(...limitFailures(input));
  failures.push(...(await listFailures(prisma, input, today)));
  failures.push(...(await openApplicationFailures(prisma, input)));
  failures.push(...(await overdueDebtFailures(prisma, input)));
  return failures;
}

/** Throws one 422 naming every rule broken; the first one's code is the error's code. */
export async function assertEligible(prisma: PrismaClient, input: EligibilityInput, now = new Date()): Promise<void> {
  const failures = await eligibilityFailures(prisma, input, now);
  const first = failures[0];
  if (!first) return;
  throw new AppError(
    first.code,
    failures.map((f) => `${f.vi} / ${f.en}`).join('; '),
    failures.flatMap((f) => (f.field ? [{ path: f.field, message: f.en }] : [])),
    failures,
  );
}
