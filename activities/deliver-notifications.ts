import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '../prisma/generated/client.js';
import { failPermanently } from './failures.js';
import type { Mailer } from './mail/transport.js';

export interface DeliverDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  mailFrom: string;
}

/** SMTP 5xx answers are permanent: retrying cannot help, so the row is marked failed instead. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends the outbox rows of one event that are still pending. Each row is marked sent right after its
 * message leaves; if the worker dies in between, the retry sends the same Message-ID again, which mail
 * systems treat as the same message. A database failure no retry can repair is non-retryable.
 */
export function deliverNotifications(deps: DeliverDeps, args: { eventId: string }): Promise<number> {
  return failPermanently('deliverNotifications', () => deliverPending(deps, args));
}

async function deliverPending(deps: DeliverDeps, { eventId }: { eventId: string }): Promise<number> {
  const rows = await deps.prisma.notificationOutbox.findMany({
    where: { eventId, status: 'PENDING' },
    orderBy: { messageId: 'asc' },
  });
  let transientFailure: unknown = null;
  for (const row of rows) {
    try {
      await deps.mailer.send({
        messageId: row.messageId,
        from: deps.mailFrom,
        to: row.recipient,
        subject: row.subject,
        text: row.textBody,
      });
    } catch (error) {
      const permanent = isPermanent(error);
      await deps.prisma.notificationOutbox.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, lastError: String(error), ...(permanent ? { status: 'FAILED' } : {}) },
      });
      if (!permanent) transientFailure = error;
      continue;
    }
    await deps.prisma.$transaction([
      deps.prisma.notificationOutbox.update({
        where: { id: row.id },
        data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 } },
      }),
      deps.prisma.auditEvent.create({
        data: {
          eventId: `${row.eventId}:mail:${row.id}`,
          applicationId: row.applicationId,
          type: 'EMAIL_SENT',
          actorUsername: 'system',
          actorRole: 'system',
          data: { recipient: row.recipient, messageId: row.messageId, subject: row.subject },
          occurredAt: new Date(),
        },
      }),
    ]);
  }
  if (transientFailure) {
    throw ApplicationFailure.retryable(`Mail delivery failed: ${String(transientFailure)}`, 'MAIL_DELIVERY_FAILED');
  }
  return rows.length;
}
