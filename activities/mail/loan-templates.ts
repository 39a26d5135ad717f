/** Notification texts of a loan's events: Vietnamese first, English below. Pure. */
import type { LoanRecordedEvent } from '../../workflows/loan-definitions.js';
import { formatMoney, viDate } from '../../server/domain/format.js';
import type { ComposedMail } from './templates.js';

export function composeLoanMail(event: LoanRecordedEvent, borrowerName: string, publicUrl: string): ComposedMail {
  const { code, useCheck } = event.state;
  const link = `${publicUrl}/loans/${event.terms.applicationId}`;
  const instalment = event.state.instalments.find((i) => i.no === event.payload.instalmentNo);
  switch (event.type) {
    case 'USE_CHECK_REMINDER':
      return {
        subject: `[${code}] Nhắc việc: kiểm tra sử dụng vốn vay trước ngày ${viDate(useCheck.deadline.dueOn)}`,
        text: `Khoản vay ${code} của ${borrowerName} cần được Hội kiểm tra việc sử dụng vốn vay trước ngày ${viDate(useCheck.deadline.dueOn)}.\n${link}\n\nReminder: check how loan ${code} of ${borrowerName} is used by ${useCheck.deadline.dueOn}.\n`,
      };
    case 'USE_CHECK_OVERDUE':
      return {
        subject: `[${code}] Quá hạn: chưa kiểm tra sử dụng vốn vay (hạn ${viDate(useCheck.deadline.dueOn)})`,
        text: `Việc kiểm tra sử dụng vốn vay của khoản vay ${code} (${borrowerName}) đã quá hạn ngày ${viDate(useCheck.deadline.dueOn)}.\n${link}\n\nOverdue: the use of loan ${code} (${borrowerName}) was due to be checked by ${useCheck.deadline.dueOn}.\n`,
      };
    default:
      return {
        subject: `[${code}] Nợ quá hạn: kỳ trả nợ số ${instalment?.no ?? ''} chưa trả (hạn ${viDate(instalment?.dueOn ?? '')})`,
        text: `Kỳ trả nợ gốc số ${instalment?.no ?? ''} của khoản vay ${code} (${borrowerName}), ${formatMoney(instalment?.principal ?? 0, 'vi')}, đã quá hạn ngày ${viDate(instalment?.dueOn ?? '')}.\n\nInstalment ${instalment?.no ?? ''} of loan ${code} (${borrowerName}) is overdue since ${instalment?.dueOn ?? ''}.\n`,
      };
  }
}
