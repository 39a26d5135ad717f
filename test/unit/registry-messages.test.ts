import { describe, expect, it } from 'vitest';
import { messageHalves, registryError } from '../../server/domain/registry/messages.js';

describe('an import error message in each language', () => {
  it('splits the Vietnamese half from the English one', () => {
    const error = registryError(
      { row: 12, column: 'Ngày sinh' },
      'DATE_INVALID',
      { column: 'Ngày sinh', value: '31/02/1990', householdId: 'HB-009' },
      'household',
    );
    expect(messageHalves(error.message)).toEqual({
      vi: '"Ngày sinh": "31/02/1990" không phải ngày hợp lệ (dd/mm/yyyy). Hộ "HB-009" không được nhập.',
      en: '"Ngày sinh": "31/02/1990" is not a valid date (dd/mm/yyyy). Household "HB-009" is not imported.',
    });
  });

  it('keeps a dash typed inside a value in both halves', () => {
    const error = registryError(
      { row: 3 },
      'CATEGORY_UNKNOWN',
      { value: 'Nghèo — cũ', householdId: 'HB-1' },
      'household',
    );
    const { vi, en } = messageHalves(error.message);
    expect(vi).toBe(
      'Phân loại hộ "Nghèo — cũ" không hợp lệ (Hộ nghèo, Hộ cận nghèo, Hộ mới thoát nghèo, Hộ có mức sống trung bình …). Hộ "HB-1" không được nhập.',
    );
    expect(en).toMatch(/^Unknown household category "Nghèo — cũ"/);
  });

  it('shows a message without two halves as it is, in both languages', () => {
    expect(messageHalves('Lỗi — a — b')).toEqual({ vi: 'Lỗi — a — b', en: 'Lỗi — a — b' });
  });
});
