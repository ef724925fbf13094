import { isDuplicateKey } from './insert-once';

/**
 * Two concurrent upserts of the same missing document can both try to insert it; one then fails with a
 * duplicate key error (MongoDB documents this; FerretDB does the same). Running it again finds the
 * document and updates it, which is what the caller meant.
 */
export async function upsertWithRetry<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= attempts) throw error;
    }
  }
}
