import fc from 'fast-check';
import { model, Schema } from 'mongoose';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { type Bucketing, listingKeys, readPage, scopeName } from '../../db/listing';
import { testDatabaseUri } from '../support/harness';

/** Paging through every scope of a small store with tiny buckets must give each document once, newest first. */
interface Item {
  _id: string;
  at: number;
  owner: string;
  state: string;
  listKeys: string[];
}
const Items = model<Item>(
  'ListingItem',
  new Schema<Item>(
    { _id: String, at: Number, owner: String, state: String, listKeys: [String] },
    { versionKey: false },
  ).index({ listKeys: 1 }),
  'listingitems',
);

const tiny: Bucketing = { width: 4, maxBuckets: 3, parallel: 2 };

beforeAll(async () => {
  await connectDatabase(testDatabaseUri('listing'));
  await ensureIndexes();
});
afterAll(() => disconnectDatabase());

async function store(items: Array<Omit<Item, 'listKeys'>>): Promise<void> {
  await Items.deleteMany({});
  await Items.insertMany(
    items.map((item) => ({ ...item, listKeys: listingKeys({ owner: item.owner, state: item.state }, item.at, tiny) })),
  );
}

async function everyPage(
  filters: { owner?: string; state?: string },
  limit: number,
  top: number,
  ties: boolean,
): Promise<{ seen: Item[]; pages: number }> {
  const seen: Item[] = [];
  let before: { at: number; tie?: string } | undefined;
  let pages = 0;
  do {
    const page = await readPage<Item>({
      model: Items,
      scope: scopeName(filters),
      bucketing: tiny,
      top,
      ...(before ? { before } : {}),
      limit,
      positionOf: (item) => (ties ? { at: item.at, tie: item._id } : { at: item.at }),
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    before = page.nextBefore;
    pages += 1;
  } while (before && pages < 500);
  return { seen, pages };
}

const expected = (items: Array<Omit<Item, 'listKeys'>>, filters: { owner?: string; state?: string }) =>
  items
    .filter(
      (item) => (!filters.owner || item.owner === filters.owner) && (!filters.state || item.state === filters.state),
    )
    .sort((a, b) => b.at - a.at || (b._id < a._id ? -1 : 1))
    .map((item) => item._id);

test('every scope pages through each item once, newest first, across sparse stretches', async () => {
  // Unique positions with long gaps, as sequences of a sparse partner are.
  const positions = [0, 1, 2, 3, 5, 9, 10, 40, 41, 42, 43, 44, 45, 46, 90, 200, 201, 202];
  const items = positions.map((at, i) => ({
    _id: `i${i}`,
    at,
    owner: i % 3 === 0 ? 'a' : 'b',
    state: i % 2 ? 'x' : 'y',
  }));
  await store(items);
  for (const filters of [{}, { owner: 'a' }, { state: 'x' }, { owner: 'b', state: 'y' }]) {
    for (const limit of [1, 2, 5, 50]) {
      const { seen } = await everyPage(filters, limit, 202, false);
      expect(seen.map((item) => item._id)).toEqual(expected(items, filters));
    }
  }
});

test('a page reads a bounded number of buckets: a sparse scope comes back short with a cursor, not slow', async () => {
  await store([
    { _id: 'new', at: 400, owner: 'a', state: 'x' },
    { _id: 'old', at: 3, owner: 'a', state: 'x' },
  ]);
  const first = await readPage<Item>({
    model: Items,
    scope: scopeName({ owner: 'a' }),
    bucketing: tiny,
    top: 400,
    limit: 10,
    positionOf: (item) => ({ at: item.at }),
  });
  expect(first.items.map((item) => item._id)).toEqual(['new']);
  // Three buckets of four read: 400..411 down to 392..395; the next page starts below them.
  expect(first.nextBefore).toEqual({ at: 392 });
});

test('items that share a position are neither lost nor repeated when a page ends among them (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ at: fc.integer({ min: 0, max: 30 }), owner: fc.constantFrom('a', 'b') }), {
        minLength: 1,
        maxLength: 25,
      }),
      fc.integer({ min: 1, max: 6 }),
      async (drawn, limit) => {
        const items = drawn.map((item, i) => ({ _id: `k${String(i).padStart(2, '0')}`, ...item, state: 'x' }));
        await store(items);
        const { seen } = await everyPage({ owner: 'a' }, limit, 30, true);
        expect(seen.map((item) => item._id)).toEqual(expected(items, { owner: 'a' }));
      },
    ),
    { numRuns: 15 },
  );
});

