import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, writeCsv } from '../../server/domain/csv.js';

const read = (csv: string, delimiter = ',') => parse(csv.replace(/^\uFEFF/, ''), { delimiter }) as string[][];

describe('the CSV writer', () => {
  it.each(['=HYPERLINK("http://evil.example","bấm")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'])(
    'writes %j as text a spreadsheet will not evaluate',
    (hostile) => {
      expect(neutraliseFormula(hostile)).toBe(`'${hostile}`);
      expect(read(writeCsv(['reason'], [[hostile]]))[1]).toEqual([`'${hostile}`]);
    },
  );

  it('leaves ordinary text, Vietnamese names and numbers as they are', () => {
    const csv = writeCsv(
      ['name', 'amount', 'note'],
      [
        ['Nguyễn Thị Hoa', -5, 'a = b'],
        [null, 0, undefined],
      ],
    );
    expect(read(csv)).toEqual([
      ['name', 'amount', 'note'],
      ['Nguyễn Thị Hoa', '-5', 'a = b'],
      ['', '0', ''],
    ]);
  });

  it('starts with a byte-order mark and quotes delimiters, quotes and line breaks inside a cell', () => {
    const csv = writeCsv(['a', 'b'], [['x;y', 'say "hi"\nthere']], { delimiter: ';', lineEnd: 'crlf' });
    expect(csv.startsWith('\uFEFFa;b\r\n')).toBe(true);
    expect(read(csv, ';')[1]).toEqual(['x;y', 'say "hi"\nthere']);
  });
});
