import { describe, expect, it } from 'vitest';
import {
  MOTTO,
  NATION,
  bankIssuer,
  formDocument,
  formHeader,
  nationalHeading,
  normaliseText,
  numberedFields,
  placeAndDate,
  signatureBlocks,
  signingPart,
  totalsTable,
} from '../../../server/domain/forms/form-kit.js';
import { amountInWords } from '../../../server/domain/forms/number-words.js';
import { textsOf } from './texts.js';

describe('the form kit', () => {
  it('writes the national heading with the form code and underlines the motto', () => {
    const heading = nationalHeading('01/TD') as unknown[];
    expect(textsOf(heading)).toEqual(['Mẫu số 01/TD', NATION, MOTTO]);
    expect(JSON.stringify(heading)).toContain('"type":"line"');
  });

  it('writes the place and date line as Vietnamese forms do', () => {
    expect(placeAndDate('Phường Hòa Bình', '2026-12-17')).toBe('Phường Hòa Bình, ngày 17 tháng 12 năm 2026');
  });

  it('numbers fields from where it is told and leaves a blank to fill by hand', () => {
    const texts = textsOf(
      numberedFields(
        [
          { label: 'Họ và tên', value: 'Nguyễn Văn Ánh' },
          { label: 'Ngày sinh', value: '' },
        ],
        3,
      ),
    );
    expect(texts).toEqual(['3. Họ và tên: ', 'Nguyễn Văn Ánh', '4. Ngày sinh: ', '……………………………']);
  });

  it('ends a table with its totals row and repeats the header on each page', () => {
    const table = totalsTable(
      [
        { header: 'Họ và tên', width: '*' },
        { header: 'Số tiền', width: 100, align: 'right' },
      ],
      [['Trần Thị Hoa', '30.000.000 đ']],
      ['Cộng', '30.000.000 đ'],
    ) as { table: { headerRows: number; body: { text: string; bold: boolean }[][] } };
    expect(table.table.headerRows).toBe(1);
    expect(table.table.body).toHaveLength(3);
    expect(table.table.body[2]?.map((cell) => [cell.text, cell.bold])).toEqual([
      ['Cộng', true],
      ['30.000.000 đ', true],
    ]);
  });

  it('writes each signer title, the note and the name', () => {
    const texts = textsOf(
      signatureBlocks([
        { title: 'Người vay', name: 'Nguyễn Văn Ánh' },
        { title: 'Giám đốc', note: '(Ký tên, đóng dấu)' },
      ]),
    );
    expect(texts).toEqual([
      'NGƯỜI VAY',
      '(Ký, ghi rõ họ tên)',
      'Nguyễn Văn Ánh',
      'GIÁM ĐỐC',
      '(Ký tên, đóng dấu)',
      ' ',
    ]);
  });

  it('normalises every text to NFC, however it was typed', () => {
    const decomposed = 'Nguyễn Thị Ánh'.normalize('NFD');
    const document = formDocument('x', [{ text: decomposed }, { stack: [decomposed] }]);
    expect(textsOf(document.content)).toEqual(['Nguyễn Thị Ánh', 'Nguyễn Thị Ánh']);
    expect(textsOf(document.content).every((text) => text === text.normalize('NFC'))).toBe(true);
    expect(normaliseText({ a: [decomposed], n: 3 })).toEqual({ a: ['Nguyễn Thị Ánh'], n: 3 });
  });
});

describe('amounts in words', () => {
  it.each([
    [50_000_000, 'Năm mươi triệu đồng'],
    [25_500_000, 'Hai mươi lăm triệu năm trăm nghìn đồng'],
    [100_000_000, 'Một trăm triệu đồng'],
    [105_000_000, 'Một trăm linh năm triệu đồng'],
    [21_000_000, 'Hai mươi mốt triệu đồng'],
    [15_000_000, 'Mười lăm triệu đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
    [0, 'Không đồng'],
  ])('%d is "%s"', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });
});

describe('the form header and the signing part', () => {
  it('puts the issuer and form code, the title, the subtitle and the locality in that order', () => {
    const header = formHeader({
      formCode: '04/TD',
      issuer: bankIssuer('Phòng giao dịch NHCSXH huyện Kiến Xương'),
      title: 'Thông báo kết quả phê duyệt cho vay',
      subtitle: '(Đợt 1)',
      locality: 'Phường Hòa Bình',
    });
    expect(textsOf(header)).toEqual([
      'NGÂN HÀNG CHÍNH SÁCH XÃ HỘI',
      'PHÒNG GIAO DỊCH NHCSXH HUYỆN KIẾN XƯƠNG',
      'Mẫu số 04/TD',
      NATION,
      MOTTO,
      'THÔNG BÁO KẾT QUẢ PHÊ DUYỆT CHO VAY',
      '(Đợt 1)',
      'Phường Hòa Bình',
    ]);
    expect(textsOf(formHeader({ formCode: null, title: 'Danh sách' }))).toEqual(['', NATION, MOTTO, 'DANH SÁCH']);
  });

  it('keeps the date line and every row of signatures on one page', () => {
    const part = signingPart('Phường Hòa Bình', '2026-12-17', [{ title: 'Thư ký' }], [{ title: 'Trưởng thôn' }]);
    expect((part as { unbreakable: boolean }).unbreakable).toBe(true);
    expect(textsOf(part).filter((text) => text.trim() !== '' && !text.startsWith('('))).toEqual([
      'Phường Hòa Bình, ngày 17 tháng 12 năm 2026',
      'THƯ KÝ',
      'TRƯỞNG THÔN',
    ]);
  });
});