test('the walk ends at the bottom it is given, with no cursor to follow', async () => {
  await store([{ _id: 'only', at: 1000, owner: 'a', state: 'x' }]);
  const page = await readPage<Item>({
    model: Items,
    scope: scopeName({}),
    bucketing: tiny,
    top: 1003,
    bottom: 995,
    limit: 10,
    positionOf: (item) => ({ at: item.at }),
  });
  expect(page.items.map((item) => item._id)).toEqual(['only']);
  expect(page.nextBefore).toBeUndefined();
});

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Oldest-first from `bottom`, following `nextAfter` until a page comes back empty at the top. */
async function feedFrom(
  after: { at: number; tie?: string } | undefined,
  limit: number,
  top: number,
): Promise<{ seen: Item[]; cursor: { at: number; tie?: string } }> {
  const seen: Item[] = [];
  let cursor = after;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = await readPage<Item>({
      model: Items,
      scope: scopeName({ owner: 'a' }),
      bucketing: tiny,
      order: 'oldest-first',
      top,
      ...(cursor ? { after: cursor } : {}),
      limit,
      positionOf: (item) => ({ at: item.at, tie: item._id }),
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    expect(page.nextAfter).toBeDefined();
    seen.push(...page.items);
    // Caught up: nothing new, and the cursor stays where it was.
    const caughtUp = page.items.length === 0 && cursor !== undefined && equal(page.nextAfter, cursor);
    cursor = page.nextAfter;
    if (caughtUp) break;
  }
  return { seen, cursor: cursor as { at: number; tie?: string } };
}

test('oldest-first feeds give each item once, newest last, and their cursor picks up what came after (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), owner: fc.constantFrom('a', 'b') }), {
        minLength: 1,
        maxLength: 25,
      }),
      fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }),
      fc.integer({ min: 1, max: 6 }),
      async (drawn, later, limit) => {
        const items = drawn.map((item, i) => ({ _id: `k${String(i).padStart(2, '0')}`, ...item, state: 'x' }));
        await store(items);
        const ascending = (list: typeof items) =>
          list
            .filter((item) => item.owner === 'a')
            .sort((a, b) => a.at - b.at || (a._id < b._id ? -1 : 1))
            .map((item) => item._id);
        const first = await feedFrom(undefined, limit, 60);
        expect(first.seen.map((item) => item._id)).toEqual(ascending(items));

        // Items that arrive later, above everything stored, come from the cursor and nothing else does.
        const added = later.map((offset, i) => ({ _id: `n${i}`, at: 61 + offset, owner: 'a' as const, state: 'x' }));
        await store([...items, ...added]);
        const second = await feedFrom(first.cursor, limit, 101);
        expect(second.seen.map((item) => item._id)).toEqual(ascending(added));
      },
    ),
    { numRuns: 15 },
  );
});

test('an oldest-first page returns nothing above its top: what is not settled yet waits for a later page', async () => {
  await store([
    { _id: 'settled', at: 10, owner: 'a', state: 'x' },
    { _id: 'recent', at: 13, owner: 'a', state: 'x' },
  ]);
  const page = await readPage<Item>({
    model: Items,
    scope: scopeName({ owner: 'a' }),
    bucketing: tiny,
    order: 'oldest-first',
    top: 12,
    bottom: 8,
    limit: 10,
    positionOf: (item) => ({ at: item.at, tie: item._id }),
  });
  expect(page.items.map((item) => item._id)).toEqual(['settled']);
  expect(page.nextAfter).toEqual({ at: 10, tie: 'settled' });
});
