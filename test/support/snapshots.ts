/** Workflow inputs for the pure rule tests: the poor-household programme and the ten-member group HOABINH-01. */
import type { GroupSnapshot, LoanRequest, ProgramSnapshot } from '../../workflows/definitions.js';
import { DEFAULT_VOTE_RULES, PUBLISHED_STEP_ORDER } from '../../workflows/domain.js';

export function poorProgram(overrides: Partial<ProgramSnapshot> = {}): ProgramSnapshot {
  return {
    id: 'p',
    code: 'POOR',
    version: 1,
    nameVi: 'Cho vay hộ nghèo',
    nameEn: 'Poor household loans',
    ceilingVnd: 100_000_000,
    ceilingPerMonthVnd: null,
    annualRatePercent: '6.6',
    maxTermMonths: 120,
    stepOrder: [...PUBLISHED_STEP_ORDER],
    eligibleCategories: ['POOR'],
    voteRules: DEFAULT_VOTE_RULES,
    deadlines: {},
    graceWorkingDays: 5,
    checkOverdueDebt: true,
    ...overrides,
  };
}

export const GROUP_OF_TEN: GroupSnapshot = {
  code: 'HOABINH-01',
  wardCode: 'HOABINH',
  associationCode: 'FARMERS',
  memberCount: 10,
  borrowerIsMember: true,
};

export const COW_LOAN: LoanRequest = {
  householdCategory: 'POOR',
  amount: 50_000_000,
  termMonths: 36,
  purpose: 'Nuôi bò sinh sản',
  usePlan: 'Mua 2 con bò giống',
  borrower: { fullName: 'Nguyễn Văn Ánh', citizenId: '034185001234', dateOfBirth: '1985-04-12' },
};
