import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationForm, approvalFor, submit, todayInVietnam } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

let luaApplicationId = '';

const post = (body: Record<string, unknown>) => stack.api('POST', '/api/applications', { body });

/** A ward list of DONGHUNG with one current and one expired poor household, imported as a ward would. */
async function importDongHungList(): Promise<void> {
  const csv = [
    'Mã hộ;Họ và tên;Quan hệ với chủ hộ;Số CCCD;Ngày sinh;Thôn/Tổ dân phố;Phân loại hộ;Ngày vào danh sách;Ngày hết hạn',
    'DH-001;Phạm Thị Lụa;Chủ hộ;034180001111;05/03/1980;Thôn Đông;Hộ nghèo;15/01/2026;31/12/2099',
    'DH-001;Vũ Văn Khánh;Chồng;034078002222;12/09/1978;Thôn Đông;Hộ nghèo;15/01/2026;31/12/2099',
    'DH-002;Đinh Văn Sáu;Chủ hộ;034065003333;20/11/1965;Thôn Tây;Hộ nghèo;10/01/2025;30/06/2026',
  ].join('\r\n');
  const token = await stack.login('ward.DONGHUNG');
  const response = await fetch(`${stack.baseUrl}/api/wards/DONGHUNG/registry/import?fileName=ds-ho-ngheo.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: `${csv}\r\n`,
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

const dongHung = (citizenId: string, fullName: string, dateOfBirth: string, overrides: Record<string, unknown> = {}) =>
  applicationForm({
    wardCode: 'DONGHUNG',
    groupCode: 'DONGHUNG-02',
    borrower: { fullName, citizenId, dateOfBirth },
    ...overrides,
  });

describe('eligibility, checked mechanically', () => {
  it('reports every rule broken, with codes and messages in Vietnamese and English', async () => {
    const response = await post(
      applicationForm({
        amount: 150_000_000,
        borrower: { fullName: 'Trần Thị Mai', citizenId: '034309001234', dateOfBirth: '2010-01-01' },
      }),
    );
    expect(response.status).toBe(422);
    expect(response.body.error.rules.map((r: { code: string }) => r.code)).toEqual([
      'BORROWER_UNDER_18',
      'AMOUNT_OVER_CEILING',
    ]);
    expect(response.body.error.rules[0].vi).toContain('18 tuổi');
    expect(response.body.error.rules[0].en).toContain('18 or over');
  });

  it('allows one open application or active loan per household per programme', async () => {
    const first = await submit(stack);
    const again = await post(
      applicationForm({
        borrower: { fullName: 'Nguyễn Văn Ánh', citizenId: first.citizenId, dateOfBirth: '1985-04-12' },
      }),
    );
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('OPEN_APPLICATION_EXISTS');
    const otherProgramme = await post(
      applicationForm({
        programCode: 'CLEAN_WATER',
        amount: 20_000_000,
        borrower: { fullName: 'Nguyễn Văn Ánh', citizenId: first.citizenId, dateOfBirth: '1985-04-12' },
      }),
    );
    expect(otherProgramme.status).toBe(201);
  });

  it("checks residence and category against the ward's list where the ward has imported one", async () => {
    await importDongHungList();
    const lua = await post(dongHung('034180001111', 'Phạm Thị Lụa', '1980-03-05'));
    expect(lua.status).toBe(201);
    luaApplicationId = lua.body.id;
    const stranger = await post(dongHung('034190009999', 'Lý Văn Tư', '1990-01-01'));
    expect(stranger.body.error.code).toBe('NOT_ON_WARD_LIST');
    const expired = await post(dongHung('034065003333', 'Đinh Văn Sáu', '1965-11-20'));
    expect(expired.body.error.code).toBe('LISTING_EXPIRED');
    const mismatch = await post(
      dongHung('034078002222', 'Vũ Văn Khánh', '1978-09-12', {
        programCode: 'NEAR_POOR',
        householdCategory: 'NEAR_POOR',
      }),
    );
    expect(mismatch.body.error.code).toBe('LISTED_CATEGORY_MISMATCH');
    // Wards without a list keep certifying by hand: HOABINH has none, and the suite's applications pass.
    expect((await submit(stack)).status).toBe('IN_PROGRESS');
  });

  it('checks again at bank approval, against the list as it is then', async () => {
    const id = luaApplicationId;
    const act = async (username: string, step: string, body: Record<string, unknown>) => {
      const token = await stack.login(username);
      expect((await stack.api('POST', `/api/applications/${id}/steps/${step}/start`, { token })).status).toBe(200);
      return stack.api('POST', `/api/applications/${id}/steps/${step}/decision`, { token, body });
    };
    const tally = {
      meetingDate: todayInVietnam(),
      membersTotal: 9,
      membersPresent: 7,
      votesFor: 6,
      votesAgainst: 1,
      abstentions: 0,
    };
    expect((await act('group.DONGHUNG-02', 'group-vote', tally)).status).toBe(200);
    expect((await act('ward.DONGHUNG', 'ward-verification', approvalFor('ward-verification'))).status).toBe(200);
    expect((await act('assoc.FARMERS.DONGHUNG', 'entrustment', approvalFor('entrustment'))).status).toBe(200);
    // Since submission the household's listing was cut short: it ended in June.
    await stack.db.prisma.household.updateMany({
      where: { wardCode: 'DONGHUNG', registryCode: 'DH-001' },
      data: { expiresOn: new Date('2026-06-30T00:00:00Z') },
    });
    const refused = await act('bank.officer', 'bank-approval', approvalFor('bank-approval'));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('LISTING_EXPIRED');
    expect(refused.body.error.rules[0].vi).toContain('hết thời hạn');
  });

  it('refuses a household with overdue debt recorded at the bank, where the programme checks it', async () => {
    const bank = await stack.login('bank.officer');
    const debtor = '034172004444';
    const recorded = await stack.api('POST', '/api/overdue-debts', {
      token: bank,
      body: {
        citizenId: debtor,
        wardCode: 'HOABINH',
        amountVnd: 3_500_000,
        since: '2026-06-17',
        note: 'Quá hạn kỳ trả gốc tháng 6',
      },
    });
    expect(recorded.status).toBe(201);
    const form = (programCode: string) =>
      applicationForm({
        programCode,
        amount: 20_000_000,
        borrower: { fullName: 'Hà Văn Lâm', citizenId: debtor, dateOfBirth: '1972-02-02' },
      });
    const refused = await post(form('POOR'));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('OVERDUE_DEBT');
    expect(refused.body.error.rules[0].vi).toContain('nợ quá hạn');

    // A programme whose policy does not check debt accepts the same household.
    const admin = await stack.login('admin');
    const programs = await stack.api('GET', '/api/programs');
    const water = programs.body.find((p: { code: string }) => p.code === 'CLEAN_WATER');
    const { code: _code, version: _version, name, ...definition } = water;
    const changed = await stack.api('PUT', '/api/admin/programs/CLEAN_WATER', {
      token: admin,
      body: { ...definition, nameVi: name.vi, nameEn: name.en, checkOverdueDebt: false },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await post(form('CLEAN_WATER'))).status).toBe(201);

    // A requested clear is only half of four eyes: the debt still counts until another officer confirms it.
    const clear = `/api/overdue-debts/${recorded.body.id}/clear`;
    const requested = await stack.api('POST', clear, { token: bank, body: { reason: 'Đã trả đủ ngày 20/11/2026' } });
    expect(requested.status).toBe(200);
    expect((await post(form('POOR'))).body.error.code).toBe('OVERDUE_DEBT');
    const confirmed = await stack.api('POST', clear, { token: await stack.login('bank.manager') });
    expect(confirmed.status).toBe(200);
    expect((await post(form('POOR'))).status).toBe(201);
  });
});
