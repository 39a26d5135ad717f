import { describe, expect, it } from 'vitest';
import { maskText, maskValue } from '../../server/infra/log-masking.js';

describe('log masking', () => {
  it('masks a citizen ID and Vietnamese phone numbers in any text', () => {
    expect(maskText('CCCD 034112345678, ĐT 0912345678')).toBe('CCCD [citizen-id], ĐT [phone]');
    expect(maskText('gọi +84 912 345 678 hoặc 84912345678 hoặc 0912.345.678')).toBe(
      'gọi [phone] hoặc [phone] hoặc [phone]',
    );
  });

  it('leaves numbers that are neither alone: timestamps, amounts, longer digit runs', () => {
    for (const text of ['1796169859427', 'amount 50000000', 'seq 12', '12345678901234567']) {
      expect(maskText(text)).toBe(text);
    }
  });

  it('masks inside nested objects, arrays and errors without changing the input', () => {
    const error = new Error('no household 034112345678');
    const input = { borrower: { id: '034112345678' }, phones: ['0987654321'], error };
    const masked = maskValue(input) as { borrower: { id: string }; phones: string[]; error: { message: string } };
    expect(masked.borrower.id).toBe('[citizen-id]');
    expect(masked.phones).toEqual(['[phone]']);
    expect(masked.error.message).toBe('no household [citizen-id]');
    expect(input.borrower.id).toBe('034112345678');
  });
});
