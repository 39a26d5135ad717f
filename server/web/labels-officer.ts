/** The officers' pages' words (inbox); part of LABELS in labels.ts. */
export const OFFICER_LABELS = {
  inboxTitle: { vi: 'Việc cần xử lý', en: 'My inbox' },
  inboxLead: {
    vi: 'Hồ sơ đang chờ bạn xử lý, hồ sơ chờ lâu nhất ở trên cùng.',
    en: 'Applications waiting on you, the longest waiting first.',
  },
  inboxEmpty: { vi: 'Không có hồ sơ nào đang chờ bạn.', en: 'Nothing is waiting on you.' },
  countsPerStep: { vi: 'Số hồ sơ theo bước', en: 'Applications per step' },
  filterByStep: { vi: 'Lọc theo bước', en: 'Filter by step' },
  allSteps: { vi: 'Tất cả các bước', en: 'All steps' },
  filter: { vi: 'Lọc', en: 'Filter' },
  colApplication: { vi: 'Hồ sơ', en: 'Application' },
  colBorrower: { vi: 'Người vay', en: 'Borrower' },
  colStep: { vi: 'Bước', en: 'Step' },
  colWaitingSince: { vi: 'Chờ từ', en: 'Waiting since' },
  colDueOn: { vi: 'Hạn', en: 'Due' },
  colAmount: { vi: 'Số tiền', en: 'Amount' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  heldByMe: { vi: 'Bạn đang xử lý', en: 'You hold it' },
} as const;
