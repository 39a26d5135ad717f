/**
 * The programme catalogue in a real browser: the administrator sees each programme's current version, publishes
 * a new version of one (a bad ceiling refused beside its field first, the form kept, then sent by keyboard alone),
 * sees it in the list and in the versions with what changed, and adds a programme (a taken code refused beside it).
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../support/stack.js';
import { startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let stack: TestStack;
let page: Page;

beforeAll(async () => {
  web = await startWebTest();
  stack = web.stack;
  page = await web.newPage({ timeout: 15_000 });
});

afterAll(async () => {
  await web?.close();
});

const look = (name: string): Promise<void> => web.look(page, name);

const field = (label: string) => page.getByRole('main').getByLabel(label, { exact: true });

/** Moves the focus with the Tab key alone until it reaches the element with this id. */
async function tabTo(id: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function typeInto(id: string, text: string): Promise<void> {
  await tabTo(id);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

describe('the programme catalogue', () => {
  it('lists the programmes with their current version, linked from /admin', async () => {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('demo1234');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin$/);
    await page
      .getByRole('main')
      .getByRole('link', { name: /Chương trình cho vay/ })
      .click();
    await page.waitForURL(/\/admin\/programs$/);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'POOR', exact: true }) });
    expect(await row.textContent()).toContain('Cho vay hộ nghèo');
    expect(await row.textContent()).toMatch(/Tổ TK&VV bình xét → .* → Giải ngân/);
    await look('admin-programs');
  });

  it('publishes a new version: a bad ceiling is refused beside its field, then the version is sent by keyboard', async () => {
    await page.goto('/admin/programs/POOR');
    await expect(page.getByRole('heading', { level: 3, name: /Phiên bản 1/ }).isVisible()).resolves.toBe(true);
    await field('Mức cho vay tối đa (đồng)').fill('0');
    await field('Lãi suất (%/năm)').fill('6,9');
    await page.getByRole('button', { name: 'Ban hành phiên bản' }).click();
    await expect(page.locator('#f-ceilingVnd-error').textContent()).resolves.toBe(
      'Nhập mức cho vay tối đa là số tiền dương, không quá 1.000.000.000.000 đồng.',
    );
    await expect(field('Mức cho vay tối đa (đồng)').inputValue()).resolves.toBe('0');
    await expect(field('Lãi suất (%/năm)').inputValue()).resolves.toBe('6,9');
    await look('admin-program-refused');

    await typeInto('f-ceilingVnd', '120.000.000');
    await typeInto('f-maxTermMonths', '72');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/programs\/POOR\?done=published$/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã ban hành phiên bản mới.');
    const latest = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Phiên bản 2/ }) });
    const text = await latest.textContent();
    expect(text).toContain('Phiên bản hiện hành');
    expect(text).toContain('Thay đổi: Mức cho vay tối đa, Lãi suất, Thời hạn tối đa');
    expect(text).toContain('120.000.000 đ');
    expect(text).toContain('6,9%');
    await look('admin-program');

    await page.goto('/admin/programs');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'POOR', exact: true }) });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(2, 6)).toEqual(['2', '120.000.000 đ', '6,9%', '72 tháng']);
    // New applications take the new version; the API reads the same catalogue.
    const versions = await stack.api<{ version: number }[]>('GET', '/api/admin/programs/POOR/versions', {
      token: await stack.login('admin'),
    });
    expect(versions.body.map((v) => v.version)).toEqual([1, 2]);
  });

  it('adds a programme: a taken code is refused beside its field, the form kept', async () => {
    await page.goto('/admin/programs');
    const fill = async (code: string) => {
      await field('Mã chương trình').fill(code);
      await field('Tên tiếng Việt').fill('Cho vay nước sạch và vệ sinh môi trường nông thôn');
      await field('Tên tiếng Anh').fill('Rural clean water and sanitation');
      await field('Mức cho vay tối đa (đồng)').fill('25.000.000');
      await field('Lãi suất (%/năm)').fill('9');
      await field('Thời hạn vay tối đa (tháng)').fill('60');
      const order = ['ward-verification', 'entrustment', 'group-vote', 'bank-approval', 'disbursement'];
      for (const [index, step] of order.entries()) await page.locator(`#f-stepOrder-${index}`).selectOption(step);
      await page.getByRole('main').getByLabel('Hộ nghèo', { exact: true }).check();
      for (const id of ['quorum-numerator', 'approval-numerator']) await page.locator(`#f-voteRules-${id}`).fill('1');
      for (const id of ['quorum-denominator', 'approval-denominator']) {
        await page.locator(`#f-voteRules-${id}`).fill('2');
      }
    };
    await fill('POOR');
    await page.getByRole('button', { name: 'Thêm chương trình' }).click();
    await expect(page.locator('#f-code-error').textContent()).resolves.toBe('Chương trình đã tồn tại.');
    await expect(field('Tên tiếng Anh').inputValue()).resolves.toBe('Rural clean water and sanitation');
    await expect(page.locator('#f-stepOrder-2').inputValue()).resolves.toBe('group-vote');
    await look('admin-programs-refused');

    await field('Mã chương trình').fill('NUOC_SACH');
    await page.getByRole('button', { name: 'Thêm chương trình' }).click();
    await page.waitForURL(/\/admin\/programs\/NUOC_SACH\?done=created$/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã thêm chương trình.');
    expect(await page.getByRole('main').textContent()).toContain('Phiên bản đầu tiên');
    await page.goto('/admin/programs');
    await expect(page.getByRole('link', { name: 'NUOC_SACH', exact: true }).isVisible()).resolves.toBe(true);
  });
});
