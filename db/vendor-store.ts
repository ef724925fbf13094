import type { Model } from 'mongoose';
import stringify from 'safe-stable-stringify';
import { canonicalRecord } from '../domain/vendor/records';
import { isDuplicateKey } from './insert-once';
import { type ListedFields, listedFields, type VendorListing } from './vendor-listing';

/**
 * How every vendor record is stored: the record as validated, in canonical form (`record`), beside
 * the fields that list and find it. One document per record, replaced whole, so that a record is never
 * half old and half new; a save that would change nothing writes nothing (a re-import of the same rows).
 */
export interface VendorDoc<R> extends ListedFields {
  _id: string;
  record: R;
  createdAt: Date;
  updatedAt: Date;
}

export interface FieldProblem {
  path: string;
  message: string;
}

export interface VendorStore<R extends { id: string; name: string }, Extra extends object = object> {
  model: Model<VendorDoc<R> & Extra>;
  listing: VendorListing;
  /** The words a record is searched by. */
  wordsOf(record: R): string[];
  /** Indexed fields beside the record (an account's keys, a program's members). */
  extraOf(record: R): Extra;
  /**
   * Before the write: take what must be unique across records (an account's identifiers and domains).
   * Problems refuse the save; `undo` gives back what was taken if the write then does not happen.
   */
  claim?(record: R, previous: R | undefined): Promise<{ problems: FieldProblem[]; undo(): Promise<void> }>;
  /** After the write: give back what the previous version held and this one does not. */
  release?(record: R, previous: R | undefined): Promise<void>;
}

export type SaveMode = 'create' | 'replace' | 'upsert';
export type SaveOutcome = 'created' | 'updated' | 'unchanged';
export type SaveResult<R> =
  | { kind: 'saved'; outcome: SaveOutcome; doc: VendorDoc<R> }
  | { kind: 'exists' }
  | { kind: 'missing' }
  | { kind: 'invalid'; problems: FieldProblem[] };

const same = (a: unknown, b: unknown) => stringify(a) === stringify(b);

function documentOf<R extends { id: string; name: string }, Extra extends object>(
  store: VendorStore<R, Extra>,
  record: R,
  createdAt: Date,
  updatedAt: Date,
): VendorDoc<R> & Extra {
  return {
    _id: record.id,
    record,
    ...listedFields(record.id, record.name, store.wordsOf(record), store.listing),
    ...store.extraOf(record),
    createdAt,
    updatedAt,
  };
}

/**
 * Creates (`create`: 409 if it exists), replaces (`replace`: 404 if it does not) or either (`upsert`, the
 * import) one record. A record equal to the stored one is `unchanged` and nothing is written.
 */
export async function saveVendorRecord<R extends { id: string; name: string }, Extra extends object>(
  store: VendorStore<R, Extra>,
  input: R,
  mode: SaveMode,
): Promise<SaveResult<R>> {
  const record = canonicalRecord(input);
  const previousDoc = await store.model.findById(record.id).lean<VendorDoc<R>>().exec();
  if (mode === 'create' && previousDoc) return { kind: 'exists' };
  if (mode === 'replace' && !previousDoc) return { kind: 'missing' };
  if (previousDoc && same(previousDoc.record, record)) return { kind: 'saved', outcome: 'unchanged', doc: previousDoc };
  const previous = previousDoc?.record;
  const claimed = store.claim ? await store.claim(record, previous) : undefined;
  if (claimed && claimed.problems.length > 0) return { kind: 'invalid', problems: claimed.problems };
  const now = new Date();
  const doc = documentOf(store, record, previousDoc?.createdAt ?? now, now);
  if (previousDoc) {
    await store.model.replaceOne({ _id: record.id }, doc).exec();
  } else {
    try {
      await store.model.create(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Someone created it meanwhile: a create is refused; an import's upsert replaces it.
      if (mode === 'create') {
        await claimed?.undo();
        return { kind: 'exists' };
      }
      await store.model.replaceOne({ _id: record.id }, doc).exec();
    }
  }
  await store.release?.(record, previous);
  return { kind: 'saved', outcome: previousDoc ? 'updated' : 'created', doc };
}

export async function findVendorRecord<R extends { id: string; name: string }, Extra extends object>(
  store: VendorStore<R, Extra>,
  id: string,
): Promise<VendorDoc<R> | null> {
  return store.model.findById(id).lean<VendorDoc<R>>().exec();
}
