/** Filling the pages' forms as a person would: by their labels, within their groups. */
import type { Page } from '@playwright/test';
import { nextCitizenId } from '../support/fixtures.js';

/** Form 01/TD for ward HOABINH, group HOABINH-01, a poor household asking 50.000.000 đ over 36 months. */
export async function fillApplication(page: Page, citizenId: string, programCode = 'POOR'): Promise<void> {
  await page.goto('/apply');
  await page.locator(`input[name=programCode][value=${programCode}]`).check();
  await page.getByLabel('Phường/xã').selectOption('HOABINH');
  // htmx narrows the groups to the chosen ward's (served from our own origin under the CSP).
  await page.waitForFunction(() => document.querySelectorAll('#f-groupCode optgroup').length === 1);
  await page.getByLabel('Tổ tiết kiệm và vay vốn').selectOption('HOABINH-01');
  await page.getByLabel('Phân loại hộ').selectOption('POOR');
  const borrower = page.getByRole('group', { name: 'Người vay (đại diện hộ)' });
  await borrower.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
  await borrower.getByLabel('Số CCCD (12 số)').fill(citizenId);
  await borrower.getByLabel('Ngày sinh').fill('12/04/1985');
  const member = page.getByRole('group', { name: 'Thành viên 1' });
  await member.getByLabel('Họ và tên').fill('Trần Văn Bình');
  await member.getByLabel('Số CCCD (12 số)').fill(nextCitizenId());
  await member.getByLabel('Quan hệ với người vay').fill('Chồng');
  await page.getByLabel('Số tiền vay (đồng)').fill('50.000.000');
  await page.getByLabel('Thời hạn vay (tháng)').fill('36');
  await page.getByLabel('Mục đích sử dụng vốn vay').fill('Nuôi bò sinh sản');
  await page
    .getByLabel('Phương án sử dụng vốn và trả nợ')
    .fill('Mua 2 con bò giống; trả lãi hằng tháng từ tiền bán sữa.');
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo1234');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/inbox/);
}
