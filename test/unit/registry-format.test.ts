import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../server/domain/registry/decode.js';
import { parseDateText } from '../../server/domain/registry/dates.js';
import {
  canonicalRelationship,
  isHeadRelationship,
  matchHeader,
  parseCategory,
} from '../../server/domain/registry/format.js';
import { citizenIdMatchesBirthDate, readCitizenId, readDate } from '../../server/domain/registry/values.js';
import { mojibake, windows1258 } from '../fixtures/registry/households.js';

describe('registry headers', () => {
  it('match without regard to case, accents, punctuation or notes in brackets', () => {
    expect(matchHeader('MÃ HỘ')).toBe('householdId');
    expect(matchHeader('ma ho')).toBe('householdId');
    expect(matchHeader('Thôn / Tổ dân phố')).toBe('village');
    expect(matchHeader('Ngày sinh (dd/mm/yyyy)')).toBe('birthDate');
    expect(matchHeader('Số CCCD*')).toBe('citizenId');
    expect(matchHeader('Họ và tên chủ hộ')).toBe('headName');
    expect(matchHeader('Chủ hộ')).toBe('headName');
    expect(matchHeader('Loại hộ')).toBe('category');
  });

  it('accept English aliases and ignore columns the registry does not use', () => {
    expect(matchHeader('Household id')).toBe('householdId');
    expect(matchHeader('Date of birth')).toBe('birthDate');
    expect(matchHeader('Expires on')).toBe('expiresOn');
    expect(matchHeader('STT')).toBeNull();
    expect(matchHeader('Ghi chú')).toBeNull();
  });
});

describe('registry categories', () => {
  it('read the Vietnamese names, short forms and codes', () => {
    expect(parseCategory('Hộ nghèo')).toBe('POOR');
    expect(parseCategory('HỘ NGHÈO')).toBe('POOR');
    expect(parseCategory('ho ngheo')).toBe('POOR');
    expect(parseCategory('Hộ cận nghèo')).toBe('NEAR_POOR');
    expect(parseCategory('cận nghèo')).toBe('NEAR_POOR');
    expect(parseCategory('HCN')).toBe('NEAR_POOR');
    expect(parseCategory('Hộ mới thoát nghèo')).toBe('NEWLY_ESCAPED');
    expect(parseCategory('Hộ có mức sống trung bình')).toBe('MARGINAL_INCOME');
    expect(parseCategory('NEAR_POOR')).toBe('NEAR_POOR');
    expect(parseCategory('newly_escaped')).toBe('NEWLY_ESCAPED');
  });

  it('refuse anything else', () => {
    expect(parseCategory('Hộ khá giả')).toBeNull();
    expect(parseCategory('')).toBeNull();
  });
});

describe('registry relationships', () => {
  it('recognise the head however it is written', () => {
    expect(isHeadRelationship('Chủ hộ')).toBe(true);
    expect(isHeadRelationship('CHỦ HỘ')).toBe(true);
    expect(isHeadRelationship('chu ho')).toBe(true);
    expect(isHeadRelationship('Con')).toBe(false);
  });

  it('fix the case of known relationships but never confuse words that differ only by accents', () => {
    expect(canonicalRelationship('vợ')).toBe('Vợ');
    expect(canonicalRelationship('CON')).toBe('Con');
    expect(canonicalRelationship('Ba')).toBe('Ba');
    expect(canonicalRelationship('bà')).toBe('Bà');
    expect(canonicalRelationship('  Cháu   nội ')).toBe('Cháu nội');
    expect(canonicalRelationship('Con nuôi của vợ')).toBe('Con nuôi của vợ');
  });
});

