/**
 * Capital sources through the API and the real workflow: a bank confirmation with no capital waits with
 * INSUFFICIENT_CAPITAL and says why, reserves once capital is topped up, disbursement makes it outstanding, a
 * rejection gives it back; amounts are whole VND the API can carry exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalFor, decideAs, rejectionFor, runStep, startAs, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';
import { reserveCapital } from '../../server/domain/capital/reservations.js';
import type { StepName } from '../../workflows/domain.js';

let stack: TestStack;
let manager: string;

interface SourceDetail {
  capital: number;
  reserved: number;
  outstanding: number;
  available: number;
  movements: { kind: string; amount: number; applicationId: string | null; decisionNumber: string | null }[];
}

beforeAll(async () => {
  stack = await startStack();
  manager = await stack.login('bank.manager');
});

afterAll(async () => {
  await stack?.close();
});

async function source(code: string): Promise<SourceDetail> {
  const response = await stack.api<SourceDetail>('GET', `/api/capital-sources/${code}`, { token: manager });
  expect(response.status).toBe(200);
  return response.body;
}

async function recallAll(code: string): Promise<void> {
  const { available } = await source(code);
  if (available === 0) return;
  const recalled = await stack.api('POST', `/api/capital-sources/${code}/recalls`, {
    token: manager,
    body: { amount: available, on: '2026-11-02', decisionNumber: '77/QĐ-UBND' },
  });
  expect(recalled.status, JSON.stringify(recalled.body)).toBe(201);
}

async function topUp(code: string, amount: number): Promise<void> {
  const response = await stack.api('POST', `/api/capital-sources/${code}/entrustments`, {
    token: manager,
    body: { kind: 'top-up', amount, on: '2026-11-02', decisionNumber: '78/QĐ-UBND' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
}

async function application(id: string) {
  const response = await stack.api<{ currentStep: StepName | null; capitalShortfall: string | null; status: string }>(
    'GET',
    `/api/applications/${id}`,
    { token: manager },
  );
  return response.body;
}

/** Runs the steps before bank approval, then the credit officer's proposal. */
async function proposed(amount: number): Promise<string> {
  const { id } = await submit(stack, { amount });
  for (let step = (await application(id)).currentStep; step !== 'bank-approval';) {
    if (!step) throw new Error('the application left the path');
    await runStep(stack, id, step);
    step = (await application(id)).currentStep;
  }
  await startAs(stack, 'bank.officer', id, 'bank-approval');
  const proposal = await decideAs(stack, 'bank.officer', id, 'bank-approval', approvalFor('bank-approval', amount));
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(200);
  const taken = await startAs(stack, 'bank.manager', id, 'bank-approval');
  expect(taken.status).toBe(200);
  return id;
}

const confirm = (id: string) => decideAs(stack, 'bank.manager', id, 'bank-approval', { outcome: 'approve' });

