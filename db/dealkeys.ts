import { model, Schema } from 'mongoose';
import { insertEachOnce } from './insert-once';
import { findEachById } from './point-reads';
import { releaseHeldSlot } from './quota';

/**
 * The customer key index: one entry per (lookup key, registration) for registrations that hold or may
 * hold a deal. Entries are only ever inserted and deleted, never updated, because those are the writes
 * FerretDB v1 applies atomically under concurrency (docs/DESIGN.md). The conflict check reads the
 * entries of a handful of keys; on MongoDB and FerretDB's PostgreSQL backend that is an index lookup
 * on `key`, on FerretDB's SQLite backend (which answers only `_id` from an index) a scan of this
 * collection, which holds live registrations only.
 */
interface DealKeyEntryDoc {
  /** `<key>|<registrationId>`: inserting the same entry twice is a no-op. */
  _id: string;
  key: string;
  registrationId: string;
}

const schema = new Schema<DealKeyEntryDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    registrationId: { type: String, required: true },
  },
  { versionKey: false },
);
schema.index({ key: 1 });

const DealKeyEntry = model<DealKeyEntryDoc>('DealKeyEntry', schema, 'dealkeys');

const entryId = (key: string, registrationId: string) => `${key}|${registrationId}`;

/** Entries that exist already (a repeated submission) are what was wanted. */
export async function listUnderKeys(registrationId: string, keys: readonly string[]): Promise<void> {
  await insertEachOnce(
    DealKeyEntry,
    keys.map((key) => ({ _id: entryId(key, registrationId), key, registrationId })),
  );
}

/**
 * Point deletes by `_id`, sent as one command (a `$in` would be a scan on FerretDB's SQLite backend;
 * each statement of an unordered bulk delete is its own atomic delete by `_id`). A registration is
 * unlisted when it stops holding its deal, which is also when it stops counting against its reseller's
 * active limit and its bound per customer key: its places are given back here, so that every way a
 * registration ends frees them.
 */
export async function unlistFromKeys(registrationId: string, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) {
    await DealKeyEntry.bulkWrite(
      keys.map((key) => ({ deleteOne: { filter: { _id: entryId(key, registrationId) } } })),
      { ordered: false },
    );
  }
  await Promise.all([releaseHeldSlot('active', registrationId), releaseHeldSlot('key', registrationId)]);
}

/**
 * The most entries one key's read returns. A reseller holds at most MAX_LIVE_PER_CUSTOMER_KEY live
 * registrations under a key (refused at acceptance beyond), so a key reaches this only with dozens of
 * resellers on it; past it the read is cut, and `candidatesUnderKeys` says which keys were.
 */
export const MAX_CANDIDATES_PER_KEY = 2000;

/**
 * Ids of registrations listed under any of the keys, at most MAX_CANDIDATES_PER_KEY read per key, and
 * the keys whose read was cut there (a check that meets one cannot know it saw every holder).
 */
export async function candidatesUnderKeys(keys: readonly string[]): Promise<{ ids: string[]; overflowing: string[] }> {
  const lists = await Promise.all(
    keys.map((key) =>
      DealKeyEntry.find({ key }, { registrationId: 1 })
        .limit(MAX_CANDIDATES_PER_KEY + 1)
        .lean<DealKeyEntryDoc[]>()
        .exec(),
    ),
  );
  const overflowing = keys.filter((_, index) => (lists[index]?.length ?? 0) > MAX_CANDIDATES_PER_KEY);
  const ids = lists.flatMap((list) => list.slice(0, MAX_CANDIDATES_PER_KEY).map((entry) => entry.registrationId));
  return { ids: [...new Set(ids)], overflowing };
}

/** Ids of registrations listed under any of the keys (bounded per key: see `candidatesUnderKeys`). */
export async function registrationIdsUnderKeys(keys: readonly string[]): Promise<string[]> {
  return (await candidatesUnderKeys(keys)).ids;
}

/** The keys, of those asked about, under which the registration is listed (point reads; the invariant check). */
export async function keysListing(registrationId: string, keys: readonly string[]): Promise<string[]> {
  const found = await findEachById(
    DealKeyEntry,
    keys.map((key) => entryId(key, registrationId)),
  );
  return keys.filter((key) => found.has(entryId(key, registrationId)));
}

/** Every listing (a scan: for the tests' exhaustive invariant check on a database of their own). */
export async function everyListing(): Promise<Array<{ key: string; registrationId: string }>> {
  return DealKeyEntry.find({}, { key: 1, registrationId: 1 }).lean<DealKeyEntryDoc[]>().exec();
}
