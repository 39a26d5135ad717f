/**
 * Loans carried through their whole life on Temporal's time-skipping server: months pass in milliseconds, never
 * by sleeping. The tests run in order on one server clock that only moves forward; each disburses its own loan.
 *
 * Every loan: 50,000,000 VND over 12 months at 6.6% a year, principal every 6 months (programme POOR set so), so
 * two instalments of 25,000,000; interest 275,000 a month on 50,000,000 for months 1–6, then 137,500 on 25,000,000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, endOfVietnamDay, startOfVietnamDay, toVietnamDate } from '../../workflows/calendar/working-days.js';
import { addMonths } from '../../workflows/rules/loan-book.js';
import { PUBLISHED, approvalFor, runStep, setDecisionClock, submit } from '../support/fixtures.js';
import { startTimeSkippingStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
const HOUR = 3_600_000;

beforeAll(async () => {
  stack = await startTimeSkippingStack();
  await stack.db.prisma.loanProgram.updateMany({ where: { code: 'POOR' }, data: { instalmentMonths: 6 } });
});

afterAll(async () => {
  await stack?.close();
});

/** Moves the test server's clock to an instant (never backwards); decisions are dated by that clock. */
async function skipTo(instant: number): Promise<void> {
  const now = await stack.env!.currentTimeMs();
  if (instant > now) await stack.env!.sleep(instant - now);
  const serverNow = Math.max(instant, now);
  setDecisionClock(() => serverNow);
}

const serverDate = async (): Promise<string> => toVietnamDate(await stack.env!.currentTimeMs());

/** Waits (in real time) for the worker to finish what a fired timer started. */
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