describe('capital sources', () => {
  it('refuses fractions of a đồng and amounts the API cannot carry exactly', async () => {
    for (const amount of [1.5, Number.MAX_SAFE_INTEGER + 1, 0, -5]) {
      const response = await stack.api('POST', '/api/capital-sources/NSDP-KIENXUONG/entrustments', {
        token: manager,
        body: { amount, on: '2026-11-02', decisionNumber: '1/QĐ' },
      });
      expect(response.status, String(amount)).toBe(400);
    }
  });

  it('creates a ward source, records entrustments and plans, and refuses a recall beyond what is available', async () => {
    const created = await stack.api('POST', '/api/capital-sources', {
      token: manager,
      body: {
        code: 'NSX-HOABINH',
        name: 'Vốn ngân sách phường Hòa Bình ủy thác',
        kind: 'local',
        district: 'Huyện Kiến Xương (dữ liệu mẫu)',
        wardCode: 'HOABINH',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const again = await stack.api('POST', '/api/capital-sources', {
      token: manager,
      body: { code: 'NSX-HOABINH', name: 'Trùng mã', kind: 'local', district: 'Huyện Kiến Xương (dữ liệu mẫu)' },
    });
    expect(again.body).toMatchObject({ error: { code: 'CAPITAL_SOURCE_EXISTS' } });
    await topUp('NSX-HOABINH', 300_000_000);
    const plan = await stack.api('PUT', '/api/capital-sources/NSX-HOABINH/plans/2027', {
      token: manager,
      body: { amount: 500_000_000, programCode: 'POOR' },
    });
    expect(plan.body).toEqual({ year: 2027, programCode: 'POOR', amount: 500_000_000 });

    const tooMuch = await stack.api('POST', '/api/capital-sources/NSX-HOABINH/recalls', {
      token: manager,
      body: { amount: 300_000_001, on: '2026-11-03', decisionNumber: '79/QĐ-UBND' },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ error: { code: 'RECALL_EXCEEDS_AVAILABLE' } });
    const detail = await source('NSX-HOABINH');
    expect(detail).toMatchObject({ capital: 300_000_000, available: 300_000_000 });
    expect(detail.movements.map((m) => [m.kind, m.amount, m.decisionNumber])).toEqual([
      ['top-up', 300_000_000, '78/QĐ-UBND'],
    ]);
    // Empty again, so the next test's only capital is what it tops up.
    await recallAll('NSX-HOABINH');
  });

  it('keeps the confirmation waiting with INSUFFICIENT_CAPITAL, then reserves, disburses and releases', async () => {
    for (const code of ['NSDP-KIENXUONG', 'TW-KIENXUONG-POOR', 'NSX-HOABINH']) await recallAll(code);
    const first = await proposed(40_000_000);

    const refused = await confirm(first);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'INSUFFICIENT_CAPITAL' } });
    const waiting = await application(first);
    expect(waiting).toMatchObject({ status: 'IN_PROGRESS', currentStep: 'bank-approval' });
    expect(waiting.capitalShortfall).toMatch(/40\.000\.000/);

    await topUp('NSDP-KIENXUONG', 70_000_000);
    const confirmed = await confirm(first);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(await application(first)).toMatchObject({ currentStep: 'disbursement', capitalShortfall: null });
    expect(await source('NSDP-KIENXUONG')).toMatchObject({ reserved: 40_000_000, available: 30_000_000 });

    await runStep(stack, first, 'disbursement', approvalFor('disbursement', 40_000_000));
    expect(await source('NSDP-KIENXUONG')).toMatchObject({
      reserved: 0,
      outstanding: 40_000_000,
      available: 30_000_000,
    });

    // A Temporal restart can lose the workflow task that reserved and then recorded the disbursement; the Update
    // then runs again on the workflow's state, undisbursed, while the read model already says DISBURSED. Its
    // reservation check must answer as the first time and move nothing (it answered APPLICATION_ENDED before).
    const before = await source('NSDP-KIENXUONG');
    const again = reserveCapital(stack.db.prisma, {
      applicationId: first,
      programCode: 'POOR',
      wardCode: 'HOABINH',
      amount: 40_000_000,
      on: '2026-11-05',
      actor: 'bank.officer',
    });
    await expect(again).resolves.toEqual({ sourceCode: 'NSDP-KIENXUONG' });
    expect(await source('NSDP-KIENXUONG')).toEqual(before);

    // The local source has 30 million left: the next loan draws on the central capital once that is topped up.
    const second = await proposed(35_000_000);
    expect((await confirm(second)).status).toBe(422);
    await topUp('TW-KIENXUONG-POOR', 35_000_000);
    expect((await confirm(second)).status).toBe(200);
    expect(await source('TW-KIENXUONG-POOR')).toMatchObject({ reserved: 35_000_000, available: 0 });
    await startAs(stack, 'bank.officer', second, 'disbursement');
    const rejected = await decideAs(stack, 'bank.officer', second, 'disbursement', rejectionFor('disbursement'));
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const central = await source('TW-KIENXUONG-POOR');
    expect(central).toMatchObject({ reserved: 0, outstanding: 0, available: 35_000_000 });
    expect(central.movements.filter((m) => m.applicationId === second).map((m) => m.kind)).toEqual([
      'reserve',
      'release',
    ]);
    // A rejected application's capital went back: a reservation for it is refused, not made again.
    await expect(
      reserveCapital(stack.db.prisma, {
        applicationId: second,
        programCode: 'POOR',
        wardCode: 'HOABINH',
        amount: 35_000_000,
        on: '2026-11-05',
        actor: 'bank.manager',
      }),
    ).rejects.toMatchObject({ code: 'APPLICATION_ENDED' });
    expect(await source('TW-KIENXUONG-POOR')).toMatchObject({ reserved: 0, available: 35_000_000 });
  });

  it('draws on the sources in the order the programme sets', async () => {
    const order = await stack.api('PUT', '/api/programs/POOR/capital-priority', {
      token: manager,
      body: { sourceCodes: ['TW-KIENXUONG-POOR', 'NSDP-KIENXUONG'] },
    });
    expect(order.body).toEqual({ programCode: 'POOR', sourceCodes: ['TW-KIENXUONG-POOR', 'NSDP-KIENXUONG'] });
    await topUp('NSDP-KIENXUONG', 100_000_000);
    const id = await proposed(20_000_000);
    expect((await confirm(id)).status).toBe(200);
    expect(await source('TW-KIENXUONG-POOR')).toMatchObject({ reserved: 20_000_000 });
  });
});
