import { enqueueNotification, opaqueId } from '../db/outbox';
import { findEachById } from '../db/point-reads';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { dropWait, endWatch, watchesWaitingOn } from '../db/watches';
import { isActiveStatus } from '../domain/registration';

/**
 * A holder's registration has ended: each reseller watching the deal it held is told `deal.available`
 * once none of the holders it waited on is active, and its watch ends. What the watcher learns is only
 * that its own registration's deal is free, and since when (the one exception to the redaction rule).
 * Keyed by the watch and the ended holder, so a retried step tells nobody twice.
 */
export async function tellWatchers(ended: RegistrationDoc, at: string): Promise<void> {
  for (const { waitId, watch } of await watchesWaitingOn(ended._id)) {
    if (!watch) {
      await dropWait(waitId); // left by a watch that ended, or never finished starting
      continue;
    }
    if (watch.expiresAt.getTime() <= Date.now()) {
      await endWatch(watch);
      continue;
    }
    const holders = await findEachById(Registration, watch.waitingOn);
    if ([...holders.values()].some((holder) => isActiveStatus(holder.status))) continue;
    await enqueueNotification({
      eventId: opaqueId('evt', watch._id, 'deal.available', ended._id),
      to: { kind: 'reseller', id: watch.resellerId },
      type: 'deal.available',
      payload: { event: 'deal.available', registrationId: watch._id, availableSince: at },
    });
    await endWatch(watch);
  }
}
