/**
 * The portfolio report on the real stack, with loans carried by their workflows on Temporal's time-skipping server:
 * two loans disbursed, one instalment repaid on its due date, one left to fall overdue, capital recalled, one more
 * application reserved and not yet disbursed. Every figure is checked against what was done, on the date asked for.
 *
 * Each loan: 50,000,000 VND over 12 months at 6.6% a year, principal every 6 months (programme POOR set so), so two
 * instalments of 25,000,000; interest 275,000 a month on 50,000,000, then 137,500 on 25,000,000.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfVietnamDay, startOfVietnamDay } from '../../workflows/calendar/working-days.js';
import { PUBLISHED, approvalFor, runStep, setDecisionClock, submit } from '../support/fixtures.js';
import { startTimeSkippingStack, type TestStack } from '../support/stack.js';

const DISTRICT = 'Huyện Kiến Xương (dữ liệu mẫu)';
const HOUR = 3_600_000;
const LOAN = 50_000_000;
const HALF = 25_000_000;
const RECALLED = 1_000_000_000;
/** The seed's entrustments (2026-01-05): NSDP-KIENXUONG 50 billion, TW-KIENXUONG-POOR 200 billion. */
const LOCAL = 50_000_000_000;
const CENTRAL = 200_000_000_000;

let stack: TestStack;
let loanA: string;
let loanB: string;
let interestCollected = 0;
let outsider: string;

async function skipTo(instant: number): Promise<void> {
  const now = await stack.env!.currentTimeMs();
  if (instant > now) await stack.env!.sleep(instant - now);
  const serverNow = Math.max(instant, now);
  setDecisionClock(() => serverNow);
}

const at9 = (day: string): Promise<void> => skipTo(startOfVietnamDay(day) + 9 * HOUR);

async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const as = async (username: string) => ({ token: await stack.login(username) });
const loanEvent = (loanId: string, type: string) => stack.db.prisma.loanEvent.findFirst({ where: { loanId, type } });

/** An application of 50,000,000 taken through `steps` on `day`; with the disbursement, once the loan book has it. */
async function applyOn(day: string, steps: readonly (typeof PUBLISHED)[number][] = PUBLISHED): Promise<string> {
  await at9(day);
  const created = await submit(stack, { termMonths: 12 });
  for (const step of steps) {
    await runStep(stack, created.id, step, step === 'bank-approval' ? approvalFor(step, LOAN, 12) : approvalFor(step));
  }
  if (steps.includes('disbursement')) {
    await eventually(() => loanEvent(created.id, 'INTEREST_MONTH_OPENED'), 'the loan and its first month of interest');
  }
  return created.id;
}

async function collectInterest(id: string, month: string): Promise<void> {
  const leader = await as('group.HOABINH-01');
  const due = await stack.api('GET', `/api/groups/HOABINH-01/interest-collections?month=${month}`, leader);
  const item = due.body.items.find((i: { loanId: string }) => i.loanId === id);
  expect(item, `interest of ${month}`).toBeDefined();
  const posted = await stack.api('POST', '/api/groups/HOABINH-01/interest-collections', {
    ...leader,
    body: { month, receiptNo: `01/BL-${month}`, collections: [{ loanId: id, amount: item.amount }] },
  });
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  interestCollected += item.amount as number;
}

async function report(query: Record<string, string>, username = 'bank.officer') {
  const token = username === 'bank.tienhai' ? outsider : await stack.login(username);
  return stack.api('GET', `/api/reports?${new URLSearchParams(query)}`, { token });
}

