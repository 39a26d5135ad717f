/**
 * The administrator edits in a real browser: a ward's details (a day outside 1–28 refused beside its field, the
 * input kept) and its associations (one still managing a group refused), a group's name, village and leader,
 * and loads a calendar year (a malformed line refused with its number beside the field, then the good lines).
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../support/stack.js';
import { startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let stack: TestStack;
let page: Page;

beforeAll(async () => {
  web = await startWebTest();
  stack = web.stack;
  page = await web.newPage();
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('demo1234');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/admin$/);
});

afterAll(async () => {
  await web?.close();
});

const look = (name: string): Promise<void> => web.look(page, name);

const field = (label: string) => page.getByRole('main').getByLabel(label, { exact: true });
const audited = (type: string) => stack.db.prisma.auditEvent.findMany({ where: { type, actorUsername: 'admin' } });

/** Tabs until the element with this id has the focus, as a keyboard user would. */
async function tabTo(id: string): Promise<void> {
  for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++) {
    await page.keyboard.press('Tab');
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
}

describe('editing a ward', () => {
  it('opens the ward from the list, is refused a day outside 1–28 beside the field, then saves', async () => {
    await page.goto('/admin/wards');
    await page
      .getByRole('row', { name: /HOABINH/ })
      .getByRole('link', { name: 'HOABINH', exact: true })
      .click();
    await page.waitForURL(/\/admin\/wards\/HOABINH$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Phường Hòa Bình HOABINH');
    await expect(field('Ngày giao dịch trong tháng (1–28)').inputValue()).resolves.toBe('17');

    await field('Điểm giao dịch xã').fill('Nhà văn hóa tổ dân phố 5');
    await field('Ngày giao dịch trong tháng (1–28)').fill('31');
    await page.getByRole('button', { name: 'Lưu thông tin phường/xã' }).click();
    await expect(page.locator('#f-transactionDay-error').textContent()).resolves.toBe(
      'Nhập ngày trong tháng từ 1 đến 28.',
    );
    await expect(field('Điểm giao dịch xã').inputValue()).resolves.toBe('Nhà văn hóa tổ dân phố 5');
    await expect(field('Ngày giao dịch trong tháng (1–28)').inputValue()).resolves.toBe('31');
    await look('admin-ward-refused');

    await field('Ngày giao dịch trong tháng (1–28)').fill('20');
    await field('Loại').selectOption('xa');
    await field('Phòng giao dịch').selectOption('PGD-TIENHAI');
    await page.getByRole('button', { name: 'Lưu thông tin phường/xã' }).click();
    await page.waitForURL(/\/admin\/wards\/HOABINH\?done=ward$/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã lưu thông tin phường/xã.');
    await expect(field('Ngày giao dịch trong tháng (1–28)').inputValue()).resolves.toBe('20');
    await expect(field('Loại').inputValue()).resolves.toBe('xa');

    await page.goto('/admin/wards');
    const row = page.getByRole('row', { name: /HOABINH/ });
    await expect(row.textContent()).resolves.toContain('Ngày 20 hằng tháng: Nhà văn hóa tổ dân phố 5');
    await expect(row.textContent()).resolves.toContain('PGD-TIENHAI');
    const [change] = await audited('WARD_CHANGED');
    expect(change?.data).toMatchObject({
      code: 'HOABINH',
      transactionDay: 20,
      kind: 'xa',
      bankOfficeCode: 'PGD-TIENHAI',
    });
  });

  it('refuses to drop an association that still manages a group, then adds one, by keyboard alone', async () => {
    await page.goto('/admin/wards/HOABINH');
    await expect(page.getByLabel('Hội Nông dân').isChecked()).resolves.toBe(true);
    await tabTo('f-assoc-FARMERS');
    await page.keyboard.press('Space');
    await tabTo('f-assoc-YOUTH');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    await expect(page.locator('#f-associationCodes-error').textContent()).resolves.toBe(
      'Hội đoàn thể đang được sử dụng.',
    );
    await expect(page.getByLabel('Hội Nông dân').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Đoàn Thanh niên').isChecked()).resolves.toBe(true);
    await look('admin-ward-associations-refused');

    await tabTo('f-assoc-FARMERS');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/wards\/HOABINH\?done=associations$/);
    await expect(page.getByLabel('Hội Nông dân').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Đoàn Thanh niên').isChecked()).resolves.toBe(true);
    await look('admin-ward');
    const [set] = await audited('WARD_ASSOCIATIONS_SET');
    expect((set?.data as { associationCodes: string[] }).associationCodes).toContain('YOUTH');
  });
});

describe('editing a group', () => {
  it('renames the group and its village, refused an empty name first, and chooses its leader', async () => {
    await page.goto('/admin/wards/HOABINH/groups');
    await page
      .getByRole('link', { name: /Sửa thông tin tổ/ })
      .first()
      .click();
    await page.waitForURL(/\/admin\/groups\/HOABINH-01$/);
    await expect(page.locator('.facts').textContent()).resolves.toContain('Nguyễn Văn Hùng');

    await field('Tên tổ').fill('');
    await field('Thôn/tổ dân phố').fill('Tổ dân phố 3A');
    await field('Tên tổ').evaluate((input) => input.removeAttribute('required'));
    await page.getByRole('button', { name: 'Lưu thông tin tổ' }).click();
    await expect(page.locator('#f-name-error').textContent()).resolves.toBe('Vui lòng điền mục này.');
    await expect(field('Thôn/tổ dân phố').inputValue()).resolves.toBe('Tổ dân phố 3A');
    await look('admin-group-refused');

    await field('Tên tổ').fill('Tổ TK&VV tổ dân phố 3A');
    await page.getByRole('button', { name: 'Lưu thông tin tổ' }).click();
    await page.waitForURL(/\/admin\/groups\/HOABINH-01\?done=group$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Tổ TK&VV tổ dân phố 3A HOABINH-01',
    );

    const hoa = await page.locator('#f-memberId option', { hasText: 'Trần Thị Hoa' }).getAttribute('value');
    await field('Tổ trưởng').selectOption(hoa!);
    await page.getByRole('button', { name: 'Lưu tổ trưởng' }).click();
    await page.waitForURL(/\?done=leader$/);
    await expect(page.locator('.facts').textContent()).resolves.toContain('Trần Thị Hoa');
    await look('admin-group');
    const roles = await stack.api('GET', '/api/admin/groups/HOABINH-01/members', { token: await adminToken() });
    const leaders = (roles.body as { fullName: string; role: string }[]).filter((m) => m.role === 'LEADER');
    expect(leaders.map((m) => m.fullName)).toEqual(['Trần Thị Hoa']);
    expect(await audited('GROUP_CHANGED')).toHaveLength(1);
  });
});

describe('loading a calendar year', () => {
  it('refuses a malformed line with its number beside the field, keeps the text, then loads the year', async () => {
    await page.goto('/admin/calendar?year=2031');
    await expect(page.getByText('Chưa có ngày nào cho năm này.').isVisible()).resolves.toBe(true);
    await field('Năm cần nạp').fill('2031');
    const holidays = [
      '01/01/2031 Tết Dương lịch | New Year’s Day',
      '',
      '30/4/2031 Ngày Giải phóng miền Nam',
      '31/02/2031 Sai',
    ];
    await field('Ngày nghỉ lễ, tết').fill(holidays.join('\n'));
    await field('Ngày làm bù (thứ Bảy đi làm)').fill('2031-05-03 Làm bù');
    await page.getByRole('button', { name: 'Nạp lịch' }).click();
    await expect(page.locator('#f-holidays-error').textContent()).resolves.toBe(
      'Dòng 4: ngày 31/02/2031 không có thật.',
    );
    await expect(field('Ngày nghỉ lễ, tết').inputValue()).resolves.toBe(holidays.join('\n'));
    await look('admin-calendar-refused');

    await field('Ngày nghỉ lễ, tết').fill(holidays.slice(0, 3).join('\n'));
    await page.getByRole('button', { name: 'Nạp lịch' }).click();
    await expect(page.locator('#f-workingDays-error').textContent()).resolves.toContain('Dòng 1:');
    await expect(page.locator('#f-holidays-error').count()).resolves.toBe(0);

    await field('Ngày làm bù (thứ Bảy đi làm)').fill('03/05/2031 Làm bù cho ngày 02/05/2031');
    await page.getByRole('button', { name: 'Nạp lịch' }).click();
    await page.waitForURL(/\/admin\/calendar\?year=2031&done=loaded&days=3$/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Đã nạp lịch: 3 ngày.');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lịch nghỉ lễ năm 2031');
    await expect(page.getByRole('row', { name: /01\/01\/2031/ }).textContent()).resolves.toContain('Tết Dương lịch');
    await expect(page.getByRole('row', { name: /30\/04\/2031/ }).textContent()).resolves.toContain('Nghỉ');
    await expect(page.getByRole('row', { name: /03\/05\/2031/ }).textContent()).resolves.toContain('Làm bù');
    await expect(field('Ngày nghỉ lễ, tết').inputValue()).resolves.toBe(
      '01/01/2031 Tết Dương lịch | New Year’s Day\n30/04/2031 Ngày Giải phóng miền Nam',
    );
    await look('admin-calendar-loaded');
    const api = await stack.api('GET', '/api/calendar?year=2031', { token: await adminToken() });
    expect(api.status).toBe(200);
    expect((api.body as { date: string; nameEn: string }[]).map((d) => [d.date, d.nameEn])).toEqual([
      ['2031-01-01', 'New Year’s Day'],
      ['2031-04-30', 'Ngày Giải phóng miền Nam'],
      ['2031-05-03', 'Làm bù cho ngày 02/05/2031'],
    ]);
    expect(await audited('CALENDAR_LOADED')).toHaveLength(1);
  });
});

async function adminToken(): Promise<string> {
  const login = await stack.api<{ token: string }>('POST', '/api/auth/login', {
    body: { username: 'admin', password: 'demo1234' },
  });
  return login.body.token;
}
