/**
 * The ward's household list on the application page, in a real browser over the real stack: while ward
 * verification is the current step the page shows what the list says, and the decision form starts from it.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER, csvText, utf8 } from '../fixtures/registry/households.js';
import { applicationForm, runStep, submit } from '../support/fixtures.js';
import type { TestStack } from '../support/stack.js';
import { startWebTest, type WebTest } from './browser.js';
import { signIn } from './forms.js';

let web: WebTest;
let stack: TestStack;

beforeAll(async () => {
  web = await startWebTest();
  stack = web.stack;
});

afterAll(async () => {
  await web?.close();
});

const newPage = (): Promise<Page> => web.newPage();

async function uploadList(rows: string[][]): Promise<void> {
  const token = await stack.login('ward.HOABINH');
  const response = await fetch(`${stack.baseUrl}/api/wards/HOABINH/registry/import?fileName=ds.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: new Uint8Array(utf8(csvText([HEADER, ...rows], ';'))),
  });
  const result = await response.json();
  expect([response.status, result.created, result.errors], JSON.stringify(result)).toEqual([200, rows.length, []]);
}

describe('the ward officer, at ward verification', () => {
  // First, while HOABINH keeps no list yet: once it does, submission itself refuses a household not on it.
  it('says so when the borrower is not on the list, and starts from a refusal with its reason', async () => {
    const app = await submit(stack);
    await runStep(stack, app.id, 'group-vote');
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto(`/applications/${app.code}`);
    await page.getByRole('button', { name: 'Nhận xử lý bước này' }).click();
    const facts = page.getByRole('region', { name: 'Đối chiếu danh sách hộ của phường' });
    expect(await facts.textContent()).toContain('Không có trong danh sách hộ của phường');
    expect(await page.locator('input[name=outcome][value=reject]').isChecked()).toBe(true);
    expect(await page.locator('#f-reason').inputValue()).toContain('Không có trong danh sách hộ của phường');
  });

  it('sees the household on the ward list and a decision form filled in from it', async () => {
    // Digits 4 to 6 of a citizen ID encode the birth year, 1985 here.
    const borrower = { ...(applicationForm().borrower as object), citizenId: '034185901901' };
    const form = applicationForm({ borrower });
    // Listed until 2099, so that submission (judged on the real date) finds the listing current.
    const row = ['HB-901', 'Nguyễn Văn Ánh', 'Chủ hộ', '034185901901', '12/04/1985', 'Thôn Đông', 'Hộ nghèo'];
    await uploadList([[...row, '15/01/2026', '31/12/2099']]);
    const app = await submit(stack, form);
    await runStep(stack, app.id, 'group-vote');

    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto(`/applications/${app.code}`);
    await page.getByRole('button', { name: 'Nhận xử lý bước này' }).click();
    const facts = page.getByRole('region', { name: 'Đối chiếu danh sách hộ của phường' });
    expect(await facts.textContent()).toContain('HB-901');
    expect(await facts.textContent()).toContain('Hộ nghèo');
    expect(await facts.textContent()).toContain('31/12/2099');
    expect(await facts.textContent()).toContain('Còn hiệu lực');
    expect(await page.locator('input[name=outcome][value=approve]').isChecked()).toBe(true);
    expect(await page.locator('#f-residenceConfirmed').isChecked()).toBe(true);
    expect(await page.locator('#f-listedCategory').inputValue()).toBe('POOR');
    await web.look(page, 'application-registry-check');

    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.waitForURL(/done=decided/);
    expect((await stack.queryState(app.id)).currentStep).toBe('entrustment');
  });
});
