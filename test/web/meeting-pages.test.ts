/**
 * The group's review meeting in a real browser: group HOABINH-01 (10 members) with three applications waiting at
 * its vote. Its leader opens the meeting, ticks who is present, votes (one item with the keyboard alone) and sees
 * each item's outcome as the ballots are chosen, saves, reloads, closes, and reads minutes 10C/TD and list 03/TD.
 * A recused member's ballot is refused beside their name; a ward officer sees the meeting read-only; another
 * group's leader gets the 404 page.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../server/domain/format.js';
import { nextCitizenId, submit, todayInVietnam } from '../support/fixtures.js';
import { pdfText } from '../support/pdf.js';
import { startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let members: { id: string; fullName: string; citizenId: string }[];
let meetingPath = '';

/** The applicant of `memberApplicant` is member 9 (recused, present: counts towards the quorum, no vote). */
const apps = {
  memberApplicant: { id: '', code: '', name: '' },
  approved: { id: '', code: '', name: 'Lê Thị Ngọc Hân' },
  noQuorum: { id: '', code: '', name: 'Trịnh Văn Đức' },
};
const PRESENT = [0, 1, 2, 3, 4, 5, 6, 7, 9];

const M = (i: number) => {
  const member = members[i];
  if (!member) throw new Error(`no member ${i}`);
  return member;
};

beforeAll(async () => {
  web = await startWebTest();
  const listed = await web.stack.api<typeof members>('GET', '/api/admin/groups/HOABINH-01/members', {
    token: await web.stack.login('admin'),
  });
  members = listed.body;
  apps.memberApplicant.name = M(9).fullName;
  const borrower = (fullName: string, citizenId = nextCitizenId()) => ({
    borrower: { fullName, citizenId, dateOfBirth: '1980-03-02' },
  });
  Object.assign(apps.memberApplicant, await submit(web.stack, { ...borrower(M(9).fullName, M(9).citizenId) }));
  Object.assign(
    apps.approved,
    await submit(web.stack, { ...borrower(apps.approved.name), amount: 45_000_000, purpose: 'Nuôi bò sinh sản' }),
  );
  Object.assign(apps.noQuorum, await submit(web.stack, { ...borrower(apps.noQuorum.name), amount: 20_000_000 }));
}, 120_000);

afterAll(async () => {
  await web?.close();
});

/** An agenda item by its borrower (a member's name also shows on the other items, as a voter). */
const item = (page: Page, name: string): Locator =>
  page.locator('section.agenda-item').filter({ has: page.getByRole('heading', { name: new RegExp(name) }) });
const ballot = (page: Page, name: string, member: number): Locator =>
  item(page, name).getByRole('group', { name: M(member).fullName, exact: true });
/** The one member who voted against on the approved item (chosen by the keyboard, in the page's order). */
let againstName = '';
const against = (page: Page): Locator =>
  item(page, apps.approved.name).getByRole('group', { name: againstName, exact: true });
const tally = (page: Page, name: string): Locator => item(page, name).locator('.vote-outcome');

