import { model, Schema } from 'mongoose';
import { insertEachOnce } from './insert-once';
import { appendToList, entriesAfter, isListed } from './numbered-list';

/**
 * Every notification a partner is sent, kept whether or not it has a webhook: `GET /events` reads a
 * partner's own feed (to catch up after an outage), and a redelivery takes its payload from here.
 * `_id` is the delivery id its webhook gets, so both name an event the same way.
 */
export interface EventDoc {
  _id: string;
  /** The partner it is for: `reseller:<id>`, `distributor:<id>` or `vendor:channel-managers`. */
  audience: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

const schema = new Schema<EventDoc>(
  {
    _id: { type: String, required: true },
    audience: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export const EventModel = model<EventDoc>('Event', schema, 'events');

/**
 * An audience's feed: its events numbered in the order they were stored (db/numbered-list.ts), each
 * entry holding the event as the feed shows it. A reader's cursor is the last number it read, and an
 * event stored after that gets a higher one, however long ago its `createdAt` was taken.
 */
export const feedList = (audience: string): string => `events:${audience}`;

/**
 * Stores events once each (in one command), then appends each to its audience's feed; answers the
 * stored ones (a retried activity finds the first attempt's). An event found stored is appended only
 * if its feed has no entry for it: the first attempt died between the two writes.
 */
export async function recordEvents(events: readonly EventDoc[]): Promise<EventDoc[]> {
  const inserted = await insertEachOnce(EventModel, events);
  return Promise.all(
    events.map(async (event, index) => {
      const stored = inserted[index]
        ? event
        : ((await EventModel.findById(event._id).lean<EventDoc>().exec()) ?? event);
      const list = feedList(stored.audience);
      if (inserted[index] || !(await isListed(list, stored._id))) {
        await appendToList(list, stored._id, new Date(), {
          type: stored.type,
          payload: stored.payload,
          createdAt: stored.createdAt,
        });
      }
      return stored;
    }),
  );
}

/** The events of an audience's feed after `cursor` (a number in it; 0: from the start), oldest first. */
export async function feedAfter(
  audience: string,
  cursor: number,
  limit: number,
): Promise<{ events: EventDoc[]; last: number }> {
  const entries = await entriesAfter(feedList(audience), cursor, limit);
  const events = entries.map((entry) => {
    const item = entry.item as Pick<EventDoc, 'type' | 'payload' | 'createdAt'>;
    return { _id: entry.ref, audience, type: item.type, payload: item.payload, createdAt: item.createdAt };
  });
  return { events, last: entries.at(-1)?.n ?? cursor };
}

/** What a partner receives for an event, as its webhook's body and as an item of its feed alike. */
export interface EventEnvelope {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export const eventEnvelope = (event: Pick<EventDoc, '_id' | 'type' | 'createdAt' | 'payload'>): EventEnvelope => ({
  id: event._id,
  type: event.type,
  createdAt: new Date(event.createdAt).toISOString(),
  data: event.payload,
});
