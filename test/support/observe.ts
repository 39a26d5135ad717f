import { expect } from 'vitest';
import type { TestStack } from './stack.js';

/** The read model (GET) and the workflow's Query must tell the same story. */
export async function expectReadModelAgrees(stack: TestStack, id: string): Promise<void> {
  const [view, state] = await Promise.all([
    stack.api('GET', `/api/applications/${id}`, { token: await stack.login('bank.manager') }),
    stack.queryState(id),
  ]);
  expect(view.status).toBe(200);
  const app = view.body;
  expect(app.status).toBe(state.status);
  expect(app.currentStep).toBe(state.currentStep);
  expect(app.holder).toEqual(state.holder);
  expect(app.returnReason).toBe(state.returnReason);
  expect(app.stepSince).toBe(state.stepSince);
  expect(app.dueOn).toBe(state.deadline?.dueOn ?? null);
  expect(app.overdue).toBe(state.deadline?.overdue ?? false);
  expect(app.disbursementOn).toBe(state.disbursementOn);
  expect(app.proposal).toEqual(
    state.proposal && { amount: state.proposal.amount, termMonths: state.proposal.termMonths, by: state.proposal.by },
  );
  expect(app.approved).toEqual(state.approved);
  expect(app.disbursement === null ? null : { ...app.disbursement, officer: undefined }).toEqual(
    state.disbursement === null ? null : { ...state.disbursement, officer: undefined },
  );
  expect({ amount: app.amount, termMonths: app.termMonths, householdCategory: app.householdCategory }).toEqual({
    amount: state.request.amount,
    termMonths: state.request.termMonths,
    householdCategory: state.request.householdCategory,
  });
  expect(app.history).toEqual(state.history);
}

export interface Footprint {
  historyLength: number;
  auditEvents: number;
  decisions: number;
  outbox: number;
  lastEventSeq: number;
  status: string;
}

/**
 * Waits until nothing is in flight for the application (no activity, no workflow task, no mail waiting)
 * and its history has stopped growing, then records what exists.
 */
export async function settledFootprint(stack: TestStack, id: string): Promise<Footprint> {
  const handle = await stack.handleFor(id);
  let previous = -1;
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const [description, pendingMail, { events }] = await Promise.all([
      handle.describe(),
      stack.db.prisma.notificationOutbox.count({ where: { applicationId: id, status: 'PENDING' } }),
      handle.fetchHistory(),
    ]);
    const busy =
      (description.raw.pendingActivities?.length ?? 0) > 0 ||
      Boolean(description.raw.pendingWorkflowTask) ||
      pendingMail > 0;
    const length = events?.length ?? 0;
    if (!busy && length === previous) break;
    previous = busy ? -1 : length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return footprint(stack, id);
}

export async function footprint(stack: TestStack, id: string): Promise<Footprint> {
  const handle = await stack.handleFor(id);
  const { events } = await handle.fetchHistory();
  const prisma = stack.db.prisma;
  const [auditEvents, decisions, outbox, row] = await Promise.all([
    prisma.auditEvent.count({ where: { applicationId: id } }),
    prisma.stepDecision.count({ where: { applicationId: id } }),
    prisma.notificationOutbox.count({ where: { applicationId: id } }),
    prisma.application.findUniqueOrThrow({ where: { id } }),
  ]);
  return {
    historyLength: events?.length ?? 0,
    auditEvents,
    decisions,
    outbox,
    lastEventSeq: row.lastEventSeq,
    status: row.status,
  };
}
