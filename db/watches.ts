import { model, Schema } from 'mongoose';
import { insertEachOnce, insertOnce } from './insert-once';
import { findEachById } from './point-reads';

/**
 * A reseller turned away from a taken deal (`already-registered`) waiting to be told when it frees up.
 * One per watched registration (`_id`); a request while it waits finds it, one after it ended starts the
 * next `round`. It waits on the registrations that held the deal when it was turned away; once none of them
 * is active the reseller is told and the watch ends `told`. It also ends when the reseller registers the
 * deal again, or at `expiresAt`. Ended watches are kept: the invariant check reads who was told what.
 */
export interface WatchDoc {
  /** The watching reseller's rejected registration. */
  _id: string;
  /** 1 for the first watch of this registration, one more for each after an ended one. */
  round: number;
  resellerId: string;
  /** The holders at the time: the deal is free once none of them is active. */
  waitingOn: string[];
  /** The deal's certain keys (identifiers, domain; the name's key when it has none), as the watcher gave them. */
  dealKeys: string[];
  createdAt: Date;
  expiresAt: Date;
  ended?: 'told' | 'registered-again' | 'expired';
  endedAt?: Date;
}

const watchSchema = new Schema<WatchDoc>(
  {
    _id: { type: String, required: true },
    round: { type: Number, required: true },
    resellerId: { type: String, required: true },
    waitingOn: { type: [String], required: true },
    dealKeys: { type: [String], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    ended: String,
    endedAt: Date,
  },
  { versionKey: false },
);
watchSchema.index({ resellerId: 1 });
export const DealWatch = model<WatchDoc>('DealWatch', watchSchema, 'dealwatches');

/** Which watches wait on a holder: one entry per (holder, watch), found by equality on a scalar field. */
interface WaitDoc {
  /** `<holder id>|<watch id>` */
  _id: string;
  holderId: string;
  watchId: string;
}
const waitSchema = new Schema<WaitDoc>(
  {
    _id: { type: String, required: true },
    holderId: { type: String, required: true },
    watchId: { type: String, required: true },
  },
  { versionKey: false },
);
waitSchema.index({ holderId: 1 });
const WatchWait = model<WaitDoc>('WatchWait', waitSchema, 'watchwaits');

/**
 * The watch as stored: the one waiting already, or this one (a new round after an ended one). Its wait
 * entries go first, so a crash leaves at worst entries without a watch, which the holder's end clears.
 */
export async function startWatch(watch: Omit<WatchDoc, 'round'>): Promise<WatchDoc> {
  await insertEachOnce(
    WatchWait,
    watch.waitingOn.map((holderId) => ({ _id: `${holderId}|${watch._id}`, holderId, watchId: watch._id })),
  );
  const first = { ...watch, round: 1 };
  if (await insertOnce(DealWatch, first)) return first;
  const stored = await DealWatch.findById(watch._id).lean<WatchDoc>().exec();
  if (stored && !stored.ended) return stored;
  // Only the watching reseller starts rounds, one request at a time: a plain replace is enough here.
  const next = { ...watch, round: (stored?.round ?? 0) + 1 };
  await DealWatch.replaceOne({ _id: watch._id }, next, { upsert: true }).exec();
  return next;
}

/** The waiting watches on a holder that has just ended, each with its wait entry's id. */
export async function watchesWaitingOn(holderId: string): Promise<Array<{ waitId: string; watch?: WatchDoc }>> {
  const waits = await WatchWait.find({ holderId }).lean<WaitDoc[]>().exec();
  const watches = await findEachById(
    DealWatch,
    waits.map((wait) => wait.watchId),
  );
  return waits.map((wait) => {
    const watch = watches.get(wait.watchId);
    return { waitId: wait._id, ...(watch && !watch.ended && { watch }) };
  });
}

export const watchesOf = async (resellerId: string) =>
  (await DealWatch.find({ resellerId }).lean<WatchDoc[]>().exec()).filter((watch) => !watch.ended);

/** Ends a watch, saying why, then drops its wait entries (deletes by `_id`, each atomic). */
export async function endWatch(watch: Pick<WatchDoc, '_id' | 'waitingOn'>, why: NonNullable<WatchDoc['ended']>) {
  await DealWatch.updateOne(
    { _id: watch._id, ended: { $exists: false } },
    { $set: { ended: why, endedAt: new Date() } },
  ).exec();
  for (const holderId of watch.waitingOn) await dropWait(`${holderId}|${watch._id}`);
}

/**
 * The deal a watch waits on was moved to another registration (a transfer): the watch waits on that one too.
 * Its wait entry goes first, as when a watch starts; only the ended holder's step writes the watch then.
 */
export async function waitAlsoOn(watch: Pick<WatchDoc, '_id' | 'waitingOn'>, holderId: string): Promise<void> {
  await insertEachOnce(WatchWait, [{ _id: `${holderId}|${watch._id}`, holderId, watchId: watch._id }]);
  if (watch.waitingOn.includes(holderId)) return;
  await DealWatch.updateOne({ _id: watch._id }, { $set: { waitingOn: [...watch.waitingOn, holderId] } }).exec();
}

export async function dropWait(waitId: string): Promise<void> {
  await WatchWait.deleteOne({ _id: waitId }).exec();
}
