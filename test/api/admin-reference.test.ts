/**
 * An installation without the demo seed gets its reference data from the administrator: bank offices, wards,
 * the mass organisations operating in them, savings groups and their members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: string;

const WARD = {
  code: 'VUQUY',
  name: 'Xã Vũ Quý',
  kind: 'xa',
  district: 'Huyện Kiến Xương',
  province: 'Tỉnh Thái Bình',
  transactionPoint: 'Điểm giao dịch xã Vũ Quý – Nhà văn hóa thôn Nam',
  transactionDay: 5,
};

const post = (path: string, body: unknown) => stack.api('POST', path, { token: admin, body });
const patch = (path: string, body: unknown) => stack.api('PATCH', path, { token: admin, body });
const put = (path: string, body: unknown) => stack.api('PUT', path, { token: admin, body });

async function bankOfficer(username: string, bankOfficeCode: string): Promise<string> {
  const body = {
    username,
    displayName: username,
    role: 'bank_credit_officer',
    bankOfficeCode,
    password: 'mat-khau-2026',
  };
  expect((await post('/api/admin/officers', body)).status).toBe(201);
  return stack.login(username, 'mat-khau-2026');
}

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.login('admin');
});

afterAll(async () => {
  await stack?.close();
});

describe('reference data kept by the administrator', () => {
  it('builds a ward with its bank office, associations, a group and members, and takes applications there', async () => {
    const office = await post('/api/admin/bank-offices', { code: 'PGD-VUQUY', name: 'Phòng giao dịch Vũ Quý' });
    expect(office).toEqual({ status: 201, body: { code: 'PGD-VUQUY', name: 'Phòng giao dịch Vũ Quý', wardCodes: [] } });

    const ward = await post('/api/admin/wards', { ...WARD, bankOfficeCode: 'PGD-VUQUY', associationCodes: ['WOMEN'] });
    expect(ward.status, JSON.stringify(ward.body)).toBe(201);
    expect(ward.body).toMatchObject({ kind: 'xa', transactionDay: 5, bankOfficeCode: 'PGD-VUQUY' });

    const notThere = await post('/api/admin/groups', {
      code: 'VUQUY-01',
      name: 'Tổ TK&VV thôn Nam – Hội Nông dân',
      village: 'Thôn Nam',
      wardCode: 'VUQUY',
      associationCode: 'FARMERS',
    });
    expect(notThere.status).toBe(422);
    expect(notThere.body.error.code).toBe('ASSOCIATION_NOT_IN_WARD');
    const associations = await put('/api/admin/wards/VUQUY/associations', { associationCodes: ['FARMERS', 'WOMEN'] });
    expect(associations.body.associationCodes).toEqual(['FARMERS', 'WOMEN']);
    const group = await post('/api/admin/groups', {
      code: 'VUQUY-01',
      name: 'Tổ TK&VV thôn Nam – Hội Nông dân',
      village: 'Thôn Nam',
      wardCode: 'VUQUY',
      associationCode: 'FARMERS',
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);

    const members = [];
    for (const [index, fullName] of ['Phạm Văn Tài', 'Lê Thị Sen', 'Trịnh Văn Hải'].entries()) {
      const member = await post('/api/admin/groups/VUQUY-01/members', {
        fullName,
        citizenId: `03407000710${index}`,
        role: index === 0 ? 'LEADER' : 'MEMBER',
        joinedOn: '2025-03-01',
      });
      expect(member.status, JSON.stringify(member.body)).toBe(201);
      members.push(member.body);
    }
    const left = await patch(`/api/admin/groups/VUQUY-01/members/${members[2].id}`, { leftOn: '2026-11-30' });
    expect(left.body).toMatchObject({ fullName: 'Trịnh Văn Hải', leftOn: '2026-11-30' });

    const wards = await stack.api('GET', '/api/wards');
    expect(wards.body.find((w: { code: string }) => w.code === 'VUQUY')).toMatchObject({
      kind: 'xa',
      transactionDay: 5,
      associationCodes: ['FARMERS', 'WOMEN'],
    });
    const groups = await stack.api('GET', '/api/groups?ward=VUQUY');
    expect(groups.body).toMatchObject([{ code: 'VUQUY-01', associationCode: 'FARMERS', memberCount: 2 }]);
    const listed = await stack.api('GET', '/api/admin/groups/VUQUY-01/members', { token: admin });
    const leftOn = Object.fromEntries(
      listed.body.map((m: { fullName: string; leftOn: string | null }) => [m.fullName, m.leftOn]),
    );
    expect(leftOn).toEqual({ 'Phạm Văn Tài': null, 'Lê Thị Sen': null, 'Trịnh Văn Hải': '2026-11-30' });

    // The new office's officer sees the new ward's applications; the demo office's does not.
    const application = await submit(stack, { wardCode: 'VUQUY', groupCode: 'VUQUY-01', village: 'Thôn Nam' });
    const vuquy = await bankOfficer('bank.vuquy', 'PGD-VUQUY');
    expect((await stack.api('GET', `/api/applications/${application.id}`, { token: vuquy })).status).toBe(200);
    const kienxuong = await stack.login('bank.officer');
    expect((await stack.api('GET', `/api/applications/${application.id}`, { token: kienxuong })).status).toBe(404);

    const audited = await stack.db.prisma.auditEvent.findMany({
      where: {
        actorUsername: 'admin',
        type: {
          in: [
            'BANK_OFFICE_CREATED',
            'WARD_CREATED',
            'WARD_ASSOCIATIONS_SET',
            'GROUP_CREATED',
            'GROUP_MEMBER_ADDED',
            'GROUP_MEMBER_CHANGED',
          ],
        },
      },
    });
    expect(audited.map((event) => event.type).sort()).toEqual([
      'BANK_OFFICE_CREATED',
      'GROUP_CREATED',
      'GROUP_MEMBER_ADDED',
      'GROUP_MEMBER_ADDED',
      'GROUP_MEMBER_ADDED',
      'GROUP_MEMBER_CHANGED',
      'WARD_ASSOCIATIONS_SET',
      'WARD_CREATED',
    ]);
    expect(JSON.stringify(audited.map((event) => event.data))).not.toContain('034070007100');
  });

  it('moves a ward’s loan files to the bank office it is moved to', async () => {
    const application = await submit(stack, { wardCode: 'TANLAP', groupCode: 'TANLAP-01', householdCategory: 'POOR' });
    const tienhai = await bankOfficer('bank.tienhai', 'PGD-TIENHAI');
    const path = `/api/applications/${application.id}`;
    expect((await stack.api('GET', path, { token: tienhai })).status).toBe(404);
    const moved = await patch('/api/admin/wards/TANLAP', { bankOfficeCode: 'PGD-TIENHAI', transactionDay: 12 });
    expect(moved.body).toMatchObject({ bankOfficeCode: 'PGD-TIENHAI', transactionDay: 12 });
    expect((await stack.api('GET', path, { token: tienhai })).status).toBe(200);
    const event = await stack.db.prisma.auditEvent.findFirstOrThrow({ where: { type: 'WARD_CHANGED' } });
    expect(event.data).toMatchObject({
      code: 'TANLAP',
      bankOfficeCode: 'PGD-TIENHAI',
      previousBankOfficeCode: 'PGD-KIENXUONG',
    });
  });

  it('refuses duplicates, unknown references, an association that still manages groups, and loose bodies', async () => {
    const expectCode = async (response: Promise<{ status: number; body: any }>, status: number, code: string) => {
      const answer = await response;
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body.error.code).toBe(code);
    };
    await expectCode(post('/api/admin/wards', { ...WARD, code: 'HOABINH' }), 409, 'WARD_EXISTS');
    await expectCode(
      post('/api/admin/wards', { ...WARD, code: 'MOI', bankOfficeCode: 'PGD-KHONGCO' }),
      422,
      'UNKNOWN_BANK_OFFICE',
    );
    await expectCode(post('/api/admin/wards', { ...WARD, code: 'moi-thuong' }), 400, 'VALIDATION_FAILED');
    await expectCode(post('/api/admin/wards', { ...WARD, code: 'MOI2', transactionDay: 31 }), 400, 'VALIDATION_FAILED');
    await expectCode(post('/api/admin/wards', { ...WARD, code: 'MOI3', kind: 'thi-tran' }), 400, 'VALIDATION_FAILED');
    await expectCode(post('/api/admin/bank-offices', { code: 'PGD-TIENHAI', name: 'x' }), 409, 'BANK_OFFICE_EXISTS');
    await expectCode(patch('/api/admin/bank-offices/PGD-KHONGCO', { name: 'x' }), 404, 'NOT_FOUND');
    await expectCode(patch('/api/admin/wards/HOABINH', { code: 'KHAC' }), 400, 'VALIDATION_FAILED');
    await expectCode(
      put('/api/admin/wards/HOABINH/associations', { associationCodes: ['WOMEN'] }),
      409,
      'ASSOCIATION_IN_USE',
    );
    expect(
      (await stack.api('GET', '/api/wards')).body.find((w: { code: string }) => w.code === 'HOABINH').associationCodes,
    ).toContain('FARMERS');
    await expectCode(
      post('/api/admin/groups', {
        code: 'HOABINH-01',
        name: 'x',
        village: 'x',
        wardCode: 'HOABINH',
        associationCode: 'FARMERS',
      }),
      409,
      'GROUP_EXISTS',
    );
    await expectCode(
      post('/api/admin/groups', {
        code: 'KHONG-01',
        name: 'x',
        village: 'x',
        wardCode: 'KHONGCO',
        associationCode: 'FARMERS',
      }),
      422,
      'UNKNOWN_WARD',
    );
    await expectCode(patch('/api/admin/groups/HOABINH-01', { wardCode: 'TANLAP' }), 400, 'VALIDATION_FAILED');

    const members = await stack.api('GET', '/api/admin/groups/HOABINH-01/members', { token: admin });
    const [leader] = members.body;
    await expectCode(
      post('/api/admin/groups/HOABINH-01/members', { fullName: 'Trùng', citizenId: leader.citizenId }),
      409,
      'MEMBER_EXISTS',
    );
    await expectCode(
      patch(`/api/admin/groups/HOABINH-01/members/${leader.id}`, { leftOn: '1999-01-01' }),
      400,
      'VALIDATION_FAILED',
    );
    await expectCode(
      patch(`/api/admin/groups/HOABINH-02/members/${leader.id}`, { leftOn: '2026-11-30' }),
      404,
      'NOT_FOUND',
    );
    // A member who left comes back on the same row.
    const gone = await patch(`/api/admin/groups/HOABINH-01/members/${leader.id}`, { leftOn: '2026-11-30' });
    expect(gone.body.leftOn).toBe('2026-11-30');
    const back = await patch(`/api/admin/groups/HOABINH-01/members/${leader.id}`, { leftOn: null });
    expect(back.body.leftOn).toBeNull();
  });

  it('dates a new member today in Vietnam, and takes no membership date after today', async () => {
    // Served with a fixed Vietnam date: the database's own date (UTC) could never be it.
    const baseUrl = await stack.serve({ today: () => '2026-03-02' });
    const add = (body: Record<string, unknown>) =>
      stack.api('POST', '/api/admin/groups/VUQUY-01/members', { token: admin, body, baseUrl });
    const added = await add({ fullName: 'Đỗ Thị Nay', citizenId: '034070007201' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.joinedOn).toBe('2026-03-02');

    const tomorrow = await add({ fullName: 'Đỗ Văn Mai', citizenId: '034070007202', joinedOn: '2026-03-03' });
    expect(tomorrow.status).toBe(422);
    expect(tomorrow.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', fields: [{ path: 'joinedOn' }] });
    const leaving = await stack.api('PATCH', `/api/admin/groups/VUQUY-01/members/${added.body.id}`, {
      token: admin,
      body: { leftOn: '2026-03-03' },
      baseUrl,
    });
    expect(leaving.status).toBe(422);
    expect(leaving.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', fields: [{ path: 'leftOn' }] });
  });

  it('keeps names and the transaction point on one line, as they reach mails', async () => {
    const ward = await post('/api/admin/wards', {
      ...WARD,
      code: 'MOTDONG',
      name: 'Xã Một\r\nBcc: x@example.vn',
      transactionPoint: 'Nhà văn hóa\n\tthôn Nam',
      bankOfficeCode: 'PGD-VUQUY',
    });
    expect(ward.status, JSON.stringify(ward.body)).toBe(201);
    expect(ward.body).toMatchObject({ name: 'Xã Một Bcc: x@example.vn', transactionPoint: 'Nhà văn hóa thôn Nam' });
    const office = await post('/api/admin/bank-offices', { code: 'PGD-MOTDONG', name: 'PGD\u2028Một  dòng ' });
    expect(office.body.name).toBe('PGD Một dòng');
  });

  it('lets only the administrator change reference data', async () => {
    const ward = await stack.login('ward.HOABINH');
    const refused = await stack.api('PATCH', '/api/admin/wards/HOABINH', { token: ward, body: { transactionDay: 3 } });
    expect(refused.status).toBe(403);
    const row = await stack.db.prisma.ward.findUniqueOrThrow({ where: { code: 'HOABINH' } });
    expect(row.transactionDay).toBe(17);
  });
});
