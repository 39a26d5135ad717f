/**
 * The group leader's monthly interest collection (receipt 01/BL) in a real browser over the real stack: three
 * loans of group HOABINH-01 disbursed today, their first month's interest due a month later. One batch from the
 * page, a refused line named beside its row with everything typed kept, rows collected shown as collected, and
 * the bank officer reading the same list.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, nextCitizenId, runStep, submit } from '../support/fixtures.js';
import type { TestStack } from '../support/stack.js';
import { startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let stack: TestStack;
let page: Page;
/** The month the loans' first interest is due (YYYY-MM), as the loan book says. */
let month = '';
const loans = [
  { name: 'Phạm Thị Lan', id: '' },
  { name: 'Vũ Văn Hùng', id: '' },
  { name: 'Đỗ Thị Mai', id: '' },
];
const shown = () => `${month.slice(5)}/${month.slice(0, 4)}`;
const path = '/groups/HOABINH-01/interest-collections';

async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  web = await startWebTest();
  stack = web.stack;
  for (const loan of loans) {
    const created = await submit(stack, {
      borrower: { fullName: loan.name, citizenId: nextCitizenId(), dateOfBirth: '1986-05-14' },
    });
    loan.id = created.id;
    for (const step of PUBLISHED) await runStep(stack, loan.id, step);
  }
  const token = await stack.login('bank.officer');
  const first = await eventually(async () => {
    const found = await stack.db.prisma.loan.findFirst({ where: { applicationId: loans[0]!.id } });
    if (!found) return null;
    const view = await stack.api('GET', `/api/loans/${found.id}`, { token });
    return view.body.interest?.[0]?.month as string | undefined;
  }, 'the first loan and its first month of interest');
  month = first;
  await eventually(
    async () =>
      (await stack.db.prisma.loanInterest.count({ where: { month, loan: { groupCode: 'HOABINH-01' } } })) >= 3,
    'every loan’s first month of interest',
  );
  page = await web.newPage({ viewport: { width: 1100, height: 900 } });
  await web.signIn(page, 'group.HOABINH-01');
}, 300_000);

afterAll(async () => {
  await web?.close();
});

const rowOf = (name: string) => page.getByRole('row').filter({ hasText: name });
const amountOf = (name: string) => page.getByLabel(`Số tiền đã thu của ${name}`);
const collected = (name: string) =>
  stack.db.prisma.loanInterest.findFirst({ where: { month, loan: { borrowerName: name } } });

describe('the interest collection page', () => {
  it('opens from the leader’s navigation, and the month picker reaches the month with interest due', async () => {
    await page.getByRole('link', { name: 'Thu lãi', exact: true }).click();
    await page.waitForURL(/interest-collections/);
    await page.getByLabel('Tháng').fill(month);
    await page.getByRole('button', { name: 'Xem tháng này' }).click();
    await page.waitForURL(new RegExp(`month=${month}`));
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(`Lãi tháng ${shown()}`);
    for (const loan of loans) {
      expect(await rowOf(loan.name).textContent()).toContain('275.000 đ');
      expect(await amountOf(loan.name).inputValue()).toBe('275000');
    }
    await page.getByRole('link', { name: /Tháng trước/ }).click();
    expect(await page.getByText('Không có khoản vay nào của tổ có lãi phải thu').count()).toBe(1);
    await page.getByRole('link', { name: /Tháng sau/ }).click();
    expect(await rowOf(loans[0]!.name).count()).toBe(1);
  });

  it('refuses an amount over the due beside its row, keeps what was typed, and enters nothing', async () => {
    await page.goto(`${path}?month=${month}`);
    await amountOf(loans[0]!.name).fill('300.000');
    await amountOf(loans[1]!.name).fill('200.000');
    await amountOf(loans[2]!.name).fill('');
    await page.getByLabel('Số biên lai (mẫu 01/BL)').fill('01/BL-0012');
    await page.getByRole('button', { name: 'Ghi nhận tiền lãi đã thu' }).click();
    await page.waitForLoadState();
    expect(await rowOf(loans[0]!.name).textContent()).toContain('Số tiền lớn hơn số phải trả. Nhiều nhất 275.000 đ.');
    expect(await amountOf(loans[0]!.name).getAttribute('aria-invalid')).toBe('true');
    expect(await amountOf(loans[0]!.name).inputValue()).toBe('300.000');
    expect(await amountOf(loans[1]!.name).inputValue()).toBe('200.000');
    expect(await amountOf(loans[2]!.name).inputValue()).toBe('');
    expect(await page.getByLabel('Số biên lai (mẫu 01/BL)').inputValue()).toBe('01/BL-0012');
    expect(await page.getByRole('alert').textContent()).toContain('Chưa ghi nhận khoản nào');
    expect((await collected(loans[1]!.name))?.collected).toBeNull();
    await web.look(page, 'interest-collection-refused');
  });

  it('enters the batch from the keyboard, then shows those rows as collected', async () => {
    await amountOf(loans[0]!.name).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('275.000');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=collected/);
    expect(await page.getByRole('status').textContent()).toBe('Đã ghi nhận tiền lãi của 2 khoản vay.');
    expect(await rowOf(loans[0]!.name).textContent()).toContain('Đã thu 275.000 đ');
    expect(await rowOf(loans[1]!.name).textContent()).toContain('Đã thu 200.000 đ');
    expect(await amountOf(loans[0]!.name).count()).toBe(0);
    expect(await amountOf(loans[2]!.name).inputValue()).toBe('275000');
    expect(Number((await collected(loans[1]!.name))?.collected)).toBe(200_000);
    await web.look(page, 'interest-collection');
  });

  it('names a line collected meanwhile beside its row', async () => {
    await page.goto(`${path}?month=${month}`);
    const last = await stack.db.prisma.loanInterest.findFirstOrThrow({
      where: { month, loan: { borrowerName: loans[2]!.name } },
    });
    const posted = await stack.api('POST', `/api${path}`, {
      token: await stack.login('group.HOABINH-01'),
      body: { month, collections: [{ loanId: last.loanId, amount: 100_000 }] },
    });
    expect(posted.status).toBe(201);
    await page.getByRole('button', { name: 'Ghi nhận tiền lãi đã thu' }).click();
    await page.waitForLoadState();
    expect(await rowOf(loans[2]!.name).textContent()).toContain('Lãi tháng này của khoản vay đã được thu.');
    expect(Number((await collected(loans[2]!.name))?.collected)).toBe(100_000);
  });

  it('shows the bank officer the same month read only', async () => {
    const officer = await web.newPage({ viewport: { width: 1100, height: 900 } });
    await web.signIn(officer, 'bank.officer');
    await officer.goto(`${path}?month=${month}`);
    expect(await officer.getByText('Chỉ tổ trưởng của tổ ghi nhận tiền lãi đã thu.').count()).toBe(1);
    expect(await officer.getByRole('row').filter({ hasText: loans[1]!.name }).textContent()).toContain(
      'Đã thu 200.000 đ',
    );
    expect(await officer.getByRole('button', { name: 'Ghi nhận tiền lãi đã thu' }).count()).toBe(0);
    await web.look(officer, 'interest-collection-bank');
  });
});
