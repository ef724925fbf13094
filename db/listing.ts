import type { Model } from 'mongoose';

/**
 * Newest-first pages whose every query is an equality on one indexed field, so that a page costs the
 * same at ten thousand documents as at a million. A server that pushes only equality down (FerretDB v1
 * serves neither ranges nor `sort` + `limit` from an index) would otherwise read a scope's whole history
 * to find its newest fifty.
 *
 * Each document lists itself, in its own `listKeys` array, under `<scope>|<bucket>` for every scope it
 * belongs to, where the bucket is its position (sequence, creation time) divided by a fixed width. A page
 * reads buckets downward from the top, a few at a time, until it holds one more item than it returns.
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
  /** The highest position that may exist now. */
  top: number;
  /** The lowest position that may exist (where the walk ends); 0 if not given. */
  bottom?: number;
  /** Only what sorts below this (the cursor). */
  before?: Position;
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
  /** Where the next page starts, or undefined at the end. */
  nextBefore?: Position;
}

const compare = (a: Position, b: Position): number => a.at - b.at || (a.tie ?? '').localeCompare(b.tie ?? '');

export async function readPage<Doc>(request: PageRequest<Doc>): Promise<Page<Doc>> {
  const { bucketing, limit } = request;
  const below: Position = request.before ?? { at: request.top + 1 };
  const isBelow = (doc: Doc) => compare(request.positionOf(doc), below) < 0;
  let bucket = bucketOf(below.tie ? below.at : below.at - 1, bucketing);
  const lowest = bucketOf(request.bottom ?? 0, bucketing);
  const found: Doc[] = [];
  let read = 0;
  const maxBuckets = request.maxBuckets ?? bucketing.maxBuckets;
  let width = 1;
  while (bucket >= lowest && read < maxBuckets && found.length <= limit) {
    const batch = Array.from({ length: Math.min(width, bucket - lowest + 1, maxBuckets - read) }, (_, i) =>
      listingKey(request.scope, bucket - i),
    );
    const results = await Promise.all(
      batch.map((key) => request.model.find({ listKeys: key }).lean<Doc[]>().exec() as Promise<Doc[]>),
    );
    for (const doc of results.flat()) {
      if (isBelow(doc) && (request.accept?.(doc) ?? true)) found.push(doc);
    }
    bucket -= batch.length;
    read += batch.length;
    width = Math.min(width * 2, bucketing.parallel);
  }
  found.sort((a, b) => compare(request.positionOf(b), request.positionOf(a)));
  const items = found.slice(0, limit);
  if (found.length > limit) return { items, nextBefore: request.positionOf(items.at(-1) as Doc) };
  if (bucket < lowest) return { items };
  // Stopped at the bucket budget: continue below the last bucket read.
  return { items, nextBefore: { at: (bucket + 1) * bucketing.width } };
}
