/**
 * The ward's household list page in a real browser over the real stack: the ward officer uploads a CSV and an
 * XLSX through a plain multipart form, sees every row error with its row number, searches, downloads the list
 * and imports the download back without changing anything. Another ward's list is the 404 page.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER, ROWS, csvText, utf8 } from '../fixtures/registry/households.js';
import type { TestStack } from '../support/stack.js';
import { startWebTest, type WebTest } from './browser.js';
import { signIn } from './forms.js';

let web: WebTest;
let stack: TestStack;

beforeAll(async () => {
  web = await startWebTest();
  stack = web.stack;
});

afterAll(async () => {
  await web?.close();
});

const newPage = (): Promise<Page> => web.newPage({ viewport: { width: 1100, height: 800 }, acceptDownloads: true });

const look = (page: Page, name: string): Promise<void> => web.look(page, name);

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(page: Page, name: string, mimeType: string, bytes: Uint8Array): Promise<void> {
  await page.getByLabel('Tệp danh sách (CSV hoặc XLSX)').setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  await page.getByRole('button', { name: 'Nhập danh sách' }).click();
  await page.waitForLoadState();
}

/** The counts of the result panel, by their label. */
async function counts(page: Page): Promise<Record<string, string>> {
  const panel = page.getByRole('region', { name: 'Kết quả nhập danh sách' });
  const terms = await panel.locator('dt').allTextContents();
  const values = await panel.locator('dd').allTextContents();
  return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
}

// The fixture's child is under 14 on its fixed date only; here the real date judges, so she is younger.
const LIST = ROWS.map((row) => (row[1] === 'Trần Thị Bảo Ngọc' ? row.with(4, '01/09/2016') : row));

// Row 12 of the file (the header is row 1): 31 February does not exist.
const BAD_ROW = [
  'HB-009',
  'Bùi Thị Lệ',
  'Chủ hộ',
  '034190009999',
  '31/02/1990',
  'Thôn Bắc',
  'Hộ nghèo',
  '15/01/2026',
  '31/12/2026',
];

