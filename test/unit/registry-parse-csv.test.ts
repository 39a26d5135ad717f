import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseRegistryFile } from '../../server/domain/registry/parse.js';
import type { RegistryError } from '../../server/domain/registry/types.js';
import {
  HEADER,
  HOUSEHOLDS,
  ROWS,
  TODAY,
  WARD,
  csvText,
  mojibake,
  utf8,
  windows1258,
} from '../fixtures/registry/households.js';

const options = { wardCode: WARD, today: TODAY };
const parseCsv = (bytes: Uint8Array, fileName = 'danh-sach-ho.csv') => parseRegistryFile({ fileName, bytes }, options);
const brief = (errors: RegistryError[]) => errors.map(({ row, code, householdId }) => ({ row, code, householdId }));

describe('importing a CSV household list', () => {
  it('reads UTF-8 with commas into households, head first', async () => {
    const result = await parseCsv(utf8(csvText([HEADER, ...ROWS])));

    expect(result.errors).toEqual([]);
    expect(result.households).toEqual(HOUSEHOLDS);
    expect(result.source).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ',', dataRows: 10 });
  });

  it('reads Windows-1258, as Excel saves "CSV" on Vietnamese Windows, into NFC text', async () => {
    const result = await parseCsv(windows1258(csvText([HEADER, ...ROWS], ';')));

    expect(result.source).toMatchObject({ encoding: 'windows-1258', delimiter: ';' });
    expect(result.errors).toEqual([]);
    expect(result.households).toEqual(HOUSEHOLDS);
    expect(result.households.map((h) => h.head.fullName)).toContain('Lê Thị Thu Hương');
  });

  it('reads ;-delimited UTF-8 with a BOM, as Excel saves "CSV UTF-8" in Vietnamese regional settings', async () => {
    const result = await parseCsv(utf8(`\ufeff${csvText([HEADER, ...ROWS], ';')}`));

    expect(result.source).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(result.households).toEqual(HOUSEHOLDS);
  });

  it('reads tab-delimited UTF-16, as Excel saves "Unicode text"', async () => {
    const text = csvText([HEADER, ...ROWS], '\t');
    const result = await parseCsv(Uint8Array.from([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]), 'ds.txt');

    expect(result.source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(result.households).toEqual(HOUSEHOLDS);
  });

  it('follows a sep= line and counts rows as Excel shows them, below title rows', async () => {
    const rows = [['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2026'], ['UBND xã Hòa Bình'], [], HEADER, ...ROWS];
    const bad = [
      ...rows,
      [
        'HB-009',
        'Ngô Thị Lan',
        'Chủ hộ',
        '034192001111',
        '31/02/1992',
        'Thôn Đông',
        'Hộ nghèo',
        '15/01/2026',
        '31/12/2026',
      ],
    ];
    const result = await parseCsv(utf8(`sep=;\r\n${csvText(bad, ';')}`));

    expect(result.households).toEqual(HOUSEHOLDS);
    expect(brief(result.errors)).toEqual([{ row: 15, code: 'DATE_INVALID', householdId: 'HB-009' }]);
    expect(result.errors[0]?.column).toBe('Ngày sinh');
  });

  it('lets member rows leave household columns blank, as after unmerging cells', async () => {
    const rows = ROWS.map((row, i) =>
      i === 0 || row[0] !== ROWS[i - 1]?.[0] ? row : [...row.slice(0, 5), '', '', '', ''],
    );
    const result = await parseCsv(utf8(csvText([HEADER, ...rows])));

    expect(result.errors).toEqual([]);
    expect(result.households).toEqual(HOUSEHOLDS);
  });

  it('restores citizen ids whose leading zeros Excel dropped', async () => {
    const rows = ROWS.map((row) => row.map((cell, i) => (i === 3 ? cell.replace(/^0+/u, '') : cell)));
    const result = await parseCsv(utf8(csvText([HEADER, ...rows])));

    expect(result.households).toEqual(HOUSEHOLDS);
  });

  it('accepts English headers in any order, and ignores extra columns', async () => {
    const header = [
      'No.',
      'Category',
      'Household id',
      'Full name',
      'Relationship',
      'Citizen id',
      'Date of birth',
      'Village',
      'Listed on',
      'Expires on',
      'Ghi chú',
    ];
    const order = [6, 0, 1, 2, 3, 4, 5, 7, 8];
    const rows = ROWS.map((row, i) => [String(i + 1), ...order.map((j) => row[j] ?? ''), '']);
    const result = await parseCsv(utf8(csvText([header, ...rows])));

    expect(result.households).toEqual(HOUSEHOLDS);
  });

  it('reads a one-row-per-household list (no relationship column) with the head named in "Họ và tên chủ hộ"', async () => {
    const header = [
      'STT',
      'Mã hộ',
      'Họ và tên chủ hộ',
      'Số CCCD',
      'Ngày sinh',
      'Thôn',
      'Loại hộ',
      'Ngày vào danh sách',
      'Ngày hết hạn',
    ];
    const heads = ROWS.filter((row) => row[2] === 'Chủ hộ').map((row, i) => [
      String(i + 1),
      row[0] ?? '',
      row[1] ?? '',
      ...row.slice(3),
    ]);
    const result = await parseCsv(utf8(csvText([header, ...heads])));

    expect(result.errors).toEqual([]);
    expect(result.households).toEqual(HOUSEHOLDS.map((h) => ({ ...h, members: [] })));
  });

  it('repairs a UTF-8 file that was read as Windows-1252 and saved again', async () => {
    const text = csvText([HEADER, ...ROWS]);
    const result = await parseCsv(utf8(mojibake(text)));

    expect(result.source.encoding).toBe('utf-8-mojibake');
    expect(result.households).toEqual(HOUSEHOLDS);
  });
});

