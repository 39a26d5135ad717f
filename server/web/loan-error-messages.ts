/** What a user reads when the loan's workflow refuses a payment, an extension or a use check. */
import type { Bilingual } from '../../workflows/domain.js';
import type { LoanRefusalCode } from '../../workflows/rules/loan-transitions.js';

export const LOAN_ERROR_MESSAGES = {
  LOAN_CLOSED: { vi: 'Khoản vay đã trả hết nợ và tất toán.', en: 'The loan is repaid and closed.' },
  INTEREST_NOT_DUE: {
    vi: 'Khoản vay không có lãi phải trả trong tháng này.',
    en: 'No interest of this loan is due that month.',
  },
  INTEREST_ALREADY_COLLECTED: {
    vi: 'Lãi tháng này của khoản vay đã được thu.',
    en: "This month's interest of the loan was already collected.",
  },
  AMOUNT_OVER_DUE: { vi: 'Số tiền lớn hơn số phải trả.', en: 'The amount is more than is due.' },
  NOTHING_DUE: { vi: 'Khoản vay chưa có khoản nào phải trả.', en: 'Nothing of the loan is due.' },
  PAYOFF_MISMATCH: {
    vi: 'Trả nợ trước hạn phải trả toàn bộ dư nợ gốc và lãi đến hôm nay.',
    en: 'Early repayment takes the whole outstanding principal and interest to date.',
  },
  INSTALMENT_NOT_FOUND: { vi: 'Khoản vay không có kỳ trả nợ này.', en: 'The loan has no such instalment.' },
  INSTALMENT_PAID: { vi: 'Kỳ trả nợ này đã trả xong.', en: 'This instalment is repaid.' },
  INSTALMENT_OVERDUE: {
    vi: 'Kỳ trả nợ đã quá hạn nên không gia hạn được.',
    en: 'The instalment is already overdue and cannot be extended.',
  },
  ALREADY_EXTENDED: { vi: 'Kỳ trả nợ này đã được gia hạn.', en: 'This instalment was already extended.' },
  EXTENSION_DATE_INVALID: {
    vi: 'Ngày trả nợ mới phải sau hạn hiện tại và không quá 12 tháng.',
    en: 'The new due date must be after the current one and within 12 months.',
  },
  USE_CHECK_DONE: {
    vi: 'Việc sử dụng vốn vay đã được kiểm tra.',
    en: 'The use of the loan was already checked.',
  },
} as const satisfies Record<LoanRefusalCode, Bilingual>;
