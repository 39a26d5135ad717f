import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { diffRegistry } from '../../server/domain/registry/diff.js';
import { parseRegistryFile } from '../../server/domain/registry/parse.js';
import type { RegistryHousehold } from '../../server/domain/registry/types.js';
import { writeRegistryCsv, writeRegistryXlsx } from '../../server/domain/registry/write.js';
import { HEADER, HOUSEHOLDS, ROWS, TODAY, WARD, csvText, windows1258 } from '../fixtures/registry/households.js';

const options = { wardCode: WARD, today: TODAY };

function household(householdId: string): RegistryHousehold {
  const found = HOUSEHOLDS.find((h) => h.householdId === householdId);
  if (found === undefined) throw new Error(`no fixture household ${householdId}`);
  return found;
}
const parse = (fileName: string, bytes: Uint8Array) => parseRegistryFile({ fileName, bytes }, options);

describe('exporting a household list', () => {
  it('writes CSV as UTF-8 with a BOM, ; between fields, CRLF, the import headers and dd/mm/yyyy dates', () => {
    const bytes = writeRegistryCsv(HOUSEHOLDS);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n')[0]).toBe(`\ufeff${HEADER.join(';')}`);
    expect(text.split('\r\n')[1]).toBe(
      'HB-001;Nguyễn Thị Hằng;Chủ hộ;034185001234;12/03/1985;Thôn Đông;Hộ nghèo;15/01/2026;31/12/2026',
    );
    expect(text.split('\r\n')[3]).toBe(
      'HB-001;Trần Thị Bảo Ngọc;Con;;01/09/2012;Thôn Đông;Hộ nghèo;15/01/2026;31/12/2026',
    );
  });

  it('writes XLSX with citizen ids as text and dates as date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await writeRegistryXlsx(HOUSEHOLDS)).buffer);
    const sheet = workbook.worksheets[0];

    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(sheet?.getCell('D2').value).toBe('034185001234');
    expect(sheet?.getCell('E2').value).toEqual(new Date(Date.UTC(1985, 2, 12)));
    expect(sheet?.getCell('E2').numFmt).toBe('dd/mm/yyyy');
  });

  it.each([
    ['CSV ;', (h: RegistryHousehold[]) => Promise.resolve(writeRegistryCsv(h)), 'export.csv'],
    ['CSV ,', (h: RegistryHousehold[]) => Promise.resolve(writeRegistryCsv(h, { delimiter: ',' })), 'export.csv'],
    ['CSV tab', (h: RegistryHousehold[]) => Promise.resolve(writeRegistryCsv(h, { delimiter: '\t' })), 'export.txt'],
    ['XLSX', writeRegistryXlsx, 'export.xlsx'],
  ] as const)('imports its own %s export back to identical households', async (_, write, fileName) => {
    const result = await parse(fileName, await write(HOUSEHOLDS));

    expect(result.errors).toEqual([]);
    expect(result.households).toEqual(HOUSEHOLDS);
  });

  it('keeps text Excel would run as a formula inert, and still round-trips it', async () => {
    const tricky: RegistryHousehold = { ...household('HB-004'), village: '=HYPERLINK("http://x","Thôn")' };
    const bytes = writeRegistryCsv([tricky]);

    expect(new TextDecoder().decode(bytes)).toContain(`;"'=HYPERLINK(""http://x"",""Thôn"")";`);
    expect((await parse('export.csv', bytes)).households).toEqual([tricky]);
    expect((await parse('export.xlsx', await writeRegistryXlsx([tricky]))).households).toEqual([tricky]);
  });
});

describe('comparing an import with the registry', () => {
  it('finds nothing to change when the same file is imported again', async () => {
    const file = windows1258(csvText([HEADER, ...ROWS], ';'));
    const first = await parse('ds.csv', file);
    const again = await parse('ds.csv', file);

    expect(diffRegistry(first.households, again.households)).toEqual({
      create: [],
      update: [],
      unchanged: 4,
      missing: [],
    });
  });

  it('finds nothing to change when the registry’s own exports are imported', async () => {
    const registry = (await parse('ds.csv', windows1258(csvText([HEADER, ...ROWS], ';')))).households;

    for (const [fileName, bytes] of [
      ['export.csv', writeRegistryCsv(registry)],
      ['export.xlsx', await writeRegistryXlsx(registry)],
    ] as const) {
      const diff = diffRegistry(registry, (await parse(fileName, bytes)).households);
      expect(diff).toMatchObject({ create: [], update: [], unchanged: 4 });
    }
  });

  it('creates new households on a first import', () => {
    expect(diffRegistry([], HOUSEHOLDS)).toEqual({ create: HOUSEHOLDS, update: [], unchanged: 0, missing: [] });
  });

  it('ignores member order, spacing and relationship case, but names each real change', () => {
    const [poor, nearPoor, escaped, marginal] = [
      household('HB-001'),
      household('HB-002'),
      household('HB-003'),
      household('HB-004'),
    ];
    const reordered = {
      ...poor,
      members: [...poor.members].reverse().map((m) => ({ ...m, relationship: m.relationship.toUpperCase() })),
    };
    const respaced = {
      ...escaped,
      village: ' Tổ  dân phố Số 3 ',
      head: { ...escaped.head, fullName: 'Đặng  Văn Lượng' },
    };
    const promoted = { ...nearPoor, category: 'NEWLY_ESCAPED' as const, expiresOn: '2029-01-14' };
    const grown = {
      ...marginal,
      members: [{ fullName: 'Hoàng Thị Lan', citizenId: null, birthDate: '2026-05-01', relationship: 'Con' }],
    };

    const diff = diffRegistry(HOUSEHOLDS, [reordered, respaced, promoted, grown]);

    expect(diff.unchanged).toBe(2);
    expect(diff.create).toEqual([]);
    expect(diff.update.map((u) => [u.after.householdId, u.changes])).toEqual([
      ['HB-002', ['category', 'expiresOn']],
      ['HB-004', ['members']],
    ]);
  });

  it('lists registry households the file leaves out, without removing them', () => {
    const diff = diffRegistry(HOUSEHOLDS, HOUSEHOLDS.slice(0, 2));

    expect(diff.unchanged).toBe(2);
    expect(diff.missing.map((h) => h.householdId)).toEqual(['HB-003', 'HB-004']);
  });
});
