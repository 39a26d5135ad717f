import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { notice04Td } from '../../../server/domain/forms/notice-04-td.js';
import { writeNotice04Xlsx } from '../../../server/domain/forms/notice-04-td-xlsx.js';
import { DECOMPOSED_BORROWER, NOTICE } from './notice-fixture.js';
import { expectAll, renderedText } from './rendered.js';
import { textsOf } from './texts.js';

const COMPOSED = DECOMPOSED_BORROWER.normalize('NFC');
/** With UPDATE_DOCS=1 the first page is copied to docs/forms/ for the README. */
const DOCS = process.env.UPDATE_DOCS
  ? fileURLToPath(new URL('../../../docs/forms/04-td.png', import.meta.url))
  : undefined;

describe('notice 04/TD', () => {
  const texts = textsOf(notice04Td(NOTICE).content);
  const all = texts.join('\n');

  it('is issued by the bank office to the group, the association and the ward', () => {
    expectAll(texts, [
      'Mẫu số 04/TD',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'NGÂN HÀNG CHÍNH SÁCH XÃ HỘI',
      'PHÒNG GIAO DỊCH NHCSXH HUYỆN KIẾN XƯƠNG',
      'THÔNG BÁO KẾT QUẢ PHÊ DUYỆT CHO VAY',
    ]);
    expect(all).toContain(
      'Tổ TK&VV tổ dân phố 3 – Hội Nông dân (Tổ trưởng: Nguyễn Văn Hùng); Hội Nông dân Phường Hòa Bình; UBND Phường Hòa Bình',
    );
  });

  it('lists the approved loans with amount, rate, term and final due date, and their total', () => {
    expect(texts).toEqual(
      expect.arrayContaining(['1', COMPOSED, 'Cho vay hộ nghèo', '40.000.000 đ', '6,6%', '36', '17/12/2029']),
    );
    expect(texts).toEqual(expect.arrayContaining(['Lương Thế Vinh', '55.000.000 đ', '7,92%', '60', '17/12/2031']));
    expect(texts).toEqual(expect.arrayContaining(['Cộng: 2 hộ', '95.000.000 đ']));
  });

  it('says when and where the approved borrowers come for the money', () => {
    expect(texts).toContain('ngày 17/12/2026 tại Điểm giao dịch xã Hòa Bình');
  });

  it('leaves the transaction day blank to fill by hand when none is set yet', () => {
    const blank = textsOf(notice04Td({ ...NOTICE, transactionDay: null, transactionPoint: null }).content);
    expect(blank).toContain('……………………………');
  });

  it('lists the refused rows with the outcome and the reason', () => {
    expect(texts).toEqual(
      expect.arrayContaining(['Đinh Công Tráng', 'Trả lại để bổ sung', 'Thiếu giấy xác nhận hộ cận nghèo năm 2026']),
    );
    expect(texts).toEqual(
      expect.arrayContaining(['Phan Thị Yến', 'Từ chối cho vay', 'Hộ còn nợ quá hạn tại ngân hàng']),
    );
    expect(textsOf(notice04Td({ ...NOTICE, refused: [] }).content)).toContain('Không có.');
  });

  it('is dated and signed by the credit officer and the director', () => {
    expect(texts).toContain('Phường Hòa Bình, ngày 10 tháng 12 năm 2026');
    expect(texts).toEqual(expect.arrayContaining(['CÁN BỘ TÍN DỤNG', 'Trần Minh Khoa', 'GIÁM ĐỐC', 'Hoàng Thị Lan']));
  });

  it('draws a name typed with combining marks as the composed letters', () => {
    expect(all).not.toContain(DECOMPOSED_BORROWER);
    expect(texts.every((text) => text === text.normalize('NFC'))).toBe(true);
  });

  it('renders to a PDF with the names with diacritics and the amounts, every page drawn', async () => {
    const text = await renderedText(notice04Td(NOTICE), 'notice-04-td', DOCS);
    expectAll(text, [COMPOSED, 'Lương Thế Vinh', 'Đinh Công Tráng', '40.000.000 đ', '95.000.000 đ']);
  });

  it('reads back as a workbook: approved loans with the total, refused rows with reasons', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeNotice04Xlsx(NOTICE)).buffer as ArrayBuffer);
    const approved = workbook.getWorksheet('Được phê duyệt');
    expect(approved?.getRow(2).getCell(3).value).toBe(COMPOSED);
    expect(approved?.getRow(2).getCell(5).value).toBe(40_000_000);
    expect(approved?.getRow(2).getCell(6).value).toBe(6.6);
    expect(approved?.getRow(2).getCell(8).value).toEqual(new Date('2029-12-17T00:00:00Z'));
    expect(approved?.getRow(2).getCell(9).value).toEqual(new Date('2026-12-17T00:00:00Z'));
    expect(approved?.getRow(4).getCell(3).value).toBe('Cộng: 2 hộ');
    expect(approved?.getRow(4).getCell(5).value).toBe(95_000_000);
    const refused = workbook.getWorksheet('Không được phê duyệt');
    expect(refused?.getRow(2).getCell(3).value).toBe('Đinh Công Tráng');
    expect(refused?.getRow(3).getCell(4).value).toBe('Từ chối cho vay');
    expect(refused?.getRow(3).getCell(5).value).toBe('Hộ còn nợ quá hạn tại ngân hàng');
  });
});
