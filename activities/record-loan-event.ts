import type { Prisma, PrismaClient } from '../prisma/generated/client.js';
import type { LoanRecordedEvent } from '../workflows/loan-definitions.js';
import { recordLoanPayment } from '../server/domain/loans/record-payment.js';
import { failPermanently, isUniqueViolation } from './failures.js';
import { composeLoanMail } from './mail/loan-templates.js';
import { resolveRecipients } from './mail/recipients.js';

export interface RecordLoanEventDeps {
  prisma: PrismaClient;
  publicUrl: string;
  messageIdDomain: string;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Columns of the loan row that follow the workflow's state after every event. */
function trackedColumns(event: LoanRecordedEvent) {
  const { state } = event;
  const open = state.instalments.filter((i) => i.status !== 'PAID');
  const done = state.useCheck.done;
  return {
    status: state.status,
    outstandingPrincipal: BigInt(open.reduce((sum, i) => sum + i.principal - i.paidPrincipal, 0)),
    overduePrincipal: BigInt(
      open.filter((i) => i.status === 'OVERDUE').reduce((sum, i) => sum + i.principal - i.paidPrincipal, 0),
    ),
    useCheckDueOn: day(state.useCheck.deadline.dueOn),
    useCheckOverdue: state.useCheck.deadline.overdue,
    useCheckOutcome: done?.outcome ?? null,
    useCheckNote: done?.note ?? null,
    useCheckedBy: done?.by ?? null,
    useCheckedAt: done ? new Date(done.at) : null,
    closedOn: state.closedOn ? day(state.closedOn) : null,
    lastEventSeq: event.seq,
    updatedAt: new Date(event.at),
  };
}

async function openLoan(tx: Prisma.TransactionClient, event: LoanRecordedEvent): Promise<void> {
  const { terms } = event;
  const app = await tx.application.findUniqueOrThrow({ where: { id: terms.applicationId } });
  await tx.loan.create({
    data: {
      id: terms.applicationId,
      applicationId: terms.applicationId,
      workflowId: event.workflowId,
      code: terms.code,
      programCode: terms.programCode,
      wardCode: terms.wardCode,
      groupCode: terms.groupCode,
      associationCode: app.associationCode,
      householdId: app.householdId,
      borrowerName: app.borrowerName,
      borrowerCitizenId: app.borrowerCitizenId,
      amount: BigInt(terms.amount),
      termMonths: terms.termMonths,
      annualRatePercent: terms.annualRatePercent,
      instalmentMonths: terms.instalmentMonths,
      disbursedOn: day(terms.disbursedOn),
      ...trackedColumns(event),
    },
  });
}

/** The schedule and the months of interest as the event left them (a handful of rows per loan). */
async function syncSchedule(tx: Prisma.TransactionClient, event: LoanRecordedEvent): Promise<void> {
  const loanId = event.terms.applicationId;
  for (const i of event.state.instalments) {
    const row = {
      dueOn: day(i.dueOn),
      originalDueOn: day(i.originalDueOn),
      principal: BigInt(i.principal),
      paidPrincipal: BigInt(i.paidPrincipal),
      status: i.status,
      overdueInterestPaid: BigInt(i.overdueInterestPaid),
      extendedFrom: i.extension ? day(i.extension.fromDueOn) : null,
      wardChairComment: i.extension?.wardChairComment ?? null,
      bankDecision: i.extension?.bankDecision ?? null,
    };
    await tx.loanInstalment.upsert({
      where: { loanId_no: { loanId, no: i.no } },
      create: { loanId, no: i.no, ...row },
      update: row,
    });
  }
  for (const m of event.state.interest) {
    const row = {
      month: m.month,
      startOn: day(m.startOn),
      dueOn: day(m.dueOn),
      base: BigInt(m.base),
      amount: BigInt(m.amount),
      collected: m.collected === null ? null : BigInt(m.collected),
      settled: BigInt(m.settled),
    };
    await tx.loanInterest.upsert({
      where: { loanId_period: { loanId, period: m.period } },
      create: { loanId, period: m.period, ...row },
      update: row,
    });
  }
}

async function queueLoanMail(
  tx: Prisma.TransactionClient,
  deps: RecordLoanEventDeps,
  event: LoanRecordedEvent,
): Promise<void> {
  if (event.notify.length === 0) return;
  const app = await tx.application.findUniqueOrThrow({
    where: { id: event.terms.applicationId },
    include: { ward: true },
  });
  const scope = { ...app, bankOfficeCode: app.ward.bankOfficeCode };
  const mail = composeLoanMail(event, app.borrowerName, deps.publicUrl);
  let index = 0;
  for (const intent of event.notify) {
    for (const recipient of await resolveRecipients(tx, intent, scope)) {
      index += 1;
      await tx.notificationOutbox.createMany({
        data: [
          {
            eventId: event.eventId,
            applicationId: app.id,
            recipient,
            messageId: `<${event.eventId.replace('#', '.')}.${index}@${deps.messageIdDomain}>`,
            subject: mail.subject,
            textBody: mail.text,
          },
        ],
        skipDuplicates: true,
      });
    }
  }
}

/**
 * Brings the loan book up to date with one event of a loan's workflow, in one transaction: the loan row, its
 * schedule and months of interest, the payment, the event and the outbox rows. The event's unique id makes a
 * retried or replayed call a no-op; a failure no retry can repair is non-retryable.
 */
export async function recordLoanEvent(deps: RecordLoanEventDeps, event: LoanRecordedEvent): Promise<void> {
  await failPermanently('recordLoanEvent', async () => {
    try {
      await recordInTransaction(deps, event);
    } catch (error) {
      if (isUniqueViolation(error) && (await deps.prisma.loanEvent.count({ where: { eventId: event.eventId } })) > 0) {
        return;
      }
      throw error;
    }
  });
}

async function recordInTransaction(deps: RecordLoanEventDeps, event: LoanRecordedEvent): Promise<void> {
  const loanId = event.terms.applicationId;
  await deps.prisma.$transaction(async (tx) => {
    const seen = await tx.loanEvent.findUnique({ where: { eventId: event.eventId }, select: { id: true } });
    if (seen) return;
    if (event.type === 'LOAN_OPENED') {
      await openLoan(tx, event);
      await syncSchedule(tx, event);
    } else {
      // Events arrive in order; the guard on the sequence keeps the book from ever going backwards.
      const { count } = await tx.loan.updateMany({
        where: { id: loanId, lastEventSeq: { lt: event.seq } },
        data: trackedColumns(event),
      });
      if (count === 1) await syncSchedule(tx, event);
    }
    if (event.payment) await recordLoanPayment(tx, event, event.payment);
    await tx.loanEvent.create({
      data: {
        eventId: event.eventId,
        loanId,
        seq: event.seq,
        type: event.type,
        actorUsername: event.actor.username,
        actorRole: event.actor.role,
        data: { payload: event.payload, actorName: event.actor.displayName } as Prisma.InputJsonValue,
        occurredAt: new Date(event.at),
      },
    });
    await queueLoanMail(tx, deps, event);
  });
}
