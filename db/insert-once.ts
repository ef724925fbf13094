import type { Model } from 'mongoose';

/** The duplicate key error of MongoDB and FerretDB alike: a unique key, `_id` or another, is taken. */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number } | null)?.code === 11000;

/**
 * Inserts a document unless its unique key is taken; true when this call inserted it. A unique insert is
 * the one write that every MongoDB-wire server, FerretDB v1 included, applies atomically under
 * concurrency, so "whoever inserts first" is how concurrent writers agree in dealreg (docs/DESIGN.md).
 */
export async function insertOnce<T>(model: Model<T>, doc: T): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return false;
  }
}
