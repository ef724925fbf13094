import { model, Schema } from 'mongoose';
import { insertOnce } from './insert-once';

/**
 * Counters as numbered slots: a counter with limit L is the documents `<counter>|1` … `<counter>|L`,
 * taking one is a unique insert, and when all are taken the counter is full. Only unique inserts and
 * deletes by `_id` decide anything, because those are the writes FerretDB v1 applies atomically under
 * concurrency (an incremented count would lose updates under load), and every read is by `_id`, the one
 * look-up FerretDB's SQLite backend serves from an index (docs/DESIGN.md). A holder that must be able to
 * give its slot back later (from another process) also gets a `holder|<kind>|<holder>` record naming its
 * slot, which makes it take at most one slot per kind. A `hint|<counter>` document remembers where the
 * next free slot probably is; it is only a hint (its updates may be lost), any start finds a free slot.
 */
interface QuotaDoc {
  _id: string;
  /** A slot: who holds it. */
  holder?: string;
  /** A holder record: the slot it holds. */
  slot?: string;
  /** A hint: the slot number to try first. */
  next?: number;
  at: Date;
}

const Quota = model<QuotaDoc>(
  'Quota',
  new Schema<QuotaDoc>(
    {
      _id: { type: String, required: true },
      holder: String,
      slot: String,
      next: Number,
      at: { type: Date, required: true },
    },
    { versionKey: false },
  ),
  'quotaslots',
);

export type CounterKind = 'active' | 'day';

export interface Counter {
  kind: CounterKind;
  /** Unique per counted thing, for example `<reseller>|active` or `<reseller>|2026-03-01`. */
  name: string;
  limit: number;
}

export type TakeOutcome = { outcome: 'taken'; slot: string } | { outcome: 'held' } | { outcome: 'full' };

const slotId = (counterName: string, n: number) => `${counterName}|${n}`;
const holderRecordId = (kind: CounterKind, holder: string) => `holder|${kind}|${holder}`;
const hintId = (counterName: string) => `hint|${counterName}`;
const slotNumber = (slot: string) => Number(slot.slice(slot.lastIndexOf('|') + 1));

async function setHint(counterName: string, next: number): Promise<void> {
  await Quota.updateOne({ _id: hintId(counterName) }, { $set: { next, at: new Date() } }, { upsert: true })
    .exec()
    .catch(() => undefined); // a hint that is not written only costs the next taker a few probes
}

/**
 * Takes a free slot of the counter for `holder`. With `recordHolder`, the holder can give it back later by
 * its id alone ({@link releaseHeldSlot}), and a holder that holds one already gets `held` (a repeat of the
 * same submission). A full counter costs one failed insert per slot.
 */
export async function takeSlot(counter: Counter, holder: string, recordHolder: boolean): Promise<TakeOutcome> {
  if (recordHolder && (await Quota.exists({ _id: holderRecordId(counter.kind, holder) }).exec())) {
    return { outcome: 'held' };
  }
  const hint = await Quota.findById(hintId(counter.name)).lean<QuotaDoc>().exec();
  const start = Math.max(0, (hint?.next ?? 1) - 1);
  for (let step = 0; step < counter.limit; step += 1) {
    const n = ((start + step) % counter.limit) + 1;
    const slot = slotId(counter.name, n);
    if (!(await insertOnce(Quota, { _id: slot, holder, at: new Date() }))) continue;
    await setHint(counter.name, n + 1);
    if (!recordHolder) return { outcome: 'taken', slot };
    if (await insertOnce(Quota, { _id: holderRecordId(counter.kind, holder), slot, at: new Date() })) {
      return { outcome: 'taken', slot };
    }
    // A concurrent repeat for the same holder took a slot first: give this one back.
    await giveBackSlot(slot, holder);
    return { outcome: 'held' };
  }
  return { outcome: 'full' };
}

/** Frees a slot, if `holder` still holds it, and points the hint at it for the next taker. */
export async function giveBackSlot(slot: string, holder: string): Promise<void> {
  const { deletedCount } = await Quota.deleteOne({ _id: slot, holder }).exec();
  if (deletedCount > 0) await setHint(slot.slice(0, slot.lastIndexOf('|')), slotNumber(slot));
}

/** Gives back the slot `holder` holds of this kind, if any. Idempotent, from any process. */
export async function releaseHeldSlot(kind: CounterKind, holder: string): Promise<void> {
  const record = await Quota.findById(holderRecordId(kind, holder)).lean<QuotaDoc>().exec();
  if (!record) return;
  // The slot first: a crash in between leaves the record, and the next release finishes the job.
  if (record.slot) await giveBackSlot(record.slot, holder);
  await Quota.deleteOne({ _id: record._id }).exec();
}

/**
 * Removes the slots of a counter nobody counts any more (a past day). Slots are taken from 1 upwards,
 * with holes where submissions were refused, so it stops after a run of missing ones.
 */
export async function purgeCounter(counterName: string, upTo: number): Promise<void> {
  let missing = 0;
  for (let n = 1; n <= upTo && missing < 20; n += 1) {
    const { deletedCount } = await Quota.deleteOne({ _id: slotId(counterName, n) }).exec();
    missing = deletedCount > 0 ? 0 : missing + 1;
  }
  await Quota.deleteOne({ _id: hintId(counterName) }).exec();
}

/** True for the one caller that marks `what` done first (a unique insert), false for everyone after. */
export async function markOnce(what: string): Promise<boolean> {
  return insertOnce(Quota, { _id: `done|${what}`, at: new Date() });
}
