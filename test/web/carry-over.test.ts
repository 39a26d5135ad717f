/**
 * Moving loans to the next transaction day in a real browser, on the time-skipping server: two loans of ward
 * HOABINH reach their transaction day; the bank officer moves one with a reason from /transaction-days and closes
 * the day for the other; the borrower then sees the new day on /status and downloads their own form 01/TD there,
 * which works only within the status session the lookup opened.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfVietnamDay } from '../../workflows/calendar/working-days.js';
import { PUBLISHED, nextCitizenId, runStep, setDecisionClock, submit } from '../support/fixtures.js';
import { pdfText } from '../support/pdf.js';
import { startStack, type TestStack } from '../support/stack.js';
import { launchBrowser, screenshot, seriousViolations } from './browser.js';
import { signIn } from './forms.js';

let stack: TestStack;
let browser: Browser;
let page: Page;
let day = '';
const loans = [
  { name: 'Vũ Thị Phương Thảo', id: '', code: '', last4: '' },
  { name: 'Ngô Đức Khải', id: '', code: '', last4: '' },
];
const shown = (iso: string) => iso.split('-').reverse().join('/');
const carriedOver = (id: string) =>
  stack.db.prisma.auditEvent.count({ where: { applicationId: id, type: 'DISBURSEMENT_CARRIED_OVER' } });
const rowOf = (name: string) => page.getByRole('row').filter({ hasText: name });

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ timeSkipping: true }), launchBrowser()]);
  setDecisionClock(() => Date.now());
  for (const loan of loans) {
    const created = await submit(stack, {
      borrower: { fullName: loan.name, citizenId: nextCitizenId(), dateOfBirth: '1987-11-20' },
    });
    Object.assign(loan, { id: created.id, code: created.code, last4: created.last4 });
    for (const step of PUBLISHED.slice(0, 4)) await runStep(stack, loan.id, step);
  }
  const view = await stack.api('GET', `/api/applications/${loans[0]!.id}`, {
    token: await stack.login('bank.officer'),
  });
  day = view.body.disbursementOn;
  const now = await stack.env!.currentTimeMs();
  const target = startOfVietnamDay(day) + 15 * 3_600_000;
  if (target > now) await stack.env!.sleep(target - now);
  const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('the transaction day page', () => {
  let newDay = '';

  it('asks for a reason beside the row before moving it', async () => {
    const loan = loans[0]!;
    await signIn(page, 'bank.officer');
    await page.goto(`/transaction-days?ward=HOABINH&date=${day}`);

    await page.getByRole('button', { name: `Chuyển sang ngày giao dịch sau: ${loan.name}` }).click();

    const field = rowOf(loan.name).getByLabel(`Lý do không giải ngân hôm nay (${loan.name})`);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await rowOf(loan.name).locator('.field-error').count()).toBeGreaterThan(0);
    expect(await carriedOver(loan.id)).toBe(0);
    await screenshot(page, 'transaction-day-carry-over-refused');
  });

  it('moves one row to the next transaction day with its reason, once, whatever is resent', async () => {
    const loan = loans[0]!;
    await rowOf(loan.name)
      .getByLabel(`Lý do không giải ngân hôm nay (${loan.name})`)
      .fill('Hộ vay vắng mặt, đi làm ăn xa');
    await page.getByRole('button', { name: `Chuyển sang ngày giao dịch sau: ${loan.name}` }).click();
    await page.waitForURL(/done=carried-over/);

    newDay = new URL(page.url()).searchParams.get('to') ?? '';
    expect(newDay > day).toBe(true);
    expect(await page.getByRole('status').textContent()).toContain(
      `Hồ sơ ${loan.code} chưa giải ngân hôm nay, đã chuyển sang ngày giao dịch ${shown(newDay)}.`,
    );
    expect(await rowOf(loan.name).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'transaction-day-carried-over');

    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'csrf')!.value;
    const resent = await page.request.post('/transaction-days/carry-overs', {
      form: { _csrf: csrf, ward: 'HOABINH', date: day, applicationId: loan.id, reason: 'Gửi lại' },
    });
    expect(await resent.text()).toContain('đã được chuyển sang ngày giao dịch');
    expect(await carriedOver(loan.id)).toBe(1);
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { applicationId: loan.id, type: 'DISBURSEMENT_CARRIED_OVER' },
    });
    expect(audit.data).toMatchObject({
      reason: 'Hộ vay vắng mặt, đi làm ăn xa',
      payload: { fromOn: day, toOn: newDay },
    });
  });

  it('closes the day: every row not disbursed moves, once', async () => {
    const loan = loans[1]!;
    await page.goto(`/transaction-days?ward=HOABINH&date=${day}`);
    await page.getByLabel('Lý do chuyển').fill('Hết ngày giao dịch, hộ chưa đến nhận tiền');
    await screenshot(page, 'transaction-day-close');

    await page.getByRole('button', { name: 'Chuyển tất cả hồ sơ chưa giải ngân sang ngày giao dịch sau' }).dblclick();
    await page.waitForURL(/done=closed/);
    await page.getByRole('status').waitFor();

    await page.goto(`/transaction-days?ward=HOABINH&date=${day}`);
    expect(await rowOf(loan.name).count()).toBe(0);
    expect(await carriedOver(loan.id)).toBe(1);
    await page.goto(`/transaction-days?ward=HOABINH&date=${newDay}`);
    expect(await rowOf(loans[0]!.name).count()).toBe(1);
    expect(await rowOf(loan.name).count()).toBe(1);
  });
});

describe('the borrower on /status', () => {
  it('sees the new transaction day and downloads their form 01/TD within the status session only', async () => {
    const loan = loans[0]!;
    const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1280, height: 900 } });
    const applicant = await context.newPage();
    await applicant.goto('/status');
    await applicant.getByLabel('Mã hồ sơ').fill(loan.code);
    await applicant.getByLabel('4 số cuối CCCD').fill(loan.last4);
    await applicant.getByRole('button', { name: 'Tra cứu' }).click();

    const view = await stack.api('GET', `/api/applications/${loan.id}`, { token: await stack.login('bank.officer') });
    expect(await applicant.locator('main').textContent()).toContain(shown(view.body.disbursementOn));
    expect(view.body.disbursementOn > day).toBe(true);
    expect(await seriousViolations(applicant)).toEqual([]);
    await screenshot(applicant, 'status-form-01-td');
    const [download] = await Promise.all([
      applicant.waitForEvent('download'),
      applicant.getByRole('link', { name: 'Tải giấy đề nghị vay vốn (Mẫu 01/TD, PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`01-TD-${loan.code}.pdf`);
    const text = pdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(text).toContain('Mẫu số 01/TD');
    expect(text).toContain(loan.name);

    const stranger = await fetch(`${stack.baseUrl}/status/${loan.code}/forms/01-td.pdf`);
    expect(stranger.status).toBe(404);
    const otherApplication = await applicant.request.get(`/status/${loans[1]!.code}/forms/01-td.pdf`);
    expect(otherApplication.status()).toBe(404);
    await context.close();
  });
});