describe('registry dates', () => {
  it('read dd/mm/yyyy and d/m/yyyy, with / - or . separators, and ISO dates', () => {
    expect(parseDateText('05/11/1990')).toBe('1990-11-05');
    expect(parseDateText('5/1/1990')).toBe('1990-01-05');
    expect(parseDateText('05-11-1990')).toBe('1990-11-05');
    expect(parseDateText('05.11.1990')).toBe('1990-11-05');
    expect(parseDateText('1990-11-05')).toBe('1990-11-05');
    expect(parseDateText('05/11/1990 00:00:00')).toBe('1990-11-05');
  });

  it('refuse days that do not exist and ambiguous forms', () => {
    expect(parseDateText('31/02/2026')).toBeNull();
    expect(parseDateText('29/02/2025')).toBeNull();
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
    expect(parseDateText('05/11/90')).toBeNull();
    expect(parseDateText('11/1990')).toBeNull();
    expect(parseDateText('13/13/2020')).toBeNull();
  });

  it('read Excel date cells and serial numbers', () => {
    expect(readDate(new Date(Date.UTC(2026, 0, 15)))).toBe('2026-01-15');
    expect(readDate(46037)).toBe('2026-01-15');
    expect(readDate(44575, true)).toBe('2026-01-15');
    expect(readDate(0)).toBeNull();
  });
});

describe('registry citizen ids', () => {
  it('keep 12 digits as they are', () => {
    expect(readCitizenId('034185001234')).toEqual({ ok: true, citizenId: '034185001234' });
    expect(readCitizenId('034 185 001 234')).toEqual({ ok: true, citizenId: '034185001234' });
    expect(readCitizenId('="034185001234"')).toEqual({ ok: true, citizenId: '034185001234' });
  });

  it('put back the leading zeros Excel dropped from a number', () => {
    expect(readCitizenId(34185001234)).toEqual({ ok: true, citizenId: '034185001234' });
    expect(readCitizenId(1075009012)).toEqual({ ok: true, citizenId: '001075009012' });
    expect(readCitizenId('34185001234')).toEqual({ ok: true, citizenId: '034185001234' });
  });

  it('refuse scientific notation, where digits are lost', () => {
    expect(readCitizenId('3.41850E+11')).toMatchObject({ ok: false, code: 'CCCD_SCIENTIFIC_NOTATION' });
    expect(readCitizenId('3,41850E+11')).toMatchObject({ ok: false, code: 'CCCD_SCIENTIFIC_NOTATION' });
  });

  it('refuse other lengths, including the old 9-digit CMND, and letters', () => {
    expect(readCitizenId('123456789')).toMatchObject({ ok: false, code: 'CCCD_INVALID' });
    expect(readCitizenId('0341850012345')).toMatchObject({ ok: false, code: 'CCCD_INVALID' });
    expect(readCitizenId('03418500123X')).toMatchObject({ ok: false, code: 'CCCD_INVALID' });
    expect(readCitizenId(3.5)).toMatchObject({ ok: false, code: 'CCCD_INVALID' });
  });

  it('encode the century and year of birth in digits 4 to 6', () => {
    expect(citizenIdMatchesBirthDate('034185001234', '1985-03-12')).toBe(true);
    expect(citizenIdMatchesBirthDate('034208004567', '2008-02-20')).toBe(true);
    expect(citizenIdMatchesBirthDate('034185001234', '1986-03-12')).toBe(false);
    expect(citizenIdMatchesBirthDate('034085001234', '2085-03-12')).toBe(false);
  });
});

describe('registry text decoding', () => {
  const name = 'Nguyễn Thị Hằng, Trần Văn Đức, Lê Thị Thu Hương, Phạm Văn Bảy';

  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(name);
    expect(decodeText(bytes)).toEqual({ text: name, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: name, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 with a BOM, as Excel writes "Unicode text"', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...iconv.encode(name, 'utf16le')]);
    expect(decodeText(bytes)).toEqual({ text: name, encoding: 'utf-16le' });
  });

  it('reads Windows-1258 and composes its separate tone marks (NFC)', () => {
    const bytes = windows1258(name);
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(name).length);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: name, encoding: 'windows-1258' });
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
  });

  it('repairs UTF-8 that was read as Windows-1252 and saved again', () => {
    const mangled = mojibake(name);
    expect(mangled).toContain('Nguyá»…n');
    expect(decodeText(new TextEncoder().encode(mangled))).toEqual({ text: name, encoding: 'utf-8-mojibake' });
  });

  it('leaves genuine text with Latin-1 letters alone', () => {
    const text = 'Thôn Đông; Tô Văn Ân';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
  });
});