async function reportOn(on: string, scope: Record<string, string> = {}) {
  const response = await report({ district: DISTRICT, on, ...scope });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

beforeAll(async () => {
  stack = await startTimeSkippingStack();
  await stack.db.prisma.loanProgram.updateMany({ where: { code: 'POOR' }, data: { instalmentMonths: 6 } });
  // An officer of another bank office, serving no ward of the district.
  const created = await stack.api('POST', '/api/admin/officers', {
    token: await stack.login('admin'),
    body: {
      username: 'bank.tienhai',
      displayName: 'Cán bộ tín dụng PGD Tiền Hải',
      role: 'bank_credit_officer',
      bankOfficeCode: 'PGD-TIENHAI',
      password: 'mat-khau-tienhai',
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  outsider = await stack.login('bank.tienhai', 'mat-khau-tienhai');

  loanA = await applyOn('2027-03-02');
  await at9('2027-04-02');
  await collectInterest(loanA, '2027-04');
  loanB = await applyOn('2027-04-05');
  await at9('2027-05-02');
  await collectInterest(loanA, '2027-05');
  await at9('2027-05-03');
  const recall = await stack.api('POST', '/api/capital-sources/NSDP-KIENXUONG/recalls', {
    ...(await as('bank.manager')),
    body: { amount: RECALLED, on: '2027-05-03', decisionNumber: '45/QĐ-UBND' },
  });
  expect(recall.status, JSON.stringify(recall.body)).toBe(201);
  for (const month of ['2027-06', '2027-07', '2027-08', '2027-09']) {
    await at9(`${month}-02`);
    await collectInterest(loanA, month);
  }
  // Loan A's first instalment, repaid at the transaction point on its due date.
  const paid = await stack.api('POST', `/api/loans/${loanA}/principal-payments`, {
    ...(await as('bank.officer')),
    body: { amount: HALF },
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  await at9('2027-10-02');
  await collectInterest(loanA, '2027-10');
  // Loan B's first instalment (due 2027-10-05) is never repaid: overdue once that day has ended.
  await skipTo(endOfVietnamDay('2027-10-05') + HOUR);
  await eventually(() => loanEvent(loanB, 'INSTALMENT_OVERDUE'), 'the overdue instalment');
  // A third application, confirmed by the bank (capital reserved) and not yet disbursed.
  await applyOn('2027-10-07', ['group-vote', 'ward-verification', 'entrustment', 'bank-approval']);
}, 600_000);

afterAll(async () => {
  await stack?.close();
});

describe('the portfolio report of a district', () => {
  it('gives the stocks on the date from the ledger and the loan book, and the flows of the year to that date', async () => {
    const body = await reportOn('2027-10-10');
    expect(body.query).toEqual({ district: DISTRICT, on: '2027-10-10', from: '2027-01-01', to: '2027-10-10' });
    expect(body.asOf).toEqual({
      capital: LOCAL - RECALLED + CENTRAL,
      outstanding: HALF + LOAN,
      reserved: LOAN,
      available: LOCAL - RECALLED + CENTRAL - LOAN - (HALF + LOAN),
      loanOutstanding: HALF + LOAN,
      overdue: HALF,
      overdueRatio: HALF / (HALF + LOAN),
      borrowers: 2,
    });
    // Six months at 275,000 on 50,000,000, then October's 137,500 on the 25,000,000 left.
    expect(interestCollected).toBe(6 * 275_000 + 137_500);
    expect(body.period).toEqual({
      loansDisbursed: 2,
      amountDisbursed: 2 * LOAN,
      householdsServed: 2,
      principalRepaid: HALF,
      interestCollected,
    });
    expect(body.sources).toEqual([
      {
        code: 'NSDP-KIENXUONG',
        name: expect.any(String),
        kind: 'local',
        capital: LOCAL - RECALLED,
        reserved: LOAN,
        outstanding: HALF + LOAN,
        available: LOCAL - RECALLED - LOAN - HALF - LOAN,
      },
      {
        code: 'TW-KIENXUONG-POOR',
        name: expect.any(String),
        kind: 'central',
        capital: CENTRAL,
        reserved: 0,
        outstanding: 0,
        available: CENTRAL,
      },
    ]);
    const hoaBinh = body.wards.find((w: { wardCode: string }) => w.wardCode === 'HOABINH');
    expect(hoaBinh).toMatchObject({ outstanding: HALF + LOAN, overdue: HALF, borrowers: 2 });
    expect(body.wards.find((w: { wardCode: string }) => w.wardCode === 'TANLAP')).toMatchObject({
      outstanding: 0,
      overdue: 0,
      borrowers: 0,
    });
  });

  it('gives the earlier figures for a date in the past', async () => {
    const march = await reportOn('2027-03-15');
    expect(march.asOf).toEqual({
      capital: LOCAL + CENTRAL,
      outstanding: LOAN,
      reserved: 0,
      available: LOCAL + CENTRAL - LOAN,
      loanOutstanding: LOAN,
      overdue: 0,
      overdueRatio: 0,
      borrowers: 1,
    });
    expect(march.period).toMatchObject({ loansDisbursed: 1, amountDisbursed: LOAN, principalRepaid: 0 });
    expect(march.period.interestCollected).toBe(0);

    // Before the seed's entrustment nothing was there.
    expect((await reportOn('2026-01-04')).asOf).toMatchObject({ capital: 0, available: 0, loanOutstanding: 0 });
    // The repayment counts from its day on; the overdue instalment from the day after its due date.
    expect((await reportOn('2027-09-01')).asOf).toMatchObject({ loanOutstanding: 2 * LOAN, overdue: 0 });
    expect((await reportOn('2027-09-02')).asOf).toMatchObject({ loanOutstanding: HALF + LOAN, overdue: 0 });
    expect((await reportOn('2027-10-05')).asOf).toMatchObject({ overdue: 0, reserved: 0 });
    expect((await reportOn('2027-10-06')).asOf).toMatchObject({ overdue: HALF, overdueRatio: 1 / 3 });
  });

  it('keeps capital = outstanding + available + reserved for every source on every date', async () => {
    for (const on of [
      '2026-01-04',
      '2026-01-05',
      '2027-03-02',
      '2027-04-05',
      '2027-05-03',
      '2027-09-02',
      '2027-10-10',
    ]) {
      const body = await reportOn(on);
      for (const figures of [body.asOf, ...body.sources]) {
        expect(figures.capital, `${on} ${figures.code ?? 'all'}`).toBe(
          figures.outstanding + figures.available + figures.reserved,
        );
        expect(
          Math.min(figures.capital, figures.outstanding, figures.available, figures.reserved),
        ).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('shows the twelve months to the date, stocks at each month end, flows within each month', async () => {
    const { months } = await reportOn('2027-10-10');
    expect(months.map((m: { month: string }) => m.month)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
    ]);
    const month = (m: string) => months.find((row: { month: string }) => row.month === m);
    expect(month('2027-02')).toEqual({ month: '2027-02', outstanding: 0, overdue: 0, disbursed: 0, repaid: 0 });
    expect(month('2027-03')).toEqual({ month: '2027-03', outstanding: LOAN, overdue: 0, disbursed: LOAN, repaid: 0 });
    expect(month('2027-04')).toEqual({
      month: '2027-04',
      outstanding: 2 * LOAN,
      overdue: 0,
      disbursed: LOAN,
      repaid: 0,
    });
    expect(month('2027-09')).toEqual({
      month: '2027-09',
      outstanding: HALF + LOAN,
      overdue: 0,
      disbursed: 0,
      repaid: HALF,
    });
    expect(month('2027-10')).toEqual({
      month: '2027-10',
      outstanding: HALF + LOAN,
      overdue: HALF,
      disbursed: 0,
      repaid: 0,
    });
  });

  it('narrows to a ward, a programme or a source', async () => {
    const tanLap = await reportOn('2027-10-10', { wardCode: 'TANLAP' });
    expect(tanLap.wards.map((w: { wardCode: string }) => w.wardCode)).toEqual(['TANLAP']);
    expect(tanLap.asOf).toMatchObject({ loanOutstanding: 0, overdue: 0, borrowers: 0 });
    expect(tanLap.period).toMatchObject({ loansDisbursed: 0, amountDisbursed: 0 });
    expect(tanLap.scopeNames.ward).toEqual(expect.any(String));

    const poor = await reportOn('2027-10-10', { programCode: 'POOR' });
    expect(poor.asOf).toMatchObject({ loanOutstanding: HALF + LOAN, overdue: HALF });
    expect((await reportOn('2027-10-10', { programCode: 'JOB_CREATION' })).asOf.loanOutstanding).toBe(0);

    const central = await reportOn('2027-10-10', { sourceCode: 'TW-KIENXUONG-POOR' });
    expect(central.sources.map((s: { code: string }) => s.code)).toEqual(['TW-KIENXUONG-POOR']);
    expect(central.asOf).toMatchObject({ capital: CENTRAL, loanOutstanding: 0, borrowers: 0 });
    const local = await reportOn('2027-10-10', { sourceCode: 'NSDP-KIENXUONG' });
    expect(local.asOf).toMatchObject({
      capital: LOCAL - RECALLED,
      outstanding: HALF + LOAN,
      loanOutstanding: HALF + LOAN,
    });
    expect(local.period).toMatchObject({ loansDisbursed: 2, principalRepaid: HALF, interestCollected });
  });

  it('answers 404 outside the officer’s districts, and for a ward, programme or source not of the district', async () => {
    const outside = await report({ district: DISTRICT, on: '2027-10-10' }, 'bank.tienhai');
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('NOT_FOUND');
    expect((await report({ district: 'Huyện Không Có', on: '2027-10-10' }, 'admin')).status).toBe(404);
    const scopes: Record<string, string>[] = [
      { wardCode: 'NOWHERE' },
      { programCode: 'NOPROGRAM' },
      { sourceCode: 'NO-SOURCE' },
    ];
    for (const scope of scopes) {
      expect((await report({ district: DISTRICT, ...scope }, 'admin')).status).toBe(404);
    }
    expect((await report({ district: DISTRICT, from: '2027-05-01', to: '2027-04-01' })).status).toBe(400);
  });

  it('defaults to the officer’s district, today, and the year of the date', async () => {
    const body = (await report({ on: '2027-06-30' })).body;
    expect(body.query).toEqual({ district: DISTRICT, on: '2027-06-30', from: '2027-01-01', to: '2027-06-30' });
    expect(body.scopeNames.district).toBe(DISTRICT);
  });
});

describe('the report as a workbook', () => {
  it('has a summary, per-ward, per-month and per-source sheet with amounts as numbers, under a Vietnamese name', async () => {
    for (const path of ['/api/reports.xlsx', '/api/reports']) {
      const query = new URLSearchParams({
        district: DISTRICT,
        on: '2027-10-10',
        ...(path === '/api/reports' ? { format: 'xlsx' } : {}),
      });
      const response = await fetch(`${stack.baseUrl}${path}?${query}`, {
        headers: { authorization: `Bearer ${await stack.login('bank.officer')}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      expect(response.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent(`Báo cáo dư nợ ${DISTRICT} đến ngày 10-10-2027.xlsx`)}`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'Tổng hợp',
        'Theo xã phường',
        'Theo tháng',
        'Theo nguồn vốn',
      ]);
      const rows = (name: string) =>
        (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
      const summary = new Map(rows('Tổng hợp').map((r) => [r[0], r.slice(1)]));
      expect(summary.get('Tổng nguồn vốn')?.[0]).toBe(LOCAL - RECALLED + CENTRAL);
      expect(summary.get('Dư nợ cho vay')?.[0]).toBe(HALF + LOAN);
      expect(summary.get('Nợ quá hạn')?.[0]).toBe(HALF);
      expect(summary.get('Tỷ lệ nợ quá hạn (%)')?.[1]).toBe(33.33);
      expect(summary.get('Số hộ còn dư nợ')?.[1]).toBe(2);
      expect(summary.get('Doanh số cho vay')?.[0]).toBe(2 * LOAN);
      expect(summary.get('Doanh số thu nợ gốc')?.[0]).toBe(HALF);
      expect(summary.get('Lãi đã thu')?.[0]).toBe(interestCollected);
      expect(rows('Theo xã phường')).toContainEqual(['HOABINH', expect.any(String), HALF + LOAN, HALF, 33.33, 2]);
      expect(rows('Theo tháng')).toContainEqual(['09/2027', HALF + LOAN, 0, 0, HALF]);
      expect(rows('Theo nguồn vốn')).toContainEqual([
        'NSDP-KIENXUONG',
        expect.any(String),
        'Địa phương',
        LOCAL - RECALLED,
        HALF + LOAN,
        LOAN,
        LOCAL - RECALLED - LOAN - HALF - LOAN,
      ]);
    }
  });
});
