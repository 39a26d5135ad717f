/**
 * The mail as its readers get it over SMTP: the subject names the event, numbers are written as each
 * language writes them, the ward is named as it is, and every link, used as the mail says, answers.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalFor, runStep, submit } from '../support/fixtures.js';
import { settledFootprint } from '../support/observe.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

interface Delivered {
  to: string;
  subject: string;
  text: string;
}

/** Every mail delivered for an application so far, decoded as a mail client would, in the order they were sent. */
async function deliveredFor(id: string): Promise<Delivered[]> {
  await settledFootprint(stack, id);
  const rows = await stack.db.prisma.notificationOutbox.findMany({
    where: { applicationId: id, status: 'SENT' },
    orderBy: { sentAt: 'asc' },
  });
  const mails: Delivered[] = [];
  for (const row of rows) {
    const raw = stack.smtp.messages.find((m) => m.raw.includes(row.messageId));
    if (!raw) throw new Error(`no SMTP message for ${row.messageId}`);
    const parsed = await simpleParser(raw.raw);
    mails.push({ to: row.recipient, subject: parsed.subject ?? '', text: parsed.text ?? '' });
  }
  return mails;
}

const APPLICANT = 'anh.nguyen@example.vn';

/** The address a line of the mail points at. */
function linkAfter(text: string, label: string): string {
  const match = new RegExp(`${label} (http://loans\\.test/[^\\s,]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no link after "${label}" in:\n${text}`);
  return match[1];
}

describe('mail to the applicant', () => {
  it('names the approval in the subject and writes money and rate as Vietnamese and English do', async () => {
    const created = await submit(stack);
    for (const step of ['group-vote', 'ward-verification', 'entrustment', 'bank-approval'] as const) {
      await runStep(stack, created.id, step);
    }

    const mails = (await deliveredFor(created.id)).filter((m) => m.to === APPLICANT);

    const approval = mails.at(-1);
    expect(approval?.subject).toBe(
      `[NHCSXH] Hồ sơ ${created.code}: Đã được phê duyệt / Application ${created.code}: Approved`,
    );
    const [vi, en] = (approval?.text ?? '').split('\n---\n');
    expect(vi).toContain('khoản vay 50.000.000 đồng');
    expect(vi).toContain('lãi suất 6,6%/năm');
    expect(vi).toContain('thông báo 04/TD gửi UBND phường Hòa Bình');
    expect(en).toContain('a loan of 50,000,000 VND');
    expect(en).toContain('at 6.6% a year');
    expect(en).not.toContain('50000000');
    expect(mails[0]?.subject).toBe(
      `[NHCSXH] Hồ sơ ${created.code}: Đã tiếp nhận / Application ${created.code}: Received`,
    );
  });

  it('tells the applicant how to amend a returned application, and the way it describes works', async () => {
    const created = await submit(stack);
    await runStep(stack, created.id, 'group-vote');
    const returned = await runStep(stack, created.id, 'ward-verification', {
      ...approvalFor('ward-verification'),
      outcome: 'return',
      reason: 'Thiếu giấy ủy quyền 01/UQ',
    });
    expect(returned.body.status).toBe('RETURNED');

    const notice = (await deliveredFor(created.id)).filter((m) => m.to === APPLICANT).at(-1);

    expect(notice?.subject).toBe(
      `[NHCSXH] Hồ sơ ${created.code}: Trả lại để bổ sung, chỉnh sửa / Application ${created.code}: Returned for correction`,
    );
    const text = notice?.text ?? '';
    expect(text).toContain('Thiếu giấy ủy quyền 01/UQ');
    expect(text).toContain('Cách sửa hồ sơ');
    expect(text).toContain('How to amend');
    const amendUrl = linkAfter(text, 'How to amend: open');
    expect(amendUrl).toBe(`http://loans.test/status?code=${created.code}`);
    const page = await fetch(amendUrl.replace('http://loans.test', stack.baseUrl));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${created.code}"`);
  });
});

describe('links in the mail', () => {
  it('opens the status page for the applicant with the code filled in, and never carries the citizen ID', async () => {
    const created = await submit(stack);

    const [notice] = (await deliveredFor(created.id)).filter((m) => m.to === APPLICANT);

    const text = notice?.text ?? '';
    expect(text).toContain('nhập 4 số cuối số CCCD của người vay');
    expect(text).toContain("type the last 4 digits of the borrower's citizen ID");
    expect(text).not.toContain(created.citizenId);
    expect(text).not.toContain(created.last4);
    const statusUrl = linkAfter(text, 'open');
    expect(statusUrl).toBe(`http://loans.test/status?code=${created.code}`);
    const page = await fetch(statusUrl.replace('http://loans.test', stack.baseUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain(`value="${created.code}"`);
  });

  it("opens the application's page for the officer, through sign-in when there is no session", async () => {
    const created = await submit(stack);

    const notice = (await deliveredFor(created.id)).find((m) => m.to === 'group.HOABINH-01@demo.invalid');

    const url = linkAfter(notice?.text ?? '', 'Open it:');
    expect(url).toBe(`http://loans.test/applications/${created.code}`);
    const opened = await fetch(url.replace('http://loans.test', stack.baseUrl), { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/applications/${created.code}`)}`);
  });
});

describe('the ward as it is named', () => {
  it.each([
    ['DONGHUNG', 'DONGHUNG-02', 'UBND xã xác nhận', 'Commune verification', 'phường'],
    ['HOABINH', 'HOABINH-01', 'UBND phường xác nhận', 'Ward verification', 'xã'],
  ])('names the step of %s as its kind says', async (wardCode, groupCode, vi, en, otherKind) => {
    const created = await submit(stack, { programCode: 'JOB_CREATION', wardCode, groupCode });

    const notice = (await deliveredFor(created.id)).find((m) => m.to === `ward.${wardCode}@demo.invalid`);

    expect(notice?.subject).toBe(
      `[NHCSXH] Hồ sơ ${created.code} chờ xử lý: ${vi} / Application ${created.code} awaits ${en}`,
    );
    expect(notice?.text).toContain(`đang chờ bước "${vi}"`);
    expect(notice?.subject).not.toContain(otherKind);
    expect(notice?.subject).not.toContain('phường/xã');
  });
});
