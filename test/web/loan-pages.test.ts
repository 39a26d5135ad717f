/**
 * The loan pages in a real browser over the real stack: one loan disbursed today (50,000,000 VND over 36 months,
 * principal yearly: 16,666,666 / 16,666,666 / 16,666,668), read in the list and on its page, then taken through
 * every form by the role that acts: principal ahead of its date (the credit officer), an extension (the manager),
 * the use check (the association officer) and early repayment, which closes it. Each refusal is shown on the
 * page, in Vietnamese, with what was typed. The tests run in order on the one loan.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../workflows/rules/loan-book.js';
import { PUBLISHED, approvalFor, nextCitizenId, runStep, submit, todayInVietnam } from '../support/fixtures.js';
import { startWebTest, type WebTest } from './browser.js';

let web: WebTest;
const BORROWER = 'Đinh Thị Thu Trang';
const loan = { id: '', code: '', disbursedOn: '' };
const shown = (iso: string) => iso.split('-').reverse().join('/');

beforeAll(async () => {
  web = await startWebTest();
  const created = await submit(web.stack, {
    borrower: { fullName: BORROWER, citizenId: nextCitizenId(), dateOfBirth: '1990-06-15' },
  });
  for (const step of PUBLISHED) await runStep(web.stack, created.id, step, approvalFor(step));
  // The loan book has it once its workflow has recorded the first month of interest.
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const opened = { loanId: created.id, type: 'INTEREST_MONTH_OPENED' };
    if (await web.stack.db.prisma.loanEvent.findFirst({ where: opened })) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  Object.assign(loan, { id: created.id, code: created.code, disbursedOn: todayInVietnam() });
}, 240_000);

afterAll(async () => {
  await web?.close();
});

async function signedIn(username: string): Promise<Page> {
  const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
  await web.signIn(page, username);
  return page;
}

/** What the API says is owed today: the figures the forms must start from. */
async function dueToday(): Promise<{ total: number; payoff: number }> {
  const answer = await web.stack.api('GET', `/api/loans/${loan.id}`, { token: await web.stack.login('bank.officer') });
  expect(answer.status).toBe(200);
  return answer.body.dueToday;
}

const section = (page: Page, name: string) => page.getByRole('region', { name });
const csrfOf = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'csrf')!.value;

