import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepName } from '../../workflows/domain.js';
import { BRIEF, PUBLISHED, approvalFor, rejectionFor, runStep, submit, todayInVietnam } from '../support/fixtures.js';
import { expectReadModelAgrees, settledFootprint } from '../support/observe.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

async function runToEnd(programCode: string, order: readonly StepName[]) {
  const created = await submit(stack, { programCode, householdCategory: 'POOR' });
  expect(created).toMatchObject({ status: 'IN_PROGRESS', currentStep: order[0] });
  await expectReadModelAgrees(stack, created.id);
  for (const [index, step] of order.entries()) {
    const decided = await runStep(stack, created.id, step);
    expect(decided.body.currentStep).toBe(order[index + 1] ?? null);
    await expectReadModelAgrees(stack, created.id);
  }
  return created;
}

describe('the pipeline through the HTTP API', () => {
  it('carries a poor-household loan to DISBURSED in the published order', async () => {
    const created = await runToEnd('POOR', PUBLISHED);
    const view = await stack.api('GET', `/api/applications/${created.id}`, {
      token: await stack.login('bank.manager'),
    });
    expect(view.body).toMatchObject({
      status: 'DISBURSED',
      currentStep: null,
      approved: { amount: 50_000_000, termMonths: 36, annualRatePercent: '6.6' },
      disbursement: { amount: 50_000_000, disbursedOn: todayInVietnam(), officer: 'bank.officer' },
    });
    const decisions = view.body.history.filter((h: { type: string }) => h.type === 'STEP_DECIDED');
    expect(decisions.map((d: { step: string }) => d.step)).toEqual([...PUBLISHED]);
    const bank = view.body.history.filter((h: { step: string }) => h.step === 'bank-approval');
    expect(bank.map((h: { type: string; actor: { username: string } }) => `${h.type} ${h.actor.username}`)).toEqual([
      'STEP_STARTED bank.officer',
      'APPROVAL_PROPOSED bank.officer',
      'STEP_STARTED bank.manager',
      'STEP_DECIDED bank.manager',
    ]);
    expect(decisions[0].payload.computedOutcome).toBe('approve');
    const final = await (await stack.handleFor(created.id)).result();
    expect(final.status).toBe('DISBURSED');
  });

  it('carries a job-creation loan to DISBURSED in the brief order with the same workflow code', async () => {
    const created = await runToEnd('JOB_CREATION', BRIEF);
    const status = await stack.api('GET', `/api/status/${created.code}?citizenIdLast4=${created.last4}`);
    expect(status.body).toMatchObject({ status: 'DISBURSED', statusLabel: { vi: 'Đã giải ngân', en: 'Disbursed' } });
    expect(status.body.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it.each(PUBLISHED.map((step, index) => [step, index] as const))(
    'rejects at %s and ends REJECTED',
    async (step, index) => {
      const created = await submit(stack);
      for (const earlier of PUBLISHED.slice(0, index)) await runStep(stack, created.id, earlier);
      const decided = await runStep(stack, created.id, step, rejectionFor(step));
      expect(decided.body).toMatchObject({ status: 'REJECTED', currentStep: null });
      const last = decided.body.history.at(-1);
      expect(last).toMatchObject({ type: 'STEP_DECIDED', step, outcome: 'reject' });
      expect(last.reason).toBeTruthy();
      await expectReadModelAgrees(stack, created.id);
      expect((await (await stack.handleFor(created.id)).result()).status).toBe('REJECTED');
    },
  );

  it('returns to the applicant, accepts the amendment and runs the same step again', async () => {
    const created = await submit(stack, { amount: 80_000_000 });
    await runStep(stack, created.id, 'group-vote');
    const returned = await runStep(stack, created.id, 'ward-verification', {
      outcome: 'return',
      reason: 'Thiếu giấy ủy quyền 01/UQ có xác nhận của trưởng thôn',
      residenceConfirmed: true,
      listedCategory: 'POOR',
    });
    expect(returned.body).toMatchObject({ status: 'RETURNED', currentStep: 'ward-verification' });
    expect(returned.body.returnReason).toContain('01/UQ');
    await expectReadModelAgrees(stack, created.id);

    const citizenId = returned.body.borrower.citizenId;
    const amended = await stack.api('PATCH', `/api/applications/${created.id}`, {
      body: { citizenId, amount: 60_000_000, usePlan: 'Mua 1 con bò giống và thức ăn chăn nuôi' },
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ status: 'IN_PROGRESS', currentStep: 'ward-verification' });
    const afterAmend = await stack.api('GET', `/api/applications/${created.id}`, {
      token: await stack.login('ward.HOABINH'),
    });
    expect(afterAmend.body).toMatchObject({ amount: 60_000_000 });
    expect(afterAmend.body.history.at(-1)).toMatchObject({ type: 'AMENDED', actor: { role: 'applicant' } });
    await expectReadModelAgrees(stack, created.id);

    for (const step of PUBLISHED.slice(1)) await runStep(stack, created.id, step, approvalFor(step, 60_000_000));
    await expectReadModelAgrees(stack, created.id);
    const view = await stack.api('GET', `/api/applications/${created.id}`, {
      token: await stack.login('bank.manager'),
    });
    expect(view.body).toMatchObject({ status: 'DISBURSED', amount: 60_000_000, disbursement: { amount: 60_000_000 } });
  });

  it('lets the applicant withdraw before disbursement and then refuses any further step', async () => {
    const created = await submit(stack);
    await runStep(stack, created.id, 'group-vote');
    const app = await stack.api('GET', `/api/applications/${created.id}`, { token: await stack.login('bank.manager') });
    const withdrawn = await stack.api('POST', `/api/applications/${created.id}/withdraw`, {
      body: { citizenId: app.body.borrower.citizenId, reason: 'Gia đình đã vay được từ nguồn khác' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', currentStep: null });
    await expectReadModelAgrees(stack, created.id);
    const before = await settledFootprint(stack, created.id);
    const late = await stack.api('POST', `/api/applications/${created.id}/steps/ward-verification/start`, {
      token: await stack.login('ward.HOABINH'),
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('APPLICATION_ENDED');
    expect(await settledFootprint(stack, created.id)).toEqual(before);
  });

  it('writes the outbox and delivers Vietnamese mail with English below to the next officers and the applicant', async () => {
    const created = await submit(stack);
    await settledFootprint(stack, created.id);
    const rows = await stack.db.prisma.notificationOutbox.findMany({ where: { applicationId: created.id } });
    expect(rows.map((r) => r.recipient).sort()).toEqual(['anh.nguyen@example.vn', 'group.HOABINH-01@demo.invalid']);
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    const delivered = stack.smtp.messages.filter((m) => rows.some((r) => m.raw.includes(r.messageId)));
    expect(delivered).toHaveLength(2);
    const officerMail = delivered.find((m) => m.to.includes('group.HOABINH-01@demo.invalid'));
    expect(officerMail?.raw).toMatch(/Subject: =\?UTF-8\?/);
    // What arrived over SMTP, decoded as a mail client would: UTF-8 diacritics intact, the link to the file.
    const parsed = await simpleParser(officerMail?.raw ?? '');
    expect(parsed.subject).toBe(
      `[NHCSXH] Hồ sơ ${created.code} chờ xử lý: Tổ TK&VV bình xét / Application ${created.code} awaits Savings-and-loan group review vote`,
    );
    expect(parsed.messageId).toBe(rows.find((r) => r.recipient === 'group.HOABINH-01@demo.invalid')?.messageId);
    const text = parsed.text ?? '';
    expect(text).toContain('Hồ sơ vay vốn');
    expect(text).toContain('Nguyễn Văn Ánh');
    expect(text).toContain(`http://loans.test/applications/${created.code}`);
    expect(text.indexOf('Kính gửi')).toBeLessThan(text.indexOf('Dear officer'));
    const applicantMail = await simpleParser(delivered.find((m) => m.to.includes('anh.nguyen@example.vn'))?.raw ?? '');
    expect(applicantMail.text).toContain(`http://loans.test/status?code=${created.code}`);
  });
});
