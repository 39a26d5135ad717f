/** The capital pages in a real browser over the real stack: the sources with their figures, and one's ledger. */
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';
import { launchBrowser, screenshot, seriousViolations } from './browser.js';
import { signIn } from './forms.js';

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('the capital pages', () => {
  it('list the sources with capital, reserved, outstanding and available, and open one with its ledger', async () => {
    const token = await stack.login('bank.manager');
    const recalled = await stack.api('POST', '/api/capital-sources/NSDP-KIENXUONG/recalls', {
      token,
      body: { amount: 2_000_000_000, on: '2026-11-02', decisionNumber: '88/QĐ-UBND' },
    });
    expect(recalled.status).toBe(201);
    const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'bank.manager');

    await page.getByRole('link', { name: 'Nguồn vốn' }).click();
    const row = page.getByRole('row', { name: /NSDP-KIENXUONG/ });
    expect(await row.textContent()).toContain('Vốn ngân sách địa phương ủy thác');
    expect(await row.textContent()).toContain('48.000.000.000 đ');
    expect(await page.getByRole('row', { name: /TW-KIENXUONG-POOR/ }).textContent()).toContain('Vốn Trung ương');
    await screenshot(page, 'capital');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Vốn ngân sách huyện Kiến Xương ủy thác' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Vốn ngân sách huyện Kiến Xương ủy thác');
    const ledger = page.getByRole('region', { name: 'Sổ theo dõi nguồn vốn' });
    expect(await ledger.getByRole('row', { name: /125\/QĐ-UBND/ }).textContent()).toContain('Nhận ủy thác');
    expect(await ledger.getByRole('row', { name: /88\/QĐ-UBND/ }).textContent()).toContain('Thu hồi vốn');
    await screenshot(page, 'capital-source');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
