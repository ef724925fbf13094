import type { Model } from 'mongoose';
import pLimit from 'p-limit';

/**
 * Documents read one by one by `_id`, a few at a time: the one read every server answers from its index
 * (a `$in` is a collection scan on FerretDB's SQLite backend). Those not found are absent from the map.
 */
export async function findEachById<T extends { _id: string }>(
  model: Model<T>,
  ids: Iterable<string>,
  concurrency = 16,
): Promise<Map<string, T>> {
  const limit = pLimit(concurrency);
  const found = await Promise.all(
    [...new Set(ids)].map((id) => limit(() => model.findById(id).lean<T>().exec() as Promise<T | null>)),
  );
  return new Map(found.flatMap((doc) => (doc ? [[doc._id, doc] as const] : [])));
}
