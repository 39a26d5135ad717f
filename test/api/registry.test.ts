/**
 * The ward household registry through the HTTP API, against the real stack: import as wards keep their lists
 * (UTF-8 and Windows-1258 CSV, XLSX), re-import, export, lookup, access, and the ward-verification pre-fill.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER, HOUSEHOLDS, ROWS, TODAY, csvText, utf8, windows1258 } from '../fixtures/registry/households.js';
import { parseRegistryFile } from '../../server/domain/registry/index.js';
import type { RegistryHousehold } from '../../server/domain/registry/types.js';
import { runStep, startAs } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
/** An API whose registry judges dates as of the fixtures' day, so the test does not age with the calendar. */
let base: string;

beforeAll(async () => {
  stack = await startStack();
  base = await stack.serve({ today: () => TODAY });
});

afterAll(async () => {
  await stack?.close();
});

const CSV_TYPE = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Upload {
  ward: string;
  bytes: Uint8Array;
  fileName?: string;
  contentType?: string;
  officer?: string | null;
  dryRun?: boolean;
  headers?: Record<string, string>;
}

async function upload({ ward, bytes, fileName = 'ds.csv', contentType = CSV_TYPE, ...options }: Upload) {
  const officer = options.officer === undefined ? `ward.${ward}` : options.officer;
  const token = officer === null ? undefined : await stack.login(officer);
  const query = new URLSearchParams({ fileName, ...(options.dryRun ? { dryRun: 'true' } : {}) });
  const response = await fetch(`${base}/api/wards/${ward}/registry/import?${query}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function download(ward: string, format: 'csv' | 'xlsx', officer = `ward.${ward}`) {
  const response = await fetch(`${base}/api/wards/${ward}/registry/export?format=${format}`, {
    headers: { authorization: `Bearer ${await stack.login(officer)}` },
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** Every household and member row of a ward, ids and timestamps included: "nothing changed" means equal. */
async function wardRows(wardCode: string) {
  return stack.db.prisma.household.findMany({
    where: { wardCode },
    include: { members: { orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
}

const listCsv = (rows: string[][], delimiter = ';') => csvText([HEADER, ...rows], delimiter);

async function lookup(ward: string, citizenId: string, asOf?: string, officer = `ward.${ward}`) {
  const query = new URLSearchParams({ citizenId, ...(asOf ? { asOf } : {}) });
  return stack.api('GET', `/api/wards/${ward}/registry/households?${query}`, {
    token: await stack.login(officer),
    baseUrl: base,
  });
}

/** Members in a fixed order: their order in a list means nothing. */
const sorted = (households: readonly RegistryHousehold[]) =>
  households.map((h) => ({ ...h, members: [...h.members].sort((a, b) => a.birthDate.localeCompare(b.birthDate)) }));

describe('the registry check of an application', () => {
  const form = (borrower: Record<string, string>, ward = 'HOABINH') => ({
    programCode: 'POOR',
    wardCode: ward,
    groupCode: `${ward}-01`,
    householdCategory: 'POOR',
    borrower,
    amount: 40_000_000,
    termMonths: 36,
    purpose: 'Nuôi lợn',
    usePlan: 'Mua lợn giống, thức ăn; trả lãi hằng tháng.',
  });
  // Listed until 2099, so that submission (judged on the real date) finds the listings current.
  const listed = (code: string, name: string, citizenId: string, born: string, category = 'Hộ nghèo') => [
    code,
    name,
    'Chủ hộ',
    citizenId,
    born,
    'Thôn Trung',
    category,
    '15/01/2026',
    '31/12/2099',
  ];
  const THAO = listed('HB-301', 'Lương Thị Thảo', '034188301301', '03/08/1988');
  const BINH = listed('HB-302', 'Tạ Văn Bình', '034179302302', '09/09/1979');

  async function check(id: string, officer = 'ward.HOABINH') {
    return stack.api('GET', `/api/applications/${id}/registry-check`, {
      token: await stack.login(officer),
      baseUrl: base,
    });
  }

  async function submitted(body: Record<string, unknown>): Promise<string> {
    const response = await stack.api('POST', '/api/applications', { body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id;
  }

  it('says not found for an applicant of a ward that keeps no list yet, and pre-fills a refusal', async () => {
    const id = await submitted(
      form({ fullName: 'Phan Văn Khải', citizenId: '034180777777', dateOfBirth: '1980-01-01' }, 'TANLAP'),
    );

    const result = await check(id, 'ward.TANLAP');

    expect(result.body).toMatchObject({
      wardCode: 'TANLAP',
      registry: { found: false, householdId: null, category: null },
      matchesDeclaredCategory: null,
      prefill: { outcome: 'reject', residenceConfirmed: false, listedCategory: 'POOR' },
    });
    expect(result.body.prefill.reason).toMatch(/Not on the ward's household list/);
  });

  it('pre-fills an approval for an applicant on the list, which the ward officer can send as it is', async () => {
    expect((await upload({ ward: 'HOABINH', bytes: utf8(listCsv([THAO, BINH])) })).body).toMatchObject({ created: 2 });
    const id = await submitted(
      form({ fullName: 'Lương Thị Thảo', citizenId: '034188301301', dateOfBirth: '1988-08-03' }),
    );

    const result = await check(id);

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      citizenId: '034188301301',
      declaredCategory: 'POOR',
      registry: { found: true, role: 'head', householdId: 'HB-301', category: 'POOR', expired: false },
      matchesDeclaredCategory: true,
      prefill: { outcome: 'approve', residenceConfirmed: true, listedCategory: 'POOR' },
    });
    expect((await check(id, 'group.HOABINH-01')).status).toBe(200);
    expect((await check(id, 'ward.TANLAP')).status).toBe(404);
    await runStep(stack, id, 'group-vote');
    await startAs(stack, 'ward.HOABINH', id, 'ward-verification');
    const decided = await stack.api('POST', `/api/applications/${id}/steps/ward-verification/decision`, {
      token: await stack.login('ward.HOABINH'),
      body: result.body.prefill,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.currentStep).toBe('entrustment');
  });

  it('says when the list changed to another category since submission, and pre-fills a return', async () => {
    const id = await submitted(form({ fullName: 'Tạ Văn Bình', citizenId: '034179302302', dateOfBirth: '1979-09-09' }));
    const relisted = listed('HB-302', 'Tạ Văn Bình', '034179302302', '09/09/1979', 'Hộ cận nghèo');
    expect((await upload({ ward: 'HOABINH', bytes: utf8(listCsv([relisted])) })).body).toMatchObject({ updated: 1 });

    const result = await check(id);

    expect(result.body).toMatchObject({
      declaredCategory: 'POOR',
      registry: { found: true, role: 'head', householdId: 'HB-302', category: 'NEAR_POOR' },
      matchesDeclaredCategory: false,
      prefill: { outcome: 'return', residenceConfirmed: true, listedCategory: 'NEAR_POOR' },
    });
    expect(result.body.prefill.reason).toContain('Hộ cận nghèo');
  });
});

describe('importing a ward list', () => {
  it('adopts the household an application created when the list names the same head', async () => {
    const form = {
      programCode: 'POOR',
      wardCode: 'DONGHUNG',
      groupCode: 'DONGHUNG-01',
      householdCategory: 'POOR',
      borrower: { fullName: 'Trịnh Văn Phúc', citizenId: '034077505050', dateOfBirth: '1977-06-06' },
      amount: 30_000_000,
      termMonths: 24,
      purpose: 'Trồng rau',
      usePlan: 'Mua giống và phân bón',
    };
    const submitted = await stack.api('POST', '/api/applications', { body: form });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const application = await stack.db.prisma.application.findUniqueOrThrow({ where: { id: submitted.body.id } });
    const row = [
      'DH-050',
      'Trịnh Văn Phúc',
      'Chủ hộ',
      '034077505050',
      '06/06/1977',
      'Thôn 2',
      'Hộ nghèo',
      '01/03/2026',
      '28/02/2027',
    ];

    const result = await upload({ ward: 'DONGHUNG', bytes: utf8(listCsv([row])) });

    expect(result.body).toMatchObject({ created: 1, errors: [] });
    const household = await stack.db.prisma.household.findUniqueOrThrow({ where: { id: application.householdId } });
    expect(household).toMatchObject({ registryCode: 'DH-050', listedCategory: 'POOR', village: 'Thôn 2' });
  });
  it('imports a UTF-8 CSV with Vietnamese names, and a re-import of the same file changes nothing', async () => {
    const file = utf8(listCsv(ROWS));

    const first = await upload({ ward: 'HOABINH', bytes: file });

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      dryRun: false,
      format: 'csv',
      encoding: 'utf-8',
      dataRows: 10,
      created: 4,
      updated: 0,
      unchanged: 0,
      rejectedRows: 0,
      errors: [],
    });
    const head = await lookup('HOABINH', '034185001234');
    expect(head.body).toMatchObject({
      found: true,
      role: 'head',
      household: { householdId: 'HB-001', category: 'POOR', head: { fullName: 'Nguyễn Thị Hằng' } },
    });
    expect(head.body.household.members).toEqual(expect.arrayContaining(HOUSEHOLDS[0]!.members));
    const before = await wardRows('HOABINH');
    const importsBefore = await stack.db.prisma.registryImport.count();

    const again = await upload({ ward: 'HOABINH', bytes: file });

    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejectedRows: 0, errors: [] });
    expect(await wardRows('HOABINH')).toEqual(before);
    expect(await stack.db.prisma.registryImport.count()).toBe(importsBefore + 1);
    const audit = await stack.db.prisma.auditEvent.findMany({ where: { type: 'REGISTRY_IMPORTED' } });
    expect(audit.at(-1)).toMatchObject({
      actorUsername: 'ward.HOABINH',
      actorScope: 'ward:HOABINH',
      data: expect.objectContaining({ wardCode: 'HOABINH', fileName: 'ds.csv', created: 0, unchanged: 4 }),
    });
  });

  it('reads a Windows-1258 CSV as Excel writes it on Vietnamese Windows, and a dry run writes nothing', async () => {
    const file = windows1258(listCsv(ROWS, ','));

    const dry = await upload({ ward: 'TANLAP', bytes: file, dryRun: true });

    expect(dry.body).toMatchObject({ dryRun: true, encoding: 'windows-1258', created: 4, updated: 0 });
    expect((await wardRows('TANLAP')).filter((r) => r.registryCode !== null)).toEqual([]);

    const applied = await upload({ ward: 'TANLAP', bytes: file });

    expect(applied.body).toMatchObject({ dryRun: false, encoding: 'windows-1258', created: 4, errors: [] });
    const rows = (await wardRows('TANLAP')).filter((r) => r.registryCode !== null);
    expect(rows.map((r) => r.headName).sort()).toEqual(HOUSEHOLDS.map((h) => h.head.fullName).sort());
    expect(rows.find((r) => r.registryCode === 'HB-003')?.headName).toBe('Đặng Văn Lượng'.normalize('NFC'));
  });

  it('imports an XLSX workbook with a title above the header and date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hộ nghèo 2026');
    sheet.addRow(['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2026 – XÃ ĐÔNG HƯNG']);
    sheet.addRow([]);
    sheet.addRow(['STT', ...HEADER]);
    ROWS.forEach((row, i) => {
      const date = (text: string) => {
        const [d, m, y] = text.split('/').map(Number);
        return text === '' ? null : new Date(Date.UTC(y!, m! - 1, d!));
      };
      sheet.addRow([
        i + 1,
        row[0],
        row[1],
        row[2],
        row[3],
        date(row[4]!),
        row[5],
        row[6],
        date(row[7]!),
        date(row[8]!),
      ]);
    });
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const imported = await upload({ ward: 'DONGHUNG', bytes, fileName: 'Danh sách hộ.xlsx', contentType: XLSX_TYPE });

    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ format: 'xlsx', created: 4, rejectedRows: 0, errors: [] });
    const again = await upload({ ward: 'DONGHUNG', bytes, fileName: 'Danh sách hộ.xlsx', contentType: XLSX_TYPE });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it('applies the valid households and reports every invalid row with its number and reason', async () => {
    const rows = [
      [
        'HB-101',
        'Ngô Thị Lan',
        'Chủ hộ',
        '034180101010',
        '02/02/1980',
        'Thôn Bắc',
        'Hộ nghèo',
        '15/01/2026',
        '31/12/2026',
      ],
      ['HB-102', 'Bùi Văn Hải', 'Chủ hộ', '03418010', '03/03/1981', 'Thôn Bắc', 'Hộ nghèo', '15/01/2026', '31/12/2026'],
      ['HB-102', 'Bùi Thị Mai', 'Vợ', '034182202020', '04/04/1982', 'Thôn Bắc', 'Hộ nghèo', '15/01/2026', '31/12/2026'],
      [
        'HB-103',
        'Lý Văn Tú',
        'Chủ hộ',
        '034079303030',
        '31/02/1979',
        'Thôn Bắc',
        'Hộ nghèo',
        '15/01/2026',
        '31/12/2026',
      ],
      [
        'HB-104',
        'Mai Thị Hoa',
        'Chủ hộ',
        '034186404040',
        '05/05/1986',
        'Thôn Bắc',
        'Hộ giàu',
        '15/01/2026',
        '31/12/2026',
      ],
    ];

    const result = await upload({ ward: 'HOABINH', bytes: utf8(listCsv(rows)), fileName: 'loi.csv' });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ created: 1, updated: 0, rejectedRows: 4 });
    expect(result.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'Số CCCD', householdId: 'HB-102', code: 'CCCD_INVALID' }),
      expect.objectContaining({ row: 5, column: 'Ngày sinh', householdId: 'HB-103', code: 'DATE_INVALID' }),
      expect.objectContaining({ row: 6, column: 'Phân loại hộ', householdId: 'HB-104', code: 'CATEGORY_UNKNOWN' }),
    ]);
    expect(result.body.errors[0].message).toMatch(/ — .*not imported/);
    const codes = (await wardRows('HOABINH')).map((r) => r.registryCode);
    expect(codes).toContain('HB-101');
    expect(codes).not.toContain('HB-102');
  });

  it('updates what changed, keeps what the file does not mention, and says so', async () => {
    const changed = ROWS.filter((r) => r[0] === 'HB-002' && r[2] !== 'Chồng').map((r) => {
      const row = [...r];
      row[6] = 'Hộ nghèo';
      return row;
    });

    const result = await upload({ ward: 'TANLAP', bytes: utf8(listCsv(changed)) });

    expect(result.body).toMatchObject({ created: 0, updated: 1, unchanged: 0, missing: 3, errors: [] });
    const after = await lookup('TANLAP', '034190005678');
    expect(after.body.household).toMatchObject({ category: 'POOR', members: [{ fullName: 'Phạm Ngọc Ánh' }] });
    expect((await lookup('TANLAP', '034088006789')).body.found).toBe(false);
    expect((await lookup('TANLAP', '034185001234')).body.found).toBe(true);
  });

  it('moves a head between households in one file, and refuses a head who already heads one the file leaves alone', async () => {
    const row = (code: string, name: string, relationship: string, citizenId: string, born: string) => [
      ...[code, name, relationship, citizenId, born],
      ...['Thôn Đông', 'Hộ nghèo', '15/01/2026', '31/12/2026'],
    ];
    const rows = [
      row('HB-001', 'Trần Văn Đức', 'Chủ hộ', '034083002345', '04/07/1983'),
      row('HB-001', 'Trần Minh Khôi', 'Con', '034208004567', '20/02/2008'),
      row('HB-005', 'Nguyễn Thị Hằng', 'Chủ hộ', '034185001234', '12/03/1985'),
      row('HB-005', 'Trần Thị Bảo Ngọc', 'Con', '', '01/09/2012'),
      row('HB-006', 'Đặng Văn Lượng', 'Chủ hộ', '034062007890', '08/08/1962'),
    ];

    const result = await upload({ ward: 'TANLAP', bytes: utf8(listCsv(rows)) });

    expect(result.body).toMatchObject({ created: 1, updated: 1, rejectedRows: 1 });
    expect(result.body.errors).toEqual([
      expect.objectContaining({ row: null, householdId: 'HB-006', code: 'HEAD_CONFLICT' }),
    ]);
    expect(result.body.errors[0].message).toContain('HB-003');
    expect((await lookup('TANLAP', '034185001234')).body).toMatchObject({
      role: 'head',
      household: { householdId: 'HB-005' },
    });
    expect((await lookup('TANLAP', '034083002345')).body).toMatchObject({
      role: 'head',
      household: { householdId: 'HB-001' },
    });
  });

  it('refuses a file it cannot read as a whole with 422, and anything but a file with 415, writing nothing', async () => {
    const imports = await stack.db.prisma.registryImport.count();
    const notAList = await upload({ ward: 'HOABINH', bytes: utf8('Xin chào;thế giới\r\n1;2\r\n') });
    const xls = await upload({
      ward: 'HOABINH',
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      fileName: 'ds.xls',
      contentType: 'application/octet-stream',
    });
    const missing = await upload({ ward: 'HOABINH', bytes: utf8('Mã hộ;Họ và tên;Số CCCD;Ngày sinh\r\nX;Y;Z;W\r\n') });
    const json = await stack.api('POST', '/api/wards/HOABINH/registry/import', {
      token: await stack.login('ward.HOABINH'),
      body: { households: [] },
    });

    expect([notAList.status, notAList.body.error.code]).toEqual([422, 'HEADER_NOT_FOUND']);
    expect([xls.status, xls.body.error.code]).toEqual([422, 'UNSUPPORTED_FORMAT']);
    expect([missing.status, missing.body.error.code]).toEqual([422, 'MISSING_COLUMN']);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['Phân loại hộ', 'Ngày vào danh sách', 'Ngày hết hạn']),
    );
    expect([json.status, json.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await stack.db.prisma.registryImport.count()).toBe(imports);
  });

  it('gives a retried upload with the same Idempotency-Key the first answer, and refuses the key for another file', async () => {
    const row = [
      'HB-201',
      'Cao Thị Vân',
      'Chủ hộ',
      '034187201201',
      '07/07/1987',
      'Thôn Nam',
      'Hộ nghèo',
      '15/01/2026',
      '31/12/2026',
    ];
    const file = utf8(listCsv([row]));
    const headers = { 'idempotency-key': `import-${Date.now()}` };
    const first = await upload({ ward: 'HOABINH', bytes: file, headers });
    const imports = await stack.db.prisma.registryImport.count();

    const retry = await upload({ ward: 'HOABINH', bytes: file, headers });
    const other = await upload({
      ward: 'HOABINH',
      bytes: utf8(listCsv([[...row.slice(0, 6), 'Hộ cận nghèo', ...row.slice(7)]])),
      headers,
    });

    expect(first.body).toMatchObject({ created: 1 });
    expect(retry).toEqual({ status: 200, body: first.body });
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await stack.db.prisma.registryImport.count()).toBe(imports);
  });
});

describe('exporting a ward list', () => {
  it('exports CSV and XLSX with the Vietnamese file name, and both import back with nothing to change', async () => {
    const csv = await download('HOABINH', 'csv');
    const xlsx = await download('HOABINH', 'xlsx');

    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.disposition).toMatch(/^attachment; filename="Danh sach ho HOABINH \d{4}-\d{2}-\d{2}\.csv"; /);
    expect(csv.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Danh sách hộ HOABINH')}`);
    expect(xlsx.contentType).toBe(XLSX_TYPE);
    const count = (await wardRows('HOABINH')).filter((r) => r.registryCode !== null).length;
    const before = await wardRows('HOABINH');

    const fromCsv = await upload({ ward: 'HOABINH', bytes: csv.bytes, fileName: 'export.csv' });
    const fromXlsx = await upload({
      ward: 'HOABINH',
      bytes: xlsx.bytes,
      fileName: 'export.xlsx',
      contentType: XLSX_TYPE,
    });

    expect(fromCsv.body).toMatchObject({ created: 0, updated: 0, unchanged: count, missing: 0, rejectedRows: 0 });
    expect(fromXlsx.body).toMatchObject({ created: 0, updated: 0, unchanged: count, missing: 0, rejectedRows: 0 });
    expect(await wardRows('HOABINH')).toEqual(before);
  });

  it('writes exactly the households it holds', async () => {
    const csv = await download('DONGHUNG', 'csv');
    const xlsx = await download('DONGHUNG', 'xlsx');
    const options = { wardCode: 'DONGHUNG', today: TODAY };

    const fromCsv = await parseRegistryFile({ fileName: 'export.csv', bytes: csv.bytes }, options);
    const fromXlsx = await parseRegistryFile({ fileName: 'export.xlsx', bytes: xlsx.bytes }, options);

    const expected = sorted(HOUSEHOLDS.map((h) => ({ ...h, wardCode: 'DONGHUNG' })));
    const fixtures = (list: RegistryHousehold[]) => sorted(list.filter((h) => h.householdId.startsWith('HB-')));
    expect(fixtures(fromCsv.households)).toEqual(expected);
    expect(fixtures(fromXlsx.households)).toEqual(expected);
    expect(fromCsv.households.map((h) => h.householdId)).toContain('DH-050');
  });
});

