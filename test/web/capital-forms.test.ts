/**
 * The bank manager's capital forms in a real browser over the real stack: a new source, an entrustment, a recall
 * beyond what is available, a yearly plan and a programme's order of sources; each refusal beside its field with
 * what was typed kept. The credit officer reads the same pages without the forms.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let page: Page;
const DISTRICT = 'Huyện Kiến Xương (dữ liệu mẫu)';

beforeAll(async () => {
  web = await startWebTest();
  page = await web.newPage({ viewport: { width: 1024, height: 900 } });
  await web.signIn(page, 'bank.manager');
}, 120_000);

afterAll(async () => {
  await web?.close();
});

const newSource = () => page.getByRole('region', { name: 'Thêm nguồn vốn' });
const source = () => web.stack.db.prisma.capitalSource.findUnique({ where: { code: 'NSDP-HOABINH-2027' } });

describe('the capital forms', () => {
  it('add a source of a ward, and refuse a code already taken beside the code, the form kept', async () => {
    await page.goto('/capital');
    const form = newSource();
    await form.getByLabel('Mã').fill('NSDP-HOABINH-2027');
    await form.getByLabel('Tên nguồn vốn').fill('Vốn ngân sách xã Hòa Bình ủy thác');
    await form.getByLabel('Loại').selectOption('local');
    expect(await form.getByLabel('Quận/huyện').inputValue()).toBe(DISTRICT);
    await form.getByLabel('Phường/xã (để trống: vốn của cả huyện)').fill('HOABINH');
    await form.getByRole('button', { name: 'Thêm nguồn vốn' }).click();
    await page.waitForURL(/done=created/);
    expect(await page.getByRole('status').textContent()).toBe('Đã thêm nguồn vốn.');
    expect(await page.getByRole('row', { name: /NSDP-HOABINH-2027/ }).textContent()).toContain('HOABINH');
    expect((await source())?.wardCode).toBe('HOABINH');

    await form.getByLabel('Mã').fill('NSDP-HOABINH-2027');
    await form.getByLabel('Tên nguồn vốn').fill('Nguồn vốn trùng mã');
    await form.getByRole('button', { name: 'Thêm nguồn vốn' }).click();
    await page.waitForLoadState();
    expect(
      await form
        .locator('.field.has-error')
        .filter({ has: page.getByLabel('Mã') })
        .textContent(),
    ).toContain('Mã nguồn vốn đã tồn tại.');
    expect(await form.getByLabel('Tên nguồn vốn').inputValue()).toBe('Nguồn vốn trùng mã');
    expect(await web.stack.db.prisma.capitalSource.count({ where: { name: 'Nguồn vốn trùng mã' } })).toBe(0);
    await web.look(page, 'capital-new-source-refused');
  });

  it('record an entrustment typed as Vietnamese write it, and show it in the ledger', async () => {
    await page.goto('/capital/NSDP-HOABINH-2027');
    const form = page.getByRole('region', { name: 'Nhận ủy thác hoặc bổ sung vốn' });
    await form.getByLabel('Nghiệp vụ').selectOption('entrust');
    await form.getByLabel('Số tiền (đồng)').fill('50.000.000');
    await form.getByLabel('Ngày quyết định').fill('02/11/2026');
    await form.getByLabel('Số quyết định').fill('77/QĐ-UBND');
    await form.getByRole('button', { name: 'Ghi nhận vốn ủy thác' }).click();
    await page.waitForURL(/done=entrusted/);
    expect(await page.getByRole('status').textContent()).toBe('Đã ghi nhận vốn ủy thác.');
    const ledger = page.getByRole('region', { name: 'Sổ theo dõi nguồn vốn' });
    const row = ledger.getByRole('row', { name: /77\/QĐ-UBND/ });
    expect(await row.textContent()).toContain('Nhận ủy thác');
    expect(await row.textContent()).toContain('02/11/2026');
    expect(await row.textContent()).toContain('50.000.000 đ');
    expect(Number((await source())?.capital)).toBe(50_000_000);
    await web.look(page, 'capital-entrusted');
  });

  it('refuse, from the keyboard, a recall beyond what is available beside the amount, the form kept', async () => {
    await page.goto('/capital/NSDP-HOABINH-2027');
    const form = page.getByRole('region', { name: 'Thu hồi vốn' });
    await form.getByLabel('Số tiền (đồng)').focus();
    await page.keyboard.type('80.000.000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('03/11/2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('90/QĐ-UBND');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    const amount = form.getByLabel('Số tiền (đồng)');
    expect(await form.locator('.field.has-error').textContent()).toContain(
      'Số tiền thu hồi lớn hơn số vốn khả dụng của nguồn vốn.',
    );
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await amount.inputValue()).toBe('80.000.000');
    expect(await form.getByLabel('Số quyết định').inputValue()).toBe('90/QĐ-UBND');
    expect(await web.stack.db.prisma.capitalMovement.count({ where: { decisionNumber: '90/QĐ-UBND' } })).toBe(0);
    await web.look(page, 'capital-recall-refused');

    await amount.fill('20.000.000');
    await form.getByRole('button', { name: 'Ghi nhận thu hồi vốn' }).click();
    await page.waitForURL(/done=recalled/);
    expect(Number((await source())?.capital)).toBe(30_000_000);
  });

  it('save a yearly plan, and refuse a malformed amount beside it', async () => {
    await page.goto('/capital/NSDP-HOABINH-2027');
    const form = page.getByRole('region', { name: 'Kế hoạch vốn năm' });
    await form.getByLabel('Năm', { exact: true }).fill('2027');
    await form.getByLabel('Chương trình (để trống: chương trình của nguồn vốn)').selectOption('POOR');
    await form.getByLabel('Số tiền (đồng)').fill('năm mươi triệu');
    await form.getByRole('button', { name: 'Lưu kế hoạch vốn' }).click();
    await page.waitForLoadState();
    expect(await form.locator('.field.has-error').textContent()).toContain('Nhập số tiền kế hoạch');
    expect(await form.getByLabel('Số tiền (đồng)').inputValue()).toBe('năm mươi triệu');

    await form.getByLabel('Số tiền (đồng)').fill('120.000.000');
    await form.getByRole('button', { name: 'Lưu kế hoạch vốn' }).click();
    await page.waitForURL(/done=planned/);
    const plans = page.getByRole('region', { name: 'Kế hoạch vốn theo năm' });
    expect(await plans.getByRole('row', { name: /2027/ }).textContent()).toContain('120.000.000 đ');
    await web.look(page, 'capital-planned');
  });

  it("set a programme's order of sources by a number per source, and refuse a rank given twice", async () => {
    await page.goto('/capital');
    await page.getByRole('link', { name: 'Thứ tự ưu tiên nguồn vốn của các chương trình' }).click();
    const poor = page.getByRole('region', { name: 'Cho vay hộ nghèo POOR', exact: true });
    await poor.getByLabel('Thứ tự của TW-KIENXUONG-POOR').fill('1');
    await poor.getByLabel('Thứ tự của NSDP-HOABINH-2027').fill('1');
    await poor.getByRole('button', { name: /Lưu thứ tự cho/ }).click();
    await page.waitForLoadState();
    expect(await poor.getByRole('alert').textContent()).toContain('mỗi số một lần');
    expect(await poor.getByLabel('Thứ tự của NSDP-HOABINH-2027').inputValue()).toBe('1');
    await web.look(page, 'capital-priorities-refused');

    await poor.getByLabel('Thứ tự của NSDP-HOABINH-2027').fill('2');
    await poor.getByRole('button', { name: /Lưu thứ tự cho/ }).click();
    await page.waitForURL(/done=priority/);
    const priority = await web.stack.api('GET', '/api/programs/POOR/capital-priority', {
      token: await web.stack.login('bank.manager'),
    });
    expect(priority.body.sourceCodes).toEqual(['TW-KIENXUONG-POOR', 'NSDP-HOABINH-2027']);
    const rows = poor.getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('TW-KIENXUONG-POOR');
    expect(await rows.nth(2).textContent()).toContain('NSDP-HOABINH-2027');
    await web.look(page, 'capital-priorities');
  });

  it('show the credit officer the same pages without any form', async () => {
    const officer = await web.newPage();
    await web.signIn(officer, 'bank.officer');
    await officer.goto('/capital');
    expect(await officer.getByRole('region', { name: 'Thêm nguồn vốn' }).count()).toBe(0);
    await officer.goto('/capital/NSDP-HOABINH-2027');
    expect(await officer.locator('form[method=post]').filter({ hasText: 'Ghi nhận' }).count()).toBe(0);
    await officer.goto('/capital/priorities');
    expect(await officer.getByRole('spinbutton').count()).toBe(0);
    expect(await officer.getByRole('textbox').count()).toBe(0);
    await web.look(officer, 'capital-priorities-read-only');
  });
});
