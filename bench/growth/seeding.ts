import mongoose from 'mongoose';
import type { Policy } from '../../domain/policy/schema';
import { progress } from '../../scripts/dev-stack/stack';
import { seededRandom } from '../dealreg/customers';
import { dealKeyEntries, storedRegistration } from './documents';

const BATCH = 1000;
const BATCHES_IN_FLIGHT = 2;
const META_ID = 'growth';

export interface SeedState {
  /** Registrations stored (serials 0 … seeded-1). */
  seeded: number;
  /** Seconds spent seeding, over every run that contributed. */
  seconds: number;
  /** Registrations per second of the most recent seeding. */
  lastRate?: number;
}

const meta = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db.collection<SeedState & { _id: string }>('benchmeta');
};

export async function readSeedState(): Promise<SeedState> {
  const found = await meta().findOne({ _id: META_ID });
  return { seeded: found?.seeded ?? 0, seconds: found?.seconds ?? 0, lastRate: found?.lastRate };
}

/** Ignores duplicates: a run interrupted after inserting a batch but before recording it repeats it. */
async function insertIgnoringDuplicates(collection: string, docs: object[]): Promise<void> {
  if (docs.length === 0) return;
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  try {
    await db.collection(collection).insertMany(docs as never[], { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
    if (!writeErrors?.every((e) => e.code === 11000)) throw error;
  }
}

/**
 * Inserts registrations (and the `dealkeys` entries of the live ones) in bulk, straight into the
 * database, until `target` are stored or `deadline` passes. Progress is recorded after every round so
 * that a later run carries on where this one stopped.
 */
export async function seedUntil(target: number, deadline: number, policy: Policy, label: string): Promise<SeedState> {
  const state = await readSeedState();
  const startedAt = Date.now();
  const startedWith = state.seeded;
  const random = seededRandom(target * 31 + state.seeded);
  let lastReport = 0;
  while (state.seeded < target && Date.now() < deadline) {
    const round = [];
    for (let b = 0; b < BATCHES_IN_FLIGHT && state.seeded + b * BATCH < target; b += 1) {
      const from = state.seeded + b * BATCH;
      const docs = Array.from({ length: Math.min(BATCH, target - from) }, (_, i) =>
        storedRegistration(from + i, random, policy, startedAt),
      );
      round.push(
        insertIgnoringDuplicates('registrations', docs).then(() =>
          insertIgnoringDuplicates('dealkeys', docs.flatMap(dealKeyEntries)),
        ),
      );
    }
    await Promise.all(round);
    state.seeded = Math.min(target, state.seeded + BATCHES_IN_FLIGHT * BATCH);
    const elapsed = (Date.now() - startedAt) / 1000;
    state.lastRate = (state.seeded - startedWith) / elapsed;
    await meta().replaceOne(
      { _id: META_ID },
      { seeded: state.seeded, seconds: state.seconds + elapsed, lastRate: state.lastRate },
      { upsert: true },
    );
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(`${label}: ${state.seeded}/${target} stored, ${Math.round(state.lastRate)}/s`);
    }
  }
  state.seconds += (Date.now() - startedAt) / 1000;
  return state;
}
