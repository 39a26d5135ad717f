import { describe, expect, it } from 'vitest';
import { finalDueDate, form01Td, overdueRate, type Form01Data } from '../../../server/domain/forms/form-01-td.js';
import { textsOf } from './texts.js';

const DATA: Form01Data = {
  code: 'HOABINH-2026-ABC123',
  programmeName: 'Cho vay hộ nghèo',
  bankOfficeName: 'Phòng giao dịch NHCSXH huyện Kiến Xương',
  borrowerName: 'Nguyễn Văn Ánh',
  borrowerBirthDate: '1985-04-12',
  citizenId: '034185001234',
  village: 'Tổ dân phố 3',
  wardName: 'Phường Hòa Bình',
  district: 'Huyện Kiến Xương',
  province: 'Tỉnh Thái Bình',
  categoryName: 'Hộ nghèo',
  groupName: 'Tổ TK&VV Tổ dân phố 3',
  groupLeader: 'Nguyễn Văn Hùng',
  associationName: 'Hội Nông dân',
  amount: 50_000_000,
  termMonths: 36,
  purpose: 'Nuôi bò sinh sản',
  usePlan: 'Mua 2 con bò giống',
  submittedOn: '2026-12-02',
  approved: null,
};

describe('form 01/TD', () => {
  it('prints the request: borrower, amount in figures and words, purpose, term, the date line and the signers', () => {
    const texts = textsOf(form01Td(DATA).content);
    expect(texts).toContain('Mẫu số 01/TD');
    expect(texts).toContain('GIẤY ĐỀ NGHỊ VAY VỐN KIÊM PHƯƠNG ÁN SỬ DỤNG VỐN VAY');
    expect(texts).toContain('Nguyễn Văn Ánh');
    expect(texts).toContain('12/04/1985');
    expect(texts).toContain('50.000.000 đ');
    expect(texts).toContain('Năm mươi triệu đồng');
    expect(texts).toContain('36 tháng');
    expect(texts).toContain('Phường Hòa Bình, ngày 02 tháng 12 năm 2026');
    expect(texts).toContain('NGƯỜI VAY');
    expect(texts).toContain('Cộng');
  });

  it('leaves the bank block blank until the bank has approved', () => {
    const texts = textsOf(form01Td(DATA).content);
    const bank = texts.slice(texts.indexOf('III. PHẦN PHÊ DUYỆT CỦA NGÂN HÀNG'));
    expect(bank).toContain('1. Số tiền cho vay: ');
    expect(bank[bank.indexOf('1. Số tiền cho vay: ') + 1]).toBe('……………………………');
  });

  it('fills the bank block once approved: rate, overdue rate at 130%, term, transaction day, final due date', () => {
    const approved = { amount: 45_000_000, termMonths: 36, annualRatePercent: '6.6', disbursementOn: '2026-12-17' };
    const texts = textsOf(form01Td({ ...DATA, approved }).content);
    expect(texts).toContain('45.000.000 đ');
    expect(texts).toContain('6,6%/năm');
    expect(texts).toContain('8,58%/năm');
    expect(texts).toContain('17/12/2026');
    expect(texts).toContain('17/12/2029');
  });

  it('counts the final due date in months, keeping the day where the month has it', () => {
    expect(finalDueDate('2026-12-17', 36)).toBe('2029-12-17');
    expect(finalDueDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(overdueRate('7.92')).toBe('10.296');
  });
});
