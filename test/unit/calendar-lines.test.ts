import { describe, expect, it } from 'vitest';
import { calendarLines, parseCalendarLines } from '../../server/web/calendar-lines.js';

describe('the calendar lines an administrator types', () => {
  it('reads a date and a name per line, an English name after a bar, and skips blank lines', () => {
    const text = '01/01/2027 Tết Dương lịch | New Year’s Day\n\n  2/9/2027   Quốc khánh  \r\n';
    expect(parseCalendarLines(text, 2027)).toEqual({
      days: [
        { line: 1, date: '2027-01-01', nameVi: 'Tết Dương lịch', nameEn: 'New Year’s Day' },
        { line: 3, date: '2027-09-02', nameVi: 'Quốc khánh', nameEn: 'Quốc khánh' },
      ],
    });
  });

  it.each([
    ['2027-01-01 Tết', 'format', ''],
    ['01/01/2027', 'name', '01/01/2027'],
    ['01/01/2027 | New Year', 'name', '01/01/2027'],
    ['29/02/2027 Nhuận', 'date', '29/02/2027'],
    ['01/13/2027 Tháng mười ba', 'date', '01/13/2027'],
    ['01/01/2028 Năm sau', 'year', '01/01/2028'],
  ])('refuses "%s" as %s, naming its line', (line, problem, date) => {
    expect(parseCalendarLines(`01/05/2027 Quốc tế Lao động\n${line}`, 2027)).toEqual({
      refused: { line: 2, problem, date },
    });
  });

  it('refuses a date given twice, also across the two lists', () => {
    const seen = new Set<string>();
    expect(parseCalendarLines('01/01/2027 Tết Dương lịch', 2027, seen)).toMatchObject({ days: [{ line: 1 }] });
    expect(parseCalendarLines('01/01/2027 Làm bù', 2027, seen)).toEqual({
      refused: { line: 1, problem: 'repeated', date: '01/01/2027' },
    });
  });

  it('writes the loaded days back as lines that read again to the same days', () => {
    const days = [
      { date: '2027-01-01', nameVi: 'Tết Dương lịch', nameEn: 'New Year’s Day' },
      { date: '2027-09-02', nameVi: 'Quốc khánh', nameEn: 'Quốc khánh' },
    ];
    const text = calendarLines(days);
    expect(text).toBe('01/01/2027 Tết Dương lịch | New Year’s Day\n02/09/2027 Quốc khánh');
    const read = parseCalendarLines(text, 2027);
    expect('days' in read && read.days.map(({ line: _line, ...day }) => day)).toEqual(days);
  });
});
