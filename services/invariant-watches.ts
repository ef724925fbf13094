import { dealAvailableEventId, stillHolds } from '../activities/tell-watchers';
import { outboxMessage } from '../db/outbox';
import type { RegistrationDoc } from '../db/registrations';
import { DealWatch, type WatchDoc } from '../db/watches';
import type { ExpectedNotification } from './invariant-notifications';

export interface WatchFindings {
  /** Watches still waiting although every holder they wait on has ended (and they have not expired). */
  notTold: string[];
  /** The `deal.available` each watch that ended `told` sent its reseller. */
  told: ExpectedNotification[];
}

/** Every watcher whose deal freed up was told, once. */
export async function checkWatches(
  byId: ReadonlyMap<string, RegistrationDoc>,
  now = Date.now(),
): Promise<WatchFindings> {
  const watches = await DealWatch.find({}).lean<WatchDoc[]>().exec();
  // Freed for the watcher: ended, or changed so that it no longer shares a product line with the watcher's.
  const freed = (watchId: string) => (id: string) => {
    const holder = byId.get(id);
    return holder !== undefined && !stillHolds(holder, byId.get(watchId));
  };
  return {
    notTold: watches
      .filter((watch) => !watch.ended && watch.expiresAt.getTime() > now && watch.waitingOn.every(freed(watch._id)))
      .map((watch) => `${watch._id} (waits on ${watch.waitingOn.join(', ')})`),
    told: watches
      .filter((watch) => watch.ended === 'told')
      .map((watch) => {
        const { _id, webhookId } = outboxMessage(
          {
            eventId: dealAvailableEventId(watch),
            to: { kind: 'reseller', id: watch.resellerId },
            type: 'deal.available',
            payload: {},
          },
          new Date(0),
        );
        return { id: _id, webhookId, type: 'deal.available' as const, what: `${watch._id} watch round ${watch.round}` };
      }),
  };
}
