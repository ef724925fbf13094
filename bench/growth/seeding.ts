import mongoose from 'mongoose';
import { insertOnce } from '../../db/insert-once';
import { Distributor, Reseller } from '../../db/partners';
import { currentPolicy, publishPolicy } from '../../db/policies';
import { sequenceHint } from '../../db/sequences';
import type { Policy } from '../../domain/policy/schema';
import { progress } from '../../scripts/dev-stack/stack';
import { seededRandom } from '../dealreg/customers';
import { benchResellers, distributorIds } from '../dealreg/partners';
import { dealKeyEntries, escalationOf, sequenceEntry, storedRegistration } from './documents';

/** Documents per insertMany, and insertMany calls in flight: FerretDB turns each into one transaction. */
const BATCH = 2000;
const BATCHES_IN_FLIGHT = 4;
const META_ID = 'growth';
/**
 * What the seeded documents look like; data seeded by an earlier format (without `listKeys`, sequence
 * entries, partners or a policy) is dropped and seeded again.
 */
const SEED_FORMAT = 2;

export interface SeedState {
  /** Registrations stored (serials 0 … seeded-1, sequences 1 … seeded). */
  seeded: number;
  /** Seconds spent seeding, over every run that contributed. */
  seconds: number;
  /** Registrations per second of the most recent seeding. */
  lastRate?: number;
  format?: number;
}

const meta = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db.collection<SeedState & { _id: string }>('benchmeta');
};

export async function readSeedState(): Promise<SeedState> {
  const found = await meta().findOne({ _id: META_ID });
  return { seeded: found?.seeded ?? 0, seconds: found?.seconds ?? 0, lastRate: found?.lastRate, format: found?.format };
}

/** Drops a database seeded in an older format; true when it did (the caller declares its indexes again). */
export async function dropOutdatedSeed(label: string): Promise<boolean> {
  const state = await readSeedState();
  if (state.seeded === 0 || state.format === SEED_FORMAT) return false;
  progress(`${label}: data seeded in an older format; dropping it to seed again`);
  await mongoose.connection.db?.dropDatabase();
  return true;
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

/** The partners and the policy, through the product's own writes, so that submissions are accepted. */
async function seedReferenceData(policy: Policy): Promise<void> {
  const createdAt = new Date();
  for (const id of distributorIds) await insertOnce(Distributor, { _id: id, name: `Bench ${id}`, createdAt });
  for (const reseller of benchResellers) {
    const { id, ...rest } = reseller;
    await insertOnce(Reseller, { _id: id, name: `Bench ${id}`, ...rest, createdAt });
  }
  if (!(await currentPolicy())) await publishPolicy(policy, 'bench');
}

/**
 * Inserts registrations (with the `dealkeys` entries of the live ones, the `sequencenumbers` entry of
 * each and the escalation of each escalated one) in bulk, straight into the database, until `target`
 * are stored or `deadline` passes. Progress is recorded after every round so that a later run carries
 * on where this one stopped.
 */
export async function seedUntil(target: number, deadline: number, policy: Policy, label: string): Promise<SeedState> {
  await seedReferenceData(policy);
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
          Promise.all([
            insertIgnoringDuplicates('dealkeys', docs.flatMap(dealKeyEntries)),
            insertIgnoringDuplicates('sequencenumbers', docs.map(sequenceEntry)),
            insertIgnoringDuplicates('escalations', docs.flatMap(escalationOf)),
          ]),
        ),
      );
    }
    await Promise.all(round);
    state.seeded = Math.min(target, state.seeded + BATCHES_IN_FLIGHT * BATCH);
    const elapsed = (Date.now() - startedAt) / 1000;
    state.lastRate = (state.seeded - startedWith) / elapsed;
    await meta().replaceOne(
      { _id: META_ID },
      { seeded: state.seeded, seconds: state.seconds + elapsed, lastRate: state.lastRate, format: SEED_FORMAT },
      { upsert: true },
    );
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(`${label}: ${state.seeded}/${target} stored, ${Math.round(state.lastRate)}/s`);
    }
  }
  // The hint `highestSequence()` and `drawSequence()` start from: the top, as the product keeps it.
  await sequenceHint.raise(state.seeded);
  state.seconds += (Date.now() - startedAt) / 1000;
  return state;
}
