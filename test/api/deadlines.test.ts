/**
 * Deadlines on Temporal's time-skipping test server: days pass in milliseconds, never by sleeping for real.
 * The tests run in order on one server clock that only moves forward.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startOfVietnamDay,
  endOfVietnamDay,
  previousWorkingDay,
  type HolidayCalendar,
} from '../../workflows/calendar/working-days.js';
import { loadCalendar } from '../../server/domain/programmes.js';
import { BRIEF, approvalFor, decideAs, runStep, setDecisionClock, startAs, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let calendar: HolidayCalendar;

beforeAll(async () => {
  stack = await startStack({ timeSkipping: true });
  calendar = await loadCalendar(stack.db.prisma, 2026);
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

/** Waits (in real time) for the worker to finish what a fired timer started. */
async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const audit = (id: string, type: string) =>
  stack.db.prisma.auditEvent.findFirst({ where: { applicationId: id, type } });
const view = async (id: string) =>
  (await stack.api('GET', `/api/applications/${id}`, { token: await stack.login('bank.manager') })).body;
const mailTo = (id: string, recipient: string, subject: string) =>
  stack.db.prisma.notificationOutbox.findFirst({
    where: { applicationId: id, recipient, subject: { contains: subject }, status: 'SENT' },
  });

describe('deadlines in working days', () => {
  let id: string;
  let dueOn: string;

  it('shows the due date of the current step in the application, the inbox and the status', async () => {
    const created = await submit(stack);
    id = created.id;
    const app = await view(id);
    expect(app.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    dueOn = app.dueOn;
    const inbox = await stack.api('GET', '/api/inbox', { token: await stack.login('group.HOABINH-01') });
    expect(inbox.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ dueOn, overdue: false });
    const status = await stack.api('GET', `/api/status/${created.code}?citizenIdLast4=${created.last4}`);
    expect(status.body.dueOn).toBe(dueOn);
  });

  it('reminds the responsible officers one working day before the due date', async () => {
    const remindAt = startOfVietnamDay(previousWorkingDay(dueOn, calendar)) + 8 * 3_600_000;
    await skipTo(remindAt - 3_600_000);
    expect(await audit(id, 'DEADLINE_REMINDER')).toBeNull();
    await skipTo(remindAt + 60_000);
    await eventually(() => audit(id, 'DEADLINE_REMINDER'), 'the reminder');
    const mail = await eventually(() => mailTo(id, 'group.HOABINH-01@demo.invalid', 'Nhắc việc'), 'the reminder mail');
    expect(mail.subject).toContain(dueOn.split('-').reverse().join('/'));
    expect(stack.smtp.messages.filter((m) => m.raw.includes(mail.messageId))).toHaveLength(1);
  });

  it('marks a breach overdue, escalates to the supervising level, audits it, and approves nothing', async () => {
    await skipTo(endOfVietnamDay(dueOn) + 60_000);
    await eventually(() => audit(id, 'STEP_OVERDUE'), 'the breach');
    // The group's meeting is supervised by its association's district level (Hội Nông dân huyện).
    await eventually(() => mailTo(id, 'huyen.FARMERS@demo.invalid', 'Quá hạn'), 'the escalation mail');
    expect(await view(id)).toMatchObject({ status: 'IN_PROGRESS', currentStep: 'group-vote', overdue: true });
  });

  it('accepts a decision after the due date and records it as late', async () => {
    expect((await startAs(stack, 'group.HOABINH-01', id, 'group-vote')).status).toBe(200);
    const decided = await decideAs(stack, 'group.HOABINH-01', id, 'group-vote', approvalFor('group-vote'));
    expect(decided.status).toBe(200);
    const decision = await stack.db.prisma.stepDecision.findFirstOrThrow({
      where: { applicationId: id, step: 'group-vote' },
    });
    expect(decision.late).toBe(true);
    expect(decided.body.overdue).toBe(false);
    await stack.api('POST', `/api/applications/${id}/withdraw`, {
      token: await stack.login('group.HOABINH-01'),
      body: { reason: 'Hộ vay xin rút hồ sơ' },
    });
  });

  it('returns the application to the applicant as "expired" after the grace period', async () => {
    const created = await submit(stack);
    const app = await view(created.id);
    const program = await stack.db.prisma.loanProgram.findFirstOrThrow({ where: { code: 'POOR' } });
    const { addWorkingDays } = await import('../../workflows/calendar/working-days.js');
    await skipTo(endOfVietnamDay(addWorkingDays(app.dueOn, program.graceWorkingDays, calendar)) + 60_000);
    await eventually(() => audit(created.id, 'STEP_EXPIRED'), 'the expiry');
    expect(await view(created.id)).toMatchObject({
      status: 'RETURNED',
      returnReason: 'expired',
      currentStep: 'group-vote',
    });
    await eventually(() => mailTo(created.id, 'anh.nguyen@example.vn', 'Trả lại'), 'the applicant mail');
    const amended = await stack.api('PATCH', `/api/applications/${created.id}`, {
      body: { citizenId: created.citizenId },
    });
    expect(amended.body).toMatchObject({ status: 'IN_PROGRESS' });
    expect(amended.body.dueOn > app.dueOn).toBe(true);
    expect(await view(created.id)).toMatchObject({ overdue: false });
    await stack.api('POST', `/api/applications/${created.id}/withdraw`, { body: { citizenId: created.citizenId } });
  });

  it('gives a step that starts the day before the Tết break its due date after the break', async () => {
    // Wednesday 3 February 2027; the break runs Thursday 4 to Wednesday 10 February.
    await skipTo(startOfVietnamDay('2027-02-03') + 9 * 3_600_000);
    const created = await submit(stack, { programCode: 'JOB_CREATION' });
    const app = await view(created.id);
    expect(app.currentStep).toBe('ward-verification');
    // Five working days: 11, 12, 15, 16 and 17 February (it would be 10 February without the break).
    expect(app.dueOn).toBe('2027-02-17');
    await stack.api('POST', `/api/applications/${created.id}/withdraw`, { body: { citizenId: created.citizenId } });
  });

  it('moves a transaction day that falls on a holiday to the next working day', async () => {
    // Still 3 February 2027. TANLAP's transaction point sits on the 10th, inside the Tết break.
    const created = await submit(stack, { programCode: 'JOB_CREATION', wardCode: 'TANLAP', groupCode: 'TANLAP-01' });
    const act = async (username: string, step: string, body: Record<string, unknown>) => {
      const token = await stack.login(username);
      expect((await stack.api('POST', `/api/applications/${created.id}/steps/${step}/start`, { token })).status).toBe(
        200,
      );
      const decided = await stack.api('POST', `/api/applications/${created.id}/steps/${step}/decision`, {
        token,
        body,
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      return decided;
    };
    await act('ward.TANLAP', 'ward-verification', approvalFor('ward-verification'));
    await act('assoc.VETERANS.TANLAP', 'entrustment', { ...approvalFor('entrustment'), associationCode: 'VETERANS' });
    const members = await stack.db.prisma.groupMember.count({ where: { groupCode: 'TANLAP-01' } });
    const tally = {
      membersTotal: members,
      membersPresent: members,
      votesFor: members,
      votesAgainst: 0,
      abstentions: 0,
    };
    await act('group.TANLAP-01', 'group-vote', { ...approvalFor('group-vote'), ...tally });
    await act('bank.officer', 'bank-approval', approvalFor('bank-approval'));
    const confirmed = await act('bank.manager', 'bank-approval', { outcome: 'approve' });
    expect(confirmed.body).toMatchObject({ currentStep: 'disbursement', disbursementOn: '2027-02-11' });
  });

  it('schedules disbursement on the next transaction day, moved off a weekend, and tells the applicant and group leader', async () => {
    // HOABINH's transaction point sits on the 17th; 17 April 2027 is a Saturday.
    await skipTo(startOfVietnamDay('2027-03-22') + 9 * 3_600_000);
    const created = await submit(stack, { programCode: 'JOB_CREATION' });
    for (const step of BRIEF.slice(0, 4)) await runStep(stack, created.id, step);
    const app = await view(created.id);
    expect(app).toMatchObject({ currentStep: 'disbursement', disbursementOn: '2027-04-19', dueOn: '2027-04-19' });
    const leader = await eventually(
      () => mailTo(created.id, 'group.HOABINH-01@demo.invalid', 'giải ngân ngày 19/04/2027'),
      'the group leader mail',
    );
    expect(leader.textBody).toContain('Điểm giao dịch xã Hòa Bình');
    await eventually(() => mailTo(created.id, 'anh.nguyen@example.vn', 'Đã được phê duyệt'), 'the applicant mail');
    const applicant = await stack.db.prisma.notificationOutbox.findMany({
      where: { applicationId: created.id, recipient: 'anh.nguyen@example.vn' },
    });
    expect(applicant.some((m) => m.textBody.includes('19/04/2027'))).toBe(true);
  });
});
