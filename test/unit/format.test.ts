import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatPercent, viDate } from '../../server/domain/format.js';

describe('the one formatter for dates and money', () => {
  it('writes calendar dates as day/month/year', () => {
    expect(formatDate('2026-12-17')).toBe('17/12/2026');
    expect(viDate('2027-01-18')).toBe('18/01/2027');
    expect(formatDate(null)).toBe('');
  });

  it('writes a moment as the day and time it was in Vietnam', () => {
    expect(formatDate('2026-12-01T20:40:00.000Z')).toBe('02/12/2026');
    expect(formatDate(new Date('2026-12-01T16:59:00Z'))).toBe('01/12/2026');
    expect(formatDateTime('2026-12-01T20:40:00.000Z')).toBe('02/12/2026 03:40');
  });

  it('writes money as 50.000.000 đ in Vietnamese and 50,000,000 VND in English', () => {
    expect(formatMoney(50_000_000, 'vi')).toBe('50.000.000 đ');
    expect(formatMoney(50_000_000, 'en')).toBe('50,000,000 VND');
    expect(formatMoney(480_000_000n, 'vi')).toBe('480.000.000 đ');
  });

  it('writes rates with the decimal comma in Vietnamese', () => {
    expect(formatPercent('8.382', 'vi')).toBe('8,382%');
    expect(formatPercent('6.6', 'en')).toBe('6.6%');
  });
});
