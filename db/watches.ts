import { model, Schema } from 'mongoose';
import { insertEachOnce, insertOnce } from './insert-once';
import { findEachById } from './point-reads';

/**
 * A reseller turned away from a taken deal (`already-registered`) waiting to be told when it frees up.
 * One per watched registration (`_id`), so a repeated request finds it. It waits on the registrations that
 * held the deal when it was turned away; once none of them is active, the reseller is told and the
 * watch ends. It also ends when the reseller registers the deal again, or at `expiresAt`.
 */
export interface WatchDoc {
  /** The watching reseller's rejected registration. */
  _id: string;
  resellerId: string;
  /** The holders at the time: the deal is free once none of them is active. */
  waitingOn: string[];
  /** The deal's certain keys (identifiers, domain; the name's key when it has none), as the watcher gave them. */
  dealKeys: string[];
  createdAt: Date;
  expiresAt: Date;
}

const watchSchema = new Schema<WatchDoc>(
  {
    _id: { type: String, required: true },
    resellerId: { type: String, required: true },
    waitingOn: { type: [String], required: true },
    dealKeys: { type: [String], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
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
 * The watch as stored: the one this call created, or the one an earlier call did. Its wait entries go
 * first, so a crash leaves at worst entries without a watch, which the holder's end clears.
 */
export async function startWatch(watch: WatchDoc): Promise<WatchDoc> {
  await insertEachOnce(
    WatchWait,
    watch.waitingOn.map((holderId) => ({ _id: `${holderId}|${watch._id}`, holderId, watchId: watch._id })),
  );
  if (await insertOnce(DealWatch, watch)) return watch;
  return (await DealWatch.findById(watch._id).lean<WatchDoc>().exec()) ?? watch;
}

/** The watches waiting on a holder that has just ended, each with its wait entry's id. */
export async function watchesWaitingOn(holderId: string): Promise<Array<{ waitId: string; watch?: WatchDoc }>> {
  const waits = await WatchWait.find({ holderId }).lean<WaitDoc[]>().exec();
  const watches = await findEachById(
    DealWatch,
    waits.map((wait) => wait.watchId),
  );
  return waits.map((wait) => ({ waitId: wait._id, watch: watches.get(wait.watchId) }));
}

export const watchesOf = (resellerId: string) => DealWatch.find({ resellerId }).lean<WatchDoc[]>().exec();

/** Ends a watch: the watch first, then its wait entries (deletes by `_id`, each atomic). */
export async function endWatch(watch: Pick<WatchDoc, '_id' | 'waitingOn'>): Promise<void> {
  await DealWatch.deleteOne({ _id: watch._id }).exec();
  for (const holderId of watch.waitingOn) await WatchWait.deleteOne({ _id: `${holderId}|${watch._id}` }).exec();
}

export async function dropWait(waitId: string): Promise<void> {
  await WatchWait.deleteOne({ _id: waitId }).exec();
}
