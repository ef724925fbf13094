import { enqueueNotification, opaqueId } from '../db/outbox';
import { findEachById } from '../db/point-reads';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { dropWait, endWatch, type WatchDoc, waitAlsoOn, watchesWaitingOn } from '../db/watches';
import { sharedProductLines } from '../domain/matching';
import { isActiveStatus } from '../domain/registration';

type DealHolder = Pick<RegistrationDoc, 'status' | 'opportunity'>;

/**
 * Whether a holder a watch waits on still holds the watcher's deal: active, and still sharing a product line
 * with the watcher's registration (a change may have removed the lines they shared).
 */
export const stillHolds = (holder: DealHolder, watcher: DealHolder | undefined): boolean =>
  isActiveStatus(holder.status) &&
  (watcher === undefined ||
    sharedProductLines(holder.opportunity.productLines, watcher.opportunity.productLines).length > 0);

/**
 * A holder's registration has ended (`handedTo`: by a transfer to that registration, so the deal is still
 * held), or a change removed product lines from it: each reseller watching the deal it held is told `deal.available`
 * once none of the holders it waited on is active, and its watch ends. What the watcher learns is only
 * that its own registration's deal is free, and since when (the one exception to the redaction rule).
 * Keyed by the watch and its round (`dealAvailableEventId`), so a retried step, or two holders ending at
 * once, tells nobody twice.
 */
export async function tellWatchers(ended: RegistrationDoc, at: string, handedTo?: string): Promise<void> {
  for (const { waitId, watch } of await watchesWaitingOn(ended._id)) {
    if (!watch) {
      await dropWait(waitId); // left by a watch that ended, or never finished starting
      continue;
    }
    // A transferred deal is not free: its receiver holds it now, so the watch waits on the receiver too.
    if (handedTo) {
      await waitAlsoOn(watch, handedTo);
      continue;
    }
    if (watch.expiresAt.getTime() <= Date.now()) {
      await endWatch(watch, 'expired');
      continue;
    }
    const holders = await findEachById(Registration, [...watch.waitingOn, watch._id]);
    const watcher = holders.get(watch._id);
    if (
      watch.waitingOn.some((id) => {
        const holder = holders.get(id);
        return holder !== undefined && stillHolds(holder, watcher);
      })
    )
      continue;
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
