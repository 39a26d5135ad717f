/** Words of the group leader's monthly interest collection (receipt 01/BL), /groups/:group/interest-collections. */
export const INTEREST_LABELS = {
  navInterest: { vi: 'Thu lãi', en: 'Interest' },
  interestTitle: { vi: 'Thu lãi hằng tháng', en: 'Monthly interest' },
  interestLead: {
    vi: 'Lãi phải thu trong tháng của từng khoản vay của tổ. Nhập số tiền đã thu theo biên lai (mẫu 01/BL); thu ít hơn số phải thu thì phần còn lại là lãi tồn đọng, thu tại điểm giao dịch. Để trống: chưa thu khoản đó.',
    en: 'Each loan of the group with interest due in the month. Enter what was collected on the receipt (form 01/BL); less than due leaves interest arrears, taken at the transaction point. Empty: not collected.',
  },
  interestReadOnly: {
    vi: 'Chỉ tổ trưởng của tổ ghi nhận tiền lãi đã thu.',
    en: "Only the group's leader enters the interest collected.",
  },
  interestMonth: { vi: 'Tháng', en: 'Month' },
  interestMonthHint: { vi: 'Ví dụ 2027-01 (năm-tháng)', en: 'For example 2027-01 (year-month)' },
  interestShow: { vi: 'Xem tháng này', en: 'Show this month' },
  interestPrevious: { vi: 'Tháng trước', en: 'Previous month' },
  interestNext: { vi: 'Tháng sau', en: 'Next month' },
  interestOfMonth: { vi: 'Lãi tháng {month}', en: 'Interest of {month}' },
  interestNone: {
    vi: 'Không có khoản vay nào của tổ có lãi phải thu trong tháng {month}.',
    en: 'No loan of the group has interest due in {month}.',
  },
  interestBorrower: { vi: 'Người vay', en: 'Borrower' },
  interestLoanCode: { vi: 'Mã khoản vay', en: 'Loan' },
  interestDueOn: { vi: 'Hạn trả lãi', en: 'Due on' },
  interestDue: { vi: 'Lãi phải thu', en: 'Interest due' },
  interestCollectedCol: { vi: 'Số tiền đã thu (đồng)', en: 'Collected (VND)' },
  interestAmountOf: { vi: 'Số tiền đã thu của {name}', en: 'Collected from {name}' },
  interestCollectedOn: { vi: 'Đã thu {amount}', en: 'Collected {amount}' },
  interestReceiptNo: { vi: 'Số biên lai (mẫu 01/BL)', en: 'Receipt number (form 01/BL)' },
  interestReceiptHint: { vi: 'Ví dụ 01/BL-0012', en: 'For example 01/BL-0012' },
  interestSubmit: { vi: 'Ghi nhận tiền lãi đã thu', en: 'Enter the interest collected' },
  interestDone: {
    vi: 'Đã ghi nhận tiền lãi của {count} khoản vay.',
    en: 'The interest of {count} loan(s) was entered.',
  },
  interestNothingTyped: {
    vi: 'Nhập số tiền đã thu của ít nhất một khoản vay.',
    en: 'Enter the amount collected for at least one loan.',
  },
  interestAmountInvalid: {
    vi: 'Nhập số tiền là số nguyên dương (đồng), ví dụ 275.000.',
    en: 'Enter the amount as a whole number of dong, e.g. 275.000.',
  },
  interestAtMost: { vi: 'Nhiều nhất {amount}.', en: 'At most {amount}.' },
  interestRefusedBatch: {
    vi: 'Chưa ghi nhận khoản nào: sửa các dòng bị từ chối rồi gửi lại.',
    en: 'Nothing was entered: correct the refused lines and send again.',
  },
  interestFromMeetings: { vi: 'Thu lãi hằng tháng của tổ', en: "The group's monthly interest" },
} as const;
