/** What the transaction day page says after a carry-over, by the `done` of the redirect that led there. */
import { formatDate } from '../../domain/format.js';
import { formText } from '../form-values.js';

/** The notices the transaction day page shows after a carry-over, by the `done` of its redirect. */
export const CARRY_OVER_NOTICES = {
  'carried-over': 'noticeCarriedOver',
  'already-carried-over': 'noticeAlreadyCarriedOver',
  closed: 'noticeDayClosed',
} as const;

/** Fills the new day and the count a carry-over notice names. */
export function carryOverNotice(text: string, query: Record<string, unknown>): string {
  const to = formText(query.to);
  return text
    .replace('{date}', /^\d{4}-\d{2}-\d{2}$/.test(to) ? formatDate(to) : '')
    .replace('{count}', String(Number(formText(query.count)) || 0));
}