describe('refusing a CSV file whole', () => {
  it('reports each missing required column on the header row and imports nothing', async () => {
    const header = HEADER.filter((h) => h !== 'Ngày hết hạn' && h !== 'Phân loại hộ');
    const result = await parseCsv(utf8(csvText([['Danh sách hộ nghèo'], header, ...ROWS.map((r) => r.slice(0, 6))])));

    expect(result.households).toEqual([]);
    expect(result.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: 'Phân loại hộ', code: 'MISSING_COLUMN' },
      { row: 2, column: 'Ngày hết hạn', code: 'MISSING_COLUMN' },
    ]);
    expect(result.errors[0]?.message).toBe(
      'Thiếu cột "Phân loại hộ". Không nhập dữ liệu nào từ tệp. — Column "Phân loại hộ" is missing. Nothing is imported from the file.',
    );
  });

  it('refuses a file without a recognisable header, and a binary file', async () => {
    const noHeader = await parseCsv(utf8('Họ và tên,Tuổi\r\nNguyễn Văn An,40\r\n'));
    const binary = await parseCsv(Uint8Array.from([0x00, 0x01, 0x02, 0x03]), 'ds.dat');

    expect(noHeader.errors.map((e) => e.code)).toEqual(['HEADER_NOT_FOUND']);
    expect(binary.errors.map((e) => e.code)).toEqual(['UNSUPPORTED_FORMAT']);
  });
});

describe('the documented format', () => {
  it('imports the example in server/registry/README.md as described there', async () => {
    const readme = readFileSync(new URL('../../server/domain/registry/README.md', import.meta.url), 'utf8');
    const example = /```csv\n([\s\S]*?)```/u.exec(readme)?.[1] ?? '';
    const result = await parseCsv(utf8(example));

    expect(result.errors).toEqual([]);
    expect(result.households.map((h) => [h.householdId, h.members.length + 1])).toEqual([
      ['HB-001', 3],
      ['HB-002', 2],
      ['HB-003', 1],
    ]);
    expect(result.households[0]).toEqual({
      ...HOUSEHOLDS[0],
      members: HOUSEHOLDS[0]?.members.filter((m) => m.fullName !== 'Trần Minh Khôi'),
    });
  });
});

