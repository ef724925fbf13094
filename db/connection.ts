import mongoose from 'mongoose';
import { countCommandsOf } from './command-count';
import { learnServerTraits } from './server-traits';

/**
 * One mongoose connection per process. Commands are not buffered while disconnected: a request
 * made while the database is down fails at once (the API answers 503) instead of hanging.
 */
let connectedUri: string | undefined;

/** The connection string this process connected with: a worker thread opens its own to the same database. */
export function databaseUri(): string {
  if (connectedUri === undefined) throw new Error('not connected to the database');
  return connectedUri;
}

export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  mongoose.set('bufferCommands', false);
  mongoose.set('autoIndex', false);
  mongoose.set('autoCreate', false);
  // Otherwise every query formats a stack trace when it runs (for a "query was already executed"
  // error that dealreg never provokes): with source maps on (tsx), 4% of the worker's CPU (bench profile).
  mongoose.set('skipOriginalStackTraces', true);
  const connected = await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 5000,
    // FerretDB speaks the wire protocol but not every server-side retry feature; retries are ours.
    retryWrites: false,
    // Counted on /metrics (dealreg_db_commands_total): the database round trips behind each request.
    monitorCommands: true,
  });
  countCommandsOf(connected.connection.getClient());
  await learnServerTraits();
  connectedUri = uri;
  return connected;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/** True when the database answers a ping right now (for /readyz). */
export async function databaseIsReachable(timeoutMs = 2000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await Promise.race([
      db.admin().ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** Creates every collection and index the models declare (idempotent; run at start-up by each process). */
export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createCollection().catch((error: { codeName?: string }) => {
      if (error.codeName !== 'NamespaceExists') throw error;
    });
    await model.createIndexes();
  }
}
