/**
 * Printed forms and the transaction day, on the time-skipping server: two loans of ward HOABINH approved and
 * scheduled for its next transaction day, then that day reached by skipping time, never by sleeping.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markDisbursed } from '../../server/domain/transaction-days/index.js';
import { officerForToken } from '../../server/domain/sessions.js';
import { startOfVietnamDay } from '../../workflows/calendar/working-days.js';
import { PUBLISHED, approvalFor, nextCitizenId, runStep, setDecisionClock, submit } from '../support/fixtures.js';
import { pageCount, pdfText, renderPages } from '../support/pdf.js';
import { startStack, type TestStack } from '../support/stack.js';

/** The first page of each form is copied to docs/forms/ for the README when UPDATE_DOCS=1; otherwise kept in /tmp only. */
const DOCS = (name: string): string | undefined =>
  process.env.UPDATE_DOCS ? fileURLToPath(new URL(`../../docs/forms/${name}.png`, import.meta.url)) : undefined;

let stack: TestStack;
const loans = [
  { name: 'Lê Thị Ngọc Hân', amount: 45_000_000, id: '', code: '' },
  { name: 'Trịnh Văn Đức', amount: 30_000_000, id: '', code: '' },
];
let day = '';

async function download(path: string, username: string): Promise<{ status: number; type: string; bytes: Uint8Array }> {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${await stack.login(username)}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

beforeAll(async () => {
  stack = await startStack({ timeSkipping: true });
  setDecisionClock(() => Date.now());
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
  expect(created.status).toBe(201);
  for (const loan of loans) {
    const created = await submit(stack, {
      borrower: { fullName: loan.name, citizenId: nextCitizenId(), dateOfBirth: '1988-03-09' },
    });
    loan.id = created.id;
    loan.code = created.code;
    for (const step of PUBLISHED.slice(0, 4)) {
      await runStep(stack, loan.id, step, step === 'bank-approval' ? approvalFor(step, loan.amount) : undefined);
    }
  }
  const view = await stack.api('GET', `/api/applications/${loans[0]!.id}`, {
    token: await stack.login('bank.officer'),
  });
  day = view.body.disbursementOn;
}, 240_000);

afterAll(async () => {
  await stack?.close();
});

describe('form 01/TD', () => {
  it('is a PDF with the borrower named with diacritics, the amounts, and the bank block filled', async () => {
    const loan = loans[0]!;
    const pdf = await download(`/api/applications/${loan.id}/forms/01-td.pdf`, 'ward.HOABINH');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Mẫu số 01/TD');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Lê Thị Ngọc Hân');
    expect(text).toContain('50.000.000 đ');
    expect(text).toContain('Năm mươi triệu đồng');
    expect(text).toContain('45.000.000 đ');
    expect(text).toContain(day.split('-').reverse().join('/'));
    expect(renderPages(pdf.bytes, 'form-01-td', DOCS('01-td'))).toHaveLength(pageCount(pdf.bytes));
  });

  it('has the access of the application view: another ward gets 404', async () => {
    expect((await download(`/api/applications/${loans[0]!.id}/forms/01-td.pdf`, 'ward.TANLAP')).status).toBe(404);
    expect((await download(`/api/applications/${loans[0]!.id}/forms/01-td.pdf`, 'bank.manager')).status).toBe(200);
  });
});

