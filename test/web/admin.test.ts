/**
 * The administrator in a real browser: signs in to /admin, creates an officer (a taken username refused beside
 * its field first, the input kept), changes a role, and is refused changing their own account.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let page: Page;

beforeAll(async () => {
  web = await startWebTest();
  page = await web.newPage();
});

afterAll(async () => {
  await web?.close();
});

const look = (name: string): Promise<void> => web.look(page, name);

const field = (label: string) => page.getByRole('main').getByLabel(label, { exact: true });

describe('the administrator', () => {
  it('signs in and lands on the administration', async () => {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('demo1234');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Quản trị hệ thống');
    await look('admin');
    await page
      .getByRole('main')
      .getByRole('link', { name: /Cán bộ/ })
      .click();
    await page.waitForURL(/\/admin\/officers$/);
    await expect(page.getByRole('cell', { name: 'ward.HOABINH' }).isVisible()).resolves.toBe(true);
  });

  it('creates an officer: a taken username is refused beside its field with the input kept', async () => {
    await page.goto('/admin/officers');
    await field('Tên đăng nhập').fill('ward.HOABINH');
    await field('Họ và tên').fill('Trần Văn Bình');
    await field('Vai trò').selectOption('ward_officer');
    await field('Phường/xã').selectOption('HOABINH');
    await field('Mật khẩu ban đầu').fill('mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const error = page.locator('#f-username-error');
    await expect(error.textContent()).resolves.toBe('Tên đăng nhập đã có người dùng.');
    await expect(field('Họ và tên').inputValue()).resolves.toBe('Trần Văn Bình');
    await expect(field('Phường/xã').inputValue()).resolves.toBe('HOABINH');
    await look('admin-officers-refused');

    await field('Tên đăng nhập').fill('ward.HOABINH.2');
    await field('Mật khẩu ban đầu').fill('mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForURL(/\/admin\/officers\/ward\.HOABINH\.2\?done=created$/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã tạo tài khoản.');
    await look('admin-officer');
  });

  it('refuses the demo password beside its field', async () => {
    await page.goto('/admin/officers/ward.HOABINH.2');
    await page.getByLabel('Mật khẩu mới').fill('demo1234');
    await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await expect(page.locator('#p-f-password-error').textContent()).resolves.toBe(
      'Mật khẩu có ít nhất 8 ký tự và không được là mật khẩu mẫu.',
    );
  });

  it('changes an officer to a group leader of a group', async () => {
    await page.goto('/admin/officers/ward.HOABINH.2');
    await field('Vai trò').selectOption('group_leader');
    await field('Phường/xã').selectOption('');
    await field('Tổ TK&VV').selectOption('HOABINH-01');
    await page.getByRole('button', { name: 'Lưu vai trò và phạm vi' }).click();
    await page.waitForURL(/\?done=changed$/);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Tổ trưởng tổ TK&VV');
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('HOABINH-01');
  });

  it('refuses a role that lacks its scope beside the scope field', async () => {
    await page.goto('/admin/officers/ward.HOABINH.2');
    await field('Vai trò').selectOption('ward_officer');
    await field('Phường/xã').selectOption('');
    await page.getByRole('button', { name: 'Lưu vai trò và phạm vi' }).click();
    await expect(page.locator('#f-wardCode-error').textContent()).resolves.toBe('Phạm vi phụ trách không hợp lệ.');
    await expect(field('Vai trò').inputValue()).resolves.toBe('ward_officer');
  });

  it('disables and enables an account', async () => {
    await page.goto('/admin/officers/ward.HOABINH.2');
    await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await page.waitForURL(/\?done=disabled$/);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Đã khóa');
    await page.getByRole('button', { name: 'Mở khóa tài khoản' }).click();
    await page.waitForURL(/\?done=enabled$/);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Đang hoạt động');
  });

  it('may not change their own role, nor disable themselves', async () => {
    await page.goto('/admin/officers/admin');
    await field('Vai trò').selectOption('bank_manager');
    await field('Phòng giao dịch').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Lưu vai trò và phạm vi' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'Bạn không thể tự thay đổi tài khoản của mình.',
    );
    await expect(field('Vai trò').inputValue()).resolves.toBe('bank_manager');
    await look('admin-officer-self');
    await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'Bạn không thể tự thay đổi tài khoản của mình.',
    );
  });

  it('adds a ward (a taken code refused beside its field first), then a group and a member, who leaves', async () => {
    await page.goto('/admin');
    await page
      .getByRole('main')
      .getByRole('link', { name: /Phường\/xã, tổ và tổ viên/ })
      .click();
    await page.waitForURL(/\/admin\/wards$/);
    await field('Mã').fill('HOABINH');
    await field('Tên phường/xã').fill('Phường An Hòa');
    await field('Loại').selectOption('phuong');
    await field('Quận/huyện').fill('Huyện Kiến Xương');
    await field('Tỉnh/thành phố').fill('Thái Bình');
    await field('Điểm giao dịch xã').fill('Nhà văn hóa phường An Hòa');
    await field('Ngày giao dịch trong tháng (1–28)').fill('12');
    await field('Phòng giao dịch').selectOption({ index: 1 });
    await page.getByLabel('Hội Nông dân').check();
    await page.getByRole('button', { name: 'Thêm phường/xã' }).click();
    await expect(page.locator('#f-code-error').textContent()).resolves.toBe('Phường/xã đã tồn tại.');
    await expect(field('Tên phường/xã').inputValue()).resolves.toBe('Phường An Hòa');
    await expect(page.getByLabel('Hội Nông dân').isChecked()).resolves.toBe(true);
    await look('admin-wards-refused');

    await field('Mã').fill('ANHOA');
    await page.getByRole('button', { name: 'Thêm phường/xã' }).click();
    await page.waitForURL(/\/admin\/wards\?done=ward$/);
    const row = page.getByRole('row', { name: /ANHOA/ });
    await expect(row.textContent()).resolves.toContain('Ngày 12 hằng tháng: Nhà văn hóa phường An Hòa');
    await row.getByRole('link', { name: /Tổ TK&VV/ }).click();
    await page.waitForURL(/\/admin\/wards\/ANHOA\/groups$/);

    await field('Mã').fill('ANHOA-01');
    await field('Tên tổ').fill('Tổ TK&VV thôn Đông');
    await field('Thôn/tổ dân phố').fill('Thôn Đông');
    await field('Hội đoàn thể').selectOption('FARMERS');
    await page.getByRole('button', { name: 'Thêm tổ' }).click();
    await page.waitForURL(/\?done=group$/);
    await expect(
      page
        .getByRole('heading', { name: /Tổ TK&VV thôn Đông/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    await page.getByLabel('Họ và tên tổ viên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Số CCCD tổ viên').fill('03419');
    await page.getByRole('button', { name: 'Thêm tổ viên' }).click();
    await expect(page.locator('#m-ANHOA-01-f-citizenId-error').textContent()).resolves.toBe(
      'Số CCCD phải gồm đúng 12 chữ số.',
    );
    await expect(page.getByLabel('Họ và tên tổ viên').inputValue()).resolves.toBe('Nguyễn Thị Hoa');
    await page.getByLabel('Số CCCD tổ viên').fill('034190000123');
    await page.getByRole('button', { name: 'Thêm tổ viên' }).click();
    await page.waitForURL(/\?done=member$/);
    await expect(page.getByRole('cell', { name: 'Nguyễn Thị Hoa', exact: true }).isVisible()).resolves.toBe(true);
    await look('admin-groups');
    await page.getByRole('button', { name: 'Ra tổ hôm nay: Nguyễn Thị Hoa' }).click();
    await page.waitForURL(/\?done=left$/);
    await expect(page.getByRole('button', { name: /Ra tổ hôm nay/ }).count()).resolves.toBe(0);
  });

  it("shows a year's holidays on the calendar", async () => {
    await page.goto('/admin');
    await page
      .getByRole('main')
      .getByRole('link', { name: /Lịch nghỉ lễ/ })
      .click();
    await page.waitForURL(/\/admin\/calendar$/);
    await page.getByLabel('Năm', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.waitForURL(/year=2026/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lịch nghỉ lễ năm 2026');
    await expect(page.getByRole('row', { name: /01\/01\/2026/ }).textContent()).resolves.toContain('Nghỉ');
    await look('admin-calendar');
  });
});