/** Moves the focus with the Tab key alone until it reaches the element with this id. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

const groupVotes = (applicationId: string) =>
  web.stack.db.prisma.stepDecision.count({ where: { applicationId, step: 'group-vote' } });

describe('the group leader holds the meeting', () => {
  it('opens it from the inbox, a refused date kept beside its field', async () => {
    const page = await web.newPage();
    await web.signIn(page, 'group.HOABINH-01');
    await page.getByRole('link', { name: 'Họp bình xét (3 hồ sơ chờ bình xét)' }).click();
    await page.waitForURL(/\/groups\/HOABINH-01\/meetings$/);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Họp bình xét' }).count()).toBe(1);
    expect(await page.textContent('main')).toContain('Tổ chưa có cuộc họp bình xét nào.');

    await page.getByLabel('Ngày họp').fill('31/02/2026');
    await page.getByLabel('Địa điểm họp').fill('Nhà văn hóa Tổ dân phố 3');
    await page.getByLabel('Đại diện hội đoàn thể dự họp').fill('Lê Thị Minh Thư');
    await page.getByLabel('Trưởng thôn/tổ dân phố dự họp').fill('Phạm Văn Đức');
    await page.getByRole('button', { name: 'Mở cuộc họp' }).click();
    expect(await page.locator('#f-meetingDate-error').textContent()).toBe('Giá trị không hợp lệ.');
    expect(await page.getByLabel('Địa điểm họp').inputValue()).toBe('Nhà văn hóa Tổ dân phố 3');
    await web.look(page, 'meetings-refused');

    await page.getByLabel('Ngày họp').fill(formatDate(todayInVietnam()));
    await page.getByRole('button', { name: 'Mở cuộc họp' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]+\?done=opened$/);
    meetingPath = new URL(page.url()).pathname;
    expect(await page.getByRole('status').textContent()).toContain('Đã mở cuộc họp.');
    expect(await page.locator('section.agenda-item').count()).toBe(3);
    await web.look(page, 'meeting-opened');
  });

  it('marks the attendees, votes (one item by keyboard alone) with the live outcome, saves and reloads', async () => {
    const page = await web.newPage();
    await web.signIn(page, 'group.HOABINH-01');
    await page.goto(meetingPath);
    for (const i of PRESENT) await page.locator(`#f-attendee-${M(i).id}`).check();
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.waitForURL(/done=saved/);
    expect(await page.getByRole('status').textContent()).toContain('Đã lưu nháp cuộc họp.');

    // The member applicant: no ballot for them on their own application.
    expect(await item(page, apps.memberApplicant.name).textContent()).toContain(
      `${M(9).fullName}: Không bỏ phiếu (có liên quan)`,
    );
    expect(await ballot(page, apps.memberApplicant.name, 9).count()).toBe(0);

    // The keyboard alone: Tab into each member's choice (it rests on "Chưa bỏ phiếu"), an arrow to "Đồng ý",
    // two to "Không đồng ý".
    const choices = item(page, apps.approved.name).getByRole('group');
    await tabTo(page, (await choices.first().getByLabel('Chưa bỏ phiếu').getAttribute('id'))!);
    for (const n of PRESENT.keys()) {
      await page.keyboard.press('ArrowRight');
      if (n === 6) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
    }
    againstName = (await choices.nth(6).locator('legend').textContent())!;
    // Each choice sends the form; the last answer (htmx queues it after the one in flight) has every ballot.
    await expect
      .poll(() => tally(page, apps.approved.name).textContent())
      .toContain('Đồng ý 8, không đồng ý 1, không ý kiến 0');
    expect(await tally(page, apps.approved.name).textContent()).toContain('Đạt: tổ đồng ý cho vay');
    expect(await against(page).getByLabel('Không đồng ý').isChecked()).toBe(true);

    // The member applicant's item: 4 for of the 8 who may vote fails (the applicant counts present, no vote).
    for (const i of [0, 1, 2, 3])
      await ballot(page, apps.memberApplicant.name, i).getByLabel('Đồng ý', { exact: true }).check();
    for (const i of [4, 5, 6, 7]) await ballot(page, apps.memberApplicant.name, i).getByLabel('Không đồng ý').check();
    await expect
      .poll(() => tally(page, apps.memberApplicant.name).textContent())
      .toContain('Đồng ý 4, không đồng ý 4, không ý kiến 0');
    expect(await tally(page, apps.memberApplicant.name).textContent()).toContain('Không đạt: tổ không đồng ý cho vay');
    expect(await tally(page, apps.memberApplicant.name).textContent()).toContain('4/8 tổ viên được biểu quyết');

    // Three ballots of ten members: no quorum.
    for (const i of [0, 1, 2]) await ballot(page, apps.noQuorum.name, i).getByLabel('Đồng ý', { exact: true }).check();
    await expect.poll(() => tally(page, apps.noQuorum.name).textContent()).toContain('Đồng ý 3, không đồng ý 0');
    expect(await tally(page, apps.noQuorum.name).textContent()).toContain('Không đủ số tổ viên dự họp');
    await web.look(page, 'meeting-draft-live');

    // The button without htmx: the whole page, the choices kept, the outcome computed the same way.
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    expect(await tally(page, apps.approved.name).textContent()).toContain('Đạt: tổ đồng ý cho vay');
    expect(await against(page).getByLabel('Không đồng ý').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.waitForURL(/done=saved/);
    await page.reload();
    expect(await against(page).getByLabel('Không đồng ý').isChecked()).toBe(true);
    expect(await ballot(page, apps.memberApplicant.name, 7).getByLabel('Không đồng ý').isChecked()).toBe(true);
    expect(await ballot(page, apps.noQuorum.name, 3).getByLabel('Chưa bỏ phiếu').isChecked()).toBe(true);
    expect(await tally(page, apps.approved.name).textContent()).toContain('Đồng ý 8, không đồng ý 1');
    const meetingId = meetingPath.split('/').at(-1)!;
    const saved = await web.stack.db.prisma.groupMeetingBallot.count({ where: { item: { meetingId } } });
    expect(saved).toBe(9 + 8 + 3);
  });

  it("refuses a recused member's ballot beside their name, the other choices kept", async () => {
    const page = await web.newPage();
    await web.signIn(page, 'group.HOABINH-01');
    await page.goto(meetingPath);
    // A stale or forged form: the page offers no such choice, so one is added to the form by hand.
    await page.evaluate(
      (name) => {
        const input = Object.assign(document.createElement('input'), { type: 'hidden', name, value: 'FOR' });
        document.querySelector('form.meeting-form')!.append(input);
      },
      `ballot.${apps.memberApplicant.id}.${M(9).id}`,
    );
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    const refused = item(page, apps.memberApplicant.name).locator('.recused .field-error');
    expect(await refused.textContent()).toBe(
      'Người vay và thành viên hộ của người vay không biểu quyết hồ sơ của hộ mình.',
    );
    expect(await page.locator('.error-summary').textContent()).toContain('không biểu quyết hồ sơ của hộ mình');
    expect(await against(page).getByLabel('Không đồng ý').isChecked()).toBe(true);
    await web.look(page, 'meeting-recused-refused');
  });

  it('closes after the confirmation and shows the minutes 10C/TD and list 03/TD', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'group.HOABINH-01');
    await page.goto(meetingPath);
    await page.getByText('Kết thúc cuộc họp', { exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận kết thúc cuộc họp' }).click();
    await page.waitForURL(/done=closed/, { timeout: 60_000 });
    expect(await page.getByRole('status').textContent()).toContain('Cuộc họp đã kết thúc');
    expect(await page.getByRole('button', { name: 'Lưu nháp' }).count()).toBe(0);

    const minutes = page.locator('section[aria-labelledby=minutes-title]');
    expect(await minutes.textContent()).toContain('Biên bản họp tổ (mẫu 10C/TD)');
    expect(await minutes.getByRole('row').filter({ hasText: apps.approved.name }).textContent()).toContain(
      'Tổ đồng ý đề nghị vay',
    );
    expect(await minutes.getByRole('row').filter({ hasText: apps.noQuorum.name }).textContent()).toContain(
      'Chưa quyết định: Cuộc họp không đủ số tổ viên tham dự.',
    );
    const list = page.locator('section[aria-labelledby=list03-title]');
    const row = list.getByRole('row').filter({ hasText: apps.approved.name });
    expect(await row.textContent()).toContain('45.000.000 đ');
    expect(await row.textContent()).toContain('Nuôi bò sinh sản');
    expect(await list.locator('tfoot').textContent()).toContain('Tổng cộng: 1 hộ');
    expect(await list.locator('.not-proposed').textContent()).toContain('4/8 phiếu đồng ý: không đạt đa số.');
    expect(await list.locator('.not-proposed').textContent()).toContain(apps.noQuorum.name);

    const id = meetingPath.split('/').at(-1)!;
    const hrefs = await page
      .getByRole('link', { name: /\(PDF\)|\(Excel\)/ })
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual([`/meetings/${id}/minutes.pdf`, `/meetings/${id}/list.pdf`, `/meetings/${id}/list.xlsx`]);
    // The links download with the session cookie alone, as a browser holds it.
    const [minutesPdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /10C\/TD.*\(PDF\)/ }).click(),
    ]);
    expect(minutesPdf.suggestedFilename()).toMatch(/^Biên bản họp 10C-TD .*\.pdf$/);
    const minutesText = pdfText(new Uint8Array(await readFile((await minutesPdf.path())!)));
    expect(minutesText).toContain('Mẫu số 10C/TD');
    expect(minutesText).toContain(apps.approved.name);
    const [listPdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /03\/TD.*\(PDF\)/ }).click(),
    ]);
    expect(pdfText(new Uint8Array(await readFile((await listPdf.path())!)))).toContain(apps.approved.name);
    await web.look(page, 'meeting-closed');

    expect(await groupVotes(apps.approved.id)).toBe(1);
    expect(await groupVotes(apps.memberApplicant.id)).toBe(1);
    expect(await groupVotes(apps.noQuorum.id)).toBe(0);
    expect((await web.stack.queryState(apps.approved.id)).currentStep).toBe('ward-verification');
  });

  it('opens the next meeting with the item left over, and refuses a second one while it is a draft', async () => {
    const page = await web.newPage();
    await web.signIn(page, 'group.HOABINH-01');
    await page.goto('/groups/HOABINH-01/meetings');
    expect(await page.getByRole('row').filter({ hasText: 'Đã kết thúc' }).count()).toBe(1);
    const open = async () => {
      await page.getByLabel('Địa điểm họp').fill('Nhà văn hóa Tổ dân phố 3');
      await page.getByLabel('Đại diện hội đoàn thể dự họp').fill('Lê Thị Minh Thư');
      await page.getByLabel('Trưởng thôn/tổ dân phố dự họp').fill('Phạm Văn Đức');
      await page.getByRole('button', { name: 'Mở cuộc họp' }).click();
    };
    await open();
    await page.waitForURL(/done=opened/);
    expect(await page.locator('section.agenda-item').count()).toBe(1);
    await page.goto('/groups/HOABINH-01/meetings');
    await open();
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Tổ đã có một cuộc họp bình xét chưa kết thúc.',
    );
    expect(await page.getByLabel('Trưởng thôn/tổ dân phố dự họp').inputValue()).toBe('Phạm Văn Đức');
    await web.look(page, 'meetings-list');
  });
});

describe('other officers', () => {
  it('shows a ward officer the meetings read-only, and refuses their save', async () => {
    const page = await web.newPage();
    await web.signIn(page, 'ward.HOABINH');
    await page.goto('/groups/HOABINH-01/meetings');
    expect(await page.getByRole('button', { name: 'Mở cuộc họp' }).count()).toBe(0);
    await page.getByRole('row').filter({ hasText: 'Đang chuẩn bị (nháp)' }).getByRole('link').click();
    expect(await page.textContent('main')).toContain('bạn xem ở chế độ chỉ đọc');
    expect(await page.locator('main input, main button').count()).toBe(0);
    expect(await item(page, apps.noQuorum.name).count()).toBe(1);
    await web.look(page, 'meeting-read-only');

    await page.goto(meetingPath);
    expect(await page.textContent('main')).toContain('Biên bản họp tổ (mẫu 10C/TD)');
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'csrf')!.value;
    const save = await page.request.post(meetingPath, { form: { _csrf: csrf, action: 'save', place: 'X' } });
    expect(save.status()).toBe(403);
  });

  it("answers another group's leader with the 404 page", async () => {
    const page = await web.newPage();
    await web.signIn(page, 'group.HOABINH-02');
    for (const path of [meetingPath, '/groups/HOABINH-01/meetings']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      expect(await page.textContent('main')).toContain('Không tìm thấy nội dung bạn cần.');
    }
    await web.look(page, 'meeting-not-found');
  });
});
