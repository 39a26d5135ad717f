/**
 * Who may see and hold a group's batch: the officers whose scope covers the group read it (the same scopes as
 * its applications and meetings); the step's own officers hold it. At bank approval the credit officer opens,
 * edits and submits the proposals, and the manager confirms them (four eyes).
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { Role } from '../../../workflows/domain.js';
import { BANK_APPROVAL_STAGES, STEP_AUTHORITY } from '../../../workflows/rules/authority.js';
import { groupsReadableBy, requireRole } from '../access.js';
import { notFound } from '../errors.js';
import type { Officer } from '../sessions.js';

/** The steps decided by batch: the group vote has its own meeting. */
export const BATCH_STEPS = ['ward-verification', 'entrustment', 'bank-approval'] as const;
export type BatchStep = (typeof BATCH_STEPS)[number];

export type BatchStatus = 'DRAFT' | 'SUBMITTING' | 'SUBMITTED' | 'CONFIRMING' | 'CONFIRMED';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The batch, if the officer's scope covers its group: 404 otherwise, so batch ids cannot be probed. */
export async function findBatchFor(prisma: PrismaClient, id: string, officer: Officer) {
  const batch = UUID.test(id)
    ? await prisma.batch.findFirst({ where: { id, group: groupsReadableBy(officer) } })
    : null;
  if (!batch) throw notFound('Batch');
  return { ...batch, step: batch.step as BatchStep, status: batch.status as BatchStatus };
}

/** Who opens, edits and submits the batch of a step. */
export function holdersOf(step: BatchStep): readonly Role[] {
  return step === 'bank-approval' ? BANK_APPROVAL_STAGES.propose : STEP_AUTHORITY[step].roles;
}

export function assertHoldsBatch(officer: Officer, step: BatchStep): void {
  requireRole(officer, holdersOf(step));
}

export function assertConfirmsBatch(officer: Officer): void {
  requireRole(officer, BANK_APPROVAL_STAGES.confirm);
}