describe('reporting invalid rows of a CSV household list', () => {
  const person = (
    id: string,
    name: string,
    relation: string,
    cccd: string,
    born: string,
    extra: Partial<Record<'category' | 'listed' | 'expires', string>> = {},
  ) => [
    id,
    name,
    relation,
    cccd,
    born,
    'Thôn Đông',
    extra.category ?? 'Hộ nghèo',
    extra.listed ?? '15/01/2026',
    extra.expires ?? '31/12/2026',
  ];
  const rows = [
    HEADER, // row 1
    person('HB-101', 'Nguyễn Thị Hằng', 'Chủ hộ', '034185001234', '12/03/1985'),
    person('HB-101', 'Trần Văn Đức', 'Chồng', '03408300234X', '04/07/1983'), // row 3: bad CCCD
    person('HB-102', 'Lê Thị Thu Hương', 'Chủ hộ', '034190005678', '31/02/1990'), // row 4: no such day
    person('HB-103', 'Phạm Văn Bảy', 'Chủ hộ', '034088006789', '30/01/1988', { category: 'Hộ khá giả' }), // row 5
    person('HB-104', 'Đặng Văn Lượng', 'Chủ hộ', '034062007890', '08/08/1962'),
    person('HB-104', 'Vũ Thị Nguyệt', 'Chủ hộ', '034165008901', '24/12/1965'), // row 7: second head
    person('HB-105', 'Bùi Thị Mai', 'Vợ', '034170001111', '01/01/1970'), // row 8: no head
    person('HB-106', 'Hoàng Văn Sơn', 'Chủ hộ', '001075009012', '30/04/1975'), // row 9
    person('HB-107', 'Hoàng Văn Sơn', 'Chủ hộ', '001075009012', '30/04/1975'), // row 10: same CCCD as row 9
    person('HB-108', 'Đỗ Văn Hùng', 'Chủ hộ', '034180002222', '02/02/1980'),
    person('HB-108', 'Đỗ Thị Hoa', 'Vợ', '034182003333', '03/03/1982', { category: 'Hộ cận nghèo' }), // row 12: disagrees
    person('HB-109', 'Trịnh Văn Tâm', 'Chủ hộ', '034177004444', '04/04/1977', {
      listed: '01/06/2026',
      expires: '01/01/2026',
    }), // row 13
    person('HB-110', 'Lý Thị Kim', 'Chủ hộ', '3.41850E+11', '05/05/1985'), // row 14: scientific notation
    [], // row 15: blank
    person('', 'Mai Văn Tư', 'Chủ hộ', '034166005555', '06/06/1966'), // row 16: no household id
    person('HB-111', 'Cao Thị Nga', 'Chủ hộ', '034179006666', '07/07/1979'),
    person('HB-111', 'Cao Văn Minh', 'Con', '', '08/08/2005'), // row 18: 21 years old without a CCCD
    person('HB-112', 'Tô Văn Ân', 'Chủ hộ', '034086007777', '09/09/1986'), // row 19: valid
    person('HB-112', 'Tô Thị Bích', 'Con', '', '10/10/2016'), // row 20: a child may have none
    person('HB-113', 'Lương Văn Khải', 'Chủ hộ', '034185008888', '11/11/1984'), // row 21: CCCD says 1985
    person('HB-114', 'Kiều Thị Vân', 'Chủ hộ', '034195009999', '12/12/2027'), // row 22: born in the future
  ];

  it('returns the valid households and reports each invalid row with its spreadsheet row number', async () => {
    const result = await parseCsv(utf8(csvText(rows)));

    expect(result.households.map((h) => h.householdId)).toEqual(['HB-112']);
    expect(result.households[0]?.members).toEqual([
      { fullName: 'Tô Thị Bích', citizenId: null, birthDate: '2016-10-10', relationship: 'Con' },
    ]);
    expect(brief(result.errors)).toEqual([
      { row: 3, code: 'CCCD_INVALID', householdId: 'HB-101' },
      { row: 4, code: 'DATE_INVALID', householdId: 'HB-102' },
      { row: 5, code: 'CATEGORY_UNKNOWN', householdId: 'HB-103' },
      { row: 7, code: 'HEAD_DUPLICATE', householdId: 'HB-104' },
      { row: 8, code: 'HEAD_MISSING', householdId: 'HB-105' },
      { row: 9, code: 'CCCD_DUPLICATE', householdId: 'HB-106' },
      { row: 10, code: 'CCCD_DUPLICATE', householdId: 'HB-107' },
      { row: 12, code: 'HOUSEHOLD_FIELD_MISMATCH', householdId: 'HB-108' },
      { row: 13, code: 'EXPIRY_NOT_AFTER_LISTING', householdId: 'HB-109' },
      { row: 14, code: 'CCCD_SCIENTIFIC_NOTATION', householdId: 'HB-110' },
      { row: 16, code: 'FIELD_REQUIRED', householdId: undefined },
      { row: 18, code: 'FIELD_REQUIRED', householdId: 'HB-111' },
      { row: 21, code: 'CCCD_BIRTH_YEAR_MISMATCH', householdId: 'HB-113' },
      { row: 22, code: 'DATE_IN_FUTURE', householdId: 'HB-114' },
    ]);
    expect(result.errors.find((e) => e.row === 7)).toMatchObject({
      column: 'Quan hệ với chủ hộ',
      message:
        'Hộ có hai chủ hộ (dòng 6 và dòng này). Hộ "HB-104" không được nhập. — The household has two heads (row 6 and this row). Household "HB-104" is not imported.',
    });
    expect(result.errors.find((e) => e.row === 16)?.message).toContain('Dòng này bị bỏ qua. — ');
  });
});
