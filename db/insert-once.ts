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

interface WriteError {
  index?: number;
  code?: number;
  err?: { index?: number; code?: number };
}

/**
 * `insertOnce` for several documents in one command: unordered, so a taken key does not stop the
 * others (each is still its own atomic unique insert). For each document, true when this call inserted it.
 */
export async function insertEachOnce<T>(model: Model<T>, docs: readonly T[]): Promise<boolean[]> {
  const inserted = docs.map(() => true);
  if (docs.length === 0) return inserted;
  // Unordered, insertMany leaves out a document that fails validation and says nothing: refuse first.
  const built = docs.map((doc) => new model(doc));
  for (const doc of built) {
    const invalid = doc.validateSync();
    if (invalid) throw invalid;
  }
  try {
    await model.insertMany(built, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: WriteError[] }).writeErrors;
    if (!writeErrors?.length) throw error;
    for (const writeError of writeErrors) {
      const index = writeError.index ?? writeError.err?.index;
      if ((writeError.code ?? writeError.err?.code) !== 11000 || index === undefined) throw error;
      inserted[index] = false;
    }
  }
  return inserted;
}
