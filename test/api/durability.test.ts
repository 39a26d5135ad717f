import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, runStep, startAs, submit } from '../support/fixtures.js';
import { expectReadModelAgrees, settledFootprint } from '../support/observe.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
/** Event ids whose first recording "crashes" after the transaction committed, before the worker reports back. */
const crashAfterCommit = new Set<string>();
const crashed = new Set<string>();
/** When set, the next message "crashes" the worker after the SMTP server accepted it. */
let crashAfterNextSend = false;

beforeAll(async () => {
  stack = await startStack({
    wrapMailer: (mailer) => ({
      ...mailer,
      async send(mail) {
        await mailer.send(mail);
        if (crashAfterNextSend) {
          crashAfterNextSend = false;
          throw new Error('worker lost after the SMTP server accepted the message');
        }
      },
    }),
    wrapActivities: (activities) => ({
      ...activities,
      async recordEvent(event) {
        await activities.recordEvent(event);
        if (crashAfterCommit.has(event.entry.type) && !crashed.has(event.eventId)) {
          crashed.add(event.eventId);
          throw new Error('worker lost after commit');
        }
      },
    }),
  });
});

afterAll(async () => {
  await stack?.close();
});

describe('durability', () => {
  it('goes on with a new worker after the old one stopped in the middle of the pipeline', async () => {
    const created = await submit(stack);
    await runStep(stack, created.id, 'group-vote');
    await stack.stopWorker();

    const token = await stack.login('ward.HOABINH');
    const pending = stack.api('POST', `/api/applications/${created.id}/steps/ward-verification/start`, { token });
    const early = await Promise.race([
      pending.then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('waiting'), 1500)),
    ]);
    expect(early).toBe('waiting');

    await stack.startWorker();
    const started = await pending;
    expect(started.status).toBe(200);
    expect(started.body.holder).toMatchObject({ username: 'ward.HOABINH' });

    for (const step of PUBLISHED.slice(1)) {
      if (step === 'ward-verification') {
        const decided = await stack.api('POST', `/api/applications/${created.id}/steps/ward-verification/decision`, {
          token,
          body: { outcome: 'approve', residenceConfirmed: true, listedCategory: 'POOR' },
        });
        expect(decided.status).toBe(200);
      } else {
        await runStep(stack, created.id, step);
      }
    }
    await expectReadModelAgrees(stack, created.id);
    expect((await stack.queryState(created.id)).status).toBe('DISBURSED');
  });

  it('retries an activity that failed after writing without duplicating rows or mail', async () => {
    crashAfterCommit.add('SUBMITTED').add('STEP_DECIDED');
    try {
      const created = await submit(stack);
      await runStep(stack, created.id, 'group-vote');
      const settled = await settledFootprint(stack, created.id);
      expect(crashed.size).toBeGreaterThanOrEqual(2);
      expect(settled).toMatchObject({ auditEvents: expect.any(Number), decisions: 1, lastEventSeq: 3 });
      const audit = await stack.db.prisma.auditEvent.findMany({
        where: { applicationId: created.id, seq: { not: null } },
      });
      expect(audit.map((a) => a.seq)).toEqual([1, 2, 3]);
      const outbox = await stack.db.prisma.notificationOutbox.findMany({ where: { applicationId: created.id } });
      expect(new Set(outbox.map((o) => `${o.eventId}|${o.recipient}`)).size).toBe(outbox.length);
      for (const row of outbox) {
        expect(stack.smtp.messages.filter((m) => m.raw.includes(row.messageId))).toHaveLength(1);
      }
      await expectReadModelAgrees(stack, created.id);
    } finally {
      crashAfterCommit.clear();
    }
  });

  it('retries a mail delivery that the SMTP server refused for now, sending each message once', async () => {
    stack.smtp.failNext(1);
    const created = await submit(stack);
    const settled = await settledFootprint(stack, created.id);
    expect(settled.outbox).toBe(2);
    const outbox = await stack.db.prisma.notificationOutbox.findMany({ where: { applicationId: created.id } });
    expect(outbox.every((row) => row.status === 'SENT')).toBe(true);
    expect(outbox.some((row) => row.attempts === 2)).toBe(true);
    for (const row of outbox) {
      expect(stack.smtp.messages.filter((m) => m.raw.includes(row.messageId))).toHaveLength(1);
    }
    const started = await startAs(stack, 'group.HOABINH-01', created.id, 'group-vote');
    expect(started.status).toBe(200);
  });

  it('sends again with the same Message-ID when the worker died after the SMTP server accepted', async () => {
    crashAfterNextSend = true;
    const created = await submit(stack);
    await settledFootprint(stack, created.id);
    const outbox = await stack.db.prisma.notificationOutbox.findMany({ where: { applicationId: created.id } });
    expect(outbox).toHaveLength(2);
    expect(outbox.every((row) => row.status === 'SENT')).toBe(true);
    const copies = outbox.map((row) => stack.smtp.messages.filter((m) => m.raw.includes(row.messageId)).length);
    // One message went out twice with one Message-ID (mail systems show it once); the other exactly once.
    expect(copies.sort()).toEqual([1, 2]);
  });
});