async function loan(id: string, on?: string) {
  const response = await stack.api('GET', `/api/loans/${id}${on ? `?on=${on}` : ''}`, await as('bank.officer'));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** A new loan disbursed at 09:00 on `day` (Vietnam), once the loan book has it. */
async function disburseOn(day: string): Promise<{ id: string; citizenId: string; disbursedOn: string }> {
  await skipTo(startOfVietnamDay(day) + 9 * HOUR);
  const created = await submit(stack, { termMonths: 12 });
  for (const step of PUBLISHED) {
    await runStep(
      stack,
      created.id,
      step,
      step === 'bank-approval' ? approvalFor(step, 50_000_000, 12) : approvalFor(step),
    );
  }
  await eventually(() => loanEvent(created.id, 'INTEREST_MONTH_OPENED'), 'the loan and its first month of interest');
  return { id: created.id, citizenId: created.citizenId, disbursedOn: day };
}

async function collectInterest(id: string, month: string): Promise<number> {
  const leader = await as('group.HOABINH-01');
  const due = await stack.api('GET', `/api/groups/HOABINH-01/interest-collections?month=${month}`, leader);
  expect(due.status, JSON.stringify(due.body)).toBe(200);
  const item = due.body.items.find((i: { loanId: string }) => i.loanId === id);
  expect(item, `interest of ${month}`).toBeDefined();
  const posted = await stack.api('POST', '/api/groups/HOABINH-01/interest-collections', {
    ...leader,
    body: { month, receiptNo: `01/BL-${month}`, collections: [{ loanId: id, amount: item.amount }] },
  });
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  return item.amount as number;
}

async function payPrincipal(id: string, amount: number) {
  return stack.api('POST', `/api/loans/${id}/principal-payments`, { ...(await as('bank.officer')), body: { amount } });
}

describe('a loan repaid on time', () => {
  it('opens a schedule of two instalments and twelve months of interest, and closes when all is paid', async () => {
    const { id, disbursedOn } = await disburseOn('2027-03-02');
    const opened = await loan(id);
    expect(opened).toMatchObject({ status: 'ACTIVE', outstandingPrincipal: 50_000_000, instalmentMonths: 6 });
    expect(opened.instalments).toMatchObject([
      { no: 1, dueOn: '2027-09-02', principal: 25_000_000, status: 'DUE' },
      { no: 2, dueOn: '2028-03-02', principal: 25_000_000, status: 'DUE' },
    ]);
    const { runId: firstRun } = await stack.client.workflow.getHandle(`loan-${id}`).describe();

    const collected: number[] = [];
    for (let month = 1; month <= 12; month += 1) {
      const dueOn = addMonths(disbursedOn, month);
      await skipTo(startOfVietnamDay(dueOn) + 9 * HOUR);
      collected.push(await collectInterest(id, dueOn.slice(0, 7)));
      if (month === 6 || month === 12) expect((await payPrincipal(id, 25_000_000)).status).toBe(201);
    }
    expect(collected).toEqual([...Array(6).fill(275_000), ...Array(6).fill(137_500)]);

    const closed = await eventually(async () => {
      const body = await loan(id);
      return body.status === 'CLOSED' && body;
    }, 'the closure');
    expect(closed).toMatchObject({ outstandingPrincipal: 0, overduePrincipal: 0, closedOn: '2028-03-02' });
    expect(closed.instalments.map((i: { status: string }) => i.status)).toEqual(['PAID', 'PAID']);
    expect(closed.payments.filter((p: { kind: string }) => p.kind === 'INTEREST')).toHaveLength(12);
    expect(closed.events.map((e: { type: string }) => e.type)).not.toContain('INSTALMENT_OVERDUE');
    // Each instalment period ran in its own execution (continue-as-new), so history stays bounded.
    expect((await stack.client.workflow.getHandle(`loan-${id}`).describe()).runId).not.toBe(firstRun);
    expect((await payPrincipal(id, 1)).body.error.code).toBe('LOAN_CLOSED');
  });

  it('collects interest exactly once per loan and month', async () => {
    const { id, disbursedOn } = await disburseOn(await serverDate());
    const month = addMonths(disbursedOn, 1).slice(0, 7);
    await collectInterest(id, month);
    const again = await stack.api('POST', '/api/groups/HOABINH-01/interest-collections', {
      ...(await as('group.HOABINH-01')),
      body: { month, collections: [{ loanId: id, amount: 275_000 }] },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INTEREST_ALREADY_COLLECTED');
    const other = await stack.api('POST', '/api/groups/HOABINH-02/interest-collections', {
      ...(await as('group.HOABINH-01')),
      body: { month, collections: [{ loanId: id, amount: 1 }] },
    });
    expect(other.status).toBe(403);
    expect(await stack.db.prisma.loanPayment.count({ where: { loanId: id, kind: 'INTEREST' } })).toBe(1);
  });
});

describe('a missed instalment', () => {
  it('makes that instalment overdue only, charges 130% of the rate for the days overdue, and refuses new loans meanwhile', async () => {
    const { id, citizenId, disbursedOn } = await disburseOn(addMonths(await serverDate(), 1));
    for (let month = 1; month <= 6; month += 1) {
      const dueOn = addMonths(disbursedOn, month);
      await skipTo(startOfVietnamDay(dueOn) + 9 * HOUR);
      await collectInterest(id, dueOn.slice(0, 7));
    }
    const firstDue = addMonths(disbursedOn, 6);
    await skipTo(endOfVietnamDay(firstDue) + HOUR);
    await eventually(() => loanEvent(id, 'INSTALMENT_OVERDUE'), 'the overdue instalment');
    const overdue = await loan(id);
    expect(overdue.instalments.map((i: { status: string }) => i.status)).toEqual(['OVERDUE', 'DUE']);
    expect(overdue).toMatchObject({
      overduePrincipal: 25_000_000,
      overdue: { principal: 25_000_000, instalments: [1] },
    });

    // The household applies again: refused for the overdue instalment in the loan book.
    const again = await stack.api('POST', '/api/applications', {
      body: {
        programCode: 'JOB_CREATION',
        wardCode: 'HOABINH',
        groupCode: 'HOABINH-01',
        householdCategory: 'POOR',
        borrower: { fullName: 'Nguyễn Văn Ánh', citizenId, dateOfBirth: '1985-04-12' },
        amount: 10_000_000,
        termMonths: 12,
        purpose: 'Nuôi gà',
        usePlan: 'Mua 200 con gà giống',
      },
    });
    expect(again.status).toBe(422);
    expect(again.body.error.rules.map((r: { code: string }) => r.code)).toContain('OVERDUE_DEBT');

    // Paid 10 days late: 25,000,000 × 6.6% × 130% × 10 / 360 = 59,583.33, rounded to 59,583 VND.
    const paidOn = addDays(firstDue, 10);
    await skipTo(startOfVietnamDay(paidOn) + 9 * HOUR);
    const owed = await loan(id, paidOn);
    expect(owed.dueToday).toMatchObject({ overdueInterest: 59_583, overduePrincipal: 25_000_000, interestArrears: 0 });
    // The transaction point may also take the next instalment ahead of its date, but no more.
    expect(owed.dueToday.total).toBe(59_583 + 25_000_000 + 25_000_000);
    expect((await payPrincipal(id, owed.dueToday.total + 1)).body.error.code).toBe('AMOUNT_OVER_DUE');
    expect((await payPrincipal(id, 25_059_583)).status).toBe(201);
    const paid = await loan(id);
    expect(paid.instalments.map((i: { status: string }) => i.status)).toEqual(['PAID', 'DUE']);
    expect(paid.overduePrincipal).toBe(0);
    expect(paid.payments.at(-1)).toMatchObject({ kind: 'PRINCIPAL', principal: 25_000_000, overdueInterest: 59_583 });
  });
});

describe('early repayment', () => {
  it('takes the whole outstanding with the current month’s interest for its days, and closes the loan', async () => {
    const { id, citizenId } = await disburseOn(addMonths(await serverDate(), 1));
    const reservation = await stack.db.prisma.capitalReservation.findUniqueOrThrow({
      where: { applicationId: id },
      include: { source: true },
    });
    expect(reservation).toMatchObject({ status: 'DISBURSED', amount: 50_000_000n, repaid: 0n });
    const outstandingBefore = reservation.source.outstanding;
    const on = addDays(await serverDate(), 15);
    await skipTo(startOfVietnamDay(on) + 9 * HOUR);
    // 50,000,000 + 50,000,000 × 6.6% × 15 / 360 = 50,000,000 + 137,500.
    const owed = await loan(id, on);
    expect(owed.dueToday.payoff).toBe(50_137_500);
    const short = await stack.api('POST', `/api/loans/${id}/early-repayment`, {
      ...(await as('bank.officer')),
      body: { amount: 50_000_000 },
    });
    expect(short.body.error.code).toBe('PAYOFF_MISMATCH');
    const repaid = await stack.api('POST', `/api/loans/${id}/early-repayment`, {
      ...(await as('bank.officer')),
      body: { amount: 50_137_500 },
    });
    expect(repaid.status, JSON.stringify(repaid.body)).toBe(201);
    expect(repaid.body.status).toBe('CLOSED');
    const closed = await loan(id);
    expect(closed).toMatchObject({ status: 'CLOSED', outstandingPrincipal: 0 });
    expect(closed.payments.at(-1)).toMatchObject({ kind: 'EARLY_REPAYMENT', principal: 50_000_000, interest: 137_500 });
    // The repaid principal returns to the source it was lent from (interest does not): the capital revolves.
    const source = await stack.db.prisma.capitalSource.findUniqueOrThrow({ where: { id: reservation.sourceId } });
    expect(source.outstanding).toBe(outstandingBefore - 50_000_000n);
    const movements = await stack.db.prisma.capitalMovement.findMany({ where: { applicationId: id, kind: 'repay' } });
    expect(movements.map((m) => m.amount)).toEqual([50_000_000n]);
    // Repaid and closed, the loan no longer counts as the household's active loan in the programme.
    const next = await submit(stack, {
      termMonths: 12,
      borrower: { fullName: 'Nguyễn Văn Ánh', citizenId, dateOfBirth: '1985-04-12', email: 'anh.nguyen@example.vn' },
    });
    expect(next.status).toBe('IN_PROGRESS');
  });
});

describe('an extension', () => {
  it("moves an instalment's due date with the ward chair's comment, so it is overdue only after the new date", async () => {
    const { id, disbursedOn } = await disburseOn(addMonths(await serverDate(), 1));
    const firstDue = addMonths(disbursedOn, 6);
    const newDueOn = addMonths(disbursedOn, 9);
    const body = {
      instalmentNo: 1,
      newDueOn,
      wardChairComment: 'Hộ bị thiệt hại do bão, đề nghị gia hạn 3 tháng',
      bankDecision: 'QĐ 12/GH-PGD',
    };
    expect(
      (await stack.api('POST', `/api/loans/${id}/extensions`, { ...(await as('bank.officer')), body })).status,
    ).toBe(403);
    const extended = await stack.api('POST', `/api/loans/${id}/extensions`, { ...(await as('bank.manager')), body });
    expect(extended.status, JSON.stringify(extended.body)).toBe(201);
    const again = await stack.api('POST', `/api/loans/${id}/extensions`, { ...(await as('bank.manager')), body });
    expect(again.body.error.code).toBe('ALREADY_EXTENDED');

    await skipTo(endOfVietnamDay(firstDue) + HOUR);
    const view = await loan(id);
    expect(view.instalments[0]).toMatchObject({
      status: 'DUE',
      dueOn: newDueOn,
      originalDueOn: firstDue,
      extension: { fromDueOn: firstDue, wardChairComment: body.wardChairComment, bankDecision: 'QĐ 12/GH-PGD' },
    });
    await skipTo(endOfVietnamDay(newDueOn) + HOUR);
    await eventually(() => loanEvent(id, 'INSTALMENT_OVERDUE'), 'the overdue extended instalment');
    const overdue = await loan(id);
    expect(overdue.instalments.map((i: { status: string }) => i.status)).toEqual(['OVERDUE', 'DUE']);
  });
});

describe("the association's check of how the loan is used", () => {
  it('waits in the association officer’s inbox, reminds, breaches its 30-day deadline and escalates', async () => {
    const { id, disbursedOn } = await disburseOn(addMonths(await serverDate(), 1));
    const inbox = await stack.api('GET', '/api/inbox', await as('assoc.FARMERS.HOABINH'));
    const task = inbox.body.loanTasks.find((t: { loanId: string }) => t.loanId === id);
    expect(task).toMatchObject({ task: 'use-check', overdue: false });
    expect(task.dueOn > disbursedOn).toBe(true);
    expect((await stack.api('GET', '/api/inbox', await as('assoc.WOMEN.HOABINH'))).body.loanTasks).toEqual([]);

    await skipTo(endOfVietnamDay(task.dueOn) + HOUR);
    await eventually(() => loanEvent(id, 'USE_CHECK_OVERDUE'), 'the breach');
    expect(await loanEvent(id, 'USE_CHECK_REMINDER')).not.toBeNull();
    await eventually(
      () =>
        stack.db.prisma.notificationOutbox.findFirst({
          where: { applicationId: id, recipient: 'huyen.FARMERS@demo.invalid', subject: { contains: 'Quá hạn' } },
        }),
      'the escalation mail',
    );
    const late = await stack.api('GET', '/api/inbox', await as('assoc.FARMERS.HOABINH'));
    expect(late.body.loanTasks.find((t: { loanId: string }) => t.loanId === id)).toMatchObject({ overdue: true });

    const checked = await stack.api('POST', `/api/loans/${id}/use-check`, {
      ...(await as('assoc.FARMERS.HOABINH')),
      body: { outcome: 'as-planned', note: 'Đã mua 2 con bò giống theo phương án' },
    });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    const after = await stack.api('GET', '/api/inbox', await as('assoc.FARMERS.HOABINH'));
    expect(after.body.loanTasks.find((t: { loanId: string }) => t.loanId === id)).toBeUndefined();
    expect((await loan(id)).useCheck).toMatchObject({ outcome: 'as-planned', overdue: true });
  });
});
