import { model, Schema } from 'mongoose';
import { insertOnce } from './insert-once';

/**
 * Counters as numbered slots: a counter with limit L is the documents `<counter>|1` … `<counter>|L`,
 * taking one is a unique insert, and when all are taken the counter is full. Only unique inserts and
 * deletes by `_id` decide anything, because those are the writes FerretDB v1 applies atomically under
 * concurrency (an incremented count would lose updates under load), and every read on the path of a
 * submission is by `_id` or an equality. A holder also gets a `holder|<kind>|<holder>` record, which
 * makes it take at most one slot per kind (a repeated acceptance finds it). A `hint|<counter>`
 * document remembers where the next free slot probably is; it is only a hint (its updates may be lost).
 *
 * A limit can be lowered: holders of slots above the new limit are moved into free slots below it by
 * `settleHolder`, and those that find none stay counted as *debts* (`debt|<counter>|<holder>`): while a
 * counter has a debt it is full, and a slot given back goes to a debtor first.
 */
interface QuotaDoc {
  _id: string;
  /** A slot or a debt: who holds it. */
  holder?: string;
  /** A slot or a debt: of which kind of counter (what a holder's release looks for). */
  kind?: CounterKind;
  /** A debt: the counter it is owed by. */
  debtOf?: string;
  /** A holder record: the slot it took first. */
  slot?: string;
  /** A hint: the slot number to try first. */
  next?: number;
  at: Date;
}

