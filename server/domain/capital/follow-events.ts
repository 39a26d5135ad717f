/**
 * What the application's events do to its reserved capital, in the read model's transaction of the event (so
 * once per event id): a rejection, withdrawal or expiry releases it, disbursement makes it outstanding.
 */
import type { Prisma } from '../../../prisma/generated/client.js';
import type { RecordedEvent } from '../../../workflows/definitions.js';
import { toVietnamDate } from '../../../workflows/calendar/working-days.js';
import { disburseReservation, releaseReservation } from './reservations.js';

const RELEASING_EVENTS: ReadonlySet<string> = new Set(['WITHDRAWN', 'STEP_EXPIRED']);

export async function followCapital(tx: Prisma.TransactionClient, event: RecordedEvent): Promise<void> {
  const { entry, state } = event;
  const movement = {
    applicationId: state.applicationId,
    eventId: event.eventId,
    on: toVietnamDate(Date.parse(entry.at)),
    actor: entry.actor.username,
  };
  const rejected = entry.type === 'STEP_DECIDED' && entry.outcome === 'reject';
  if (rejected || RELEASING_EVENTS.has(entry.type)) {
    await releaseReservation(tx, movement);
  } else if (entry.type === 'STEP_DECIDED' && entry.step === 'disbursement' && entry.outcome === 'approve') {
    await disburseReservation(tx, { ...movement, on: state.disbursement?.disbursedOn || movement.on });
  }
}
