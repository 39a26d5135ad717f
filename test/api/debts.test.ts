/** The overdue-debt ledger: scoped to the wards of the officer's bank office, cleared with four eyes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationForm } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let credit: string;
let manager: string;
let tienhai: string;
let secondCredit: string;
let tienhaiManager: string;

async function createBankOfficer(
  username: string,
  bankOfficeCode: string,
  role = 'bank_credit_officer',
): Promise<string> {
  const admin = await stack.login('admin');
  const created = await stack.api('POST', '/api/admin/officers', {
    token: admin,
    body: { username, displayName: username, role, bankOfficeCode, password: 'mat-khau-2026' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return stack.login(username, 'mat-khau-2026');
}

async function record(token: string, citizenId: string, wardCode = 'HOABINH') {
  return stack.api('POST', '/api/overdue-debts', {
    token,
    body: { citizenId, wardCode, amountVnd: 2_000_000, since: '2026-09-17' },
  });
}

beforeAll(async () => {
  stack = await startStack();
  credit = await stack.login('bank.officer');
  manager = await stack.login('bank.manager');
  // PGD-TIENHAI serves no demo ward.
  tienhai = await createBankOfficer('bank.tienhai', 'PGD-TIENHAI');
  secondCredit = await createBankOfficer('bank.officer2', 'PGD-KIENXUONG');
  tienhaiManager = await createBankOfficer('bank.tienhai.manager', 'PGD-TIENHAI', 'bank_manager');
});

afterAll(async () => {
  await stack?.close();
});

describe('the overdue-debt ledger', () => {
  it('needs the ward of the debt, only a ward the officer’s bank office serves, and a past date', async () => {
    const missing = await stack.api('POST', '/api/overdue-debts', {
      token: credit,
      body: { citizenId: '034172001001', amountVnd: 1_000_000, since: '2026-09-17' },
    });
    expect(missing.status).toBe(400);
    expect((await record(credit, '034172001001', 'KHONGCO')).body.error.code).toBe('UNKNOWN_WARD');
    const elsewhere = await record(tienhai, '034172001001', 'HOABINH');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.fields[0].path).toBe('wardCode');
    const future = await stack.api('POST', '/api/overdue-debts', {
      token: credit,
      body: { citizenId: '034172001001', wardCode: 'TANLAP', amountVnd: 1_000_000, since: '2099-01-01' },
    });
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', fields: [{ path: 'since' }] });
    const recorded = await record(credit, '034172001001', 'TANLAP');
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ wardCode: 'TANLAP', recordedBy: 'bank.officer', clearedAt: null });
  });

  it('shows an officer of another office none of the debts, and answers 404 on clearing one', async () => {
    const citizenId = '034172001002';
    const debt = await record(credit, citizenId);
    expect((await stack.api('GET', `/api/overdue-debts?citizenId=${citizenId}`, { token: credit })).body).toHaveLength(
      1,
    );
    const listed = await stack.api('GET', `/api/overdue-debts?citizenId=${citizenId}`, { token: tienhai });
    expect(listed).toEqual({ status: 200, body: [] });
    const clear = await stack.api('POST', `/api/overdue-debts/${debt.body.id}/clear`, {
      token: tienhai,
      body: { reason: 'Đã trả' },
    });
    const unknown = await stack.api('POST', '/api/overdue-debts/00000000-0000-4000-8000-000000000000/clear', {
      token: tienhai,
      body: { reason: 'Đã trả' },
    });
    expect(clear).toEqual(unknown);
    expect(clear.status).toBe(404);
    const row = await stack.db.prisma.overdueDebt.findUniqueOrThrow({ where: { id: debt.body.id } });
    expect(row.clearRequestedBy).toBeNull();
  });

  it('clears only when a second officer of the office confirms the request, never the recorder or requester', async () => {
    const debt = await record(credit, '034172001003');
    const path = `/api/overdue-debts/${debt.body.id}/clear`;

    const noReason = await stack.api('POST', path, { token: secondCredit });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('REASON_REQUIRED');

    const requested = await stack.api('POST', path, { token: secondCredit, body: { reason: 'Trả đủ ngày 20/11' } });
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({
      clearRequestedBy: 'bank.officer2',
      clearReason: 'Trả đủ ngày 20/11',
      clearedBy: null,
      clearedAt: null,
    });

    for (const token of [secondCredit, credit]) {
      const refused = await stack.api('POST', path, { token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('SAME_OFFICER');
    }

    const confirmed = await stack.api('POST', path, { token: manager });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ clearRequestedBy: 'bank.officer2', clearedBy: 'bank.manager' });
    expect(confirmed.body.clearedAt).not.toBeNull();
    // Confirmed is final: another call answers it unchanged.
    expect((await stack.api('POST', path, { token: credit })).body).toEqual(confirmed.body);

    const audit = await stack.db.prisma.auditEvent.findMany({
      where: { type: { startsWith: 'OVERDUE_DEBT_' }, data: { path: ['debtId'], equals: debt.body.id } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((event) => [event.type, event.actorUsername])).toEqual([
      ['OVERDUE_DEBT_RECORDED', 'bank.officer'],
      ['OVERDUE_DEBT_CLEAR_REQUESTED', 'bank.officer2'],
      ['OVERDUE_DEBT_CLEARED', 'bank.manager'],
    ]);
  });

  it('keeps a debt no ward could be found for out of every office, while it still refuses the household', async () => {
    const citizenId = '034172001004';
    const legacy = await stack.db.prisma.overdueDebt.create({
      data: { citizenId, amountVnd: 5_000_000n, since: new Date('2025-01-17'), recordedBy: 'cu' },
    });
    const query = `/api/overdue-debts?citizenId=${citizenId}`;
    const path = `/api/overdue-debts/${legacy.id}/clear`;
    for (const token of [credit, manager, tienhaiManager]) {
      expect((await stack.api('GET', query, { token })).body).toEqual([]);
      expect((await stack.api('POST', path, { token, body: { reason: 'Đối chiếu sổ cũ' } })).status).toBe(404);
    }
    expect(await stack.db.prisma.overdueDebt.findUniqueOrThrow({ where: { id: legacy.id } })).toMatchObject({
      clearRequestedBy: null,
      clearedAt: null,
    });
    const form = applicationForm({
      amount: 20_000_000,
      borrower: { fullName: 'Hà Văn Cũ', citizenId, dateOfBirth: '1972-02-02' },
    });
    const refused = await stack.api('POST', '/api/applications', { body: form });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('OVERDUE_DEBT');
  });

  it('lets only one of two officers requesting the same clear at once become the requester', async () => {
    const debt = await record(manager, '034172001005');
    const path = `/api/overdue-debts/${debt.body.id}/clear`;
    const officers = [
      ['bank.officer', credit],
      ['bank.officer2', secondCredit],
    ] as const;
    const answers = await Promise.all(
      officers.map(([, token]) => stack.api('POST', path, { token, body: { reason: 'Trả đủ' } })),
    );
    const requesters = answers.map((answer) => answer.body.clearRequestedBy);
    const requester = requesters.find((name) => name !== undefined);
    expect(requester).toBeDefined();
    for (const [index, answer] of answers.entries()) {
      const [username] = officers[index]!;
      if (username === requester) {
        expect(answer.status).toBe(200);
        continue;
      }
      // The other call either lost the race (409) or came second and so confirmed the winner's request.
      if (answer.status === 409) expect(answer.body.error.code).toBe('CLEAR_ALREADY_REQUESTED');
      else expect(answer.body).toMatchObject({ clearRequestedBy: requester, clearedBy: username });
    }
    const stored = await stack.db.prisma.overdueDebt.findUniqueOrThrow({ where: { id: debt.body.id } });
    expect(stored.clearRequestedBy).toBe(requester);
    expect(stored.clearedBy).not.toBe(requester);
    const [requesterToken] = officers.filter(([username]) => username === requester).map(([, token]) => token);
    if (!stored.clearedAt) {
      expect((await stack.api('POST', path, { token: requesterToken })).body.error.code).toBe('SAME_OFFICER');
    }
    const requests = await stack.db.prisma.auditEvent.count({
      where: { type: 'OVERDUE_DEBT_CLEAR_REQUESTED', data: { path: ['debtId'], equals: debt.body.id } },
    });
    expect(requests).toBe(1);
  });
});
