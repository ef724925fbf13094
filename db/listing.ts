import type { Model } from 'mongoose';

/**
 * Pages (newest-first lists, or oldest-first feeds) whose every query is an equality on one indexed field, so that a page costs the
 * same at ten thousand documents as at a million. A server that pushes only equality down (FerretDB v1
 * serves neither ranges nor `sort` + `limit` from an index) would otherwise read a scope's whole history
 * to find its newest fifty.
 *
 * Each document lists itself, in its own `listKeys` array, under `<scope>|<bucket>` for every scope it
 * belongs to, where the bucket is its position (sequence, creation time) divided by a fixed width. A page
 * reads buckets downward from the top (a feed: upward from the bottom), a few at a time, until it holds one more item than it returns.
 * A sparse scope would leave many buckets empty, so a page reads at most `maxBuckets` of them and may
 * come back short: the cursor then continues below the last bucket read. Work per page is bounded by
 * that number and by the width, never by how much is stored.
 */
export interface Bucketing {
  /** Positions per bucket. */
  width: number;
  /** Buckets one page may read. */
  maxBuckets: number;
  /**
   * Most buckets read at once. A page starts with one (a busy scope fills a page from one or two) and
   * doubles up to this while the page is still short (a sparse scope needs many).
   */
  parallel: number;
}

export const listingKey = (scope: string, bucket: number): string => `${scope}|${bucket}`;

export const bucketOf = (position: number, bucketing: Bucketing): number => Math.floor(position / bucketing.width);

/** A scope's name from its filters, in a fixed order; the unfiltered scope is `*`. */
export function scopeName(filters: Record<string, string | undefined>): string {
  const parts = Object.keys(filters)
    .sort()
    .filter((name) => filters[name] !== undefined)
    .map((name) => `${name}=${encodeURIComponent(filters[name] as string)}`);
  return parts.length > 0 ? parts.join('&') : '*';
}

/** Every combination of the given filters (with and without each), as scope names. */
export function scopesOf(filters: Record<string, string>): string[] {
  const names = Object.keys(filters);
  const scopes: string[] = [];
  for (let mask = 0; mask < 1 << names.length; mask += 1) {
    const chosen = Object.fromEntries(
      names.map((name, index) => [name, mask & (1 << index) ? filters[name] : undefined]),
    );
    scopes.push(scopeName(chosen));
  }
  return scopes;
}

export function listingKeys(filters: Record<string, string>, position: number, bucketing: Bucketing): string[] {
  const bucket = bucketOf(position, bucketing);
  return scopesOf(filters).map((scope) => listingKey(scope, bucket));
}

export interface PageRequest<Doc> {
  model: Model<Doc>;
  scope: string;
  bucketing: Bucketing;
  /** The highest position that may exist now (oldest-first pages return nothing above it). */
  top: number;
  /** The lowest position that may exist (where a newest-first walk ends, an oldest-first one starts); 0 if not given. */
  bottom?: number;
  /** Newest-first (the default) walks down from `top`; oldest-first walks up from `bottom` to `top` (a feed). */
  order?: 'newest-first' | 'oldest-first';
  /** Newest-first: only what sorts below this (the cursor). */
  before?: Position;
  /** Oldest-first: only what sorts above this (the cursor); without `tie`, everything from `at` on. */
  after?: Position;
  limit: number;
  positionOf(doc: Doc): Position;
  /** A filter no index serves (free text): applied to what the buckets return. */
  accept?(doc: Doc): boolean;
  /** A smaller budget of buckets than the bucketing's (for such a filter, which reads whole buckets). */
  maxBuckets?: number;
}

/** Where a document sorts: by `at`, then (for documents that share it) by `tie`. */
export interface Position {
  at: number;
  tie?: string;
}

export interface Page<Doc> {
  items: Doc[];
  /** Newest-first: where the next page starts, or undefined at the end. */
  nextBefore?: Position;
  /**
   * Oldest-first: where the next page starts. Always given: at the top it is the last item returned (or
   * the cursor asked with), so that the reader can ask again later for what has come since.
   */
  nextAfter?: Position;
}

const compare = (a: Position, b: Position): number => a.at - b.at || (a.tie ?? '').localeCompare(b.tie ?? '');

/** The buckets a walk visits in order, and which positions it keeps. */
function walkOf<Doc>(request: PageRequest<Doc>) {
  const { bucketing } = request;
  if (request.order === 'oldest-first') {
    const above: Position = request.after ?? { at: request.bottom ?? 0 };
    return {
      step: 1,
      first: bucketOf(above.at, bucketing),
      last: bucketOf(request.top, bucketing),
      keeps: (p: Position) =>
        p.at <= request.top && (above.tie === undefined ? p.at >= above.at : compare(p, above) > 0),
      /** Stopped at the bucket budget before `bucket`: continue from its start. */
      resumeAt: (bucket: number): Position => ({ at: bucket * bucketing.width }),
      atTheEnd: (items: Doc[]): Position => (items.length > 0 ? request.positionOf(items.at(-1) as Doc) : above),
    };
  }
  const below: Position = request.before ?? { at: request.top + 1 };
  return {
    step: -1,
    first: bucketOf(below.tie ? below.at : below.at - 1, bucketing),
    last: bucketOf(request.bottom ?? 0, bucketing),
    keeps: (p: Position) => compare(p, below) < 0,
    resumeAt: (bucket: number): Position => ({ at: (bucket + 1) * bucketing.width }),
    atTheEnd: (): Position | undefined => undefined,
  };
}

export async function readPage<Doc>(request: PageRequest<Doc>): Promise<Page<Doc>> {
  const { bucketing, limit } = request;
  const walk = walkOf(request);
  const next = (position: Position | undefined): Page<Doc> =>
    walk.step > 0 ? { items: [], nextAfter: position } : position ? { items: [], nextBefore: position } : { items: [] };
  const remaining = (bucket: number) => (walk.last - bucket) * walk.step + 1;
  let bucket = walk.first;
  const found: Doc[] = [];
  let read = 0;
  const maxBuckets = request.maxBuckets ?? bucketing.maxBuckets;
  let width = 1;
  while (remaining(bucket) > 0 && read < maxBuckets && found.length <= limit) {
    const batch = Array.from({ length: Math.min(width, remaining(bucket), maxBuckets - read) }, (_, i) =>
      listingKey(request.scope, bucket + i * walk.step),
    );
    const results = await Promise.all(
      batch.map((key) => request.model.find({ listKeys: key }).lean<Doc[]>().exec() as Promise<Doc[]>),
    );
    for (const doc of results.flat()) {
      if (walk.keeps(request.positionOf(doc)) && (request.accept?.(doc) ?? true)) found.push(doc);
    }
    bucket += batch.length * walk.step;
    read += batch.length;
    width = Math.min(width * 2, bucketing.parallel);
  }
  found.sort((a, b) => walk.step * compare(request.positionOf(a), request.positionOf(b)));
  const items = found.slice(0, limit);
  const page = (position: Position | undefined) => ({ ...next(position), items });
  if (found.length > limit) return page(request.positionOf(items.at(-1) as Doc));
  if (remaining(bucket) <= 0) return page(walk.atTheEnd(items));
  // Stopped at the bucket budget: continue past the last bucket read.
  return page(walk.resumeAt(bucket));
}
