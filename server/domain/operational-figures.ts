/**
 * What the system is doing, read from the read model at scrape time: the figures hold across restarts and
 * across API and worker processes, since every decision and deadline event is already recorded there.
 */
import type { PrismaClient } from '../../prisma/generated/client.js';

export interface CountBy<K extends string> {
  labels: Record<K, string>;
  count: number;
}

export async function countApplicationsByStatus(prisma: PrismaClient): Promise<CountBy<'status'>[]> {
  const rows = await prisma.application.groupBy({ by: ['status'], _count: { _all: true } });
  return rows.map((row) => ({ labels: { status: row.status }, count: row._count._all }));
}

export async function countDecisions(prisma: PrismaClient): Promise<CountBy<'step' | 'outcome'>[]> {
  const rows = await prisma.stepDecision.groupBy({ by: ['step', 'outcome'], _count: { _all: true } });
  return rows.map((row) => ({ labels: { step: row.step, outcome: row.outcome }, count: row._count._all }));
}

/** Late decisions (accepted after the due date), escalations (a step overdue) and expiries, per step. */
export async function countDeadlineBreaches(prisma: PrismaClient): Promise<CountBy<'kind' | 'step'>[]> {
  const [late, events] = await Promise.all([
    prisma.stepDecision.groupBy({ by: ['step'], where: { late: true }, _count: { _all: true } }),
    prisma.auditEvent.groupBy({
      by: ['type', 'step'],
      where: { type: { in: ['STEP_OVERDUE', 'STEP_EXPIRED'] } },
      _count: { _all: true },
    }),
  ]);
  return [
    ...late.map((row) => ({ labels: { kind: 'late_decision', step: row.step }, count: row._count._all })),
    ...events.map((row) => ({
      labels: { kind: row.type === 'STEP_OVERDUE' ? 'escalation' : 'expiry', step: row.step ?? '' },
      count: row._count._all,
    })),
  ];
}

export interface OutboxBacklog {
  /** Mails waiting to be sent (PENDING); FAILED ones were given up as permanent failures. */
  unsent: number;
  failed: number;
  /** Age in seconds of the oldest mail not yet sent; 0 when none waits. */
  oldestUnsentSeconds: number;
}

export async function readOutboxBacklog(prisma: PrismaClient, now: Date = new Date()): Promise<OutboxBacklog> {
  const where = { status: 'PENDING' };
  const [unsent, failed, oldest] = await Promise.all([
    prisma.notificationOutbox.count({ where }),
    prisma.notificationOutbox.count({ where: { status: 'FAILED' } }),
    prisma.notificationOutbox.findFirst({ where, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
  ]);
  const oldestUnsentSeconds = oldest ? Math.max(0, (now.getTime() - oldest.createdAt.getTime()) / 1_000) : 0;
  return { unsent, failed, oldestUnsentSeconds };
}
