import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRegistryFile } from '../../server/domain/registry/parse.js';
import { HEADER, HOUSEHOLDS, ROWS, TODAY, WARD, utf8 } from '../fixtures/registry/households.js';

const options = { wardCode: WARD, today: TODAY };
const DATE_COLUMNS = new Set([4, 7, 8]);

const toDate = (dmy: string): Date => {
  const [day, month, year] = dmy.split('/').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
};

/** A workbook as a ward keeps it: title rows, real date cells, citizen ids typed as numbers, merged household cells. */
async function wardWorkbook(edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Hướng dẫn').addRow(['Điền mỗi thành viên một dòng.']);
  const sheet = workbook.addWorksheet('Danh sách 2026');
  sheet.addRow(['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2026']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['UBND xã Hòa Bình']);
  sheet.addRow(HEADER.map((h) => h.toUpperCase()));
  for (const row of ROWS) {
    sheet.addRow(
      row.map((cell, i) => {
        if (cell === '') return null;
        if (i === 3) return Number(cell); // Excel took the CCCD for a number and dropped its leading zeros
        return DATE_COLUMNS.has(i) ? toDate(cell) : cell;
      }),
    );
  }
  for (const column of DATE_COLUMNS) sheet.getColumn(column + 1).numFmt = 'dd/mm/yyyy';
  // HB-001 (rows 4–7): household columns merged over its members, as wards lay lists out.
  for (const column of ['A', 'F', 'G', 'H', 'I']) sheet.mergeCells(`${column}4:${column}7`);
  edit?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('importing an XLSX household list', () => {
  it('reads date cells, numeric citizen ids, merged cells and title rows', async () => {
    const result = await parseRegistryFile({ fileName: 'ds-ho-ngheo.xlsx', bytes: await wardWorkbook() }, options);

    expect(result.errors).toEqual([]);
    expect(result.households).toEqual(HOUSEHOLDS);
    expect(result.source).toEqual({ format: 'xlsx', dataRows: 10 });
  });

  it('reads a date column formatted as General (serial numbers), rich text and formula results', async () => {
    const bytes = await wardWorkbook((sheet) => {
      sheet.getCell('E11').value = 22866; // 08/08/1962, Đặng Văn Lượng's birthday, as a bare serial
      sheet.getCell('E11').numFmt = 'General';
      sheet.getCell('B12').value = { richText: [{ text: 'Vũ Thị ' }, { text: 'Nguyệt', font: { bold: true } }] };
      sheet.getCell('G13').value = {
        formula: 'IF(1,"Hộ có mức sống trung bình","")',
        result: 'Hộ có mức sống trung bình',
      };
    });
    const result = await parseRegistryFile({ fileName: 'ds.xlsx', bytes }, options);

    expect(result.errors).toEqual([]);
    expect(result.households).toEqual(HOUSEHOLDS);
  });

  it('reports errors with the worksheet and its own row numbers', async () => {
    const bytes = await wardWorkbook((sheet) => {
      sheet.getCell('D8').value = '3.41850E+11';
      sheet.getCell('E9').value = '31/02/2026';
    });
    const result = await parseRegistryFile({ fileName: 'ds.xlsx', bytes }, options);

    expect(result.households.map((h) => h.householdId)).toEqual(['HB-001', 'HB-003', 'HB-004']);
    expect(
      result.errors.map(({ sheet, row, column, code, householdId }) => ({ sheet, row, column, code, householdId })),
    ).toEqual([
      { sheet: 'Danh sách 2026', row: 8, column: 'SỐ CCCD', code: 'CCCD_SCIENTIFIC_NOTATION', householdId: 'HB-002' },
      { sheet: 'Danh sách 2026', row: 9, column: 'NGÀY SINH', code: 'DATE_INVALID', householdId: 'HB-002' },
    ]);
  });

  it('reads a workbook by its content even when it is named .csv', async () => {
    const result = await parseRegistryFile({ fileName: 'export.csv', bytes: await wardWorkbook() }, options);

    expect(result.source.format).toBe('xlsx');
    expect(result.households).toEqual(HOUSEHOLDS);
  });

  it('refuses Excel 97–2003 files, damaged workbooks and sheets without a header, importing nothing', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1').addRow(['Họ và tên', 'Tuổi']);

    const results = await Promise.all([
      parseRegistryFile({ fileName: 'ds.xls', bytes: xls }, options),
      parseRegistryFile({ fileName: 'ds.xlsx', bytes: zip }, options),
      parseRegistryFile({ fileName: 'ds.xlsx', bytes: utf8('not a workbook') }, options),
      parseRegistryFile({ fileName: 'ds.xlsx', bytes: new Uint8Array(await empty.xlsx.writeBuffer()) }, options),
    ]);

    expect(results.map((r) => r.households.length)).toEqual([0, 0, 0, 0]);
    expect(results.map((r) => r.errors.map((e) => e.code))).toEqual([
      ['UNSUPPORTED_FORMAT'],
      ['FILE_UNREADABLE'],
      ['FILE_UNREADABLE'],
      ['HEADER_NOT_FOUND'],
    ]);
  });
});
