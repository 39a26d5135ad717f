/**
 * Vocabulary shared by the workflows, the activities, the API and the seed.
 * Pure data: safe inside the Temporal workflow sandbox.
 */

export const STEP_NAMES = ['ward-verification', 'entrustment', 'group-vote', 'bank-approval', 'disbursement'] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** The product brief's order. */
export const BRIEF_STEP_ORDER: readonly StepName[] = [
  'ward-verification',
  'entrustment',
  'group-vote',
  'bank-approval',
  'disbursement',
];

/** The order of the published procedure (review meeting first, then the ward certifies list 03/TD). */
export const PUBLISHED_STEP_ORDER: readonly StepName[] = [
  'group-vote',
  'ward-verification',
  'entrustment',
  'bank-approval',
  'disbursement',
];

export const ROLES = [
  'admin',
  'ward_officer',
  'association_officer',
  'group_leader',
  'bank_credit_officer',
  'bank_manager',
] as const;
export type Role = (typeof ROLES)[number];

export const ASSOCIATION_CODES = ['FARMERS', 'WOMEN', 'VETERANS', 'YOUTH'] as const;
export type AssociationCode = (typeof ASSOCIATION_CODES)[number];

export const HOUSEHOLD_CATEGORIES = [
  'POOR',
  'NEAR_POOR',
  'NEWLY_ESCAPED',
  'MARGINAL_INCOME',
  'DISADVANTAGED_STUDENT',
  'OTHER',
] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];

export const APPLICATION_STATUSES = ['IN_PROGRESS', 'RETURNED', 'REJECTED', 'WITHDRAWN', 'DISBURSED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const ENDED_STATUSES: readonly ApplicationStatus[] = ['REJECTED', 'WITHDRAWN', 'DISBURSED'];

export const OUTCOMES = ['approve', 'reject', 'return'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A rational threshold: a count passes when count / base is strictly more than numerator / denominator. */
export interface MoreThanFraction {
  numerator: number;
  denominator: number;
}

export interface VoteRules {
  quorum: MoreThanFraction;
  approval: MoreThanFraction;
}

export const DEFAULT_VOTE_RULES: VoteRules = {
  quorum: { numerator: 1, denominator: 2 },
  approval: { numerator: 1, denominator: 2 },
};

export interface Bilingual {
  vi: string;
  en: string;
}

export const STEP_LABELS: Record<StepName, Bilingual> = {
  'ward-verification': { vi: 'UBND phường/xã xác nhận', en: 'Ward verification' },
  entrustment: { vi: 'Hội đoàn thể nhận ủy thác kiểm tra hồ sơ', en: 'Mass-organisation entrustment check' },
  'group-vote': { vi: 'Tổ TK&VV bình xét', en: 'Savings-and-loan group review vote' },
  'bank-approval': { vi: 'Ngân hàng phê duyệt', en: 'Bank approval' },
  disbursement: { vi: 'Giải ngân', en: 'Disbursement' },
};

export const STATUS_LABELS: Record<ApplicationStatus, Bilingual> = {
  IN_PROGRESS: { vi: 'Đang xử lý', en: 'In progress' },
  RETURNED: { vi: 'Trả lại để bổ sung, chỉnh sửa', en: 'Returned for correction' },
  REJECTED: { vi: 'Bị từ chối', en: 'Rejected' },
  WITHDRAWN: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  DISBURSED: { vi: 'Đã giải ngân', en: 'Disbursed' },
};

export const ASSOCIATION_LABELS: Record<AssociationCode, Bilingual> = {
  FARMERS: { vi: 'Hội Nông dân', en: "Farmers' Union" },
  WOMEN: { vi: 'Hội Liên hiệp Phụ nữ', en: "Women's Union" },
  VETERANS: { vi: 'Hội Cựu chiến binh', en: "Veterans' Association" },
  YOUTH: { vi: 'Đoàn Thanh niên', en: 'Youth Union' },
};

export const CATEGORY_LABELS: Record<HouseholdCategory, Bilingual> = {
  POOR: { vi: 'Hộ nghèo', en: 'Poor household' },
  NEAR_POOR: { vi: 'Hộ cận nghèo', en: 'Near-poor household' },
  NEWLY_ESCAPED: { vi: 'Hộ mới thoát nghèo', en: 'Household newly escaped from poverty' },
  MARGINAL_INCOME: { vi: 'Hộ có mức sống trung bình', en: 'Marginal-income household' },
  DISADVANTAGED_STUDENT: { vi: 'Hộ có học sinh, sinh viên khó khăn', en: 'Household with a disadvantaged student' },
  OTHER: { vi: 'Đối tượng khác', en: 'Other' },
};