describe('who may touch a ward list', () => {
  it("answers 403 to every officer but the ward's own, and 401 without a token", async () => {
    const file = utf8(listCsv(ROWS));
    const rowsBefore = await wardRows('HOABINH');

    for (const officer of ['ward.TANLAP', 'assoc.FARMERS.HOABINH', 'group.HOABINH-01', 'bank.officer', 'admin']) {
      expect((await upload({ ward: 'HOABINH', bytes: file, officer })).status, officer).toBe(403);
      expect((await download('HOABINH', 'csv', officer)).status, officer).toBe(403);
      expect((await lookup('HOABINH', '034185001234', undefined, officer)).status, officer).toBe(403);
    }
    expect((await upload({ ward: 'HOABINH', bytes: file, officer: null })).status).toBe(401);
    expect(await wardRows('HOABINH')).toEqual(rowsBefore);
  });
});

describe('looking a citizen up', () => {
  it('tells head from member, and whether the listing has expired on a given date', async () => {
    const member = await lookup('HOABINH', '034083002345', '2026-06-15');
    const later = await lookup('HOABINH', '034185001234', '2027-01-01');
    const nobody = await lookup('HOABINH', '001099999999');

    expect(member.body).toMatchObject({ found: true, role: 'member', active: true, expired: false });
    expect(member.body.household.householdId).toBe('HB-001');
    expect(later.body).toMatchObject({ found: true, role: 'head', active: false, expired: true, asOf: '2027-01-01' });
    expect(nobody.body).toMatchObject({ found: false, household: null, role: null });
  });
});
