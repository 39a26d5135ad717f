import type { PrismaClient } from '../prisma/generated/client.js';
import type { RecordedEvent, ReserveCapitalArgs } from '../workflows/definitions.js';
import { deliverNotifications } from './deliver-notifications.js';
import type { Mailer } from './mail/transport.js';
import { queueBatchNotice } from './queue-batch-notice.js';
import { recordEvent } from './record-event.js';
import { recordLoanEvent } from './record-loan-event.js';
import type { LoanRecordedEvent } from '../workflows/loan-definitions.js';
import { reserveCapital } from './reserve-capital.js';

export interface ActivityConfig {
  publicUrl: string;
  mailFrom: string;
  messageIdDomain: string;
}

export interface ActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  config: ActivityConfig;
}

/** All I/O of the workflows. Every activity is idempotent, keyed by the workflow event id. */
export function createActivities({ prisma, mailer, config }: ActivityDeps) {
  return {
    recordEvent: (event: RecordedEvent): Promise<void> =>
      recordEvent({ prisma, publicUrl: config.publicUrl, messageIdDomain: config.messageIdDomain }, event),
    recordLoanEvent: (event: LoanRecordedEvent): Promise<void> =>
      recordLoanEvent({ prisma, publicUrl: config.publicUrl, messageIdDomain: config.messageIdDomain }, event),
    deliverNotifications: (args: { eventId: string }): Promise<number> =>
      deliverNotifications({ prisma, mailer, mailFrom: config.mailFrom }, args),
    queueBatchNotice: (args: { batchId: string }): Promise<string[]> =>
      queueBatchNotice({ prisma, publicUrl: config.publicUrl, messageIdDomain: config.messageIdDomain }, args),
    reserveCapital: (args: ReserveCapitalArgs): Promise<{ sourceCode: string }> => reserveCapital(prisma, args),
  };
}

export type Activities = ReturnType<typeof createActivities>;
