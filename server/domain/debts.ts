/**
 * The bank's ledger of overdue debt (nợ quá hạn). A bank officer sees and records debt only in the wards
 * their office serves, and clearing takes four eyes: one officer requests it, another of the same office
 * confirms it. Eligibility counts every debt whose clear is not confirmed, whichever office keeps it.
 */
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import { AppError, notFound } from './errors.js';
import { auditAdminAction } from './officers.js';
import type { Officer } from './sessions.js';

export const DebtView = z.object({
  id: z.string(),
  citizenId: z.string(),
  wardCode: z.string().nullable(),
  amountVnd: z.number().int(),
  since: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** The first of the four eyes: who asked for the clear, when and why. */
  clearRequestedBy: z.string().nullable(),
  clearRequestedAt: z.string().nullable(),
  clearReason: z.string().nullable(),
  /** The second: who confirmed it. Set only once confirmed; only then does the debt stop counting. */
  clearedBy: z.string().nullable(),
  clearedAt: z.string().nullable(),
});
export type DebtView = z.infer<typeof DebtView>;

type DebtRow = Prisma.OverdueDebtGetPayload<object>;

const toView = (row: DebtRow): DebtView =>
  DebtView.parse({
    ...row,
    amountVnd: Number(row.amountVnd),
    since: row.since.toISOString().slice(0, 10),
    recordedAt: row.recordedAt.toISOString(),
    clearRequestedAt: row.clearRequestedAt?.toISOString() ?? null,
    clearedAt: row.clearedAt?.toISOString() ?? null,
  });

const NOTHING: Prisma.OverdueDebtWhereInput = { id: { in: [] } };

/**
 * The debts a bank officer may see: those of the wards their office serves. A row without a ward (recorded
 * before wards were required, and which the migration could not place) is in no office's scope: nobody lists
 * or clears it until its ward is set in the database, and meanwhile it still refuses the household.
 */
function visibleTo(officer: Officer): Prisma.OverdueDebtWhereInput {
  if (!officer.bankOfficeCode) return NOTHING;
  return { ward: { bankOfficeCode: officer.bankOfficeCode } };
}

export async function listDebts(prisma: PrismaClient, officer: Officer, citizenId: string): Promise<DebtView[]> {
  const rows = await prisma.overdueDebt.findMany({
    where: { AND: [{ citizenId }, visibleTo(officer)] },
    orderBy: { since: 'asc' },
  });
  return rows.map(toView);
}

export interface NewDebt {
  citizenId: string;
  wardCode: string;
  amountVnd: number;
  since: string;
  note?: string | undefined;
}

/** `today` is the Vietnam date: a debt cannot be overdue since a day that has not come. */
export async function recordDebt(
  prisma: PrismaClient,
  officer: Officer,
  debt: NewDebt,
  today: string,
): Promise<DebtView> {
  if (debt.since > today) {
    throw new AppError('DATE_IN_FUTURE', `since ${debt.since} is after today (${today})`, [
      { path: 'since', message: 'after today' },
    ]);
  }
  const ward = await prisma.ward.findUnique({ where: { code: debt.wardCode } });
  if (!ward) throw new AppError('UNKNOWN_WARD', `No ward ${debt.wardCode}`, [{ path: 'wardCode', message: 'unknown' }]);
  // Ward codes are public, so refusing one outside the office reveals nothing: 403 rather than 404.
  if (!officer.bankOfficeCode || ward.bankOfficeCode !== officer.bankOfficeCode) {
    throw new AppError('FORBIDDEN', `Ward ${debt.wardCode} is not served by your bank office`, [
      { path: 'wardCode', message: 'not served by your bank office' },
    ]);
  }
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.overdueDebt.create({
      data: {
        citizenId: debt.citizenId,
        wardCode: debt.wardCode,
        amountVnd: BigInt(debt.amountVnd),
        since: new Date(`${debt.since}T00:00:00Z`),
        note: debt.note ?? null,
        recordedBy: officer.username,
      },
    });
    await auditAdminAction(tx, officer, 'OVERDUE_DEBT_RECORDED', {
      debtId: created.id,
      wardCode: debt.wardCode,
      amountVnd: debt.amountVnd,
    });
    return created;
  });
  return toView(row);
}

/**
 * `POST …/clear`: the first call records the request (a reason is required), a second call by another bank
 * officer who can see the debt confirms it. Whoever recorded or requested it can never confirm it. A confirmed
 * clear is final: calling again answers it unchanged.
 */
export async function clearDebt(
  prisma: PrismaClient,
  officer: Officer,
  id: string,
  reason: string | undefined,
): Promise<DebtView> {
  return prisma.$transaction(async (tx) => {
    // Outside the office the debt does not exist for this officer: 404, so ids cannot be probed.
    const existing = await tx.overdueDebt.findFirst({ where: { AND: [{ id }, visibleTo(officer)] } });
    if (!existing) throw notFound('Overdue debt');
    if (existing.clearedAt) return toView(existing);
    if (!existing.clearRequestedBy) {
      if (!reason) {
        throw new AppError('REASON_REQUIRED', 'Say why the debt is cleared', [
          { path: 'reason', message: 'a reason is required to request a clear' },
        ]);
      }
      // Matched on "not yet requested", so of two first calls racing only one becomes the requester.
      const { count } = await tx.overdueDebt.updateMany({
        where: { id, clearRequestedBy: null, clearedAt: null },
        data: { clearRequestedBy: officer.username, clearRequestedAt: new Date(), clearReason: reason },
      });
      if (count === 1) {
        await auditAdminAction(tx, officer, 'OVERDUE_DEBT_CLEAR_REQUESTED', { debtId: id, reason });
        return toView(await tx.overdueDebt.findUniqueOrThrow({ where: { id } }));
      }
      // Another officer's request won the race: this call neither overwrites it nor confirms a reason unseen.
      throw new AppError('CLEAR_ALREADY_REQUESTED', 'Another bank officer requested this clear at the same time');
    }
    if (officer.username === existing.recordedBy || officer.username === existing.clearRequestedBy) {
      throw new AppError('SAME_OFFICER', 'Another bank officer must confirm this clear (four eyes)');
    }
    // The request is matched on, so two confirmations racing cannot both write.
    const { count } = await tx.overdueDebt.updateMany({
      where: { id, clearedAt: null, clearRequestedBy: existing.clearRequestedBy },
      data: { clearedBy: officer.username, clearedAt: new Date() },
    });
    if (count === 1) {
      await auditAdminAction(tx, officer, 'OVERDUE_DEBT_CLEARED', {
        debtId: id,
        requestedBy: existing.clearRequestedBy,
      });
    }
    return toView(await tx.overdueDebt.findUniqueOrThrow({ where: { id } }));
  });
}
