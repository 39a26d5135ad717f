import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { postingList } from '../../../server/domain/forms/posting-list.js';
import { transactionDayList } from '../../../server/domain/forms/transaction-day-list.js';
import { writeTransactionDayXlsx, type TransactionDay } from '../../../server/domain/transaction-days/index.js';
import { textsOf } from './texts.js';

const row = (borrowerName: string, amount: number, disbursedOn: string | null) => ({
  applicationId: borrowerName,
  code: `HOABINH-2026-${amount / 1_000_000}`,
  borrowerName,
  village: 'Tổ dân phố 3',
  groupName: 'Tổ TK&VV Tổ dân phố 3',
  amount,
  termMonths: 36,
  annualRatePercent: '6.6',
  finalDueOn: '2029-12-17',
  disbursedOn,
});

const DAY: TransactionDay = {
  ward: {
    code: 'HOABINH',
    name: 'Phường Hòa Bình',
    transactionPoint: 'Điểm giao dịch xã Hòa Bình',
    transactionDay: 17,
    district: 'Huyện Kiến Xương',
    province: 'Tỉnh Thái Bình',
    bankOfficeName: 'Phòng giao dịch NHCSXH huyện Kiến Xương',
  },
  date: '2026-12-17',
  rows: [row('Nguyễn Văn Ánh', 30_000_000, '2026-12-17'), row('Trần Thị Hoa', 45_000_000, null)],
  totals: { count: 2, amount: 75_000_000, disbursedCount: 1, disbursedAmount: 30_000_000 },
};

describe('the disbursement list of a transaction day', () => {
  it('lists every borrower with the amount, marks the disbursed ones and totals the day', () => {
    const texts = textsOf(transactionDayList(DAY).content);
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('DANH SÁCH GIẢI NGÂN');
    expect(texts).toContain('NGÂN HÀNG CHÍNH SÁCH XÃ HỘI');
    expect(texts).toEqual(expect.arrayContaining(['Nguyễn Văn Ánh', '30.000.000 đ', 'Trần Thị Hoa', '45.000.000 đ']));
    expect(texts).toContain('Đã giải ngân 17/12/2026');
    expect(texts).toContain('Cộng: 2 hộ');
    expect(texts).toContain('75.000.000 đ');
    expect(texts).toContain('Phường Hòa Bình, ngày 17 tháng 12 năm 2026');
    expect(texts).toContain('NGƯỜI LẬP BIỂU');
    expect(transactionDayList(DAY).pageOrientation).toBe('landscape');
  });
});

describe('the posting list', () => {
  it('shows borrowers, amounts, rates and final due dates, with the total', () => {
    const texts = textsOf(postingList(DAY).content);
    expect(texts).toContain('DANH SÁCH CÔNG KHAI HỘ VAY VỐN');
    expect(texts).toEqual(expect.arrayContaining(['Nguyễn Văn Ánh', '30.000.000 đ', '6,6%', '17/12/2029']));
    expect(texts).toContain('Cộng: 2 hộ');
    expect(texts).toContain('XÁC NHẬN CỦA UBND CẤP XÃ');
  });
});

describe('the transaction day as a worksheet', () => {
  it('has one row per loan with amounts as numbers and a totals row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTransactionDayXlsx(DAY)).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Danh sách giải ngân');
    expect(sheet?.getRow(1).getCell(3).value).toBe('Họ và tên người vay');
    expect(sheet?.getRow(2).getCell(3).value).toBe('Nguyễn Văn Ánh');
    expect(sheet?.getRow(2).getCell(6).value).toBe(30_000_000);
    expect(sheet?.getRow(3).getCell(11).value).toBeNull();
    expect(sheet?.getRow(4).getCell(3).value).toBe('Cộng: 2 hộ');
    expect(sheet?.getRow(4).getCell(6).value).toBe(75_000_000);
  });
});
