import type { Prisma } from '../../../prisma/generated/client.js';
import type { LoanRecordedEvent, PaymentRecord } from '../../../workflows/loan-definitions.js';
import { returnRepaidPrincipal } from '../capital/index.js';

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * Every payment of a loan enters the book here, once, inside the transaction that records its event: the one
 * place where repaid principal (`payment.principal`) leaves the loan, and so where it returns to its capital.
 */
export async function recordLoanPayment(
  tx: Prisma.TransactionClient,
  event: LoanRecordedEvent,
  payment: PaymentRecord,
): Promise<void> {
  await tx.loanPayment.create({
    data: {
      eventId: event.eventId,
      loanId: event.terms.applicationId,
      kind: payment.kind,
      amount: BigInt(payment.amount),
      principal: BigInt(payment.principal),
      interest: BigInt(payment.interest),
      overdueInterest: BigInt(payment.overdueInterest),
      paidOn: day(payment.paidOn),
      month: payment.month,
      receiptNo: payment.receiptNo,
      recordedBy: event.actor.username,
      recordedAt: new Date(event.at),
    },
  });
  if (payment.principal > 0 && (await fromCapitalSource(tx, event.terms.applicationId))) {
    await returnRepaidPrincipal(tx, {
      applicationId: event.terms.applicationId,
      amount: payment.principal,
      on: payment.paidOn,
      key: event.eventId,
      actor: event.actor.username,
    });
  }
}

/**
 * Whether the loan was disbursed from a capital source. A loan disbursed before the capital ledger existed has no
 * reservation: its repayments are booked on the loan and return to no source.
 */
async function fromCapitalSource(tx: Prisma.TransactionClient, applicationId: string): Promise<boolean> {
  const reservation = await tx.capitalReservation.findUnique({ where: { applicationId }, select: { status: true } });
  return reservation?.status === 'DISBURSED';
}
