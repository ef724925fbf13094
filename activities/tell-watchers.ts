import { enqueueNotification, opaqueId } from '../db/outbox';
import { findEachById } from '../db/point-reads';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { dropWait, endWatch, type WatchDoc, watchesWaitingOn } from '../db/watches';
import { isActiveStatus } from '../domain/registration';

/**
 * A holder's registration has ended: each reseller watching the deal it held is told `deal.available`
 * once none of the holders it waited on is active, and its watch ends. What the watcher learns is only
 * that its own registration's deal is free, and since when (the one exception to the redaction rule).
 * Keyed by the watch and its round (`dealAvailableEventId`), so a retried step, or two holders ending at
 * once, tells nobody twice.
 */
export async function tellWatchers(ended: RegistrationDoc, at: string): Promise<void> {
  for (const { waitId, watch } of await watchesWaitingOn(ended._id)) {
    if (!watch) {
      await dropWait(waitId); // left by a watch that ended, or never finished starting
      continue;
    }
    if (watch.expiresAt.getTime() <= Date.now()) {
      await endWatch(watch, 'expired');
      continue;
    }
    const holders = await findEachById(Registration, watch.waitingOn);
    if ([...holders.values()].some((holder) => isActiveStatus(holder.status))) continue;
    await enqueueNotification({
      eventId: dealAvailableEventId(watch),
      to: { kind: 'reseller', id: watch.resellerId },
      type: 'deal.available',
      payload: { event: 'deal.available', registrationId: watch._id, availableSince: at },
    });
    await endWatch(watch, 'told');
  }
}

export const dealAvailableEventId = (watch: Pick<WatchDoc, '_id' | 'round'>) =>
  opaqueId('evt', watch._id, 'deal.available', String(watch.round));