describe('the loans list', () => {
  it('lists the loan in scope with its figures, keeps it through the filters, and opens it', async () => {
    const page = await signedIn('bank.officer');
    await page.getByRole('link', { name: 'Khoản vay' }).click();
    await page.waitForURL(/\/loans$/);
    const row = page.getByRole('row', { name: new RegExp(loan.code) });
    const text = await row.textContent();
    expect(text).toContain(BORROWER);
    expect(text).toContain('Cho vay hộ nghèo');
    expect(text).toContain('50.000.000 đ');
    expect(text).toContain(shown(addMonths(loan.disbursedOn, 12)));
    expect(text).toContain('Đang vay');
    await web.look(page, 'loans');

    await page.getByLabel('Trạng thái').selectOption('CLOSED');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/status=CLOSED/);
    expect(await page.getByRole('row', { name: new RegExp(loan.code) }).count()).toBe(0);
    expect(await page.getByText('Không có khoản vay nào phù hợp.').count()).toBe(1);

    await page.getByLabel('Trạng thái').selectOption('ACTIVE');
    await page.getByLabel('Nợ quá hạn').selectOption('false');
    await page.getByLabel('Tổ tiết kiệm và vay vốn').selectOption('HOABINH-01');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/status=ACTIVE&overdue=false&wardCode=&groupCode=HOABINH-01/);
    await page.getByRole('link', { name: loan.code }).click();
    await page.waitForURL(new RegExp(`/loans/${loan.id}$`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(loan.code);
  });

  it('shows another ward’s officer neither the loan in the list nor its page (the 404 page)', async () => {
    const page = await signedIn('ward.TANLAP');
    await page.goto('/loans');
    expect(await page.getByRole('row', { name: new RegExp(loan.code) }).count()).toBe(0);
    const answer = await page.goto(`/loans/${loan.id}`);
    expect(answer?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Không tìm thấy trang');
  });
});

describe('one loan', () => {
  it('gives the group’s leader the loan read-only, with a link to the group’s interest collection', async () => {
    const page = await signedIn('group.HOABINH-01');
    await page.getByRole('link', { name: 'Khoản vay' }).click();
    await page.getByRole('link', { name: loan.code }).click();
    await page.waitForURL(new RegExp(`/loans/${loan.id}$`));
    const link = page.getByRole('link', { name: 'Thu lãi của tổ' });
    expect(await link.getAttribute('href')).toBe('/groups/HOABINH-01/interest-collections');
    expect(await page.locator('main form[method=post]').count()).toBe(0);
  });

  it('shows its facts, what is owed today, the schedule and the months of interest', async () => {
    const page = await signedIn('bank.officer');
    await page.goto(`/loans/${loan.id}`);
    const facts = await page.locator('dl.facts').first().textContent();
    for (const fact of [BORROWER, '50.000.000 đ', '6,6%/năm', '36 tháng', '12 tháng', shown(loan.disbursedOn)]) {
      expect(facts).toContain(fact);
    }
    const owed = section(page, `Số phải trả ngày ${shown(todayInVietnam())}`);
    expect(await owed.textContent()).toContain('16.666.666 đ');
    const schedule = section(page, 'Lịch trả nợ gốc');
    expect(await schedule.getByRole('row').count()).toBe(4);
    expect(await schedule.getByRole('row').nth(3).textContent()).toContain('16.666.668 đ');
    expect(await section(page, 'Lãi hằng tháng').textContent()).toContain('275.000 đ');
    expect(await section(page, 'Diễn biến khoản vay').textContent()).toContain('Mở khoản vay · Hệ thống');
    // The bank officer is offered neither the extension (the manager's) nor the use check (the association's).
    expect(await section(page, 'Gia hạn kỳ trả nợ').count()).toBe(0);
    expect(await section(page, 'Kết quả kiểm tra sử dụng vốn vay').count()).toBe(0);
    await web.look(page, 'loan');
  });

  it('takes principal ahead of its date at the transaction point, refusing more than is due with the amount kept', async () => {
    const page = await signedIn('bank.officer');
    await page.goto(`/loans/${loan.id}`);
    const form = section(page, 'Thu nợ gốc tại điểm giao dịch');
    const amount = form.getByLabel('Số tiền (đồng)');
    expect(await amount.inputValue()).toBe(String((await dueToday()).total));

    await amount.fill('99.999.999');
    await form.getByRole('button', { name: 'Ghi nhận trả nợ gốc' }).click();
    await form.getByText('Số tiền lớn hơn số phải trả.').first().waitFor();
    expect(await amount.inputValue()).toBe('99.999.999');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    await web.look(page, 'loan-principal-refused');

    await amount.fill('16.666.666');
    await form.getByRole('button', { name: 'Ghi nhận trả nợ gốc' }).click();
    await page.waitForURL(/done=paid/);
    expect(await page.getByRole('status').textContent()).toBe('Đã ghi nhận trả nợ gốc.');
    const schedule = section(page, 'Lịch trả nợ gốc');
    expect(await schedule.getByRole('row').nth(1).textContent()).toContain('Đã trả');
    expect(await section(page, 'Các lần trả nợ').textContent()).toContain('Trả nợ gốc');
    expect(await page.locator('dl.facts').first().textContent()).toContain('33.333.334 đ');
    expect(await web.stack.db.prisma.loanPayment.count({ where: { loanId: loan.id, kind: 'PRINCIPAL' } })).toBe(1);
  });

  it('extends an instalment for the manager with the ward chair’s comment, refusing a wrong date and a second extension', async () => {
    const page = await signedIn('bank.manager');
    await page.goto(`/loans/${loan.id}`);
    expect(await section(page, 'Thu nợ gốc tại điểm giao dịch').count()).toBe(0);
    const form = section(page, 'Gia hạn kỳ trả nợ');
    const due2 = addMonths(loan.disbursedOn, 24);
    await form.getByLabel('Kỳ trả nợ').selectOption('2');
    await form.getByLabel('Hạn trả mới').fill('31/02/2028');
    await form.getByLabel('Ý kiến của Chủ tịch UBND cấp xã').fill('Hộ bị thiệt hại do bão, đề nghị gia hạn 3 tháng');
    await form.getByLabel('Quyết định của ngân hàng (số hoặc nội dung)').fill('QĐ 12/GH-PGD');
    await form.getByRole('button', { name: 'Ghi nhận gia hạn' }).click();
    await form.getByText('Nhập ngày có thật, ví dụ 02/12/2027.').first().waitFor();
    expect(await form.getByLabel('Ý kiến của Chủ tịch UBND cấp xã').inputValue()).toBe(
      'Hộ bị thiệt hại do bão, đề nghị gia hạn 3 tháng',
    );

    // More than 12 months after the original due date: the workflow's own rule refuses it.
    await form.getByLabel('Hạn trả mới').fill(shown(addMonths(due2, 13)));
    await form.getByRole('button', { name: 'Ghi nhận gia hạn' }).click();
    await form.getByText('Ngày trả nợ mới phải sau hạn hiện tại và không quá 12 tháng.').first().waitFor();
    expect(await form.getByLabel('Kỳ trả nợ').inputValue()).toBe('2');
    await web.look(page, 'loan-extension-refused');

    const newDueOn = addMonths(due2, 3);
    await form.getByLabel('Hạn trả mới').fill(shown(newDueOn));
    await form.getByRole('button', { name: 'Ghi nhận gia hạn' }).click();
    await page.waitForURL(/done=extended/);
    expect(await page.getByRole('status').textContent()).toBe('Đã ghi nhận gia hạn kỳ trả nợ.');
    const row = section(page, 'Lịch trả nợ gốc').getByRole('row').nth(2);
    const text = await row.textContent();
    expect(text).toContain(shown(newDueOn));
    expect(text).toContain(`Gia hạn từ ${shown(due2)}`);
    expect(text).toContain('QĐ 12/GH-PGD');
    expect(text).toContain('Hộ bị thiệt hại do bão');

    const again = section(page, 'Gia hạn kỳ trả nợ');
    await again.getByLabel('Kỳ trả nợ').selectOption('2');
    await again.getByLabel('Hạn trả mới').fill(shown(addMonths(newDueOn, 1)));
    await again.getByLabel('Ý kiến của Chủ tịch UBND cấp xã').fill('Đề nghị gia hạn thêm');
    await again.getByLabel('Quyết định của ngân hàng (số hoặc nội dung)').fill('QĐ 13/GH-PGD');
    await again.getByRole('button', { name: 'Ghi nhận gia hạn' }).click();
    await again.getByText('Kỳ trả nợ này đã được gia hạn.').waitFor();
  });

  it('records the association officer’s use check from the inbox, once', async () => {
    const page = await signedIn('assoc.FARMERS.HOABINH');
    await page.getByRole('region', { name: 'Kiểm tra sử dụng vốn vay' }).getByRole('link', { name: loan.code }).click();
    await page.waitForURL(new RegExp(`/loans/${loan.id}$`));
    expect(await section(page, 'Thu nợ gốc tại điểm giao dịch').count()).toBe(0);
    const form = section(page, 'Kết quả kiểm tra sử dụng vốn vay');
    await form.getByLabel('Ghi chú kiểm tra').fill('Đã mua 2 con bò giống theo phương án');
    await form.getByRole('button', { name: 'Ghi nhận kết quả kiểm tra' }).click();
    await form.getByText('Vui lòng chọn một mục trong danh sách.').first().waitFor();
    expect(await form.getByLabel('Ghi chú kiểm tra').inputValue()).toBe('Đã mua 2 con bò giống theo phương án');
    await web.look(page, 'loan-use-check-refused');

    await form.getByLabel('Sử dụng đúng mục đích').check();
    await form.getByRole('button', { name: 'Ghi nhận kết quả kiểm tra' }).click();
    await page.waitForURL(/done=checked/);
    expect(await page.getByRole('status').textContent()).toBe('Đã ghi nhận kết quả kiểm tra sử dụng vốn vay.');
    expect(await page.locator('dl.facts').first().textContent()).toContain('Sử dụng đúng mục đích');
    expect(await section(page, 'Kết quả kiểm tra sử dụng vốn vay').count()).toBe(0);

    const resent = await page.request.post(`/loans/${loan.id}/use-check`, {
      form: { _csrf: await csrfOf(page), outcome: 'misused', note: 'Lần hai' },
    });
    expect(resent.status()).toBe(409);
    expect(await resent.text()).toContain('Việc sử dụng vốn vay đã được kiểm tra.');
    const row = await web.stack.db.prisma.loan.findUniqueOrThrow({ where: { id: loan.id } });
    expect(row.useCheckOutcome).toBe('as-planned');
  });

  it('repays the loan early behind a confirmation, refusing a wrong amount, and closes it', async () => {
    const page = await signedIn('bank.officer');
    await page.goto(`/loans/${loan.id}`);
    const form = section(page, 'Trả nợ trước hạn (tất toán)');
    await form.getByText('Hộ trả hết nợ trước hạn').click();
    const amount = form.getByLabel('Số tiền (đồng)');
    const { payoff } = await dueToday();
    expect(await amount.inputValue()).toBe(String(payoff));
    await form.getByRole('button', { name: 'Tất toán khoản vay' }).click();
    await form.getByText('Đánh dấu ô xác nhận trước khi tất toán.').first().waitFor();

    await amount.fill(String(payoff - 1));
    await form.getByLabel('Tôi xác nhận hộ vay trả hết nợ và tất toán khoản vay').check();
    await form.getByRole('button', { name: 'Tất toán khoản vay' }).click();
    await form.getByText('Trả nợ trước hạn phải trả toàn bộ dư nợ gốc và lãi đến hôm nay.').first().waitFor();
    expect(await amount.inputValue()).toBe(String(payoff - 1));
    await web.look(page, 'loan-early-refused');

    await amount.fill(String(payoff));
    await form.getByLabel('Tôi xác nhận hộ vay trả hết nợ và tất toán khoản vay').check();
    await form.getByRole('button', { name: 'Tất toán khoản vay' }).click();
    await page.waitForURL(/done=repaid/);
    expect(await page.getByRole('status').textContent()).toBe('Đã ghi nhận trả nợ trước hạn; khoản vay đã tất toán.');
    expect(await page.locator('dl.facts').first().textContent()).toContain('Đã tất toán');
    expect(await section(page, 'Thu nợ gốc tại điểm giao dịch').count()).toBe(0);
    await web.look(page, 'loan-closed');

    const resent = await page.request.post(`/loans/${loan.id}/principal-payments`, {
      form: { _csrf: await csrfOf(page), amount: '1000' },
    });
    expect(resent.status()).toBe(409);
    expect(await resent.text()).toContain('Khoản vay đã trả hết nợ và tất toán.');
  });
});