async function xlsxList(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH HỘ NGHÈO NĂM 2026']);
  sheet.addRow(HEADER);
  sheet.addRow([
    'HB-201',
    'Lý Thị Xuân',
    'Chủ hộ',
    '034180201201',
    '02/02/1980',
    'Thôn Nam',
    'Hộ cận nghèo',
    '01/03/2026',
    '31/12/2026',
  ]);
  sheet.addRow([
    'HB-201',
    'Ngô Quang Trường',
    'Chồng',
    '034078201202',
    '03/03/1978',
    'Thôn Nam',
    'Hộ cận nghèo',
    '01/03/2026',
    '31/12/2026',
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('the ward officer', () => {
  let exported: Buffer;

  it('finds the household list in the navigation, with nothing on it yet', async () => {
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Danh sách hộ' })
      .click();
    await page.waitForURL(/\/wards\/HOABINH\/registry$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Danh sách hộ của phường');
    expect(await page.getByText('Không có hộ nào phù hợp.').count()).toBe(1);
    await look(page, 'registry-empty');
  });

  it('uploads a CSV with Vietnamese names and one bad row: the good households are added, the bad row shown with its row number', async () => {
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto('/wards/HOABINH/registry');
    await upload(page, 'danh-sach-ho.csv', CSV, utf8(csvText([HEADER, ...LIST, BAD_ROW], ';')));

    expect(await counts(page)).toMatchObject({
      Tệp: 'danh-sach-ho.csv',
      'Số dòng dữ liệu': '11',
      'Hộ thêm mới': '4',
      'Hộ thay đổi': '0',
      'Hộ không thay đổi': '0',
      'Dòng không được nhập': '1',
    });
    const errors = page.getByRole('table', { name: 'Các dòng có lỗi' });
    const cells = await errors.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['12', 'Ngày sinh', 'HB-009']);
    expect(cells[3]).toContain('"31/02/1990" không phải ngày hợp lệ');
    expect(cells[3]).toContain('Hộ "HB-009" không được nhập.');
    expect(cells[3]).not.toContain('not a valid date');

    const list = page.getByRole('table', { name: 'Danh sách hộ của phường' });
    const hb001 = await list.locator('tr', { hasText: 'HB-001' }).locator('td').allTextContents();
    expect(hb001).toEqual([
      'HB-001',
      'Nguyễn Thị Hằng',
      '034185001234',
      'Thôn Đông',
      '4',
      'Hộ nghèo',
      '2026',
      '15/01/2026',
      '31/12/2026',
    ]);
    await look(page, 'registry-import-result');
  });

  it('searches by the head name typed without diacritics, by a member’s citizen ID, and by household code', async () => {
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto('/wards/HOABINH/registry');
    const search = page.getByRole('search');
    const shownCodes = () =>
      page.getByRole('table', { name: 'Danh sách hộ của phường' }).locator('tbody tr td:first-child').allTextContents();

    await search.getByLabel('Tìm theo mã hộ, họ tên chủ hộ hoặc số CCCD').fill('Dang Van Luong');
    await search.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/q=Dang/);
    expect(await shownCodes()).toEqual(['HB-003']);

    await search.getByLabel('Tìm theo mã hộ, họ tên chủ hộ hoặc số CCCD').fill('034088006789');
    await search.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/q=034088006789/);
    expect(await shownCodes()).toEqual(['HB-002']);

    await search.getByLabel('Tìm theo mã hộ, họ tên chủ hộ hoặc số CCCD').fill('hb-004');
    await search.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/q=hb-004/);
    expect(await shownCodes()).toEqual(['HB-004']);
    expect(await page.getByRole('heading', { name: 'Số hộ tìm thấy: 1' }).count()).toBe(1);
  });

  it('uploads an XLSX workbook with the keyboard alone', async () => {
    const page = await newPage();
    // Ask for the file chooser before the page loads: Chromium starts intercepting the dialog asynchronously,
    // and a key press sent right after asking can open the real (headless, invisible) dialog instead.
    const chooser = page.waitForEvent('filechooser', { timeout: 60_000 });
    await signIn(page, 'ward.HOABINH');
    await page.goto('/wards/HOABINH/registry');
    const fileInput = page.getByLabel('Tệp danh sách (CSV hoặc XLSX)');
    const focused = () => fileInput.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 30 && !(await focused()); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toBe(true);
    await page.keyboard.press('Space');
    await (await chooser).setFiles({ name: 'ds-2026.xlsx', mimeType: XLSX, buffer: Buffer.from(await xlsxList()) });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nhập danh sách');
    // The result is the POST's own answer: wait for that new document, not for the response alone.
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await loaded;

    expect(await counts(page)).toMatchObject({ Tệp: 'ds-2026.xlsx', 'Hộ thêm mới': '1', 'Hộ không thay đổi': '0' });
    expect(await page.getByText('Không có dòng nào bị lỗi.').count()).toBe(1);
    const row = page.getByRole('table', { name: 'Danh sách hộ của phường' }).locator('tr', { hasText: 'HB-201' });
    expect(await row.locator('td').allTextContents()).toContain('Lý Thị Xuân');
    await look(page, 'registry-import-xlsx');
  });

  it('downloads the list as CSV and XLSX, the Vietnamese names whole', async () => {
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto('/wards/HOABINH/registry');

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải về tệp CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^Danh sách hộ HOABINH \d{4}-\d{2}-\d{2}\.csv$/);
    exported = await readFile((await csv.path())!);
    const text = exported.toString('utf8');
    for (const name of ['Nguyễn Thị Hằng', 'Trần Thị Bảo Ngọc', 'Đặng Văn Lượng', 'Lý Thị Xuân'])
      expect(text).toContain(name);
    expect(text).not.toContain('Bùi Thị Lệ');

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải về tệp Excel (XLSX)' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile((await (await xlsxDownload).path())!)).buffer);
    const names = workbook.worksheets[0]!.getColumn(2).values.map(String);
    expect(names).toEqual(expect.arrayContaining(['Nguyễn Thị Hằng', 'Ngô Quang Trường', 'Vũ Thị Nguyệt']));
    // Reading the list and downloading it are each on the access log, under the officer who did it.
    const reads = await stack.db.prisma.accessLogEntry.findMany({
      where: { officerUsername: 'ward.HOABINH', wardCode: 'HOABINH' },
    });
    expect(reads.filter((read) => read.view === 'registry-export')).toHaveLength(2);
    expect(reads.some((read) => read.view === 'registry-lookup')).toBe(true);
  });

  it('imports its own download back: nothing changes', async () => {
    expect(exported).toBeDefined();
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto('/wards/HOABINH/registry');
    await upload(page, 'Danh sách hộ HOABINH.csv', CSV, exported);
    expect(await counts(page)).toMatchObject({
      Tệp: 'Danh sách hộ HOABINH.csv',
      'Hộ thêm mới': '0',
      'Hộ thay đổi': '0',
      'Hộ không thay đổi': '5',
      'Dòng không được nhập': '0',
    });
    expect(await page.getByText('Không có dòng nào bị lỗi.').count()).toBe(1);
  });

  it('says beside the file field when the file is of the wrong kind, empty or too large, and changes nothing', async () => {
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto('/wards/HOABINH/registry');

    await upload(
      page,
      'danh-sach.xls',
      'application/vnd.ms-excel',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    const field = page.locator('.field', { has: page.getByLabel('Tệp danh sách (CSV hoặc XLSX)') });
    expect(await field.locator('.field-error').textContent()).toBe(
      'Tệp không được nhập, danh sách của phường không thay đổi.',
    );
    expect(await page.getByRole('table', { name: 'Các dòng có lỗi' }).textContent()).toContain('Excel 97–2003 .xls');
    await look(page, 'registry-wrong-type');

    await upload(page, 'rong.csv', CSV, new Uint8Array());
    expect(await field.locator('.field-error').textContent()).toBe('Hãy chọn một tệp danh sách (tệp không được rỗng).');

    await upload(page, 'lon.csv', CSV, new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41));
    expect(await field.locator('.field-error').textContent()).toBe('Tệp lớn hơn 10 MB, không nhập được.');
    expect(await page.content()).not.toMatch(/"error"|at .*\.ts:\d+/);
    expect(await page.getByRole('heading', { name: 'Số hộ tìm thấy: 5' }).count()).toBe(1);
  });

  it('shows the list 20 households a page, the search kept from page to page', async () => {
    // 25 more households HB-3xx, each a head born in 1970 (digits 4 to 6 of the citizen ID: 170).
    const rows = Array.from({ length: 25 }, (_, i) => {
      const n = String(300 + i);
      return [
        `HB-${n}`,
        `Trịnh Văn Phúc ${n}`,
        'Chủ hộ',
        `034170000${n}`,
        '01/01/1970',
        'Thôn Mới',
        'Hộ nghèo',
        '15/01/2026',
        '31/12/2026',
      ];
    });
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto('/wards/HOABINH/registry');
    await upload(page, 'them-ho.csv', CSV, utf8(csvText([HEADER, ...rows], ';')));
    expect(await counts(page)).toMatchObject({ 'Hộ thêm mới': '25' });

    await page.goto('/wards/HOABINH/registry?q=trinh%20van%20phuc');
    const codes = () =>
      page.getByRole('table', { name: 'Danh sách hộ của phường' }).locator('tbody tr td:first-child').allTextContents();
    expect((await codes()).length).toBe(20);
    expect(await page.getByRole('heading', { name: 'Số hộ tìm thấy: 25' }).count()).toBe(1);
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang sau' }).click();
    await page.waitForURL(/page=2/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('trinh van phuc');
    expect(await codes()).toEqual(['HB-320', 'HB-321', 'HB-322', 'HB-323', 'HB-324']);
  });

  it('shows the row errors in English on the switch', async () => {
    const page = await newPage();
    await signIn(page, 'ward.HOABINH');
    await page.goto('/wards/HOABINH/registry');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByLabel('List file (CSV or XLSX)').setInputFiles({
      name: 'list.csv',
      mimeType: CSV,
      buffer: Buffer.from(utf8(csvText([HEADER, BAD_ROW], ';'))),
    });
    await page.getByRole('button', { name: 'Import the list' }).click();
    await page.waitForLoadState();
    const cells = await page.getByRole('table', { name: 'Rows with errors' }).locator('tbody td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['2', 'Ngày sinh', 'HB-009']);
    expect(cells[3]).toContain('"31/02/1990" is not a valid date');
    expect(cells[3]).not.toContain('không phải ngày hợp lệ');
    await look(page, 'registry-import-en');
  });
});

describe('anyone else', () => {
  it("gets the not-found page for another ward's list, and no link to it", async () => {
    const page = await newPage();
    await signIn(page, 'ward.TANLAP');
    const response = await page.goto('/wards/HOABINH/registry');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Không tìm thấy trang');
    expect(await page.getByRole('link', { name: 'Danh sách hộ' }).getAttribute('href')).toBe('/wards/TANLAP/registry');
    await look(page, 'registry-other-ward');

    const bank = await newPage();
    await signIn(bank, 'bank.officer');
    expect((await bank.goto('/wards/HOABINH/registry'))?.status()).toBe(404);
    expect(await bank.getByRole('link', { name: 'Danh sách hộ' }).count()).toBe(0);
  });
});
