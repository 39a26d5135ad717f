import type { EventType } from '../../workflows/definitions.js';
import type { Bilingual } from '../../workflows/domain.js';

/** What each event of an application's history is called on its page. */
export const EVENT_LABELS = {
  SUBMITTED: { vi: 'Nộp hồ sơ', en: 'Submitted' },
  STEP_STARTED: { vi: 'Nhận xử lý', en: 'Step taken' },
  STEP_DECIDED: { vi: 'Quyết định', en: 'Decided' },
  APPROVAL_PROPOSED: { vi: 'Đề xuất cho vay', en: 'Approval proposed' },
  PROPOSAL_SENT_BACK: { vi: 'Gửi lại đề xuất', en: 'Proposal sent back' },
  AMENDED: { vi: 'Sửa và gửi lại', en: 'Amended' },
  WITHDRAWN: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  DEADLINE_REMINDER: { vi: 'Nhắc hạn', en: 'Deadline reminder' },
  STEP_OVERDUE: { vi: 'Quá hạn', en: 'Overdue' },
  STEP_EXPIRED: { vi: 'Hết hạn, trả lại', en: 'Expired and returned' },
  DISBURSEMENT_CARRIED_OVER: { vi: 'Chuyển sang ngày giao dịch sau', en: 'Moved to the next transaction day' },
} as const satisfies Record<EventType, Bilingual>;

export const OUTCOME_LABELS = {
  approve: { vi: 'Đồng ý', en: 'Approved' },
  reject: { vi: 'Từ chối', en: 'Rejected' },
  return: { vi: 'Trả lại', en: 'Returned' },
} as const satisfies Record<string, Bilingual>;
