/** Moving a loan to the next transaction day, and the applicant's own 01/TD; part of LABELS in labels.ts. */
export const CARRY_OVER_LABELS = {
  carryOverReasonLabel: { vi: 'Lý do không giải ngân hôm nay', en: 'Why it is not disbursed today' },
  carryOverReasonHint: {
    vi: 'Ví dụ: hộ vay vắng mặt, thiếu giấy tờ',
    en: 'For example: the borrower did not come, a document is missing',
  },
  carryOver: { vi: 'Chuyển sang ngày giao dịch sau', en: 'Move to the next transaction day' },
  noticeCarriedOver: {
    vi: 'Hồ sơ {code} chưa giải ngân hôm nay, đã chuyển sang ngày giao dịch {date}.',
    en: 'Application {code} was not disbursed today and moves to the transaction day {date}.',
  },
  noticeAlreadyCarriedOver: {
    vi: 'Hồ sơ {code} đã được chuyển sang ngày giao dịch {date} trước đó; không chuyển lại lần nữa.',
    en: 'Application {code} had already been moved to the transaction day {date}; nothing was moved again.',
  },
  closeDayTitle: { vi: 'Kết thúc ngày giao dịch', en: 'Close the transaction day' },
  closeDayLead: {
    vi: 'Mọi khoản vay chưa giải ngân trong ngày được chuyển sang ngày giao dịch sau của điểm giao dịch, với cùng một lý do.',
    en: "Every loan not disbursed today moves to the point's next transaction day, with one reason.",
  },
  closeDayReasonLabel: { vi: 'Lý do chuyển', en: 'Reason for moving them' },
  closeDay: {
    vi: 'Chuyển tất cả hồ sơ chưa giải ngân sang ngày giao dịch sau',
    en: 'Move every loan not disbursed to the next transaction day',
  },
  noticeDayClosed: {
    vi: 'Đã chuyển {count} hồ sơ chưa giải ngân sang ngày giao dịch sau.',
    en: '{count} loans not disbursed moved to the next transaction day.',
  },
  statusForm01Link: {
    vi: 'Tải giấy đề nghị vay vốn (Mẫu 01/TD, PDF)',
    en: 'Download the loan request (form 01/TD, PDF)',
  },
} as const;
