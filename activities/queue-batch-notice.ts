import type { PrismaClient } from '../prisma/generated/client.js';
import type { Role } from '../workflows/domain.js';
import { loadNotice04 } from '../server/domain/batches/batch-notice.js';
import { failPermanently } from './failures.js';
import { borrowerNoticeMail, officersNoticeMail } from './mail/batch-notice.js';

export interface QueueBatchNoticeDeps {
  prisma: PrismaClient;
  publicUrl: string;
  messageIdDomain: string;
}

/** The officers' mails go under the batch's event; each borrower's under their own (two may share an address). */
export const batchNoticeEventId = (batchId: string, applicationId?: string): string =>
  applicationId ? `batch-${batchId}:notice:${applicationId}` : `batch-${batchId}:notice`;

const BATCH_OFFICERS: readonly Role[] = ['ward_officer', 'association_officer', 'group_leader'];

/**
 * Writes the outbox rows of a confirmed batch's notice 04/TD, once: the ward's officers, the group's association
 * officers and its leader get one mail for the batch; each borrower with an address gets their own. A retry finds
 * the rows written and writes nothing. Returns the event ids the rows are delivered under.
 */
export function queueBatchNotice(deps: QueueBatchNoticeDeps, { batchId }: { batchId: string }): Promise<string[]> {
  return failPermanently('queueBatchNotice', async () => {
    const notice = await loadNotice04(deps.prisma, batchId);
    const batch = await deps.prisma.batch.findUniqueOrThrow({
      where: { id: batchId },
      include: { group: true, rows: { include: { application: true }, orderBy: { position: 'asc' } } },
    });
    const { group } = batch;
    const officers = await deps.prisma.officerAccount.findMany({
      where: {
        disabled: false,
        email: { not: null },
        role: { in: [...BATCH_OFFICERS] },
        OR: [
          { role: 'ward_officer', wardCode: group.wardCode },
          { role: 'association_officer', wardCode: group.wardCode, associationCode: group.associationCode },
          { role: 'group_leader', groupCode: group.code },
        ],
      },
      orderBy: { username: 'asc' },
    });
    const officerMail = officersNoticeMail(notice);
    const mails: { eventId: string; recipient: string; applicationId: string | null; subject: string; text: string }[] =
      [];
    for (const email of new Set(officers.flatMap((o) => (o.email ? [o.email] : [])))) {
      mails.push({ eventId: batchNoticeEventId(batchId), recipient: email, applicationId: null, ...officerMail });
    }
    const told = new Set([...notice.approved, ...notice.refused].map((r) => r.applicationCode));
    for (const row of batch.rows) {
      const app = row.application;
      if (!told.has(app.code) || !app.borrowerEmail) continue;
      mails.push({
        eventId: batchNoticeEventId(batchId, app.id),
        recipient: app.borrowerEmail,
        applicationId: app.id,
        ...borrowerNoticeMail(notice, app.code, deps.publicUrl),
      });
    }
    await deps.prisma.$transaction(async (tx) => {
      const written = await tx.notificationOutbox.count({
        where: { eventId: { startsWith: batchNoticeEventId(batchId) } },
      });
      if (written > 0) return;
      let index = 0;
      for (const mail of mails) {
        index += 1;
        await tx.notificationOutbox.create({
          data: {
            eventId: mail.eventId,
            applicationId: mail.applicationId,
            recipient: mail.recipient,
            messageId: `<batch-${batchId}.notice.${index}@${deps.messageIdDomain}>`,
            subject: mail.subject,
            textBody: mail.text,
          },
        });
      }
    });
    return [...new Set(mails.map((mail) => mail.eventId))];
  });
}
