/**
 * An overdue instalment on the loan pages, on Temporal's time-skipping server: a loan of 50,000,000 VND over 12
 * months at 6.6%, principal every 6 months (programme POOR set so), its first instalment (25,000,000) left unpaid
 * past its date by skipping time. The pages judge "today" by the server's clock, as the loan's workflow does.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, endOfVietnamDay, toVietnamDate } from '../../workflows/calendar/working-days.js';
import { addMonths } from '../../workflows/rules/loan-book.js';
import { PUBLISHED, approvalFor, runStep, setDecisionClock, submit } from '../support/fixtures.js';
import { startWebTest, type WebTest } from './browser.js';
import { signIn } from './forms.js';

let web: WebTest;
/** A server over the same stack whose pages take today from the test server's clock. */
let baseUrl = '';
let serverNow = Date.now();
const loan = { id: '', code: '', firstDue: '' };
const shown = (iso: string) => iso.split('-').reverse().join('/');

beforeAll(async () => {
  // The JVM test server gets a fixed 5 s to start, which a busy machine can miss; a second attempt usually makes it.
  for (let attempt = 1; ; attempt += 1) {
    try {
      web = await startWebTest({ timeSkipping: true });
      break;
    } catch (error) {
      if (attempt >= 4 || !/ephemeral server|Failed to connect|did not start/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
  const { stack } = web;
  await stack.db.prisma.loanProgram.updateMany({ where: { code: 'POOR' }, data: { instalmentMonths: 6 } });
  serverNow = await stack.env!.currentTimeMs();
  setDecisionClock(() => serverNow);
  baseUrl = await stack.serve({ today: () => toVietnamDate(serverNow) });

  const created = await submit(stack, { termMonths: 12 });
  for (const step of PUBLISHED) {
    await runStep(stack, created.id, step, approvalFor(step, 50_000_000, 12));
  }
  const disbursedOn = toVietnamDate(serverNow);
  Object.assign(loan, { id: created.id, code: created.code, firstDue: addMonths(disbursedOn, 6) });
  await eventually(() => stack.db.prisma.loan.findUnique({ where: { id: created.id } }), 'the loan');

  await stack.env!.sleep(endOfVietnamDay(loan.firstDue) + 3_600_000 - serverNow);
  serverNow = await stack.env!.currentTimeMs();
  await eventually(
    () => stack.db.prisma.loanEvent.findFirst({ where: { loanId: created.id, type: 'INSTALMENT_OVERDUE' } }),
    'the overdue instalment',
  );
}, 300_000);

afterAll(async () => {
  await web?.close();
});

/** Waits (in real time) for the worker to finish what a fired timer started. */
async function eventually<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function signedIn(username: string): Promise<Page> {
  const context = await web.browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

const section = (page: Page, name: string) => page.getByRole('region', { name });

describe('an overdue instalment on the loan pages', () => {
  it('is marked in the list, which the overdue filter keeps', async () => {
    const page = await signedIn('bank.officer');
    await page.goto('/loans?overdue=true');
    const row = page.getByRole('row', { name: new RegExp(loan.code) });
    const text = await row.textContent();
    expect(text).toContain('25.000.000 đ');
    expect(text).toContain('Quá hạn');
    expect(await row.getAttribute('class')).toBe('overdue');
    await web.look(page, 'loans-overdue');
    await page.goto('/loans?overdue=false');
    expect(await page.getByRole('row', { name: new RegExp(loan.code) }).count()).toBe(0);
  });

  it('shows the instalment overdue, and the overdue interest owed on a later day', async () => {
    const page = await signedIn('bank.officer');
    await page.goto(`/loans/${loan.id}`);
    const first = section(page, 'Lịch trả nợ gốc').getByRole('row').nth(1);
    expect(await first.textContent()).toContain('Quá hạn');
    expect(await page.locator('dl.facts').first().textContent()).toContain('Kỳ quá hạn số 1');

    // Ten days late: 25,000,000 × 6.6% × 130% × 10 / 360 = 59,583 VND of overdue interest.
    const tenDaysLate = shown(addDays(loan.firstDue, 10));
    await page.getByLabel('Tính cho ngày').fill(tenDaysLate);
    await page.getByRole('button', { name: 'Tính' }).click();
    await page.waitForURL(/on=/);
    const owed = section(page, `Số phải trả ngày ${tenDaysLate}`);
    expect(await owed.textContent()).toContain('Lãi quá hạn59.583 đ');
    expect(await owed.textContent()).toContain('Gốc quá hạn25.000.000 đ');
    expect(await page.getByLabel('Tính cho ngày').inputValue()).toBe(tenDaysLate);
    await web.look(page, 'loan-overdue');

    await page.getByLabel('Tính cho ngày').fill('30/02/2027');
    await page.getByRole('button', { name: 'Tính' }).click();
    await page.getByText('Nhập ngày có thật, ví dụ 17/12/2026.').waitFor();
  });

  it('refuses to extend the overdue instalment, then takes what is due today at the transaction point', async () => {
    const manager = await signedIn('bank.manager');
    await manager.goto(`/loans/${loan.id}`);
    const extension = section(manager, 'Gia hạn kỳ trả nợ');
    await extension.getByLabel('Kỳ trả nợ').selectOption('1');
    await extension.getByLabel('Hạn trả mới').fill(shown(addMonths(loan.firstDue, 3)));
    await extension.getByLabel('Ý kiến của Chủ tịch UBND cấp xã').fill('Hộ bị thiệt hại do lũ');
    await extension.getByLabel('Quyết định của ngân hàng (số hoặc nội dung)').fill('QĐ 20/GH-PGD');
    await extension.getByRole('button', { name: 'Ghi nhận gia hạn' }).click();
    await extension.getByText('Kỳ trả nợ đã quá hạn nên không gia hạn được.').waitFor();
    expect(await extension.getByLabel('Ý kiến của Chủ tịch UBND cấp xã').inputValue()).toBe('Hộ bị thiệt hại do lũ');

    const page = await signedIn('bank.officer');
    await page.goto(`/loans/${loan.id}`);
    const form = section(page, 'Thu nợ gốc tại điểm giao dịch');
    const prefilled = Number(await form.getByLabel('Số tiền (đồng)').inputValue());
    // Overdue principal and the next instalment at least; the interest nobody collected is taken first.
    expect(prefilled).toBeGreaterThan(50_000_000);
    await form.getByLabel('Số tiền (đồng)').fill(String(prefilled - 25_000_000));
    await form.getByRole('button', { name: 'Ghi nhận trả nợ gốc' }).click();
    await page.waitForURL(/done=paid/);
    const first = section(page, 'Lịch trả nợ gốc').getByRole('row').nth(1);
    expect(await first.textContent()).toContain('Đã trả');
    expect(await page.locator('dl.facts').first().textContent()).not.toContain('Kỳ quá hạn');
  });
});
