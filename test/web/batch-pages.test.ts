/**
 * The batch path in a real browser, in the published order (POOR: the group vote first). Group HOABINH-01 holds
 * its review meeting through the API; then, on the pages, the ward officer opens the ward's batch from the
 * meeting's list 03/TD (with the keyboard alone) and certifies it with one row excluded with its reason (a row
 * excluded without one is refused beside it), the association officer forwards the list, the bank's credit officer
 * proposes (one amount changed), the manager confirms, and notice 04/TD is read on the page and downloaded.
 * Officers in scope without the step see a batch read-only; another ward's officer gets the 404 page.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCitizenId, runStep, submit } from '../support/fixtures.js';
import { meetingDetails } from '../support/meetings.js';
import { pdfText, renderPages } from '../support/pdf.js';
import { SCREENSHOTS, startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let meetingId = '';
const batchPaths: Record<'ward' | 'entrustment' | 'bank', string> = { ward: '', entrustment: '', bank: '' };

const apps = {
  nhung: { id: '', code: '', name: 'Nguyễn Thị Hồng Nhung', amount: 45_000_000 },
  phuc: { id: '', code: '', name: 'Trần Văn Phúc', amount: 30_000_000 },
  thang: { id: '', code: '', name: 'Lê Đức Thắng', amount: 20_000_000 },
};
const EXCLUDED_REASON = 'Hộ đã chuyển khỏi phường từ tháng 10';

/** The leader holds the group's meeting through the API: 8 members present, 7 for on every item; closes it. */
async function holdMeeting(): Promise<string> {
  const admin = await web.stack.login('admin');
  const leader = await web.stack.login('group.HOABINH-01');
  const members = (
    await web.stack.api<{ id: string }[]>('GET', '/api/admin/groups/HOABINH-01/members', { token: admin })
  ).body;
  const attendees = members.slice(0, 8).map((m) => m.id);
  const opened = await web.stack.api('POST', '/api/groups/HOABINH-01/meetings', {
    token: leader,
    body: { ...meetingDetails(), attendees },
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const items = opened.body.items as { applicationId: string }[];
  const ballots = items.flatMap((item) =>
    attendees.slice(0, 7).map((memberId) => ({ applicationId: item.applicationId, memberId, vote: 'FOR' })),
  );
  const saved = await web.stack.api('PATCH', `/api/meetings/${opened.body.id}`, { token: leader, body: { ballots } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const closed = await web.stack.api('POST', `/api/meetings/${opened.body.id}/close`, { token: leader });
  expect(closed.body.status).toBe('CLOSED');
  return opened.body.id as string;
}

beforeAll(async () => {
  web = await startWebTest();
  for (const app of Object.values(apps)) {
    const borrower = { fullName: app.name, citizenId: nextCitizenId(), dateOfBirth: '1982-06-15' };
    Object.assign(app, await submit(web.stack, { borrower, amount: app.amount, termMonths: 36 }));
  }
  meetingId = await holdMeeting();
}, 180_000);

afterAll(async () => {
  await web?.close();
});

/** A row of the batch by its borrower. */
const row = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

/** Moves the focus with the Tab key alone until it reaches the element with this id. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Opens the native confirmation and presses its button. */
async function send(page: Page, words: string): Promise<void> {
  await page.getByText(words, { exact: true }).click();
  await page.getByRole('button', { name: `Tôi đồng ý: ${words}` }).click();
}

const decisions = (applicationId: string, step: string) =>
  web.stack.db.prisma.stepDecision.count({ where: { applicationId, step } });

describe('the batch path in the published order', () => {
  it('refuses a batch with nothing waiting at the step, on the page', async () => {
    const page = await web.newPage();
    await web.signIn(page, 'assoc.FARMERS.HOABINH');
    await page.goto('/groups/HOABINH-01/batches');
    expect(await page.textContent('main')).toContain('Tổ chưa có đợt nào.');
    expect(await page.textContent('main')).toContain('Bước: Hội đoàn thể nhận ủy thác kiểm tra hồ sơ');
    await page.getByRole('button', { name: 'Lập đợt' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Tổ không có hồ sơ nào đang chờ ở bước này.');
    await web.look(page, 'batches-nothing-waiting');
  });

  it("opens the ward's batch from the meeting's list 03/TD, with the keyboard alone", async () => {
    const page = await web.newPage();
    await web.signIn(page, 'ward.HOABINH');
    await page.getByRole('link', { name: 'Danh sách đợt của tổ HOABINH-01 (3 hồ sơ chờ)' }).click();
    await page.waitForURL(/\/groups\/HOABINH-01\/batches$/);
    await web.look(page, 'batches-ward');
    await tabTo(page, 'f-meetingId');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Lấy từ danh sách 03/TD của cuộc họp').inputValue()).toBe(meetingId);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lập đợt');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/batches\/[0-9a-f-]+\?done=opened$/);
    batchPaths.ward = new URL(page.url()).pathname;
    expect(await page.getByRole('status').textContent()).toContain('Đã lập đợt.');
    expect(await page.locator('section.batch-row').count()).toBe(3);
    // The ward's household list beside every row.
    for (const app of Object.values(apps))
      expect(await row(page, app.name).textContent()).toContain('Đối chiếu danh sách hộ của phường');
    await web.look(page, 'batch-ward-opened');
  });

  it('refuses a row excluded without a reason beside it, keeps the form, then certifies the list', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'ward.HOABINH');
    await page.goto(batchPaths.ward);
    const thang = row(page, apps.thang.name);
    await thang.getByLabel('Đưa vào danh sách').uncheck();
    await thang.getByLabel('Từ chối').check();
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    const reasonError = `#f-reason-${apps.thang.id}-error`;
    expect(await page.locator(reasonError).textContent()).toBe('Cần ghi rõ lý do.');
    expect(await row(page, apps.thang.name).getByLabel('Đưa vào danh sách').isChecked()).toBe(false);
    expect(await row(page, apps.thang.name).getByLabel('Từ chối').isChecked()).toBe(true);
    expect(await row(page, apps.nhung.name).getByLabel('Đưa vào danh sách').isChecked()).toBe(true);
    await web.look(page, 'batch-ward-refused');

    await row(page, apps.thang.name).getByLabel('Lý do (bắt buộc khi không đưa vào)').fill(EXCLUDED_REASON);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.waitForURL(/done=saved/);
    expect(await page.getByRole('status').textContent()).toContain('Đã lưu nháp đợt.');
    expect(await row(page, apps.thang.name).getByLabel('Lý do (bắt buộc khi không đưa vào)').inputValue()).toBe(
      EXCLUDED_REASON,
    );

    await send(page, 'Xác nhận danh sách');
    await page.waitForURL(/done=submitted/, { timeout: 60_000 });
    expect(await page.getByRole('status').textContent()).toContain('Đã gửi đợt');
    expect(await page.getByRole('button', { name: 'Lưu nháp' }).count()).toBe(0);
    expect(await row(page, apps.nhung.name).textContent()).toContain('Đã ghi: Đồng ý');
    const excluded = await row(page, apps.thang.name).textContent();
    expect(excluded).toContain(`Không đưa vào: Từ chối. Lý do: ${EXCLUDED_REASON}`);
    expect(excluded).toContain('Đã ghi: Từ chối');
    await web.look(page, 'batch-ward-certified');

    expect(await decisions(apps.nhung.id, 'ward-verification')).toBe(1);
    expect(await decisions(apps.thang.id, 'ward-verification')).toBe(1);
    expect((await web.stack.queryState(apps.nhung.id)).currentStep).toBe('entrustment');
    expect((await web.stack.queryState(apps.thang.id)).status).toBe('REJECTED');
  });

  it('shows the batch read-only to an officer in scope without the step', async () => {
    const page = await web.newPage();
    await web.signIn(page, 'group.HOABINH-01');
    await page.goto('/groups/HOABINH-01/meetings');
    await page.getByRole('link', { name: 'Danh sách đợt' }).click();
    await page.waitForURL(/\/groups\/HOABINH-01\/batches$/);
    expect(await page.getByRole('button', { name: 'Lập đợt' }).count()).toBe(0);
    await page.goto(batchPaths.ward);
    expect(await page.textContent('main')).toContain('bạn xem đợt ở chế độ chỉ đọc');
    expect(await page.locator('main input, main select, main button').count()).toBe(0);
    // The ward's household list is the ward's own.
    expect(await page.textContent('main')).not.toContain('Đối chiếu danh sách hộ của phường');
    await web.look(page, 'batch-read-only');
  });

  it('forwards the list with each dossier ticked complete (the association officer)', async () => {
    const page = await web.newPage();
    await web.signIn(page, 'assoc.FARMERS.HOABINH');
    await page.getByRole('link', { name: 'Danh sách đợt của tổ HOABINH-01 (2 hồ sơ chờ)' }).click();
    await page.getByRole('button', { name: 'Lập đợt' }).click();
    await page.waitForURL(/done=opened/);
    batchPaths.entrustment = new URL(page.url()).pathname;
    expect(await page.locator('section.batch-row').count()).toBe(2);
    for (const app of [apps.nhung, apps.phuc]) await row(page, app.name).getByLabel('Hồ sơ đầy đủ').check();
    await row(page, apps.phuc.name)
      .getByLabel('Nhận xét của hội')
      .fill('Đủ giấy tờ, hộ có phương án chăn nuôi rõ ràng');
    await web.look(page, 'batch-entrustment');
    await send(page, 'Chuyển danh sách cho ngân hàng');
    await page.waitForURL(/done=submitted/, { timeout: 60_000 });
    for (const app of [apps.nhung, apps.phuc])
      expect(await row(page, app.name).textContent()).toContain('Đã ghi: Đồng ý');
    expect((await web.stack.queryState(apps.phuc.id)).currentStep).toBe('bank-approval');
  });

  it("proposes each row's amount and term (the bank's credit officer)", async () => {
    const page = await web.newPage();
    await web.signIn(page, 'bank.officer');
    await page.goto('/groups/HOABINH-01/batches');
    expect(await page.getByRole('row').filter({ hasText: 'Hội đoàn thể nhận ủy thác' }).textContent()).toContain(
      'Đã gửi',
    );
    await page.getByRole('button', { name: 'Lập đợt' }).click();
    await page.waitForURL(/done=opened/);
    batchPaths.bank = new URL(page.url()).pathname;
    const nhung = row(page, apps.nhung.name);
    expect(await nhung.getByLabel('Số tiền cho vay (đồng)').inputValue()).toBe('45000000');
    expect(await nhung.getByLabel('Thời hạn (tháng)').inputValue()).toBe('36');
    await nhung.getByLabel('Số tiền cho vay (đồng)').fill('40.000.000');
    await web.look(page, 'batch-bank-proposals');
    await send(page, 'Gửi đề xuất phê duyệt');
    await page.waitForURL(/done=submitted/, { timeout: 60_000 });
    expect(await row(page, apps.nhung.name).textContent()).toContain('Đề xuất: 40.000.000 đ, 36 tháng');
    expect(await row(page, apps.phuc.name).textContent()).toContain('Đề xuất: 30.000.000 đ, 36 tháng');
  });

  it('confirms the proposals (the manager), then shows notice 04/TD and downloads it', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'bank.manager');
    await page.getByRole('link', { name: 'Danh sách đợt của tổ HOABINH-01 (2 hồ sơ chờ)' }).click();
    await page.getByRole('row').filter({ hasText: 'Ngân hàng phê duyệt' }).getByRole('link').first().click();
    expect(new URL(page.url()).pathname).toBe(batchPaths.bank);
    expect(await row(page, apps.nhung.name).getByLabel('Phê duyệt đề xuất').isChecked()).toBe(true);
    // Sending back needs a reason: refused beside it.
    await row(page, apps.phuc.name).getByLabel('Trả lại cán bộ tín dụng').check();
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    expect(await page.locator(`#f-confirmReason-${apps.phuc.id}-error`).textContent()).toBe('Cần ghi rõ lý do.');
    await row(page, apps.phuc.name).getByLabel('Phê duyệt đề xuất').check();
    await web.look(page, 'batch-manager');
    await send(page, 'Phê duyệt danh sách');
    await page.waitForURL(/done=confirmed/, { timeout: 60_000 });
    expect(await page.getByRole('status').textContent()).toContain('Đã phê duyệt đợt');
    for (const app of [apps.nhung, apps.phuc])
      expect(await row(page, app.name).textContent()).toContain('Đã phê duyệt cho vay');

    const notice = page.locator('section[aria-labelledby=notice-title]');
    const approved = notice.getByRole('row').filter({ hasText: apps.nhung.name });
    expect(await approved.textContent()).toContain('40.000.000 đ');
    expect(await notice.locator('tfoot').textContent()).toContain('Tổng cộng: 2 hộ');
    expect(await notice.locator('tfoot').textContent()).toContain('70.000.000 đ');
    await web.look(page, 'batch-confirmed-notice');

    const id = batchPaths.bank.split('/').at(-1)!;
    const hrefs = await notice
      .getByRole('link', { name: /04\/TD/ })
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual([`/batches/${id}/notice.pdf`, `/batches/${id}/notice.xlsx`]);
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('link', { name: /\(PDF\)/ }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^Thông báo 04-TD HOABINH-01 .*\.pdf$/);
    const bytes = new Uint8Array(await readFile((await pdf.path())!));
    renderPages(bytes, 'notice-04-td', `${SCREENSHOTS}batch-notice-04-td-pdf.png`);
    const text = pdfText(bytes);
    // The layout wraps a long name inside its cell: a shorter one is read whole.
    expect(text).toContain(apps.phuc.name);
    expect(text).toContain('Nguyễn Thị Hồng');
    expect(text).toContain('40.000.000 đ');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('link', { name: /\(Excel\)/ }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    expect(await decisions(apps.nhung.id, 'bank-approval')).toBe(1);
    expect((await web.stack.queryState(apps.nhung.id)).currentStep).toBe('disbursement');
  });

  it("opens and certifies the ward's batch from the applications waiting, in the brief's order (ward first)", async () => {
    const job = await submit(web.stack, {
      programCode: 'JOB_CREATION',
      borrower: { fullName: 'Đỗ Thị Thu Hương', citizenId: nextCitizenId(), dateOfBirth: '1990-01-20' },
      amount: 60_000_000,
    });
    const page = await web.newPage();
    await web.signIn(page, 'ward.HOABINH');
    await page.getByRole('link', { name: 'Danh sách đợt của tổ HOABINH-01 (1 hồ sơ chờ)' }).click();
    await page.getByRole('button', { name: 'Lập đợt' }).click();
    await page.waitForURL(/done=opened/);
    expect(await page.locator('section.batch-row').count()).toBe(1);
    expect(await row(page, 'Đỗ Thị Thu Hương').getByLabel('Đưa vào danh sách').isChecked()).toBe(true);
    await send(page, 'Xác nhận danh sách');
    await page.waitForURL(/done=submitted/, { timeout: 60_000 });
    expect(await row(page, 'Đỗ Thị Thu Hương').textContent()).toContain('Đã ghi: Đồng ý');
    await web.look(page, 'batch-ward-brief-order');
    expect((await web.stack.queryState(job.id)).currentStep).toBe('entrustment');
  });

  it("answers another ward's officer with the 404 page", async () => {
    const page = await web.newPage();
    await web.signIn(page, 'ward.TANLAP');
    for (const path of [batchPaths.bank, '/groups/HOABINH-01/batches', `${batchPaths.bank}/notice.pdf`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    }
    expect(await page.textContent('main')).toContain('Không tìm thấy nội dung bạn cần.');
  });
});

describe('four eyes per row', () => {
  it('lists a row the confirming manager proposed as refused SAME_OFFICER, on the page and in notice 04/TD', async () => {
    const admin = await web.stack.login('admin');
    const own = await submit(web.stack, {
      programCode: 'JOB_CREATION',
      borrower: { fullName: 'Vũ Thị Lan Anh', citizenId: nextCitizenId(), dateOfBirth: '1988-09-09' },
      amount: 35_000_000,
    });
    for (const step of ['ward-verification', 'entrustment', 'group-vote'] as const)
      await runStep(web.stack, own.id, step);
    const password = 'Batch-Officer-2026';
    const created = await web.stack.api('POST', '/api/admin/officers', {
      token: admin,
      body: {
        username: 'bank.officer2',
        displayName: 'Cán bộ tín dụng 2',
        role: 'bank_credit_officer',
        bankOfficeCode: 'PGD-KIENXUONG',
        password,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const officer2 = await web.stack.login('bank.officer2', password);
    const base = `/api/applications/${own.id}/steps/bank-approval`;
    expect((await web.stack.api('POST', `${base}/start`, { token: officer2 })).status).toBe(200);
    const proposal = { outcome: 'approve', approvedAmount: 35_000_000, termMonths: 36 };
    expect((await web.stack.api('POST', `${base}/decision`, { token: officer2, body: proposal })).status).toBe(200);
    const credit = await web.stack.login('bank.officer');
    const opened = await web.stack.api('POST', '/api/groups/HOABINH-01/batches', {
      token: credit,
      body: { step: 'bank-approval' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.id as string;
    expect((await web.stack.api('POST', `/api/batches/${id}/submit`, { token: credit })).status).toBe(200);
    const promoted = await web.stack.api('PATCH', '/api/admin/officers/bank.officer2', {
      token: admin,
      body: { role: 'bank_manager' },
    });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);

    const page = await web.newPage();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('bank.officer2');
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/inbox/);
    await page.goto(`/batches/${id}`);
    expect(await row(page, 'Vũ Thị Lan Anh').textContent()).toContain('Bạn đã đề xuất hồ sơ này');
    await send(page, 'Phê duyệt danh sách');
    await page.waitForURL(/done=confirmed/, { timeout: 60_000 });
    expect(await row(page, 'Vũ Thị Lan Anh').textContent()).toContain(
      'Không ghi được (SAME_OFFICER): Một cán bộ không được vừa đề xuất vừa phê duyệt (nguyên tắc bốn mắt).',
    );
    const notice = page.locator('section[aria-labelledby=notice-title]');
    expect(await notice.textContent()).toContain('Không có hộ nào được phê duyệt trong đợt này.');
    expect(await notice.getByRole('row').filter({ hasText: 'Vũ Thị Lan Anh' }).textContent()).toContain(
      'SAME_OFFICER: Một cán bộ không được vừa đề xuất vừa phê duyệt',
    );
    await web.look(page, 'batch-same-officer');
    expect(await decisions(own.id, 'bank-approval')).toBe(0);
  });
});
