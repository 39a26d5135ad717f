import { describe, expect, it } from 'vitest';
import { composeMail, type MailContext } from '../../activities/mail/templates.js';
import { formatMoney, formatPercent } from '../../server/domain/format.js';
import type { HistoryEntry } from '../../workflows/definitions.js';

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  seq: 7,
  type: 'STEP_DECIDED',
  step: 'bank-approval',
  actor: { username: 'bank.manager', role: 'bank_manager', displayName: 'Giám đốc', scope: null },
  at: '2026-12-01T03:00:00.000Z',
  outcome: 'approve',
  reason: null,
  payload: {},
  ...overrides,
});

const context = (overrides: Partial<MailContext> = {}): MailContext => ({
  code: 'DONGHUNG-2026-ABC123',
  applicationId: '5b0c6a4e-0000-4000-8000-000000000001',
  borrowerName: 'Vũ Thị Hồng',
  status: 'IN_PROGRESS',
  programName: 'Cho vay hộ nghèo',
  approvedAmount: 50_000_000,
  approvedTermMonths: 36,
  annualRatePercent: '6.6',
  entry: entry({}),
  publicUrl: 'https://loans.example.vn',
  dueOn: '2026-12-04',
  disbursementOn: '2026-12-25',
  transactionPoint: 'Điểm giao dịch xã Đông Hưng',
  ward: { name: 'Xã Đông Hưng', kind: 'xa' },
  ...overrides,
});

describe('numbers in the mail', () => {
  it('writes money and rates as each language does', () => {
    expect(formatMoney(50_000_000, 'vi', 'letter')).toBe('50.000.000 đồng');
    expect(formatMoney(50_000_000, 'en', 'letter')).toBe('50,000,000 VND');
    expect(formatPercent('6.6', 'vi')).toBe('6,6%');
    expect(formatPercent('6.6', 'en')).toBe('6.6%');
    expect(formatPercent('8.382', 'vi')).toBe('8,382%');
  });
});

describe('the approval notice', () => {
  it('says approved in its subject, while the application is still in progress', () => {
    const mail = composeMail({ audience: 'applicant' }, context());

    expect(mail.subject).toBe(
      '[NHCSXH] Hồ sơ DONGHUNG-2026-ABC123: Đã được phê duyệt / Application DONGHUNG-2026-ABC123: Approved',
    );
    expect(mail.text).toContain('thông báo 04/TD gửi UBND xã Đông Hưng');
    expect(mail.text).toContain("sent to the People's Committee of Đông Hưng commune");
  });
});

describe('an event the applicant is never told of', () => {
  it('gets no mail rather than a guessed approval with zero amounts', () => {
    const started = context({ entry: entry({ type: 'STEP_STARTED', outcome: null }) });
    const unapproved = context({ approvedAmount: null, approvedTermMonths: null, annualRatePercent: null });

    expect(() => composeMail({ audience: 'applicant' }, started)).toThrow(/No applicant mail for event STEP_STARTED/);
    expect(() => composeMail({ audience: 'applicant' }, unapproved)).toThrow(/No applicant mail/);
  });
});

describe('the escalation to a supervisor', () => {
  it('names the step as the ward’s kind says and points at the officer, not at an API they cannot open', () => {
    const mail = composeMail(
      { audience: 'supervisors', step: 'ward-verification' },
      context({ entry: entry({ type: 'STEP_OVERDUE', step: 'ward-verification', outcome: null }) }),
    );

    expect(mail.subject).toBe(
      '[NHCSXH] Quá hạn: hồ sơ DONGHUNG-2026-ABC123 ở bước UBND xã xác nhận / Overdue: application DONGHUNG-2026-ABC123 at Commune verification',
    );
    expect(mail.text).not.toContain('https://');
    expect(mail.text).toContain('liên hệ cán bộ phụ trách bước "UBND xã xác nhận"');
    expect(mail.text).toContain('ask the officer responsible for "Commune verification"');
  });
});