describe('the transaction day', () => {
  it('lists every approved loan scheduled at the point that day, with amounts and a total', async () => {
    const list = await stack.api('GET', `/api/transaction-days?ward=HOABINH&date=${day}`, {
      token: await stack.login('bank.officer'),
    });
    expect(list.status).toBe(200);
    expect(list.body.ward.transactionPoint).toContain('Điểm giao dịch xã Hòa Bình');
    expect(
      list.body.rows.map((row: { borrowerName: string; amount: number }) => [row.borrowerName, row.amount]),
    ).toEqual(
      expect.arrayContaining([
        ['Lê Thị Ngọc Hân', 45_000_000],
        ['Trịnh Văn Đức', 30_000_000],
      ]),
    );
    expect(list.body.totals).toMatchObject({ count: 2, amount: 75_000_000, disbursedCount: 0 });
    const otherDay = await stack.api('GET', `/api/transaction-days?ward=HOABINH&date=2026-01-05`, {
      token: await stack.login('bank.officer'),
    });
    expect(otherDay.body.rows).toEqual([]);
  });

  it('is for the bank officers of the office serving the ward', async () => {
    const path = `/api/transaction-days?ward=HOABINH&date=${day}`;
    expect((await stack.api('GET', path, { token: await stack.login('ward.HOABINH') })).status).toBe(403);
    const tienhai = await stack.login('bank.tienhai', 'mat-khau-tienhai');
    expect((await stack.api('GET', path, { token: tienhai })).status).toBe(403);
    expect(
      (await stack.api('GET', path.replace('HOABINH', 'NOWHERE'), { token: await stack.login('bank.officer') })).status,
    ).toBe(404);
    expect(
      (
        await stack.api('GET', `/api/transaction-days?ward=HOABINH&date=17-12-2026`, {
          token: await stack.login('bank.officer'),
        })
      ).status,
    ).toBe(400);
  });

  it('marks a row disbursed exactly once, however often and however fast it is asked', async () => {
    const loan = loans[1]!;
    const token = await stack.login('bank.officer');
    const officer = (await officerForToken(stack.db.prisma, token))!;
    const deps = { prisma: stack.db.prisma, client: stack.client, taskQueue: stack.taskQueue };
    const now = await stack.env!.currentTimeMs();
    const target = startOfVietnamDay(day) + 9 * 3_600_000;
    if (target > now) await stack.env!.sleep(target - now);
    const query = { ward: 'HOABINH', date: day, applicationId: loan.id };
    const answers = await Promise.all([markDisbursed(deps, officer, query), markDisbursed(deps, officer, query)]);
    expect(answers.sort()).toEqual(['already', 'disbursed']);
    expect(await markDisbursed(deps, officer, query)).toBe('already');
    const decisions = await stack.db.prisma.stepDecision.count({
      where: { applicationId: loan.id, step: 'disbursement' },
    });
    expect(decisions).toBe(1);
    expect(await stack.db.prisma.disbursement.count({ where: { applicationId: loan.id } })).toBe(1);
    const list = await stack.api('GET', `/api/transaction-days?ward=HOABINH&date=${day}`, { token });
    expect(list.body.totals).toMatchObject({ count: 2, disbursedCount: 1, disbursedAmount: 30_000_000 });
  });

  it('prints the disbursement list and the posting list as PDF, and the list as XLSX', async () => {
    const list = await download(`/api/transaction-days?ward=HOABINH&date=${day}&format=pdf`, 'bank.officer');
    expect(list.type).toBe('application/pdf');
    const listText = pdfText(list.bytes);
    for (const expected of [
      'DANH SÁCH GIẢI NGÂN',
      'Lê Thị Ngọc Hân',
      'Trịnh Văn Đức',
      '45.000.000 đ',
      '30.000.000 đ',
      '75.000.000 đ',
    ]) {
      expect(listText).toContain(expected);
    }
    expect(renderPages(list.bytes, 'transaction-day', DOCS('transaction-day'))).toHaveLength(pageCount(list.bytes));

    const posting = await download(`/api/transaction-days/posting-list.pdf?ward=HOABINH&date=${day}`, 'bank.manager');
    const postingText = pdfText(posting.bytes);
    for (const expected of [
      'DANH SÁCH CÔNG KHAI HỘ VAY VỐN',
      'Lê Thị Ngọc Hân',
      'Trịnh Văn Đức',
      '45.000.000 đ',
      '6,6%',
    ]) {
      expect(postingText).toContain(expected);
    }
    expect(renderPages(posting.bytes, 'posting-list', DOCS('posting-list'))).toHaveLength(pageCount(posting.bytes));

    const sheet = await download(`/api/transaction-days?ward=HOABINH&date=${day}&format=xlsx`, 'bank.officer');
    expect(sheet.status).toBe(200);
    expect(sheet.type).toContain('spreadsheetml');
    expect(Buffer.from(sheet.bytes.subarray(0, 2)).toString()).toBe('PK');
  });
});
