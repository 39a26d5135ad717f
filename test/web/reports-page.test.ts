/**
 * The reports page in a real browser, on Temporal's time-skipping server: two loans of ward HOABINH, principal every
 * 6 months (programme POOR set so), their first instalments left unpaid past their date by skipping time; then the
 * figures (overdue and its ratio included), the two charts and their tables as the bank officer sees them, the same
 * numbers as GET /api/reports, the filters, a refused date, and the workbook.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../server/domain/format.js';
import { endOfVietnamDay, toVietnamDate } from '../../workflows/calendar/working-days.js';
import { addMonths } from '../../workflows/rules/loan-book.js';
import { PUBLISHED, approvalFor, nextCitizenId, runStep, setDecisionClock, submit } from '../support/fixtures.js';
import type { TestStack } from '../support/stack.js';
import { eventually } from '../support/eventually.js';
import { SCREENSHOTS, startTimeSkippingWebTest, type WebTest } from './browser.js';

let web: WebTest;
let stack: TestStack;
let page: Page;
const loans = [
  { name: 'Lê Thị Ngọc Hân', amount: 45_000_000 },
  { name: 'Trịnh Văn Đức', amount: 30_000_000 },
];
/** The test server's today, once time has skipped past the first instalments; and the loans' day. */
let today = '';
let shownToday = '';
let disbursedOn = '';
let baseUrl = '';
const money = (amount: number) => formatMoney(amount, 'vi');

interface ApiReport {
  asOf: { loanOutstanding: number; capital: number; borrowers: number; overdue: number; overdueRatio: number };
  period: { amountDisbursed: number; loansDisbursed: number };
  wards: { wardName: string; outstanding: number; overdue: number; borrowers: number }[];
  months: { month: string; outstanding: number }[];
}

async function apiReport(query: Record<string, string>): Promise<ApiReport> {
  const token = await stack.login('bank.officer');
  const answer = await stack.api<ApiReport>('GET', `/api/reports?${new URLSearchParams(query).toString()}`, { token });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** The cells of the table captioned so, row by row. */
async function tableRows(caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim())),
    );
}

beforeAll(async () => {
  web = await startTimeSkippingWebTest();
  stack = web.stack;
  await stack.db.prisma.loanProgram.updateMany({ where: { code: 'POOR' }, data: { instalmentMonths: 6 } });
  let serverNow = await stack.env!.currentTimeMs();
  setDecisionClock(() => serverNow);
  baseUrl = await stack.serve({ today: () => toVietnamDate(serverNow) });
  disbursedOn = toVietnamDate(serverNow);
  const ids: string[] = [];
  for (const loan of loans) {
    const created = await submit(stack, {
      borrower: { fullName: loan.name, citizenId: nextCitizenId(), dateOfBirth: '1988-03-09' },
      amount: loan.amount,
      termMonths: 12,
    });
    for (const step of PUBLISHED) {
      await runStep(stack, created.id, step, approvalFor(step, loan.amount, 12));
    }
    ids.push(created.id);
  }
  for (const id of ids) await eventually(() => stack.db.prisma.loan.findUnique({ where: { id } }), 'the loan');
  await stack.env!.sleep(endOfVietnamDay(addMonths(disbursedOn, 6)) + 3_600_000 - serverNow);
  serverNow = await stack.env!.currentTimeMs();
  for (const loanId of ids) {
    await eventually(
      () => stack.db.prisma.loanEvent.findFirst({ where: { loanId, type: 'INSTALMENT_OVERDUE' } }),
      'the overdue instalment',
    );
  }
  today = toVietnamDate(serverNow);
  shownToday = today.split('-').reverse().join('/');
  const context = await web.browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
}, 300_000);

afterAll(async () => {
  await web?.close();
});

