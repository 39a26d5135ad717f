/**
 * The applications list in a real browser: a ward officer searches a name typed without diacritics, pages
 * through what matches (never another ward's) and opens an application.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../support/fixtures.js';
import type { TestStack } from '../support/stack.js';
import { screenshot, startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let stack: TestStack;

beforeAll(async () => {
  web = await startWebTest();
  stack = web.stack;
});

afterAll(async () => {
  await web?.close();
});

async function signedIn(username: string, javaScriptEnabled = true): Promise<Page> {
  const page = await web.newPage({
    viewport: { width: 1280, height: 720 },
    locale: 'vi-VN',
    javaScriptEnabled,
    timeout: 15_000,
  });
  await web.signIn(page, username);
  return page;
}

const look = (page: Page, name: string): Promise<void> => web.look(page, name);

describe('the applications list', () => {
  it('finds "Nguyen Van Anh" within the ward, pages through the matches and opens one', async () => {
    const first = await submit(stack);
    const second = await submit(stack);
    const elsewhere = await submit(stack, { wardCode: 'TANLAP', groupCode: 'TANLAP-01', householdCategory: 'POOR' });
    const other = await submit(stack, {
      borrower: { fullName: 'Lê Thị Bình', citizenId: '034199000001', dateOfBirth: '1990-01-01' },
    });
    const page = await signedIn('ward.HOABINH');

    await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.waitForURL(/\/applications$/);
    // The read model is written by the workflow's activity just after the submission is accepted.
    await expect.poll(() => page.reload().then(() => page.locator('tbody tr').count())).toBe(3);
    await page.goto('/applications?pageSize=1');
    await page.getByLabel('Tìm theo mã hồ sơ, số CCCD hoặc họ tên').fill('Nguyen Van Anh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/q=Nguyen(\+|%20)Van(\+|%20)Anh/);
    await expect.poll(() => page.getByRole('heading', { name: /Số hồ sơ tìm thấy/ }).textContent()).toContain(': 2');
    const newest = page.locator('tbody tr');
    expect(await newest.count()).toBe(1);
    expect(await newest.textContent()).toContain(second.code);
    expect(await newest.textContent()).toContain('Nguyễn Văn Ánh');
    await look(page, 'applications-search');

    await page.getByRole('link', { name: 'Trang sau' }).click();
    await page.waitForURL(/page=2/);
    expect(page.url()).toContain('q=Nguyen+Van+Anh');
    expect(await page.getByLabel('Tìm theo mã hồ sơ, số CCCD hoặc họ tên').inputValue()).toBe('Nguyen Van Anh');
    const row = page.locator('tbody tr');
    expect(await row.textContent()).toContain(first.code);
    expect(await page.content()).not.toContain(elsewhere.code);
    expect(await page.content()).not.toContain(other.code);
    await look(page, 'applications-page-2');

    await page.getByRole('link', { name: first.code }).click();
    await page.waitForURL(new RegExp(`/applications/${first.code}$`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(first.code);
  });

  it('works without JavaScript, finds a code typed in lower case, and says when nothing matches', async () => {
    const created = await submit(stack);
    const page = await signedIn('ward.HOABINH', false);
    await page.goto('/applications');
    await page.getByLabel('Tìm theo mã hồ sơ, số CCCD hoặc họ tên').fill(created.code.toLowerCase());
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator('tbody tr').textContent()).toContain(created.code);
    await page.getByLabel('Tìm theo mã hồ sơ, số CCCD hoặc họ tên').fill('Không Có Ai');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/q=Kh/);
    expect(await page.getByText('Không có hồ sơ nào phù hợp.').isVisible()).toBe(true);
    // axe runs as a script in the page, which this context does not allow: the screenshot only.
    await screenshot(page, 'applications-empty');
  });
});
