import { createHash } from 'node:crypto';
import fc from 'fast-check';
import mongoose from 'mongoose';

/**
 * Everything stored in this test file's database, hashed per collection: a refused request must leave
 * it exactly as it was (no document added, changed or removed). Read it with `settledFingerprint`
 * before the requests: registrations an earlier test submitted may still be deciding meanwhile.
 * `except`: collections left out (those a call is allowed to write).
 */
export async function databaseFingerprint(except: readonly string[] = []): Promise<string> {
  return JSON.stringify(await collectionHashes(except));
}

async function collectionHashes(except: readonly string[]): Promise<Record<string, string>> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const collections = (await db.listCollections().toArray())
    .map((c) => c.name)
    .filter((name) => !except.includes(name))
    .sort();
  const hashed = await Promise.all(
    collections.map(async (name) => {
      const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
      return [name, createHash('sha256').update(JSON.stringify(docs)).digest('hex').slice(0, 16)] as const;
    }),
  );
  return Object.fromEntries(hashed);
}

/** The last fingerprint found at rest, per `except`: a database still exactly so has not moved since. */
const lastAtRest = new Map<string, string>();

/**
 * The fingerprint once the background work of earlier tests (decisions, deliveries) has come to rest:
 * the same in two reads a second apart, or the same as when it was last found at rest (a refusal test
 * that passed left it so), which spares each test of a file that changes nothing its second.
 */
export async function settledFingerprint(except: readonly string[] = [], withinMs = 60_000): Promise<string> {
  const restKey = JSON.stringify(except);
  const until = Date.now() + withinMs;
  let last = await databaseFingerprint(except);
  if (last === lastAtRest.get(restKey)) return last;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await databaseFingerprint(except);
    if (now === last) {
      lastAtRest.set(restKey, now);
      return now;
    }
    if (Date.now() > until) throw new Error(`the database did not come to rest within ${withinMs} ms`);
    last = now;
  }
}

/** The collections whose contents differ between two fingerprints: what a failure names. */
export function changedCollections(before: string, after: string): string[] {
  const [a, b] = [JSON.parse(before) as Record<string, string>, JSON.parse(after) as Record<string, string>];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((name) => a[name] !== b[name]).sort();
}

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): { leaves: Path[]; containers: Path[] } {
  if (Array.isArray(value) || (value && typeof value === 'object')) {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    const nested = entries.map(([key, child]) => paths(child, [...prefix, key]));
    return {
      leaves: nested.flatMap((n) => n.leaves),
      containers: [prefix, ...nested.flatMap((n) => n.containers)],
    };
  }
  return { leaves: [prefix], containers: [] };
}

function edit(
  value: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) change(parent, last);
  return copy;
}

/**
 * Bodies near a valid one, the kind a buggy client sends: a field with a value of another type or
 * shape, a field left out, an unknown field added; plus anything at all, and objects of random junk.
 */
export function malformedBodies(valid: object): fc.Arbitrary<unknown> {
  const { leaves, containers } = paths(valid);
  const arbitraries: fc.Arbitrary<unknown>[] = [
    fc.jsonValue(),
    fc.object(),
    fc
      .tuple(fc.constantFrom(...containers), fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue())
      .map(([at, key, junk]) =>
        at.length === 0
          ? { ...valid, [key]: junk }
          : edit(valid, at, (parent, k) => {
              const container = parent[k];
              if (container && typeof container === 'object' && !Array.isArray(container)) {
                (container as Record<string, unknown>)[key] = junk;
              }
            }),
      ),
  ];
  if (leaves.length > 0 && leaves[0]!.length > 0) {
    arbitraries.push(
      fc.tuple(fc.constantFrom(...leaves), fc.jsonValue()).map(([at, junk]) =>
        edit(valid, at, (parent, k) => {
          parent[k] = junk;
        }),
      ),
      fc.constantFrom(...leaves).map((at) =>
        edit(valid, at, (parent, k) => {
          delete parent[k];
        }),
      ),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Text that is not JSON, or JSON that is not an object (the API only takes objects). */
export const malformedJsonText = fc.oneof(
  fc.string(),
  fc.jsonValue().map((v) => `${JSON.stringify(v)}}`),
  fc.constantFrom('{', '{"a":', "{'single':'quotes'}", '{"a":1,}', 'null', '42', '"text"', '[1,2', '\u0000'),
);
