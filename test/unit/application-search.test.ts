import { describe, expect, it } from 'vitest';
import { parseApplicationSearch } from '../../server/domain/applications/application-search.js';
import { foldText } from '../../server/domain/text.js';

describe('foldText', () => {
  it('drops case and diacritics and writes đ as d', () => {
    expect(foldText('Nguyễn Thị Hoa')).toBe('nguyen thi hoa');
    expect(foldText('ĐẶNG Văn Ánh')).toBe('dang van anh');
    expect(foldText('Trần  Thị\tĐào-Hoà')).toBe('tran thi dao hoa');
  });

  it('folds a name typed decomposed (NFD) the same as composed', () => {
    expect(foldText('Nguyễn Thị Hoa'.normalize('NFD'))).toBe(foldText('Nguyễn Thị Hoa'));
  });
});

describe('parseApplicationSearch', () => {
  it('reads an application code in any case as that code', () => {
    expect(parseApplicationSearch(' hoabinh-2026-abc123 ')).toEqual({ by: 'code', code: 'HOABINH-2026-ABC123' });
    expect(parseApplicationSearch('TAN-LAP-2026-XYZ789')).toEqual({ by: 'code', code: 'TAN-LAP-2026-XYZ789' });
  });

  it('reads exactly 12 digits as a citizen ID', () => {
    expect(parseApplicationSearch('034185000123')).toEqual({ by: 'citizenId', citizenId: '034185000123' });
  });

  it('reads anything else as part of the name, folded', () => {
    expect(parseApplicationSearch('Nguyen Thi Hoa')).toEqual({ by: 'name', folded: 'nguyen thi hoa' });
    expect(parseApplicationSearch('Nguyễn Thị Hoa')).toEqual({ by: 'name', folded: 'nguyen thi hoa' });
    expect(parseApplicationSearch('03418500012')).toEqual({ by: 'name', folded: '03418500012' });
    expect(parseApplicationSearch('HOABINH-2026')).toEqual({ by: 'name', folded: 'hoabinh 2026' });
  });

  it('searches nothing when nothing searchable is typed', () => {
    expect(parseApplicationSearch('   ')).toBeNull();
    expect(parseApplicationSearch(' - / ')).toBeNull();
  });
});
