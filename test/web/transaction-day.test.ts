/**
 * The transaction day in a real browser, on the time-skipping server: two loans of ward HOABINH approved and
 * scheduled for its next transaction day, that day reached by skipping time; the bank officer marks the rows
 * disbursed from /transaction-days, and nothing is disbursed twice, whatever is clicked or resent.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfVietnamDay } from '../../workflows/calendar/working-days.js';
import { PUBLISHED, approvalFor, nextCitizenId, runStep, setDecisionClock, submit } from '../support/fixtures.js';
import type { TestStack } from '../support/stack.js';
import { screenshot, seriousViolations, startWebTest, type WebTest } from './browser.js';
import { signIn } from './forms.js';

let web: WebTest;
let stack: TestStack;
let page: Page;
let day = '';
const loans = [
  { name: 'Lê Thị Ngọc Hân', amount: 45_000_000, id: '', code: '' },
  { name: 'Trịnh Văn Đức', amount: 30_000_000, id: '', code: '' },
];
const shownDay = () => day.split('-').reverse().join('/');

beforeAll(async () => {
  web = await startWebTest({ timeSkipping: true });
  stack = web.stack;
  setDecisionClock(() => Date.now());
  for (const loan of loans) {
    const created = await submit(stack, {
      borrower: { fullName: loan.name, citizenId: nextCitizenId(), dateOfBirth: '1988-03-09' },
    });
    Object.assign(loan, { id: created.id, code: created.code });
    for (const step of PUBLISHED.slice(0, 4)) {
      await runStep(stack, loan.id, step, step === 'bank-approval' ? approvalFor(step, loan.amount) : undefined);
    }
  }
  const view = await stack.api('GET', `/api/applications/${loans[0]!.id}`, {
    token: await stack.login('bank.officer'),
  });
  day = view.body.disbursementOn;
  const now = await stack.env!.currentTimeMs();
  const target = startOfVietnamDay(day) + 9 * 3_600_000;
  if (target > now) await stack.env!.sleep(target - now);
  page = await web.newPage({ viewport: { width: 1280, height: 900 } });
}, 240_000);

afterAll(async () => {
  await web?.close();
});

const decisions = (id: string) =>
  stack.db.prisma.stepDecision.count({ where: { applicationId: id, step: 'disbursement' } });
const rowOf = (name: string) => page.getByRole('row').filter({ hasText: name });

describe('the transaction day page', () => {
  it('lists the loans scheduled at the chosen point and day, with amounts and the total', async () => {
    await signIn(page, 'bank.officer');
    await page.getByRole('link', { name: 'Ngày giao dịch' }).click();
    await page.getByLabel('Điểm giao dịch (phường/xã)').selectOption('HOABINH');
    await page.getByLabel('Ngày giao dịch').fill(shownDay());
    await page.getByRole('button', { name: 'Xem danh sách' }).click();
    await page.waitForURL(/ward=HOABINH/);
    expect(await rowOf('Lê Thị Ngọc Hân').textContent()).toContain('45.000.000 đ');
    expect(await rowOf('Trịnh Văn Đức').textContent()).toContain('30.000.000 đ');
    expect(await page.locator('tfoot').textContent()).toContain('75.000.000 đ');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks one row disbursed, shows it on the row, and a resent POST records nothing twice', async () => {
    const loan = loans[1]!;
    await page.getByRole('button', { name: `Đã giải ngân: ${loan.name}` }).click();
    await page.waitForURL(/done=disbursed/);
    expect(await page.getByRole('status').textContent()).toContain(`Đã ghi nhận giải ngân hồ sơ ${loan.code}`);
    expect(await rowOf(loan.name).textContent()).toContain(`Đã giải ngân ngày ${shownDay()}`);
    expect(await rowOf(loan.name).getByRole('button').count()).toBe(0);
    await screenshot(page, 'transaction-day');

    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'csrf')!.value;
    const resent = await page.request.post('/transaction-days/disbursements', {
      form: { _csrf: csrf, ward: 'HOABINH', date: day, applicationId: loan.id },
    });
    expect(resent.status()).toBe(200);
    expect(await resent.text()).toContain('đã được ghi nhận giải ngân trước đó');
    expect(await decisions(loan.id)).toBe(1);
  });

  it('disburses once on a double click', async () => {
    const loan = loans[0]!;
    const list = `/transaction-days?ward=HOABINH&date=${day}`;
    await page.goto(list);
    await page.getByRole('button', { name: `Đã giải ngân: ${loan.name}` }).dblclick();
    await page.waitForURL(/done=/);
    await page.getByRole('status').waitFor();
    await page.goto(list);
    expect(await rowOf(loan.name).textContent()).toContain(`Đã giải ngân ngày ${shownDay()}`);
    expect(await decisions(loan.id)).toBe(1);
    expect(await stack.db.prisma.disbursement.count({ where: { applicationId: loan.id } })).toBe(1);
    expect(await page.getByText('Đã giải ngân 2/2 hộ').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('downloads the list as PDF and XLSX, and the posting list', async () => {
    for (const [name, file] of [
      ['Danh sách giải ngân (PDF)', `giai-ngan-HOABINH-${day}.pdf`],
      ['Danh sách giải ngân (XLSX)', `giai-ngan-HOABINH-${day}.xlsx`],
      ['Danh sách công khai tại điểm giao dịch (PDF)', `cong-khai-HOABINH-${day}.pdf`],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      expect(download.suggestedFilename()).toBe(file);
    }
  });
});
