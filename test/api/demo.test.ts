/**
 * `npm run demo`'s story, small: ten applications (one of each kind of household, see tools/demo/cast.ts) over four months on the time-skipping server, driven
 * through the HTTP API only. It must leave loans in every state and a capital ledger that moved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippingClock } from '../../tools/demo/clock.js';
import { DemoClient } from '../../tools/demo/client.js';
import { runStory, type StorySummary } from '../../tools/demo/story.js';
import { startTimeSkippingStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let summary: StorySummary;

beforeAll(async () => {
  stack = await startTimeSkippingStack();
  const env = stack.env!;
  summary = await runStory({
    client: new DemoClient(stack.baseUrl),
    clock: skippingClock({ env, workerIdle: () => stack.workerIdle(), log: (line) => console.log(line) }),
    applications: 10,
    months: 4,
    log: (line) => console.log(new Date().toISOString().slice(11, 19), line),
  });
}, 420_000);

afterAll(async () => {
  await stack?.close();
});

const statuses = async () => {
  const loans = await stack.db.prisma.loan.findMany({ include: { instalments: true } });
  return loans.map((loan) => ({
    status: loan.status,
    overdue: loan.instalments.some((i) => i.status === 'OVERDUE'),
    extended: loan.instalments.some((i) => i.extendedFrom !== null),
    id: loan.id,
  }));
};

describe('the demo story', () => {
  it('disburses every application and leaves loans active on time, overdue, closed early, and extended', async () => {
    expect(summary.applications).toBe(10);
    expect(summary.loans).toBe(10);
    const loans = await statuses();
    expect(loans).toHaveLength(10);
    expect(loans.filter((l) => l.status === 'ACTIVE' && !l.overdue).length).toBeGreaterThan(0);
    expect(loans.filter((l) => l.status === 'ACTIVE' && l.overdue).length).toBeGreaterThan(0);
    expect(loans.filter((l) => l.extended).length).toBeGreaterThan(0);
    const early = await stack.db.prisma.loanPayment.findMany({ where: { kind: 'EARLY_REPAYMENT' } });
    expect(early.length).toBe(summary.early);
    expect(early.length).toBeGreaterThan(0);
    const closedEarly = loans.filter((l) => l.status === 'CLOSED' && early.some((p) => p.loanId === l.id));
    expect(closedEarly.length).toBe(early.length);
  });

  it('collects interest month by month and takes principal, some of it late with overdue interest', async () => {
    const interest = await stack.db.prisma.loanPayment.count({ where: { kind: 'INTEREST' } });
    expect(interest).toBe(summary.interestCollections);
    expect(interest).toBeGreaterThan(10);
    const principal = await stack.db.prisma.loanPayment.findMany({ where: { kind: 'PRINCIPAL' } });
    expect(principal.length).toBe(summary.principalPayments);
    expect(summary.late).toBeGreaterThan(0);
    expect(principal.filter((p) => p.overdueInterest > 0n)).toHaveLength(summary.late);
  });

  it('moves the capital ledger: lending, repayment, a top-up and a recall', async () => {
    const moved = await stack.db.prisma.capitalMovement.findMany({ where: { actorUsername: { not: 'seed' } } });
    const kinds = moved.map((m) => m.kind);
    for (const kind of ['top-up', 'recall', 'reserve', 'disburse', 'repay']) expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'disburse')).toHaveLength(10);
  });
});
