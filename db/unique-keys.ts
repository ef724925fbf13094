import { type Model, model, Schema } from 'mongoose';
import { insertEachOnce, insertOnce } from './insert-once';

/**
 * Values that name one record at most (an account's identifiers and domains): a claim document per value,
 * its `_id` the value, inserted before a record that holds it is written and deleted once no version
 * holds it. A unique insert is atomic on every server, so two records can never both hold one value, and
 * finding the record of a value is a point read.
 */
export interface KeyClaimDoc {
  _id: string;
  recordId: string;
  claimedAt: Date;
}

export function keyClaimModel(name: string, collection: string): Model<KeyClaimDoc> {
  return model<KeyClaimDoc>(
    name,
    new Schema<KeyClaimDoc>(
      {
        _id: { type: String, required: true },
        recordId: { type: String, required: true },
        claimedAt: { type: Date, required: true },
      },
      { versionKey: false },
    ),
    collection,
  );
}

export interface UniqueKeys<R> {
  claims: Model<KeyClaimDoc>;
  of(record: R): string[];
  /** Why the record cannot have a key `holder` holds (undefined: a record being saved right now). */
  refusal(record: R, key: string, holder: string | undefined): { path: string; message: string };
}

/**
 * A claim whose record does not hold the key is a leftover of a write that stopped between its steps.
 * It is taken over only once it is older than a write can take, so that a claim made a moment ago by a
 * write still under way (its record not yet saved) is respected.
 */
const CLAIM_GRACE_MS = 60_000;

export interface ClaimRequest<R> {
  record: R;
  /** The record's stored version when known (null: none), so the keys it holds are not claimed again. */
  previous: R | null | undefined;
  /** Reads the stored version, when a refused claim may be its own. */
  readPrevious(): Promise<R | null>;
}

export interface ClaimOutcome {
  problems: Array<{ path: string; message: string }>;
  /** Gives back what this claim took (when the write then does not happen). */
  undo(): Promise<void>;
}

/**
 * Claims the keys of several records in one command. A refused key is the record's own when its stored
 * version holds it (or the claim names it); a stale leftover is taken over; any other is a problem.
 * The records must not want the same key (an import writes those one after another).
 */
export async function claimKeys<R extends { id: string }>(
  keys: UniqueKeys<R>,
  holderHolds: (recordId: string, key: string) => Promise<boolean>,
  requests: ClaimRequest<R>[],
): Promise<ClaimOutcome[]> {
  const claimedAt = new Date();
  const wanted = requests.map(({ record, previous }) => {
    const held = new Set(previous ? keys.of(previous) : []);
    return keys.of(record).filter((key) => !held.has(key));
  });
  const docs = requests.flatMap(({ record }, at) =>
    (wanted[at] as string[]).map((key) => ({ _id: key, recordId: record.id, claimedAt })),
  );
  const inserted = await insertEachOnce(keys.claims, docs);
  const refused = new Set(docs.filter((_, index) => !inserted[index]).map((doc) => doc._id));
  return Promise.all(
    requests.map(async (request, at) => {
      const { record } = request;
      const mine = wanted[at] as string[];
      const taken = mine.filter((key) => !refused.has(key));
      const problems: ClaimOutcome['problems'] = [];
      const lost = mine.filter((key) => refused.has(key));
      const previous = lost.length > 0 && request.previous === undefined ? await request.readPrevious() : undefined;
      const held = new Set(previous ? keys.of(previous) : []);
      for (const key of lost.filter((key) => !held.has(key))) {
        const holder = await keyHolder(keys, holderHolds, key, claimedAt, record.id);
        if (holder === record.id) continue;
        if (holder === undefined && (await insertOnce(keys.claims, { _id: key, recordId: record.id, claimedAt }))) {
          taken.push(key);
          continue;
        }
        problems.push(keys.refusal(record, key, holder));
      }
      const undo = async () => {
        await Promise.all(taken.map((key) => keys.claims.deleteOne({ _id: key, recordId: record.id }).exec()));
      };
      if (problems.length > 0) await undo();
      return { problems, undo };
    }),
  );
}

/** The record that holds a key, or undefined when the claim is a stale leftover (then deleted). */
async function keyHolder<R>(
  keys: UniqueKeys<R>,
  holderHolds: (recordId: string, key: string) => Promise<boolean>,
  key: string,
  now: Date,
  claimant: string,
): Promise<string | undefined> {
  const claim = await keys.claims.findById(key).lean<KeyClaimDoc>().exec();
  if (!claim) return undefined;
  // The claimant's own claim (a write of it that stopped before the record, or a version it holds).
  if (claim.recordId === claimant) return claimant;
  if (await holderHolds(claim.recordId, key)) return claim.recordId;
  if (now.getTime() - new Date(claim.claimedAt).getTime() < CLAIM_GRACE_MS) return claim.recordId;
  await keys.claims.deleteOne({ _id: key, recordId: claim.recordId }).exec();
  return undefined;
}

/** Gives back the keys the previous versions held that the new ones do not. */
export async function releaseKeys<R extends { id: string }>(
  keys: UniqueKeys<R>,
  writes: Array<{ record: R; previous: R | null | undefined }>,
): Promise<void> {
  const dropped = writes.flatMap(({ record, previous }) => {
    if (!previous) return [];
    const kept = new Set(keys.of(record));
    return keys
      .of(previous)
      .filter((key) => !kept.has(key))
      .map((key) => ({ key, recordId: record.id }));
  });
  await Promise.all(dropped.map(({ key, recordId }) => keys.claims.deleteOne({ _id: key, recordId }).exec()));
}
