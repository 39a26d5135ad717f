/**
 * The web application in a real browser over the real stack: an applicant applies and looks the application
 * up, a refusal is shown beside its field, an officer signs in with the keyboard alone and finds it in the
 * inbox, and every page passes axe and is saved as a screenshot.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../server/domain/format.js';
import { approvalFor, nextCitizenId, runStep, submit, todayInVietnam } from '../support/fixtures.js';
import type { TestStack } from '../support/stack.js';
import { screenshot, startWebTest, type WebTest } from './browser.js';
import { fillApplication } from './forms.js';

let web: WebTest;
let stack: TestStack;
let submitted: { code: string; citizenId: string } | undefined;

beforeAll(async () => {
  web = await startWebTest();
  stack = web.stack;
});

afterAll(async () => {
  await web?.close();
});

const newPage = (viewport = { width: 1024, height: 800 }): Promise<Page> =>
  web.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

/** Checks the page with axe and saves its screenshot. */
const look = (page: Page, name: string): Promise<void> => web.look(page, name);

describe('the applicant', () => {
  it('sees the two doors on the home page', async () => {
    const page = await newPage();
    await page.goto('/');
    await expect(
      page
        .getByRole('link', { name: /Tra cứu hồ sơ/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(
      await page
        .getByRole('main')
        .getByRole('link', { name: /Đăng nhập cán bộ/ })
        .getAttribute('href'),
    ).toBe('/login');
    await look(page, 'home');
  });

  it('is told beside the field what is wrong, with the form kept as typed', async () => {
    const page = await newPage();
    await fillApplication(page, '12345');
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await expect(page.locator('#f-borrower-citizenId-error').textContent()).resolves.toBe(
      'Số CCCD phải gồm đúng 12 chữ số.',
    );
    expect(await page.locator('#f-borrower-citizenId').getAttribute('aria-describedby')).toContain('error');
    const borrower = page.getByRole('group', { name: 'Người vay (đại diện hộ)' });
    expect(await borrower.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hoa');
    expect(await page.locator('#f-borrower-citizenId').inputValue()).toBe('12345');
    expect(await page.locator('input[name=programCode][value=POOR]').isChecked()).toBe(true);
    await look(page, 'apply-refused');
  });

  it('applies at /apply, gets a code, and finds the application at /status', async () => {
    const page = await newPage();
    const citizenId = nextCitizenId();
    await fillApplication(page, citizenId);
    await screenshot(page, 'apply');
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await page.waitForURL(/\/apply\/submitted\?code=/);
    const code = (await page.locator('.big-code').textContent()) ?? '';
    expect(code).toMatch(/^HOABINH-\d{4}-[A-Z0-9]{6}$/);
    submitted = { code, citizenId };
    const stored = await stack.db.prisma.application.findUniqueOrThrow({ where: { code } });
    expect(stored.borrowerBirthDate.toISOString().slice(0, 10)).toBe('1985-04-12');
    expect(Number(stored.amountRequested)).toBe(50_000_000);
    await look(page, 'apply-submitted');

    await page.getByRole('link', { name: 'Tra cứu hồ sơ này' }).click();
    expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe(code);
    await look(page, 'status-lookup');
    await page.getByLabel('4 số cuối CCCD').fill(citizenId.slice(-4));
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(code);
    expect(await page.locator('.facts').textContent()).toContain('Đang xử lý');
    expect(await page.locator('.timeline li').count()).toBe(5);
    expect(await page.locator('.timeline li[aria-current=step]').textContent()).toContain('Tổ TK&VV bình xét');
    await look(page, 'status');
  });

  it('gets a Vietnamese page, not JSON, for an address that does not exist', async () => {
    const page = await newPage();
    const response = await page.goto('/khong-co-trang-nay');
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toContain('text/html');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Không tìm thấy trang');
    await look(page, 'not-found');
  });
});

async function lookUp(page: Page, code: string, last4: string): Promise<void> {
  await page.goto(`/status?code=${encodeURIComponent(code)}`);
  await page.getByLabel('4 số cuối CCCD').fill(last4);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
}

describe('the applicant, on a returned application', () => {
  it('reads the reason, is refused a wrong citizen ID beside the field, then amends and resubmits', async () => {
    const app = await submit(stack);
    await runStep(stack, app.id, 'group-vote');
    const reason = 'Bổ sung giấy xác nhận cư trú của hộ';
    await runStep(stack, app.id, 'ward-verification', {
      ...approvalFor('ward-verification'),
      outcome: 'return',
      reason,
    });
    const page = await newPage();
    await lookUp(page, app.code, app.last4);
    expect(await page.locator('.facts').textContent()).toContain(reason);

    const amend = page.getByRole('region', { name: 'Sửa và gửi lại hồ sơ' });
    await amend.getByLabel('Số tiền vay (đồng)').fill('40.000.000');
    await amend.getByLabel('Số CCCD người vay (12 số)').fill('034199999999');
    await amend.getByRole('button', { name: 'Gửi lại hồ sơ' }).click();
    expect(await page.locator('#amend-f-citizenId-error').textContent()).toBe(
      'Số CCCD không khớp với người vay của hồ sơ này.',
    );
    expect(await amend.getByLabel('Số tiền vay (đồng)').inputValue()).toBe('40.000.000');
    await look(page, 'status-amend-refused');

    await amend.getByLabel('Số CCCD người vay (12 số)').fill(app.citizenId);
    await amend.getByRole('button', { name: 'Gửi lại hồ sơ' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Hồ sơ đã được gửi lại.');
    expect(await page.locator('.facts').textContent()).toContain('Đang xử lý');
    const row = await stack.db.prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(Number(row.amountRequested)).toBe(40_000_000);
  });

  it('withdraws an open application with the full citizen ID', async () => {
    const app = await submit(stack);
    const page = await newPage();
    await lookUp(page, app.code, app.last4);
    const withdraw = page.getByRole('region', { name: 'Rút hồ sơ' });
    await withdraw.getByLabel('Số CCCD người vay (12 số)').fill(app.citizenId);
    await withdraw.getByRole('button', { name: 'Rút hồ sơ' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Hồ sơ đã được rút.');
    expect(await page.locator('.facts').textContent()).toContain('Đã rút hồ sơ');
    expect(await page.getByRole('region', { name: 'Rút hồ sơ' }).count()).toBe(0);
  });
});

describe('an officer', () => {
  it('signs in with the keyboard alone, finds the new application in the inbox, and signs out', async () => {
    expect(submitted).toBeDefined();
    const page = await newPage();
    await page.goto('/login');
    await look(page, 'login');
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'username'; i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('group.HOABINH-01');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inbox$/);
    const row = page.locator('tr', { hasText: submitted!.code });
    expect(await row.textContent()).toContain('Tổ TK&VV bình xét');
    expect(await page.locator('.counts').textContent()).toContain('Tổ TK&VV bình xét');
    await look(page, 'inbox');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/login\?out=1$/);
    expect(await page.getByRole('status').textContent()).toBe('Bạn đã đăng xuất.');
    await page.goto('/inbox');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('is refused in Vietnamese with a wrong password, the username kept', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('ward.HOABINH');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('ward.HOABINH');
  });
});

/** Moves the focus with the Tab key alone until it reaches the element with this id. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

describe('the group leader, on the application page', () => {
  it('takes the vote, is refused an inconsistent tally beside the form, then records the vote by keyboard alone', async () => {
    const app = await submit(stack);
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('group.HOABINH-01');
    await page.getByLabel('Mật khẩu').fill('demo1234');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: app.code }).click();
    await page.getByRole('button', { name: 'Nhận xử lý bước này' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Bạn đã nhận xử lý bước này.');

    const vote = { meetingDate: formatDate(todayInVietnam()), membersTotal: '10', membersPresent: '8' };
    for (const [name, value] of Object.entries({ ...vote, votesFor: '7', votesAgainst: '3', abstentions: '0' })) {
      await page.locator(`#f-${name}`).fill(value);
    }
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Số phiếu không khớp');
    expect(await page.locator('#f-votesAgainst').inputValue()).toBe('3');
    await look(page, 'application-vote-refused');

    await tabTo(page, 'f-votesAgainst');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=decided/);
    expect(await page.getByRole('status').textContent()).toBe('Đã ghi quyết định.');
    expect(await page.locator('.history').textContent()).toContain('Quyết định – Tổ TK&VV bình xét – Đồng ý');
    await look(page, 'application');
    const state = await stack.queryState(app.id);
    expect(state.currentStep).toBe('ward-verification');
  });
});

describe('on a phone', () => {
  it.each(['/', '/apply', '/status', '/login'])('shows %s without sideways scrolling', async (path) => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `phone${path === '/' ? '-home' : path.replace('/', '-')}`);
  });
});

describe('the language switch', () => {
  it('shows English and remembers it', async () => {
    const page = await newPage();
    await page.goto('/status');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check a loan application');
    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await look(page, 'home-en');
  });
});
