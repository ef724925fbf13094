import { model, Schema } from 'mongoose';
import { insertOnce } from './insert-once';

/**
 * How dispatchers find webhook queues with work and agree on who serves each, with only the writes
 * FerretDB v1 applies atomically under concurrency (unique inserts, deletes by `_id`) and only
 * equality lookups. Each webhook has its own queue (outbox messages with its `webhookId`):
 *
 * - a *wake* (`outboxwakes`, `_id` = webhook id) says "a message was queued since the queue was last
 *   read": inserted after the message, deleted by the queue's server before it reads the queue, so a
 *   message is either seen by that read or leaves a wake behind it;
 * - a *next-due hint* (`outboxqueues`, `_id` = webhook id) says when the queue's earliest retry is due;
 *   written only by the queue's server, at most a minute ahead, so a lost hint costs a minute, not a message;
 * - a *lease* (`outboxleases`, `_id` = `<webhook id>|<epoch>`) makes one dispatcher the queue's server
 *   for a fixed epoch of time: whoever inserts the key first. A server takes the current epoch and the
 *   next, so it always has at least one whole epoch; a dispatcher that died leaves keys that simply
 *   expire with their epochs (no takeover write that could race), and are deleted later.
 *
 * A server that dies can strand nothing: before it takes the wake, claiming the lease sets the queue's
 * hint to the lease's end, so whatever it had not finished (the wake taken, the queue half served, the
 * hint not yet written back) is looked at again when the lease ends, by whichever dispatcher claims it.
 *
 * Both small collections hold at most one document per webhook, so reading them whole is cheap.
 */
interface WakeDoc {
  _id: string;
  at: Date;
}
interface NextDueDoc {
  _id: string;
  dueAt: Date;
}
interface LeaseDoc {
  _id: string;
  until: Date;
}

const Wake = model<WakeDoc>(
  'OutboxWake',
  new Schema<WakeDoc>({ _id: String, at: Date }, { versionKey: false }),
  'outboxwakes',
);
const NextDue = model<NextDueDoc>(
  'OutboxNextDue',
  new Schema<NextDueDoc>({ _id: String, dueAt: Date }, { versionKey: false }),
  'outboxqueues',
);
const Lease = model<LeaseDoc>(
  'OutboxLease',
  new Schema<LeaseDoc>({ _id: String, until: Date }, { versionKey: false }),
  'outboxleases',
);

/** A hint is never further ahead than this: a queue is looked at again within it whatever a hint says. */
export const HINT_HORIZON_MS = 60_000;

export async function wakeQueue(webhookId: string): Promise<void> {
  await insertOnce(Wake, { _id: webhookId, at: new Date() });
}

/** Taken by the queue's server right before it reads the queue. */
export async function takeWake(webhookId: string): Promise<void> {
  await Wake.deleteOne({ _id: webhookId }).exec();
}

export async function isAwake(webhookId: string): Promise<boolean> {
  return (await Wake.exists({ _id: webhookId }).exec()) !== null;
}

/** Only the queue's server writes this: its earliest retry, or nothing left to retry. */
export async function recordNextDue(webhookId: string, dueAt: Date | undefined): Promise<void> {
  if (!dueAt) {
    await NextDue.deleteOne({ _id: webhookId }).exec();
    return;
  }
  const capped = new Date(Math.min(dueAt.getTime(), Date.now() + HINT_HORIZON_MS));
  await NextDue.replaceOne({ _id: webhookId }, { _id: webhookId, dueAt: capped }, { upsert: true }).exec();
}

/** Webhooks whose queue may hold due messages: woken ones and those whose hint is due. */
export async function queuesWithWork(now = new Date()): Promise<string[]> {
  const [wakes, hints] = await Promise.all([
    Wake.find({}, { _id: 1 }).lean<Array<{ _id: string }>>().exec(),
    NextDue.find({}).lean<NextDueDoc[]>().exec(),
  ]);
  const ids = new Set(wakes.map((wake) => wake._id));
  for (const hint of hints) if (hint.dueAt.getTime() <= now.getTime()) ids.add(hint._id);
  return [...ids];
}

export interface QueueLease {
  webhookId: string;
  until: number;
  keys: string[];
}

const leaseKey = (webhookId: string, epoch: number) => `${webhookId}|${epoch}`;

/**
 * Makes this dispatcher the server of a webhook's queue, or answers undefined when another one is.
 * `epochMs` must be the same in every dispatcher (it derives from the shared configuration).
 */
export async function claimQueue(
  webhookId: string,
  epochMs: number,
  now = Date.now(),
): Promise<QueueLease | undefined> {
  const epoch = Math.floor(now / epochMs);
  const end = (e: number) => (e + 1) * epochMs;
  if (!(await insertOnce(Lease, { _id: leaseKey(webhookId, epoch), until: new Date(end(epoch)) }))) return undefined;
  const keys = [leaseKey(webhookId, epoch)];
  // Epochs before the last one have ended everywhere (clocks agree to within an epoch): keys left behind go.
  await Lease.deleteOne({ _id: leaseKey(webhookId, epoch - 2) }).exec();
  const lease: QueueLease = (await insertOnce(Lease, {
    _id: leaseKey(webhookId, epoch + 1),
    until: new Date(end(epoch + 1)),
  }))
    ? { webhookId, until: end(epoch + 1), keys: [...keys, leaseKey(webhookId, epoch + 1)] }
    : { webhookId, until: end(epoch), keys };
  // Before anything else is written: if this server dies from here on, the queue is due when its lease ends.
  await NextDue.replaceOne(
    { _id: webhookId },
    { _id: webhookId, dueAt: new Date(lease.until) },
    { upsert: true },
  ).exec();
  return lease;
}

export async function releaseQueue(lease: QueueLease): Promise<void> {
  // The later key first: a dispatcher that takes the current epoch meanwhile then gets the next one too.
  for (const key of [...lease.keys].reverse()) await Lease.deleteOne({ _id: key }).exec();
}
