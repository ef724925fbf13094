import { model, Schema } from 'mongoose';
import { numberHint } from './hints';
import { insertOnce } from './insert-once';

/**
 * Lists whose every page reads only the entries it returns (and one more), on any server: an entry is
 * `<list>#<n>`, its number drawn by unique insert from 1 upward, and a page is point reads of the
 * numbers it needs, in parallel. FerretDB v1 applies `sort` and `limit` only after reading every
 * document a filter matches, so a bucket of a day would be read whole whatever the page's size.
 *
 * Numbers are dense and in insert order: a writer tries `n` only after `n - 1` was taken (its insert
 * failed on the duplicate, or the hint, raised only after an insert, said so), so while `n` exists
 * every smaller number exists too. A reader walking up from its cursor therefore stops at the first
 * missing number without ever passing one that is written later: an entry is positioned when it is
 * stored, never by a time taken before (which a slow insert could land behind a reader's cursor).
 */
interface ListEntryDoc {
  _id: string;
  list: string;
  n: number;
  /** What the entry lists (an event id, a delivery id...). */
  ref: string;
  at: Date;
  /** What a reader needs of it, so that a page reads the entries alone (where the list wants that). */
  item?: Record<string, unknown>;
}

const schema = new Schema<ListEntryDoc>(
  {
    _id: { type: String, required: true },
    list: { type: String, required: true },
    n: { type: Number, required: true },
    ref: { type: String, required: true },
    at: { type: Date, required: true },
    item: Schema.Types.Mixed,
  },
  { versionKey: false, minimize: false },
);
// Only for `isListed`, asked by a writer that retries (an equality, served by every store).
schema.index({ ref: 1 });

const ListEntry = model<ListEntryDoc>('ListEntry', schema, 'listentries');

export type ListEntry = ListEntryDoc;

const entryId = (list: string, n: number) => `${list}#${n}`;
const headHint = (list: string) => numberHint(`listHead:${list}`, 'listheads');

/**
 * The number this process last appended to each list, per database: a valid start (it exists), so the
 * common append is one insert and no hint read. Bounded: forgotten lists start from the shared hint.
 */
const lastAppendedHere = new Map<string, number>();
const REMEMBERED_LISTS = 10_000;

/** Appends `ref` to the list; answers its number. Each call appends once more (see `isListed`). */
export async function appendToList(
  list: string,
  ref: string,
  at: Date,
  item?: Record<string, unknown>,
): Promise<number> {
  const hint = headHint(list);
  const here = `${ListEntry.db.name}|${list}`;
  const known = lastAppendedHere.get(here);
  let hintRead = known === undefined;
  for (let n = (known ?? (await hint.read())) + 1; ; n += 1) {
    if (await insertOnce(ListEntry, { _id: entryId(list, n), list, n, ref, at, ...(item ? { item } : {}) })) {
      if (lastAppendedHere.size >= REMEMBERED_LISTS) lastAppendedHere.clear();
      lastAppendedHere.set(here, n);
      await hint.raise(n);
      return n;
    }
    // Another process appended since: every number up to the shared hint is taken, so jump there once.
    if (!hintRead) {
      hintRead = true;
      n = Math.max(n, await hint.read());
    }
  }
}

/** Whether `ref` has an entry in the list already: a retried writer asks before appending again. */
export async function isListed(list: string, ref: string): Promise<boolean> {
  return (await ListEntry.exists({ ref, list }).exec()) !== null;
}

/** The highest number taken: from the hint (which may lag) upward by point reads. */
export async function listHead(list: string): Promise<number> {
  let head = await headHint(list).read();
  while (await ListEntry.exists({ _id: entryId(list, head + 1) }).exec()) head += 1;
  return head;
}

async function readNumbers(list: string, numbers: number[]): Promise<Array<ListEntryDoc | null>> {
  return Promise.all(numbers.map((n) => ListEntry.findById(entryId(list, n)).lean<ListEntryDoc>().exec()));
}

/**
 * Oldest first: the entries after number `after`, at most `limit`, up to the first number not taken
 * yet. `limit` point reads, no more.
 */
export async function entriesAfter(list: string, after: number, limit: number): Promise<ListEntryDoc[]> {
  const read = await readNumbers(
    list,
    Array.from({ length: limit }, (_, i) => after + 1 + i),
  );
  const missing = read.indexOf(null);
  return (missing === -1 ? read : read.slice(0, missing)) as ListEntryDoc[];
}

export interface NewestFirstPage<T> {
  items: T[];
  /** The number to continue below, or undefined at the list's start. */
  nextBelow?: number;
}

/**
 * Newest first: below number `below` (default: from the head), the first `limit` entries that
 * `current` turns into items (it answers undefined for an entry that no longer stands, e.g. a
 * delivery finished again since). Reads `limit + 1` numbers, and more only for entries that do not
 * stand, at most `budget` in all; a page stopped by the budget is short and continues below.
 */
export async function entriesBelow<T>(
  list: string,
  below: number | undefined,
  limit: number,
  current: (entries: ListEntryDoc[]) => Promise<Array<T | undefined>>,
  budget = 4 * (limit + 1),
): Promise<NewestFirstPage<T>> {
  let next = (below ?? (await listHead(list)) + 1) - 1;
  const found: Array<{ n: number; item: T }> = [];
  let read = 0;
  while (next >= 1 && found.length <= limit && read < budget) {
    const count = Math.min(limit + 1 - found.length, next, budget - read);
    const numbers = Array.from({ length: count }, (_, i) => next - i);
    const entries = (await readNumbers(list, numbers)).filter((entry): entry is ListEntryDoc => entry !== null);
    const items = await current(entries);
    entries.forEach((entry, index) => {
      const item = items[index];
      if (item !== undefined) found.push({ n: entry.n, item });
    });
    next -= count;
    read += count;
  }
  const items = found.slice(0, limit);
  if (found.length > limit) return { items: items.map((f) => f.item), nextBelow: (items.at(-1) as { n: number }).n };
  return next >= 1 ? { items: items.map((f) => f.item), nextBelow: next + 1 } : { items: items.map((f) => f.item) };
}
