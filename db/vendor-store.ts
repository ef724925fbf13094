import { type Model, Schema } from 'mongoose';
import pLimit from 'p-limit';
import stringify from 'safe-stable-stringify';
import { canonicalRecord } from '../domain/vendor/records';
import { insertEachOnce } from './insert-once';
import { type ClaimOutcome, claimKeys, releaseKeys, type UniqueKeys } from './unique-keys';
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

/** The document schema of a vendor record, with its collection's own indexed fields. */
export function vendorSchema<Doc>(extra: Record<string, unknown> = {}) {
  const schema = new Schema<Doc>(
    {
      _id: { type: String, required: true },
      record: { type: Schema.Types.Mixed, required: true },
      bucket: { type: Number, required: true },
      sortKey: { type: String, required: true },
      words: { type: [String], default: [] },
      listKeys: { type: [String], default: [] },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      ...extra,
    },
    { versionKey: false },
  );
  schema.index({ listKeys: 1 });
  return schema;
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
  /** Values that name one record at most (an account's identifiers and domains), claimed before a write. */
  uniqueKeys?: UniqueKeys<R>;
  /** Before anything is written (the catalogue's marker goes in before its first product). */
  beforeWrite?(): Promise<void>;
}

export type SaveMode = 'create' | 'replace' | 'upsert';
export type SaveOutcome = 'created' | 'updated' | 'unchanged';
export type SaveResult<R> =
  | { kind: 'saved'; outcome: SaveOutcome; doc: VendorDoc<R> }
  | { kind: 'exists' }
  | { kind: 'missing' }
  | { kind: 'invalid'; problems: FieldProblem[] };

const same = (a: unknown, b: unknown) => stringify(a) === stringify(b);

/** Point reads, a few at a time: `$in` is not served by an index on FerretDB (docs/DESIGN.md). */
const READS_IN_FLIGHT = 32;

/** One record on its way: its stored version once read (null: none), its claim, and its answer. */
interface Pending<R> {
  record: R;
  previous?: VendorDoc<R> | null;
  claim?: ClaimOutcome;
  result?: SaveResult<R>;
}

export class VendorWrites<R extends { id: string; name: string }, Extra extends object> {
  private readonly reads = pLimit(READS_IN_FLIGHT);
  constructor(private readonly store: VendorStore<R, Extra>) {}

  read(pending: Pending<R>): Promise<VendorDoc<R> | null> {
    return this.reads(async () => {
      if (pending.previous === undefined) {
        pending.previous = await this.store.model.findById(pending.record.id).lean<VendorDoc<R>>().exec();
      }
      return pending.previous;
    });
  }

  document(record: R, createdAt: Date, now: Date): VendorDoc<R> & Extra {
    const { store } = this;
    return {
      _id: record.id,
      record,
      ...listedFields(record.id, record.name, store.wordsOf(record), store.listing),
      ...store.extraOf(record),
      createdAt,
      updatedAt: now,
    };
  }

  /** Whether the stored record `id` holds `key` (a claim's holder, checked before taking it over). */
  holds = async (id: string, key: string) => {
    const doc = await this.store.model.findById(id).lean<VendorDoc<R>>().exec();
    return doc !== null && (this.store.uniqueKeys?.of(doc.record).includes(key) ?? false);
  };

  async claim(rows: Pending<R>[]): Promise<void> {
    const keys = this.store.uniqueKeys;
    if (!keys || rows.length === 0) return;
    const outcomes = await claimKeys(
      keys,
      this.holds,
      rows.map((row) => ({
        record: row.record,
        previous: row.previous === undefined ? undefined : (row.previous?.record ?? null),
        readPrevious: async () => (await this.read(row))?.record ?? null,
      })),
    );
    rows.forEach((row, at) => {
      row.claim = outcomes[at];
      if (row.claim?.problems.length) row.result = { kind: 'invalid', problems: row.claim.problems };
    });
  }

  async refuse(row: Pending<R>, result: SaveResult<R>): Promise<void> {
    await row.claim?.undo();
    row.result = result;
  }
}

/**
 * Creates (`create`: refused if it exists), replaces (`replace`: refused if it does not) or either
 * (`upsert`, the import) several records that share no id or unique key, in a few commands. A new
 * record costs nothing but its share of two inserts (its claims, itself): existing ones are read only
 * when an insert says they exist. A record equal to the stored one is `unchanged` and nothing is written.
 */
export async function saveVendorRecords<R extends { id: string; name: string }, Extra extends object>(
  store: VendorStore<R, Extra>,
  inputs: R[],
  mode: SaveMode,
): Promise<SaveResult<R>[]> {
  const writes = new VendorWrites(store);
  const rows: Pending<R>[] = inputs.map((input) => ({ record: canonicalRecord(input) }));
  if (mode === 'replace') {
    await Promise.all(rows.map((row) => writes.read(row)));
    for (const row of rows) if (!row.previous) row.result = { kind: 'missing' };
  }
  await writes.claim(rows.filter((row) => !row.result));
  if (mode === 'create') {
    await Promise.all(
      rows.filter((row) => !row.result && row.previous).map((row) => writes.refuse(row, { kind: 'exists' })),
    );
  }
  await store.beforeWrite?.();
  const now = new Date();
  // Records not known to exist are inserted; an insert refused finds one that does.
  const fresh = rows.filter((row) => !row.result && !row.previous);
  const inserted = await insertEachOnce(
    store.model,
    fresh.map((row) => writes.document(row.record, now, now)),
  );
  await Promise.all(
    fresh.map(async (row, at) => {
      if (inserted[at]) {
        row.result = { kind: 'saved', outcome: 'created', doc: writes.document(row.record, now, now) };
        return;
      }
      if (mode === 'create') return writes.refuse(row, { kind: 'exists' });
      row.previous = undefined;
      await writes.read(row);
    }),
  );
  const existing = rows.filter((row) => !row.result && row.previous);
  const replaced: Pending<R>[] = [];
  for (const row of existing) {
    const previous = row.previous as VendorDoc<R>;
    if (same(previous.record, row.record)) row.result = { kind: 'saved', outcome: 'unchanged', doc: previous };
    else replaced.push(row);
  }
  const docs = replaced.map((row) => writes.document(row.record, (row.previous as VendorDoc<R>).createdAt, now));
  if (docs.length > 0) {
    await store.model.bulkWrite(
      docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc } })) as never,
    );
  }
  replaced.forEach((row, at) => {
    row.result = { kind: 'saved', outcome: 'updated', doc: docs[at] as VendorDoc<R> };
  });
  if (store.uniqueKeys) {
    await releaseKeys(
      store.uniqueKeys,
      replaced.map((row) => ({ record: row.record, previous: row.previous?.record })),
    );
  }
  return rows.map((row) => row.result as SaveResult<R>);
}

/** One record: `saveVendorRecords` of one. */
export async function saveVendorRecord<R extends { id: string; name: string }, Extra extends object>(
  store: VendorStore<R, Extra>,
  input: R,
  mode: SaveMode,
): Promise<SaveResult<R>> {
  const [result] = await saveVendorRecords(store, [input], mode);
  return result as SaveResult<R>;
}

export async function findVendorRecord<R extends { id: string; name: string }, Extra extends object>(
  store: VendorStore<R, Extra>,
  id: string,
): Promise<VendorDoc<R> | null> {
  return store.model.findById(id).lean<VendorDoc<R>>().exec();
}
