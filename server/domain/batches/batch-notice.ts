/**
 * Notice 04/TD of a confirmed bank-approval batch, as data: the loans approved with amount, rate, term and final
 * due date, the transaction day and place, the rows the bank returned or rejected with their reasons, and the
 * rows not decided with why. The PDF and XLSX renderers draw it; the batch's mails are written from it.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { toVietnamDate } from '../../../workflows/calendar/working-days.js';
import { AppError } from '../errors.js';
import { finalDueDate } from '../forms/form-01-td.js';
import type {
  Notice04ApprovedRow,
  Notice04Data,
  Notice04PendingRow,
  Notice04RefusedRow,
} from '../forms/notice-04-td-data.js';
import type { Officer } from '../sessions.js';
import { findBatchFor } from './batch-scope.js';

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

async function displayName(prisma: PrismaClient, username: string | null): Promise<string | null> {
  if (!username) return null;
  const account = await prisma.officerAccount.findUnique({ where: { username }, select: { displayName: true } });
  return account?.displayName ?? username;
}

/** The notice of a batch known to be confirmed (the activity that mails it calls this too). */
export async function loadNotice04(prisma: PrismaClient, batchId: string): Promise<Notice04Data> {
  const batch = await prisma.batch.findUniqueOrThrow({
    where: { id: batchId },
    include: {
      group: { include: { ward: { include: { bankOffice: true } }, association: true } },
      rows: {
        orderBy: { position: 'asc' },
        include: { application: { include: { program: true } } },
      },
    },
  });
  // The day in Vietnam the manager confirmed, as the notice is dated.
  const issuedOn = toVietnamDate((batch.confirmedAt ?? batch.confirmRequestedAt ?? new Date()).getTime());
  const approved: Notice04ApprovedRow[] = [];
  const refused: Notice04RefusedRow[] = [];
  const notDecided: Notice04PendingRow[] = [];
  let transactionDay: string | null = null;
  for (const row of batch.rows) {
    const app = row.application;
    const base = { applicationCode: app.code, borrowerName: app.borrowerName };
    if (row.confirmedOutcome === 'approve') {
      const amount = Number(app.approvedAmount ?? app.proposedAmount ?? app.amountRequested);
      const termMonths = app.approvedTermMonths ?? app.proposedTermMonths ?? app.termMonths;
      const disbursementOn = app.disbursementOn ? isoDay(app.disbursementOn) : null;
      transactionDay ??= disbursementOn;
      approved.push({
        no: approved.length + 1,
        ...base,
        programCode: app.programCode,
        programName: app.program.nameVi,
        amount,
        annualRatePercent: (app.annualRatePercent ?? app.program.annualRatePercent).toString(),
        termMonths,
        finalDueDate: finalDueDate(disbursementOn ?? issuedOn, termMonths),
      });
    } else if (row.decidedOutcome === 'reject' || row.decidedOutcome === 'return') {
      refused.push({ no: refused.length + 1, ...base, outcome: row.decidedOutcome, reason: row.reason ?? '' });
    } else {
      const failure =
        row.confirmFailureCode !== null
          ? { code: row.confirmFailureCode, reason: row.confirmFailureMessage ?? '' }
          : row.failureCode !== null
            ? { code: row.failureCode, reason: row.failureMessage ?? '' }
            : { code: 'SENT_BACK', reason: row.confirmReason ?? '' };
      notDecided.push({ no: notDecided.length + 1, ...base, ...failure });
    }
  }
  const leader = await prisma.groupMember.findFirst({
    where: { groupCode: batch.groupCode, role: 'LEADER', leftOn: null },
  });
  const { group } = batch;
  return {
    form: '04/TD',
    batchId: batch.id,
    issuedOn,
    bankOffice: group.ward.bankOffice?.name ?? '',
    ward: { code: group.ward.code, name: group.ward.name },
    group: { code: group.code, name: group.name, leaderName: leader?.fullName ?? null },
    association: { code: group.association.code, name: group.association.nameVi },
    transactionDay,
    transactionPoint: approved.length > 0 ? group.ward.transactionPoint : null,
    approved,
    refused,
    notDecided,
    total: { households: approved.length, amount: approved.reduce((sum, row) => sum + row.amount, 0) },
    creditOfficerName: await displayName(prisma, batch.submittedBy),
    managerName: await displayName(prisma, batch.confirmedBy),
  };
}

export async function readNotice04(prisma: PrismaClient, id: string, officer: Officer): Promise<Notice04Data> {
  const batch = await findBatchFor(prisma, id, officer);
  if (batch.step !== 'bank-approval' || batch.status !== 'CONFIRMED') {
    throw new AppError('BATCH_NOT_CONFIRMED', 'Notice 04/TD is issued once the manager has confirmed the batch');
  }
  return loadNotice04(prisma, batch.id);
}
