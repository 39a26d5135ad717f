import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { list03Td } from '../../../server/domain/forms/list-03-td.js';
import { writeList03Xlsx } from '../../../server/domain/forms/list-03-td-xlsx.js';
import { minutes10cTd } from '../../../server/domain/forms/minutes-10c-td.js';
import { DECOMPOSED, LIST, MINUTES } from './meeting-fixtures.js';
import { expectAll, renderedText } from './rendered.js';
import { textsOf } from './texts.js';

const COMPOSED = DECOMPOSED.normalize('NFC');

describe('minutes 10C/TD', () => {
  const texts = textsOf(minutes10cTd(MINUTES).content);
  const all = texts.join('\n');

  it('has the national heading, the form code, the issuing group and the title', () => {
    expectAll(texts, [
      'Mẫu số 10C/TD',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HỘI NÔNG DÂN PHƯỜNG HÒA BÌNH',
      'BIÊN BẢN HỌP TỔ TIẾT KIỆM VÀ VAY VỐN',
    ]);
    expect(all).toContain('Hôm nay, ngày 17 tháng 12 năm 2026, tại Nhà văn hóa Tổ dân phố 3');
  });

  it('lists who attended, who was absent, and the association officer and village head', () => {
    expect(texts).toEqual(expect.arrayContaining(['1. Chủ trì (Tổ trưởng Tổ TK&VV): ', 'Nguyễn Văn Hùng']));
    expect(texts).toEqual(expect.arrayContaining(['3. Đại diện Hội Nông dân: ', 'Lê Thị Minh Thư']));
    expectAll(all, ['6/10 người: Nguyễn Văn Hùng, Trần Thị Lụa', '1 người: Đỗ Thị Mến']);
  });

  it('writes each household with its votes by name, the recused members and the result', () => {
    expectAll(all, [
      `1. Hộ ${COMPOSED}`,
      'tán thành 4, không tán thành 0, không biểu quyết 1',
      'Không biểu quyết: Vũ Đình Thắng.',
      'Không tham gia biểu quyết (người vay, thành viên hộ người vay): Hoàng Văn Bách.',
      'Không tán thành: Phạm Quốc Việt, Lê Thị Ngọc Hân, Vũ Đình Thắng.',
    ]);
    expect(texts.filter((t) => t === 'Đề nghị cho vay')).toHaveLength(2);
    expectAll(texts, ['Không đề nghị cho vay', 'Chưa bình xét: không đủ số tổ viên tham gia biểu quyết']);
  });

  it('totals the households proposed in the summary table and ends with the four signatures', () => {
    expectAll(texts, ['Cộng: 1 hộ đề nghị cho vay', '4 / 0 / 1', 'Phường Hòa Bình, ngày 17 tháng 12 năm 2026']);
    for (const title of ['THƯ KÝ', 'CHỦ TRÌ (TỔ TRƯỞNG)', 'ĐẠI DIỆN HỘI NÔNG DÂN', 'TRƯỞNG THÔN']) {
      expect(texts).toContain(title);
    }
    expect(texts).toEqual(expect.arrayContaining(['Lê Thị Minh Thư', 'Phạm Văn Đức']));
  });

  it('draws a name typed with combining marks as the composed letters', () => {
    expect(all).not.toContain(DECOMPOSED);
    expect(texts.every((text) => text === text.normalize('NFC'))).toBe(true);
  });

  it('renders to a PDF whose text has the names with diacritics and the amounts, every page drawn', async () => {
    const text = await renderedText(minutes10cTd(MINUTES), 'minutes-10c-td');
    expectAll(text, [COMPOSED, 'Trịnh Văn Đức', 'Ngô Thị Xuân', '40.000.000 đ', '60.000.000 đ', 'Mẫu số 10C/TD']);
  });
});

describe('list 03/TD', () => {
  const texts = textsOf(list03Td(LIST).content);

  it('lists the households proposed with category, programme, amount, purpose and term, and the total', () => {
    expectAll(texts, ['Mẫu số 03/TD', 'DANH SÁCH HỘ GIA ĐÌNH ĐỀ NGHỊ VAY VỐN NGÂN HÀNG CHÍNH SÁCH XÃ HỘI']);
    expect(texts).toEqual(
      expect.arrayContaining(['1', COMPOSED, 'Hộ nghèo', 'HN', '40.000.000 đ', 'Chăn nuôi lợn', '36']),
    );
    expect(texts).toEqual(expect.arrayContaining(['Lương Thế Vinh', 'Hộ cận nghèo', '55.000.000 đ', '60']));
    expect(texts).toEqual(expect.arrayContaining(['Cộng: 2 hộ', '95.000.000 đ']));
  });

  it('lists the households not proposed with why', () => {
    expect(texts).toEqual(
      expect.arrayContaining(['Trịnh Văn Đức', 'Tổ không tán thành (không đủ đa số phiếu tán thành)']),
    );
    expect(texts).toEqual(
      expect.arrayContaining(['Ngô Thị Xuân', 'Chưa bình xét: không đủ số tổ viên tham gia biểu quyết']),
    );
  });

  it('is signed by the group leader and the association, and certified by the ward', () => {
    expectAll(texts, [
      'TỔ TRƯỞNG TỔ TK&VV',
      'Nguyễn Văn Hùng',
      'ĐẠI DIỆN HỘI NÔNG DÂN',
      'UBND PHƯỜNG/XÃ XÁC NHẬN',
      '(Ký tên, đóng dấu)',
      'Phường Hòa Bình, ngày 17 tháng 12 năm 2026',
    ]);
    expect(list03Td(LIST).pageOrientation).toBe('landscape');
  });

  it('renders to a PDF with the names and amounts, every page drawn', async () => {
    const text = await renderedText(list03Td(LIST), 'list-03-td');
    expectAll(text, [COMPOSED, 'Lương Thế Vinh', '40.000.000 đ', '95.000.000 đ', 'UBND PHƯỜNG/XÃ XÁC NHẬN']);
  });

  it('reads back as a worksheet with the names, amounts as numbers and the totals row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeList03Xlsx(LIST)).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Danh sách 03-TD');
    expect(sheet?.getRow(1).getCell(3).value).toBe('Họ và tên người vay');
    expect(sheet?.getRow(2).getCell(3).value).toBe(COMPOSED);
    expect(sheet?.getRow(2).getCell(4).value).toBe('Hộ nghèo');
    expect(sheet?.getRow(2).getCell(6).value).toBe(40_000_000);
    expect(sheet?.getRow(3).getCell(3).value).toBe('Lương Thế Vinh');
    expect(sheet?.getRow(4).getCell(3).value).toBe('Cộng: 2 hộ');
    expect(sheet?.getRow(4).getCell(6).value).toBe(95_000_000);
    expect(sheet?.getRow(4).font?.bold).toBe(true);
  });
});
