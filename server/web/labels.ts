/**
 * Every word the web application shows, in one bilingual catalogue: Vietnamese first, English on the switch.
 * The domain's own vocabulary (steps, statuses, categories) stays in workflows/domain.ts and is reused here.
 */
import type { Bilingual } from '../../workflows/domain.js';
import type { Lang } from '../domain/format.js';
import { ADMIN_LABELS } from './labels-admin.js';
import { ADMIN_EDIT_LABELS } from './labels-admin-edit.js';
import { ACCESS_LOG_LABELS } from './labels-access-log.js';
import { APPLICANT_LABELS, APPLY_LABELS } from './labels-applicant.js';
import { DECISION_LABELS } from './labels-decisions.js';
import { FORMS_LABELS } from './labels-forms.js';
import { CARRY_OVER_LABELS } from './labels-carry-over.js';
import { OFFICER_LABELS } from './labels-officer.js';
import { REGISTRY_LABELS } from './labels-registry.js';
import { REGISTRY_PAGE_LABELS } from './labels-registry-page.js';
import { LIST_LABELS } from './labels-list.js';
import { VOTE_LABELS } from './labels-vote.js';
import { PROGRAM_LABELS } from './labels-programs.js';
import { CAPITAL_LABELS } from './labels-capital.js';
import { REPORT_LABELS } from './labels-reports.js';
import { MEETING_LABELS } from './labels-meetings.js';
import { BATCH_LABELS } from './labels-batches.js';
import { LOAN_LABELS } from './labels-loans.js';
import { INTEREST_LABELS } from './labels-interest.js';

export type { Lang } from '../domain/format.js';
export const LANGS = ['vi', 'en'] as const satisfies readonly Lang[];

export const LABELS = {
  product: { vi: 'Hồ sơ vay vốn chính sách', en: 'Policy loan applications' },
  productOwner: { vi: 'Ngân hàng Chính sách xã hội', en: 'Vietnam Bank for Social Policies' },
  skipToContent: { vi: 'Chuyển đến nội dung chính', en: 'Skip to main content' },
  mainNav: { vi: 'Điều hướng chính', en: 'Main navigation' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  switchToOther: { vi: 'English', en: 'Tiếng Việt' },
  footer: {
    vi: 'Ngân hàng Chính sách xã hội – hệ thống tiếp nhận và xử lý hồ sơ vay vốn.',
    en: 'Vietnam Bank for Social Policies – loan application processing.',
  },
  signedInAs: { vi: 'Đăng nhập với tên', en: 'Signed in as' },
  // Navigation
  navHome: { vi: 'Trang chủ', en: 'Home' },
  navStatus: { vi: 'Tra cứu hồ sơ', en: 'Check an application' },
  navApply: { vi: 'Nộp hồ sơ vay', en: 'Apply for a loan' },
  navInbox: { vi: 'Việc cần xử lý', en: 'My inbox' },
  navLogin: { vi: 'Đăng nhập cán bộ', en: 'Officer sign-in' },
  navLogout: { vi: 'Đăng xuất', en: 'Sign out' },
  // Home
  homeTitle: { vi: 'Hồ sơ vay vốn chính sách', en: 'Policy loan applications' },
  homeLead: {
    vi: 'Hộ gia đình theo dõi hồ sơ vay vốn; cán bộ phường/xã, hội đoàn thể, tổ TK&VV và ngân hàng xử lý hồ sơ.',
    en: 'Households follow their loan applications; ward, association, group and bank officers process them.',
  },
  homeStatusDoor: { vi: 'Tra cứu hồ sơ', en: 'Check an application' },
  homeStatusHint: {
    vi: 'Dành cho người vay: nhập mã hồ sơ và 4 số cuối CCCD.',
    en: 'For applicants: enter the application code and the last 4 digits of the citizen ID.',
  },
  homeLoginDoor: { vi: 'Đăng nhập cán bộ', en: 'Officer sign-in' },
  homeLoginHint: {
    vi: 'Dành cho cán bộ phường/xã, hội đoàn thể, tổ trưởng và ngân hàng.',
    en: 'For ward, association, group and bank officers.',
  },
  homeApplyLink: { vi: 'Nộp hồ sơ vay vốn trực tuyến (mẫu 01/TD)', en: 'Apply online (form 01/TD)' },
  // Login
  loginTitle: { vi: 'Đăng nhập cán bộ', en: 'Officer sign-in' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  loginButton: { vi: 'Đăng nhập', en: 'Sign in' },
  loginFailed: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  sessionEnded: {
    vi: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has ended. Please sign in again.',
  },
  logoutTitle: { vi: 'Đăng xuất', en: 'Sign out' },
  logoutQuestion: { vi: 'Bạn muốn kết thúc phiên làm việc?', en: 'Do you want to end your session?' },
  loggedOut: { vi: 'Bạn đã đăng xuất.', en: 'You have signed out.' },
  // Errors
  errorTitle: { vi: 'Không thực hiện được', en: 'That did not work' },
  errorSummary: { vi: 'Có lỗi cần sửa', en: 'There is a problem' },
  backHome: { vi: 'Về trang chủ', en: 'Back to the home page' },
  notFoundTitle: { vi: 'Không tìm thấy trang', en: 'Page not found' },
  internalError: {
    vi: 'Hệ thống gặp sự cố. Vui lòng thử lại sau.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  required: { vi: 'Bắt buộc', en: 'Required' },
  optional: { vi: 'không bắt buộc', en: 'optional' },
  ...APPLICANT_LABELS,
  ...APPLY_LABELS,
  ...OFFICER_LABELS,
  ...DECISION_LABELS,
  ...REGISTRY_LABELS,
  ...LIST_LABELS,
  ...REGISTRY_PAGE_LABELS,
  ...ADMIN_LABELS,
  ...FORMS_LABELS,
  ...ADMIN_EDIT_LABELS,
  ...ACCESS_LOG_LABELS,
  ...VOTE_LABELS,
  ...PROGRAM_LABELS,
  ...CARRY_OVER_LABELS,
  ...CAPITAL_LABELS,
  ...REPORT_LABELS,
  ...MEETING_LABELS,
  ...BATCH_LABELS,
  ...LOAN_LABELS,
  ...INTEREST_LABELS,
} as const satisfies Record<string, Bilingual>;

export type LabelKey = keyof typeof LABELS;

/** A translator for one language: `t('loginTitle')`, or `t({ vi, en })` for labels kept elsewhere. */
export type Translate = (label: LabelKey | Bilingual) => string;

export function translator(lang: Lang): Translate {
  return (label) => (typeof label === 'string' ? LABELS[label][lang] : label[lang]);
}