describe('the reports page', () => {
  it('shows the figures as of today, both charts, and tables with the same numbers as the API', async () => {
    await web.signIn(page, 'bank.officer');
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo dư nợ và nguồn vốn' }).waitFor();
    const api = await apiReport({ on: today, from: disbursedOn });
    expect(api.asOf.loanOutstanding).toBe(75_000_000);
    // The first instalments, half of each loan's principal, are past their date.
    expect(api.asOf.overdue).toBe(37_500_000);

    const facts = await page.locator('#as-of-title + dl').textContent();
    expect(facts).toContain(`Dư nợ cho vay${money(75_000_000)}`);
    expect(facts).toContain(`Nợ quá hạn${money(37_500_000)}`);
    expect(facts).toContain('Tỷ lệ nợ quá hạn50%');
    expect(facts).toContain(`Tổng nguồn vốn${money(api.asOf.capital)}`);
    expect(facts).toContain('Số hộ còn dư nợ2');
    await page.goto(`/reports?from=${disbursedOn}`);
    expect(await page.getByLabel('Kỳ báo cáo từ ngày', { exact: true }).inputValue()).toBe(
      disbursedOn.split('-').reverse().join('/'),
    );
    expect(await page.locator('#period-title + dl').textContent()).toContain(`Doanh số cho vay${money(75_000_000)}`);

    expect(await page.getByRole('img', { name: /Dư nợ và nợ quá hạn theo phường\/xã/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /Dư nợ và nợ quá hạn theo tháng/ }).count()).toBe(1);
    expect(await page.locator('svg.chart rect[fill^="url(#by-ward-chart-fill"]').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.chart path[fill="none"]').count()).toBe(2);

    const wardRows = await tableRows('Dư nợ và nợ quá hạn theo phường/xã');
    expect(wardRows).toEqual(
      api.wards.map((row) => [row.wardName, money(row.outstanding), money(row.overdue), String(row.borrowers)]),
    );
    expect(wardRows.find((row) => row[0] === 'Phường Hòa Bình')?.slice(1, 3)).toEqual([
      money(75_000_000),
      money(37_500_000),
    ]);
    const monthRows = await tableRows('Dư nợ và nợ quá hạn theo tháng');
    expect(monthRows.map((row) => row.slice(0, 2))).toEqual(
      api.months.map((row) => [row.month.split('-').reverse().join('/'), money(row.outstanding)]),
    );
    expect(monthRows.at(-1)?.slice(1, 3)).toEqual([money(75_000_000), money(37_500_000)]);
    await web.look(page, 'reports');
    // Each chart at full size, to read its labels.
    await page
      .locator('figure.chart-figure')
      .first()
      .screenshot({ path: `${SCREENSHOTS}reports-chart-wards.png` });
    await page
      .locator('figure.chart-figure')
      .last()
      .screenshot({ path: `${SCREENSHOTS}reports-chart-months.png` });
  });

  it('narrows the report to a ward, and to a date before the loans', async () => {
    await page.getByLabel('Phường/xã', { exact: true }).selectOption({ label: 'Phường Tân Lập' });
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.waitForURL(/wardCode=TANLAP/);
    expect(await tableRows('Dư nợ và nợ quá hạn theo phường/xã')).toEqual([
      ['Phường Tân Lập', money(0), money(0), '0'],
    ]);
    // A ward with nothing to draw: one value beside its empty bars, not one per bar.
    expect(await page.locator('#by-ward-chart-title ~ g text.bar-value').allTextContents()).toEqual([money(0)]);
    expect(await page.locator('#as-of-title + dl').textContent()).toContain(`Dư nợ cho vay${money(0)}`);
    await web.look(page, 'reports-ward');

    await page.getByLabel('Phường/xã', { exact: true }).selectOption({ label: 'Tất cả' });
    await page.getByLabel('Số liệu đến ngày', { exact: true }).fill('31/12/2025');
    await page.getByLabel('Kỳ báo cáo từ ngày', { exact: true }).fill('01/01/2025');
    await page.getByLabel('Đến ngày', { exact: true }).fill('31/12/2025');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.waitForURL(/on=31%2F12%2F2025/);
    expect(await page.getByRole('heading', { name: 'Số liệu đến ngày 31/12/2025' }).count()).toBe(1);
    expect(await page.locator('#as-of-title + dl').textContent()).toContain(`Dư nợ cho vay${money(0)}`);
    expect(await page.locator('#period-title + dl').textContent()).toContain(`Doanh số cho vay${money(0)}`);
  });

  it('takes the filters in reading order with the keyboard alone', async () => {
    await page.getByLabel('Phường/xã', { exact: true }).focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('name'));
    const order = [await focused()];
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['wardCode', 'programCode', 'sourceCode', 'on', 'from', 'to']);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Xem báo cáo');
  });

  it('refuses a date that is not one beside its field, keeping what was typed', async () => {
    await page.getByLabel('Số liệu đến ngày', { exact: true }).fill('31/02/2026');
    await page.getByLabel('Phường/xã', { exact: true }).selectOption({ label: 'Phường Hòa Bình' });
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.waitForURL(/on=31%2F02%2F2026/);
    expect(await page.getByRole('alert').textContent()).toContain('Nhập ngày có thật theo dạng dd/mm/yyyy');
    expect(await page.getByLabel('Số liệu đến ngày', { exact: true }).inputValue()).toBe('31/02/2026');
    expect(await page.getByLabel('Phường/xã', { exact: true }).inputValue()).toBe('HOABINH');
    expect(await page.getByRole('img').count()).toBe(0);
    await web.look(page, 'reports-refused');
  });

  it("reads the page's first names for the scope, as a bookmark may still have them", async () => {
    await page.goto(`/reports?ward=TANLAP&on=${shownToday}`);
    expect(await page.getByLabel('Phường/xã', { exact: true }).inputValue()).toBe('TANLAP');
    expect(await tableRows('Dư nợ và nợ quá hạn theo phường/xã')).toEqual([
      ['Phường Tân Lập', money(0), money(0), '0'],
    ]);
  });

  it('links the workbook in the terms of GET /api/reports, which the API reads the same', async () => {
    await page.goto(`/reports?wardCode=HOABINH&on=${shownToday}`);
    const href = await page.getByRole('link', { name: 'Tải báo cáo (XLSX)' }).getAttribute('href');
    const asked = new URL(href!, baseUrl).searchParams;
    expect(Object.fromEntries(asked)).toEqual({
      district: expect.any(String) as string,
      wardCode: 'HOABINH',
      on: today,
      from: `${today.slice(0, 4)}-01-01`,
      to: today,
    });
    const token = await stack.login('bank.officer');
    const answer = await stack.api('GET', `/api/reports.xlsx?${asked.toString()}`, { token });
    expect(answer.status).toBe(200);
  });

  it('downloads the report shown as a workbook with the same figures', async () => {
    await page.goto(`/reports?on=${shownToday}&from=${disbursedOn}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await readFile(await download.path())).buffer);
    const cells = book.worksheets.flatMap((sheet) => {
      const values: unknown[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
      return values;
    });
    expect(cells).toContain(75_000_000);
    expect(cells).toContain('Phường Hòa Bình');
  });

  it('reads in English on the language switch, charts included', async () => {
    await page.goto(`/reports?on=${shownToday}`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio report' }).waitFor();
    expect(await page.getByRole('img', { name: /Outstanding and overdue by ward/ }).count()).toBe(1);
    expect(await tableRows('Outstanding and overdue by ward')).toContainEqual([
      'Phường Hòa Bình',
      formatMoney(75_000_000, 'en'),
      formatMoney(37_500_000, 'en'),
      '2',
    ]);
    await web.look(page, 'reports-en');
  });
});
