import { describe, expect, it } from 'vitest';
import { toOneLine, toParagraphs } from '../../server/domain/text.js';
import { CreateApplicationBody } from '../../server/http/schemas.js';

describe('single-line and multi-line text', () => {
  it.each(['\r\n', '\n', '\r', '\t', '\u0085', '\u2028', '\u2029', '\u00a0', '\u000b\u000c', '\u001b', ' \r\n\t '])(
    'writes %j inside a name as one space',
    (separator) => {
      expect(toOneLine(` Nguyễn${separator}Thị  Hoa `)).toBe('Nguyễn Thị Hoa');
    },
  );

  it('keeps the lines of free text, written with LF, without other control characters', () => {
    expect(toParagraphs('Mua bò\r\nLàm chuồng\rTrả lãi\u2028Bán bê\u0085Hết\tnợ\u0007\u001b ')).toBe(
      'Mua bò\nLàm chuồng\nTrả lãi\nBán bê\nHết nợ',
    );
  });

  it('refuses a name that is only whitespace', () => {
    const form = { fullName: '\r\n\u2028\t', citizenId: '034185001234', dateOfBirth: '1985-04-12' };
    expect(CreateApplicationBody.shape.borrower.safeParse(form).success).toBe(false);
  });

  it('keeps text composed (NFC), whatever keyboard typed it', () => {
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 Hoa';
    expect(toOneLine(decomposed)).toBe('Nguyễn Thị Hoa');
    expect(toParagraphs(`${decomposed}\r\n`)).toBe('Nguyễn Thị Hoa');
  });
});