const quotaSchema = new Schema<QuotaDoc>(
  {
    _id: { type: String, required: true },
    holder: String,
    kind: String,
    debtOf: String,
    slot: String,
    next: Number,
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
// A release finds what its holder holds; a submission, whether its counter has debts: equalities.
quotaSchema.index({ holder: 1 });
quotaSchema.index({ debtOf: 1 });

const Quota = model<QuotaDoc>('Quota', quotaSchema, 'quotaslots');

export type CounterKind = 'active' | 'day' | 'key' | 'dispute';

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
const debtId = (counterName: string, holder: string) => `debt|${counterName}|${holder}`;
const slotNumber = (slot: string) => Number(slot.slice(slot.lastIndexOf('|') + 1));
const counterOf = (slot: string) => slot.slice(0, slot.lastIndexOf('|'));

async function setHint(counterName: string, next: number): Promise<void> {
  await Quota.updateOne({ _id: hintId(counterName) }, { $set: { next, at: new Date() } }, { upsert: true })
    .exec()
    .catch(() => undefined); // a hint that is not written only costs the next taker a few probes
}

const hasRecord = async (kind: CounterKind, holder: string) =>
  (await Quota.exists({ _id: holderRecordId(kind, holder) }).exec()) !== null;

/** A free slot numbered at most `counter.limit`, inserted for `holder`, or undefined when all are taken. */
async function insertFreeSlot(counter: Counter, holder: string): Promise<string | undefined> {
  // Most customer keys are held by nobody yet: slot 1 first, in one insert, and no hint read or written.
  if (
    counter.kind === 'key' &&
    (await insertOnce(Quota, { _id: slotId(counter.name, 1), holder, kind: counter.kind, at: new Date() }))
  ) {
    return slotId(counter.name, 1);
  }
  const hint = await Quota.findById(hintId(counter.name)).lean<QuotaDoc>().exec();
  const start = Math.max(0, (hint?.next ?? 1) - 1);
  for (let step = 0; step < counter.limit; step += 1) {
    const n = ((start + step) % counter.limit) + 1;
    const slot = slotId(counter.name, n);
    if (!(await insertOnce(Quota, { _id: slot, holder, kind: counter.kind, at: new Date() }))) continue;
    await setHint(counter.name, n + 1);
    return slot;
  }
  return undefined;
}

/**
 * Takes a free slot of the counter for `holder`, recording the holder so that a repeat of the same
 * submission gets `held` and the slot can be given back by the holder's id alone
 * ({@link releaseHeldSlot}). A counter with a debt is full. A full counter costs one failed insert per slot.
 */
export async function takeSlot(counter: Counter, holder: string): Promise<TakeOutcome> {
  if (await hasRecord(counter.kind, holder)) return { outcome: 'held' };
  if (counter.kind === 'active' && (await Quota.exists({ debtOf: counter.name }).exec())) return { outcome: 'full' };
  const slot = await insertFreeSlot(counter, holder);
  if (!slot) return { outcome: 'full' };
  if (await insertOnce(Quota, { _id: holderRecordId(counter.kind, holder), slot, at: new Date() })) {
    return { outcome: 'taken', slot };
  }
  // A concurrent repeat for the same holder took a slot first: give this one back.
  await giveBackSlot(slot, holder, counter.kind);
  return { outcome: 'held' };
}

/**
 * Brings a holder of the counter under its (possibly lowered) limit: a holder without a slot takes one;
 * one whose slots are all above the limit moves into a free one below it; one that finds none is owed
 * a slot (a debt), which keeps the counter full until a slot is given back to it. For the holders
 * counted when a limit changes (db/registration-quota.ts); `isActive` reads whether the holder
 * still counts, after its record is written, so that one that ended meanwhile leaves nothing behind.
 */
export async function settleHolder(counter: Counter, holder: string, isActive: () => Promise<boolean>): Promise<void> {
  if (!(await hasRecord(counter.kind, holder))) {
    if ((await takeSlot(counter, holder)).outcome === 'full') {
      await insertOnce(Quota, { _id: holderRecordId(counter.kind, holder), at: new Date() });
      await owe(counter, holder);
    }
    if (!(await isActive())) await releaseHeldSlot(counter.kind, holder);
    return;
  }
  const held = (await Quota.find({ holder, kind: counter.kind }).lean<QuotaDoc[]>().exec()).filter(
    (doc) => doc.debtOf === undefined && counterOf(doc._id) === counter.name,
  );
  const within = held.find((doc) => slotNumber(doc._id) <= counter.limit);
  if (within) {
    await Quota.deleteOne({ _id: debtId(counter.name, holder) }).exec();
    for (const doc of held) if (doc !== within) await giveBackSlot(doc._id, holder, counter.kind);
    return;
  }
  const moved = await insertFreeSlot(counter, holder);
  if (!moved) return owe(counter, holder);
  // Its release deletes the record before it looks for its slots: seen here, the slot is found there.
  if (!(await hasRecord(counter.kind, holder))) return giveBackSlot(moved, holder, counter.kind);
  await Quota.deleteOne({ _id: debtId(counter.name, holder) }).exec();
  for (const doc of held) await giveBackSlot(doc._id, holder, counter.kind);
}

/** Records that the counter owes `holder` a slot, unless the holder's record is gone (released). */
async function owe(counter: Counter, holder: string): Promise<void> {
  await insertOnce(Quota, {
    _id: debtId(counter.name, holder),
    holder,
    kind: counter.kind,
    debtOf: counter.name,
    at: new Date(),
  });
  if (!(await hasRecord(counter.kind, holder))) await Quota.deleteOne({ _id: debtId(counter.name, holder) }).exec();
}

/**
 * Frees a slot, if `holder` still holds it: an active slot to a debtor of its counter if there is one,
 * else to anyone (the hint points at it).
 */
export async function giveBackSlot(slot: string, holder: string, kind: CounterKind): Promise<void> {
  const { deletedCount } = await Quota.deleteOne({ _id: slot, holder }).exec();
  if (deletedCount === 0) return;
  const debt =
    kind === 'active'
      ? await Quota.findOne({ debtOf: counterOf(slot) })
          .lean<QuotaDoc>()
          .exec()
      : null;
  if (debt?.holder && (await insertOnce(Quota, { _id: slot, holder: debt.holder, kind, at: new Date() }))) {
    // The debtor's release deletes its record before it looks for its slots: seen here, found there.
    if (!(await hasRecord(kind, debt.holder))) return giveBackSlot(slot, debt.holder, kind);
    await Quota.deleteOne({ _id: debt._id }).exec();
    return;
  }
  await setHint(counterOf(slot), slotNumber(slot));
}

/**
 * For each counter the holder holds no slot of yet, a free one (the counters of one kind, in
 * parallel). Answers the counters that were full, having given back what this call took then; a
 * repeated call takes nothing twice (what the holder holds is read first). No holder record: the
 * holder's slots are found by its id ({@link releaseHeldSlot}).
 */
export async function takeSlotsOnce(counters: readonly Counter[], holder: string): Promise<Counter[]> {
  const kinds = new Set(counters.map((counter) => counter.kind));
  const held = new Set<string>();
  for (const kind of kinds) {
    for (const doc of await Quota.find({ holder, kind }, { _id: 1 }).lean<QuotaDoc[]>().exec())
      held.add(counterOf(doc._id));
  }
  const taken = await Promise.all(
    counters
      .filter((counter) => !held.has(counter.name))
      .map(async (counter) => ({ counter, slot: await insertFreeSlot(counter, holder) })),
  );
  const full = taken.filter((take) => take.slot === undefined).map((take) => take.counter);
  if (full.length > 0) {
    for (const { counter, slot } of taken) if (slot) await giveBackSlot(slot, holder, counter.kind);
  }
  return full;
}

/**
 * Gives back whatever `holder` holds of this kind: its record first, then every slot and debt of its
 * (found by holder, so that one taken meanwhile by `settleHolder` goes too). Idempotent, from any process.
 */
export async function releaseHeldSlot(kind: CounterKind, holder: string): Promise<void> {
  await Quota.deleteOne({ _id: holderRecordId(kind, holder) }).exec();
  const held = await Quota.find({ holder, kind }).lean<QuotaDoc[]>().exec();
  for (const doc of held) {
    if (doc.debtOf !== undefined) await Quota.deleteOne({ _id: doc._id }).exec();
    else await giveBackSlot(doc._id, holder, kind);
  }
}

/**
 * Removes the slots of a counter nobody counts any more (a past day), with their holders' records.
 * Slots are taken from 1 upwards, with holes where submissions were refused, so it stops after a run
 * of missing ones.
 */
export async function purgeCounter(counter: Pick<Counter, 'kind' | 'name'>, upTo: number): Promise<void> {
  let missing = 0;
  for (let n = 1; n <= upTo && missing < 20; n += 1) {
    const slot = await Quota.findOneAndDelete({ _id: slotId(counter.name, n) })
      .lean<QuotaDoc>()
      .exec();
    if (slot?.holder) await Quota.deleteOne({ _id: holderRecordId(counter.kind, slot.holder) }).exec();
    missing = slot ? 0 : missing + 1;
  }
  await Quota.deleteOne({ _id: hintId(counter.name) }).exec();
}

/** True for the one caller that marks `what` done first (a unique insert), false for everyone after. */
export async function markOnce(what: string): Promise<boolean> {
  return insertOnce(Quota, { _id: `done|${what}`, at: new Date() });
}

/**
 * The slot `holder` holds of this kind, by its holder record, and who that slot names (the same holder,
 * unless something is wrong); undefined when it holds none. Point reads, for the invariant check.
 */
export async function slotHeldBy(
  kind: CounterKind,
  holder: string,
): Promise<{ slot: string; slotHolder?: string } | undefined> {
  const record = await Quota.findById(holderRecordId(kind, holder)).lean<QuotaDoc>().exec();
  if (!record?.slot) return undefined;
  const slot = await Quota.findById(record.slot).lean<QuotaDoc>().exec();
  return { slot: record.slot, ...(slot?.holder ? { slotHolder: slot.holder } : {}) };
}
