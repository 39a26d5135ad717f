/**
 * What is not disbursed on its transaction day moves to the ward's next one, on the time-skipping server: three
 * loans of ward HOABINH scheduled on its next transaction day; one moved by the bank officer, one disbursed, the
 * last moved when the day is closed; the moved ones' deadline timers follow the new day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStateQuery } from '../../workflows/definitions.js';
import { loadCalendar } from '../../server/domain/programmes.js';
import {
  endOfVietnamDay,
  nextTransactionDay,
  previousWorkingDay,
  startOfVietnamDay,
  type HolidayCalendar,
} from '../../workflows/calendar/working-days.js';
import { PUBLISHED, approvalFor, nextCitizenId, runStep, setDecisionClock, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let calendar: HolidayCalendar;
const loans = [
  { name: 'Phạm Thị Thu Hường', id: '', code: '', last4: '' },
  { name: 'Đặng Quốc Việt', id: '', code: '', last4: '' },
  { name: 'Hoàng Thị Ánh Tuyết', id: '', code: '', last4: '' },
];
let day = '';
let nextDay = '';
const ABSENT = 'Hộ vay vắng mặt (đi làm ăn xa), hẹn kỳ sau';

async function skipTo(instant: number): Promise<void> {
  const now = await stack.env!.currentTimeMs();
  if (instant > now) await stack.env!.sleep(instant - now);
  const serverNow = Math.max(instant, now);
  setDecisionClock(() => serverNow);
}

async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const bank = async () => ({ token: await stack.login('bank.officer') });
const carryOver = async (applicationId: string, date = day, reason = ABSENT) =>
  stack.api('POST', '/api/transaction-days/carry-overs', {
    ...(await bank()),
    body: { ward: 'HOABINH', date, applicationId, reason },
  });
const carriedOverEvents = (applicationId: string) =>
  stack.db.prisma.auditEvent.findMany({ where: { applicationId, type: 'DISBURSEMENT_CARRIED_OVER' } });
const listOn = async (date: string) =>
  (await stack.api('GET', `/api/transaction-days?ward=HOABINH&date=${date}`, await bank())).body as {
    rows: { code: string; disbursedOn: string | null }[];
  };

beforeAll(async () => {
  stack = await startStack({ timeSkipping: true });
  setDecisionClock(() => Date.now());
  calendar = await loadCalendar(stack.db.prisma, new Date(await stack.env!.currentTimeMs()).getUTCFullYear());
  for (const [index, loan] of loans.entries()) {
    const created = await submit(stack, {
      borrower: {
        fullName: loan.name,
        citizenId: nextCitizenId(),
        dateOfBirth: '1990-06-01',
        email: `vay.${index}@example.vn`,
      },
    });
    Object.assign(loan, { id: created.id, code: created.code, last4: created.last4 });
    for (const step of PUBLISHED.slice(0, 4)) await runStep(stack, loan.id, step);
  }
  const view = await stack.api('GET', `/api/applications/${loans[0]!.id}`, await bank());
  day = view.body.disbursementOn;
  const ward = await stack.db.prisma.ward.findUniqueOrThrow({ where: { code: 'HOABINH' } });
  nextDay = nextTransactionDay(day, ward.transactionDay, calendar);
}, 240_000);

afterAll(async () => {
  await stack?.close();
});

describe('moving a row to the next transaction day', () => {
  it('is refused before the day has come, and changes nothing', async () => {
    const refused = await carryOver(loans[0]!.id);

    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('DATE_IN_FUTURE');
    expect(await carriedOverEvents(loans[0]!.id)).toEqual([]);
  });

  it('needs a reason', async () => {
    const refused = await carryOver(loans[0]!.id, day, '   ');

    expect(refused.status).toBe(400);
  });

  it('moves the row exactly once, however often and however fast it is asked', async () => {
    await skipTo(startOfVietnamDay(day) + 10 * 3_600_000);
    const loan = loans[0]!;

    const answers = await Promise.all([carryOver(loan.id), carryOver(loan.id)]);
    const retry = await carryOver(loan.id);

    for (const answer of [...answers, retry]) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ code: loan.code, fromOn: day, toOn: nextDay });
    }
    expect(answers.map((a) => a.body.outcome)).toContain('carried-over');
    expect(retry.body.outcome).toBe('already');
    const events = await carriedOverEvents(loan.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUsername).toBe('bank.officer');
    expect(events[0]!.data).toMatchObject({ reason: ABSENT, payload: { fromOn: day, toOn: nextDay } });
    const { events: history } = await (await stack.handleFor(loan.id)).fetchHistory();
    const accepted = (history ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    const carryOvers = accepted.filter(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'carryOverDisbursement',
    );
    expect(carryOvers).toHaveLength(1);
  });

  it('changes the scheduled day in the workflow, the read model, the list and the status page', async () => {
    const loan = loans[0]!;

    const state = await (await stack.handleFor(loan.id)).query(getStateQuery);
    const view = await stack.api('GET', `/api/applications/${loan.id}`, await bank());
    const status = await stack.api('GET', `/api/status/${loan.code}?citizenIdLast4=${loan.last4}`);

    expect(state).toMatchObject({ currentStep: 'disbursement', disbursementOn: nextDay });
    expect(state.deadline).toMatchObject({ step: 'disbursement', dueOn: nextDay, overdue: false });
    expect(view.body).toMatchObject({ disbursementOn: nextDay, dueOn: nextDay });
    expect(status.body.disbursementOn).toBe(nextDay);
    expect((await listOn(day)).rows.map((r) => r.code)).not.toContain(loan.code);
    expect((await listOn(nextDay)).rows.map((r) => r.code)).toContain(loan.code);
  });

  it('tells the borrower and the group leader the new day, once each', async () => {
    const loan = loans[0]!;
    const subject = `ngày giải ngân sang ${nextDay.split('-').reverse().join('/')}`;

    const mails = await eventually(async () => {
      const rows = await stack.db.prisma.notificationOutbox.findMany({
        where: { applicationId: loan.id, subject: { contains: 'ngày giải ngân sang' }, status: 'SENT' },
      });
      return rows.length >= 2 ? rows : null;
    }, 'the carry-over mails');

    expect(mails.map((m) => m.recipient).sort()).toEqual(['group.HOABINH-01@demo.invalid', 'vay.0@example.vn']);
    for (const mail of mails) {
      expect(mail.subject).toContain(subject);
      expect(mail.textBody).toContain(ABSENT);
      expect(mail.textBody).toContain(day.split('-').reverse().join('/'));
    }
  });
});

describe('closing the transaction day', () => {
  it('moves every row not disbursed, once, and leaves the disbursed ones', async () => {
    const [, paid, left] = loans;
    const disbursed = await runStep(stack, paid!.id, 'disbursement', {
      ...approvalFor('disbursement'),
      reason: undefined,
      disbursedOn: day,
    });
    expect(disbursed.status).toBe(200);

    const closed = await stack.api('POST', '/api/transaction-days/close', {
      ...(await bank()),
      body: { ward: 'HOABINH', date: day, reason: 'Hết ngày giao dịch, hộ chưa đến nhận' },
    });
    const again = await stack.api('POST', '/api/transaction-days/close', {
      ...(await bank()),
      body: { ward: 'HOABINH', date: day, reason: 'Hết ngày giao dịch, hộ chưa đến nhận' },
    });

    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.carriedOver).toEqual([
      { applicationId: left!.id, code: left!.code, outcome: 'carried-over', fromOn: day, toOn: nextDay },
    ]);
    expect(closed.body.refused).toEqual([]);
    expect(again.body).toMatchObject({ carriedOver: [], refused: [] });
    expect(await carriedOverEvents(left!.id)).toHaveLength(1);
    expect(await carriedOverEvents(paid!.id)).toEqual([]);
    expect((await listOn(day)).rows.map((r) => r.code)).toEqual([paid!.code]);
  });

  it('moves the deadline timers: no breach at the end of the old day, a reminder before the new one', async () => {
    const [moved, , left] = loans;

    await skipTo(endOfVietnamDay(day) + 60_000);
    await skipTo(startOfVietnamDay(previousWorkingDay(nextDay, calendar)) + 8 * 3_600_000 + 60_000);

    await eventually(async () => {
      const reminders = await stack.db.prisma.auditEvent.findMany({
        where: { applicationId: moved!.id, type: 'DEADLINE_REMINDER' },
      });
      return reminders.some((r) => (r.data as { payload?: { dueOn?: string } }).payload?.dueOn === nextDay);
    }, 'the reminder before the new day');
    const overdue = await stack.db.prisma.auditEvent.count({
      where: { applicationId: { in: [moved!.id, left!.id] }, type: 'STEP_OVERDUE' },
    });
    expect(overdue).toBe(0);
  });

  it('lets the moved loan be disbursed on its new day without an off-schedule reason', async () => {
    const moved = loans[0]!;
    await skipTo(startOfVietnamDay(nextDay) + 9 * 3_600_000);

    const disbursed = await runStep(stack, moved.id, 'disbursement', {
      ...approvalFor('disbursement'),
      reason: undefined,
      disbursedOn: nextDay,
    });

    expect(disbursed.status).toBe(200);
    expect(disbursed.body.status).toBe('DISBURSED');
  });
});
