import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort } from './processes';
import { startFerretDb } from './servers';

const batchSize = 1000;
const doneMarker = 'copied-to-postgresql';

/** The SQLite files an earlier FerretDB (the default before PostgreSQL) left in the profile, not yet copied. */
export async function uncopiedSqliteStore(sqliteDir: string): Promise<boolean> {
  if (existsSync(path.join(sqliteDir, doneMarker))) return false;
  const files = await readdir(sqliteDir).catch(() => []);
  return files.some((file) => file.endsWith('.sqlite'));
}

function isOnlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
  const errors = writeErrors ?? [error as { code?: number }];
  return errors.length > 0 && errors.every((e) => e.code === 11000);
}

/**
 * Copies every database of the old SQLite store into the FerretDB at `targetUri` (on PostgreSQL),
 * collection by collection, indexes first, then the documents in batches. Runs the old store under a
 * FerretDB of its own on a spare port; the old files stay where they are. Marked done with a file, so it
 * happens once; an interrupted copy starts over and skips what is already there (duplicate `_id`s).
 */
export async function copySqliteStore(
  options: { dataDir: string; sqliteDir: string; targetUri: string },
  progress: (message: string) => void,
): Promise<void> {
  progress(`copying the earlier FerretDB SQLite data in ${options.sqliteDir} to PostgreSQL (once; the files stay)`);
  const port = await freePort();
  const source = await startFerretDb({
    dataDir: options.dataDir,
    port,
    name: 'ferretdb-sqlite-copy',
    storageDir: options.sqliteDir,
  });
  const from = new mongoose.mongo.MongoClient(`mongodb://127.0.0.1:${port}`);
  const to = new mongoose.mongo.MongoClient(options.targetUri);
  try {
    await from.connect();
    await to.connect();
    const { databases } = await from.db('admin').admin().listDatabases();
    for (const { name: database } of databases) {
      if (['admin', 'config', 'local'].includes(database)) continue;
      const collections = await from.db(database).listCollections({}, { nameOnly: true }).toArray();
      for (const { name: collection } of collections) {
        const sourceCollection = from.db(database).collection(collection);
        const targetCollection = to.db(database).collection(collection);
        const indexes = (await sourceCollection.indexes()).filter((index) => index.name !== '_id_');
        if (indexes.length > 0) {
          await targetCollection.createIndexes(
            indexes.map(({ key, name, unique, sparse, expireAfterSeconds, partialFilterExpression }) => ({
              key,
              name,
              ...(unique ? { unique } : {}),
              ...(sparse ? { sparse } : {}),
              ...(expireAfterSeconds !== undefined ? { expireAfterSeconds } : {}),
              ...(partialFilterExpression ? { partialFilterExpression } : {}),
            })),
          );
        } else {
          await to
            .db(database)
            .createCollection(collection)
            .catch(() => undefined);
        }
        const total = await sourceCollection.estimatedDocumentCount();
        let copied = 0;
        let batch: mongoose.mongo.Document[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          await targetCollection.insertMany(batch, { ordered: false }).catch((error) => {
            if (!isOnlyDuplicates(error)) throw error;
          });
          copied += batch.length;
          batch = [];
          progress(`  ${database}.${collection}: ${copied}/${total}`);
        };
        for await (const document of sourceCollection.find({}, { batchSize })) {
          batch.push(document);
          if (batch.length >= batchSize) await flush();
        }
        await flush();
        if (copied === 0) progress(`  ${database}.${collection}: empty`);
      }
    }
    await writeFile(
      path.join(options.sqliteDir, doneMarker),
      `copied to PostgreSQL on ${new Date().toISOString()}; delete this file to copy again\n`,
    );
    progress('copy done');
  } finally {
    await from.close().catch(() => undefined);
    await to.close().catch(() => undefined);
    await source.stop();
  }
}
