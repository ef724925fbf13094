import type { Model } from 'mongoose';
import { matchesQuery, narrowestWord, queryKey, queryWords, wordKeys } from '../domain/vendor/search';
import { type Bucketing, listingKey, type Position, readPage } from './listing';

/**
 * Pages of vendor records (accounts, programs, products, sellers) that cost the same at a hundred as at
 * a million: each record sits in one of a fixed number of buckets (a hash of its id) and lists itself
 * in `listKeys` under `*|<bucket>` and `q:<key>|<bucket>` for each search key of its words, so a page
 * reads buckets by equality on one indexed field (db/listing.ts). Records come in bucket order, then by
 * name within a bucket: stable, not alphabetical overall.
 */
export interface VendorListing {
  /** Buckets records are spread over: more keeps a busy page small, fewer keeps a sparse one short. */
  buckets: number;
  /** Buckets one page may read, and at once. */
  maxBuckets: number;
  parallel: number;
}

/** What every vendor record document carries to be listed and found. */
export interface ListedFields {
  bucket: number;
  /** Orders records within a bucket: the name in lower case, then the id. */
  sortKey: string;
  /** The words the record is found by (db-side filter of a search page). */
  words: string[];
  listKeys: string[];
}

/** FNV-1a: a stable, even spread of ids over buckets. */
function bucketOfId(id: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

export function listedFields(id: string, name: string, words: string[], listing: VendorListing): ListedFields {
  const bucket = bucketOfId(id, listing.buckets);
  const scopes = ['*', ...new Set(words.flatMap(wordKeys).map((key) => `q:${key}`))];
  return {
    bucket,
    sortKey: `${name.toLowerCase()}|${id}`,
    words,
    listKeys: scopes.map((scope) => listingKey(scope, bucket)),
  };
}

export interface VendorPage<Doc> {
  items: Doc[];
  next?: Position;
}

/** A newest-first page over the buckets (highest bucket first), optionally narrowed by a text query. */
export async function listVendorRecords<Doc extends ListedFields>(
  model: Model<Doc>,
  listing: VendorListing,
  request: { q?: string; before?: Position; limit: number },
): Promise<VendorPage<Doc>> {
  const query = request.q ? queryWords(request.q) : [];
  const narrowest = narrowestWord(query);
  const bucketing: Bucketing = { width: 1, maxBuckets: listing.maxBuckets, parallel: listing.parallel };
  const page = await readPage<Doc>({
    model,
    scope: narrowest === undefined ? '*' : `q:${queryKey(narrowest)}`,
    bucketing,
    top: listing.buckets - 1,
    before: request.before,
    limit: request.limit,
    positionOf: (doc) => ({ at: doc.bucket, tie: doc.sortKey }),
    ...(query.length > 0 && { accept: (doc: Doc) => matchesQuery(doc.words, query) }),
  });
  return { items: page.items, ...(page.nextBefore && { next: page.nextBefore }) };
}
