import { model, Schema } from 'mongoose';
import { insertEachOnce } from './insert-once';
import { listFloor, markListFloor } from './list-floors';
import { type Bucketing, bucketOf, listingKey, scopeName } from './listing';

/**
 * Every notification a partner is sent, kept whether or not it has a webhook: `GET /events` reads a
 * partner's own feed from here (to catch up after an outage), and a redelivery takes its payload from
 * here. `_id` is the delivery id its webhook gets, so both name an event the same way.
 */
export interface EventDoc {
  _id: string;
  /** The partner it is for: `reseller:<id>`, `distributor:<id>` or `vendor:channel-managers`. */
  audience: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** Where the feed finds it (db/listing.ts): the audience's bucket of its creation time. */
  listKeys: string[];
}

const schema = new Schema<EventDoc>(
  {
    _id: { type: String, required: true },
    audience: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    listKeys: { type: [String], required: true },
  },
  { versionKey: false, minimize: false },
);
schema.index({ listKeys: 1 });

export const EventModel = model<EventDoc>('Event', schema, 'events');

/** A day of events per bucket; one page reads a month at most. */
export const eventBucketing: Bucketing = { width: 24 * 3600 * 1000, maxBuckets: 31, parallel: 4 };

export const eventScope = (audience: string): string => scopeName({ audience });

const floorOf = (audience: string) => `events:${audience}`;

/** Stores events once each, in one command; answers the stored ones (a retried activity finds the first attempt's). */
export async function recordEvents(events: ReadonlyArray<Omit<EventDoc, 'listKeys'>>): Promise<EventDoc[]> {
  await Promise.all(events.map((event) => markListFloor(floorOf(event.audience), event.createdAt)));
  const docs: EventDoc[] = events.map((event) => ({
    ...event,
    listKeys: [listingKey(eventScope(event.audience), bucketOf(event.createdAt.getTime(), eventBucketing))],
  }));
  const inserted = await insertEachOnce(EventModel, docs);
  return Promise.all(
    docs.map(async (doc, index) =>
      inserted[index] ? doc : ((await EventModel.findById(doc._id).lean<EventDoc>().exec()) ?? doc),
    ),
  );
}

/** Where an audience's feed starts (its first event, a bucket early), or undefined before its first event. */
export const eventFeedFloor = (audience: string): Promise<number | undefined> =>
  listFloor(floorOf(audience), eventBucketing.width);

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
