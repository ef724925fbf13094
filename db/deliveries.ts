import { model, Schema } from 'mongoose';
import { wakeQueue } from './delivery-claims';
import { type EventDoc, EventModel } from './events';
import { insertOnce } from './insert-once';
import { appendToList, entriesBelow, type NewestFirstPage } from './numbered-list';
import { type NotificationType, Outbox, type OutboxDoc } from './outbox';

/** Finished deliveries (delivered or abandoned), listed for admins newest first, and redelivery. */
export type DeliveryOutcome = 'delivered' | 'abandoned';

export interface DeliveryDoc {
  _id: string;
  webhookId: string;
  type: NotificationType;
  outcome: DeliveryOutcome;
  attempts: number;
  lastError?: string;
  createdAt: Date;
  finishedAt: Date;
}

const deliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    webhookId: { type: String, required: true },
    type: { type: String, required: true },
    outcome: { type: String, required: true },
    attempts: { type: Number, required: true },
    lastError: String,
    createdAt: { type: Date, required: true },
    finishedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const Delivery = model<DeliveryDoc>('Delivery', deliverySchema, 'deliveries');

/**
 * Each outcome's list (db/numbered-list.ts): an entry per finish, naming the delivery and when it
 * finished. A delivery finished again (redelivered) has a newer entry; the older one no longer stands.
 */
const outcomeList = (outcome: DeliveryOutcome, webhookId?: string) =>
  webhookId ? `deliveries:${outcome}:${webhookId}` : `deliveries:${outcome}`;

/**
 * Records how a delivery ended and takes it off its queue. Written by the queue's server only; a
 * replace, so that a redelivered message's new outcome takes the place of the abandoned one. The
 * record first, then its entry in the outcome's list, then the message goes: a crash in between leaves
 * the message queued, and its next attempt writes all three again.
 */
export async function finishDelivery(
  message: OutboxDoc,
  outcome: DeliveryOutcome,
  attempts: number,
  lastError?: string,
): Promise<void> {
  const finishedAt = new Date();
  const doc: DeliveryDoc = {
    _id: message._id,
    webhookId: message.webhookId,
    type: message.type,
    outcome,
    attempts,
    ...(lastError ? { lastError } : {}),
    createdAt: message.createdAt,
    finishedAt,
  };
  await Delivery.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
  await appendToList(outcomeList(outcome), doc._id, finishedAt);
  // And in its webhook's own list, which the partner's org admin reads.
  await appendToList(outcomeList(outcome, doc.webhookId), doc._id, finishedAt);
  await Outbox.deleteOne({ _id: message._id }).exec();
}

/**
 * A page of finished deliveries with this outcome (of one webhook, when named), newest first, below the
 * list number `below`: `limit + 1` entries and their records, by point reads (more only past entries that
 * no longer stand). A webhook's list starts with the deliveries finished since it was kept.
 */
export async function deliveryPage(
  outcome: DeliveryOutcome,
  below: number | undefined,
  limit: number,
  webhookId?: string,
): Promise<NewestFirstPage<DeliveryDoc>> {
  return entriesBelow(outcomeList(outcome, webhookId), below, limit, (entries) =>
    Promise.all(
      entries.map(async (entry) => {
        const record = await Delivery.findById(entry.ref).lean<DeliveryDoc>().exec();
        const stands =
          record?.outcome === outcome && new Date(record.finishedAt).getTime() === new Date(entry.at).getTime();
        return stands ? record : undefined;
      }),
    ),
  );
}

export type RedeliveryAnswer = 'queued' | 'unknown' | 'not-abandoned' | 'no-payload';

/**
 * Who redelivers an abandoned delivery: `<delivery id>|<finishedAt of the abandoned record>`, taken by
 * unique insert, so of the requests that saw the same abandonment exactly one queues it again.
 */
const RedeliveryClaim = model<{ _id: string; at: Date }>(
  'RedeliveryClaim',
  new Schema<{ _id: string; at: Date }>({ _id: String, at: Date }, { versionKey: false }),
  'redeliveryclaims',
);

/**
 * A redelivered message waits this long before it is due unless its request finishes first: a request
 * that dies part way leaves a message that goes out after this, never a delivery that is nowhere.
 */
export const REDELIVERY_HOLD_MS = 60_000;

/**
 * Puts an abandoned delivery back on its queue, due now, with a fresh retry window; once per
 * abandonment, however many requests ask at once ('not-abandoned' for the others), and so that the
 * message is always queued or listed:
 * 1. the message is queued, held (due in REDELIVERY_HOLD_MS, so no dispatcher touches it meanwhile);
 *    if one is queued already it must be this abandonment's (another request's): one of the previous
 *    life is still being finished by its dispatcher, and the answer is 'not-abandoned' (ask again);
 * 2. the claim of this abandonment is taken (one request wins);
 * 3. the abandoned record goes, the message is released (due now) and its queue woken.
 * Only the queue's server writes the record otherwise, and it cannot touch a held message.
 */
export async function redeliver(id: string): Promise<RedeliveryAnswer> {
  const delivery = await Delivery.findById(id).lean<DeliveryDoc>().exec();
  if (!delivery) return (await Outbox.exists({ _id: id }).exec()) ? 'not-abandoned' : 'unknown';
  if (delivery.outcome !== 'abandoned') return 'not-abandoned';
  const event = await EventModel.findById(id).lean<EventDoc>().exec();
  if (!event) return 'no-payload'; // abandoned before events were kept
  const abandonment = new Date(delivery.finishedAt).getTime();
  const now = new Date();
  const held: OutboxDoc = {
    _id: id,
    webhookId: delivery.webhookId,
    type: delivery.type,
    payload: event.payload,
    createdAt: event.createdAt,
    attempts: 0,
    nextAttemptAt: new Date(now.getTime() + REDELIVERY_HOLD_MS),
    retryFrom: now,
    redeliveryOf: abandonment,
  };
  if (!(await insertOnce(Outbox, held))) {
    const queued = await Outbox.findById(id, { redeliveryOf: 1 }).lean<Pick<OutboxDoc, 'redeliveryOf'>>().exec();
    if (queued?.redeliveryOf !== abandonment) return 'not-abandoned';
  }
  if (!(await insertOnce(RedeliveryClaim, { _id: `${id}|${abandonment}`, at: now }))) return 'not-abandoned';
  await Delivery.deleteOne({ _id: id }).exec();
  await Outbox.updateOne({ _id: id }, { $set: { nextAttemptAt: now } }).exec();
  await wakeQueue(delivery.webhookId);
  return 'queued';
}
