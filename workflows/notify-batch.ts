/**
 * Mails notice 04/TD of a confirmed batch: the outbox rows are written once by an activity, then delivered as a
 * loan workflow delivers its own. One execution per batch (its id derives from the batch).
 */
import * as wf from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';

type Activities = ReturnType<typeof createActivities>;

const { queueBatchNotice } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// An SMTP outage gives up after a day: the outbox rows stay PENDING for an operator.
const { deliverNotifications } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

export async function notifyBatch(input: { batchId: string }): Promise<number> {
  const eventIds = await queueBatchNotice(input);
  let sent = 0;
  for (const eventId of eventIds) sent += await deliverNotifications({ eventId });
  return sent;
}
