/**
 * The capital an approved loan holds: reserved when the bank confirms the approval, released when the
 * application ends without a loan, turned into outstanding at disbursement, returned as principal is repaid.
 * Each is idempotent: per application for the reservation, by event id or the caller's key for the others.
 */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { AppError } from '../errors.js';
import type { ReserveCapitalArgs } from '../../../workflows/definitions.js';
import { moveCapital } from './ledger.js';
import { sourcesInPriority } from './priority.js';

/** What the workflow's reserveCapital activity asks for: the approved amount, once per application. */
export type ReserveRequest = ReserveCapitalArgs;

/** The reason an officer reads on the application while the confirmation waits for capital. */
export const shortfallReason = (amount: number): string =>
  `Không nguồn vốn nào của chương trình còn đủ ${amount.toLocaleString('vi-VN')} đ khả dụng / ` +
  `No capital source of the programme has ${amount.toLocaleString('en-US')} VND available`;

/**
 * Reserves the amount from the first source, in the programme's priority, with enough available capital, and
 * clears the application's shortfall. Already reserved (or disbursed): nothing changes. None has enough: the
 * shortfall is recorded on the application and INSUFFICIENT_CAPITAL thrown.
 */
export async function reserveCapital(prisma: PrismaClient, request: ReserveRequest): Promise<{ sourceCode: string }> {
  const reserved = await prisma.$transaction(async (tx) => {
    const status = await lockApplication(tx, request.applicationId);
    const held = await tx.capitalReservation.findUnique({
      where: { applicationId: request.applicationId },
      include: { source: { select: { code: true } } },
    });
    // Held or disbursed stands, whatever the status says now: the workflow task that ran this reservation and then
    // recorded the disbursement may have been lost (a Temporal restart) and its Update run again. It ran on the
    // workflow's state, which still has the loan undisbursed; refusing it would leave the two apart for good.
    if (held && held.status !== 'RELEASED') return { sourceCode: held.source.code };
    assertStillOpen(status);
    // Counted so that each new reservation of the application has its own ledger key.
    const round = await tx.capitalMovement.count({
      where: { applicationId: request.applicationId, kind: 'reserve' },
    });
    for (const source of await sourcesInPriority(tx, request.programCode, request.wardCode)) {
      const moved = await moveCapital(tx, {
        sourceId: source.id,
        kind: 'reserve',
        amount: BigInt(request.amount),
        on: request.on,
        key: `reserve:${request.applicationId}:${round + 1}`,
        actor: request.actor,
        applicationId: request.applicationId,
      });
      if (moved === 'refused') continue;
      const row = { sourceId: source.id, amount: BigInt(request.amount), status: 'ACTIVE', repaid: 0n };
      await tx.capitalReservation.upsert({
        where: { applicationId: request.applicationId },
        create: { applicationId: request.applicationId, ...row },
        update: row,
      });
      await tx.application.updateMany({ where: { id: request.applicationId }, data: { capitalShortfall: null } });
      return { sourceCode: source.code };
    }
    return null;
  });
  if (reserved) return reserved;
  const reason = shortfallReason(request.amount);
  await prisma.application.updateMany({ where: { id: request.applicationId }, data: { capitalShortfall: reason } });
  throw new AppError('INSUFFICIENT_CAPITAL', reason);
}

/**
 * Locks the application's row, which the read model updates with every event, so a reservation and the event
 * that would release it (a withdrawal, an expiry) cannot interleave: whichever commits second sees the first.
 * Answers its status (undefined before the read model has the application).
 */
async function lockApplication(tx: Prisma.TransactionClient, applicationId: string): Promise<string | undefined> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT status FROM applications WHERE id = ${applicationId}::uuid FOR UPDATE`;
  return rows[0]?.status;
}

function assertStillOpen(status: string | undefined): void {
  if (status === 'RETURNED') throw new AppError('AWAITING_AMENDMENT', 'The application went back to the applicant');
  if (status !== undefined && status !== 'IN_PROGRESS')
    throw new AppError('APPLICATION_ENDED', 'The application ended');
}

export interface EventMovement {
  applicationId: string;
  /** The workflow event that causes it: the movement happens once per event. */
  eventId: string;
  on: string;
  actor: string;
}

/** A rejection, withdrawal or expiry gives the reserved capital back to its source. */
export async function releaseReservation(tx: Prisma.TransactionClient, event: EventMovement): Promise<void> {
  const held = await tx.capitalReservation.findUnique({ where: { applicationId: event.applicationId } });
  if (held?.status !== 'ACTIVE') return;
  const moved = await moveCapital(tx, {
    sourceId: held.sourceId,
    kind: 'release',
    amount: held.amount,
    on: event.on,
    key: `release:${event.eventId}`,
    actor: event.actor,
    applicationId: event.applicationId,
  });
  if (moved === 'moved') {
    await tx.capitalReservation.update({ where: { applicationId: event.applicationId }, data: { status: 'RELEASED' } });
  }
}

/** Disbursement turns the reservation into outstanding loans of the same source. */
export async function disburseReservation(tx: Prisma.TransactionClient, event: EventMovement): Promise<void> {
  const held = await tx.capitalReservation.findUnique({ where: { applicationId: event.applicationId } });
  if (held?.status !== 'ACTIVE') return;
  const moved = await moveCapital(tx, {
    sourceId: held.sourceId,
    kind: 'disburse',
    amount: held.amount,
    on: event.on,
    key: `disburse:${event.eventId}`,
    actor: event.actor,
    applicationId: event.applicationId,
  });
  if (moved === 'moved') {
    await tx.capitalReservation.update({
      where: { applicationId: event.applicationId },
      data: { status: 'DISBURSED' },
    });
  }
}

export interface RepaidPrincipal {
  applicationId: string;
  /** Whole VND of principal repaid. */
  amount: number;
  /** The day it was repaid (YYYY-MM-DD). */
  on: string;
  /** The caller's key (e.g. the repayment's id): a second call with it changes nothing. */
  key: string;
  actor?: string;
}

/**
 * Repaid principal goes back to the loan's source: outstanding down, available up, one ledger row. Idempotent by
 * `key`. Refuses a loan that was never disbursed from a source (NO_DISBURSED_LOAN) and more than it still owes
 * (REPAYMENT_EXCEEDS_OUTSTANDING).
 */
export async function returnRepaidPrincipal(tx: Prisma.TransactionClient, repaid: RepaidPrincipal): Promise<void> {
  const key = `repay:${repaid.key}`;
  if (await tx.capitalMovement.findUnique({ where: { key }, select: { id: true } })) return;
  const loan = await tx.capitalReservation.findUnique({ where: { applicationId: repaid.applicationId } });
  if (loan?.status !== 'DISBURSED') {
    throw new AppError('NO_DISBURSED_LOAN', `Application ${repaid.applicationId} has no loan disbursed from a source`);
  }
  const amount = BigInt(repaid.amount);
  if (amount <= 0n || loan.repaid + amount > loan.amount) {
    throw new AppError('REPAYMENT_EXCEEDS_OUTSTANDING', 'The repayment is more than the loan still owes');
  }
  const moved = await moveCapital(tx, {
    sourceId: loan.sourceId,
    kind: 'repay',
    amount,
    on: repaid.on,
    key,
    actor: repaid.actor ?? 'system',
    applicationId: repaid.applicationId,
  });
  if (moved === 'refused') throw new AppError('REPAYMENT_EXCEEDS_OUTSTANDING', 'The source has less outstanding');
  await tx.capitalReservation.update({
    where: { applicationId: repaid.applicationId },
    data: { repaid: { increment: amount } },
  });
}
