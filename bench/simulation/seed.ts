import mongoose from 'mongoose';
import { snapshotOf } from '../../api/simulation-snapshots';
import { insertOnce } from '../../db/insert-once';
import { modelOfVersion } from '../../db/insights';
import { bucketOf } from '../../db/listing';
import { PolicyModel, policyDocId, recordLatest } from '../../db/policies';
import { type RegistrationDoc, registrationBucketing } from '../../db/registrations';
import { bucketIsClosed, replayRecordOf, writeReplayRecord } from '../../db/replay-records';
import { sequenceHint } from '../../db/sequences';
import { factsOfDecision } from '../../domain/insights/facts';
import { policySchema } from '../../domain/policy/schema';
import type { RegistrationSnapshot } from '../../domain/simulation';
import { progress } from '../../scripts/dev-stack/stack';
import { seededRandom } from '../dealreg/customers';
import { modelPolicies } from '../dealreg/partners';
import { storedRegistration } from '../growth/documents';
import { seededPolicyVersions, withHistory } from './histories';

/**
 * What the seeder stores, part of the store's database name so that a store seeded otherwise is never
 * resumed or measured as this one: 2 submits in sequence order (1 drew each day at random).
 */
export const SIMULATION_SEED_FORMAT = 2;

/** Documents per insertMany, and how many of those are in flight at once (the next is built meanwhile). */
const BATCH = Number(process.env.DEALREG_BENCH_SEED_BATCH ?? 1000);
const IN_FLIGHT = Number(process.env.DEALREG_BENCH_SEED_IN_FLIGHT ?? 3);
const META_ID = 'simulation';
const YEAR_MS = 365 * 86_400_000;

/**
 * The replay records of what is seeded, built by the product's own rule (`replayRecordOf`) from the
 * seeded documents as the simulation would read them, so that seeding a million registrations does not
 * need a walk that reads each one back whole. A bucket split over two runs gets no record here: the
 * first simulation writes it, as it does any settled bucket it finds without one.
 */
class ReplayRecordSeeder {
  private bucket = -1;
  private pending: RegistrationSnapshot[] = [];
  private complete = false;

  constructor(private readonly top: number) {}

  async add(docs: RegistrationDoc[]): Promise<void> {
    for (const doc of docs) {
      const bucket = bucketOf(doc.sequence as number, registrationBucketing);
      if (bucket !== this.bucket) {
        await this.flush();
        this.bucket = bucket;
        // A bucket whose first sequence this run did not seed may hold registrations of an earlier run.
        this.complete = (doc.sequence as number) % registrationBucketing.width === 0;
      }
      this.pending.push(snapshotOf(doc));
    }
  }

  private async flush(): Promise<void> {
    const record =
      this.complete && bucketIsClosed(this.bucket, this.top) ? replayRecordOf(this.bucket, this.pending) : undefined;
    if (record) await writeReplayRecord(record);
    this.pending = [];
  }
}

/**
 * Spread evenly over the three years before `now` in sequence order, as a program's registrations are:
 * a sequence is drawn moments after its submission, so acceptance order is submission order but for a
 * few seconds (the replay relies on that to forget holders long released, STREAM_ORDER_SLACK_MS).
 */
function submittedAtOf(serial: number, target: number, now: number, random: () => number): Date {
  const start = now - 3 * YEAR_MS;
  return new Date(Math.floor(start + (serial / target) * 3 * YEAR_MS + random() * 5_000));
}

/** The policy versions the seeded decisions name (see histories.ts), in force from their dates. */
async function seedPolicyVersions(now: number): Promise<void> {
  const policy = policySchema.parse(modelPolicies.hybrid);
  for (const { version, yearsAgo } of seededPolicyVersions) {
    const at = new Date(now - yearsAgo * YEAR_MS);
    await insertOnce(PolicyModel, {
      _id: policyDocId(version),
      version,
      policy,
      createdAt: at,
      createdBy: 'bench',
      effectiveFrom: at,
    });
  }
  await recordLatest(seededPolicyVersions.length);
}

async function insertBatch(collection: string, docs: object[]): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  try {
    await db.collection(collection).insertMany(docs as never[], { ordered: false });
  } catch (error) {
    // A batch an interrupted run inserted but did not count is inserted again.
    const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
    if (!writeErrors?.every((e) => e.code === 11000)) throw error;
  }
}

/**
 * The program-health facts of the seeded decision logs, by the rule the running program applies as it
 * writes each entry (`factsOfDecision`, as db/decision-log.ts calls it) and `npm run insights:rebuild`
 * replays: the measures a program that had run for years would keep.
 */
async function factsOf(docs: RegistrationDoc[]) {
  const facts = [];
  for (const doc of docs) {
    const model = await modelOfVersion(doc.policyVersion);
    for (const entry of doc.decisions) facts.push(...factsOfDecision(doc, entry, model));
  }
  return facts;
}

/**
 * The stored registrations the simulation replays: the growth bench's documents with a decision log
 * their status could have come from (histories.ts), listed as the workflow lists them, submitted over
 * the last three years, and their insight facts. Progress is counted only for batches stored in order, so a run stopped midway
 * resumes where its last counted batch ended.
 */
export async function seedUntil(target: number, deadline: number): Promise<{ seeded: number; seconds: number }> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const meta = db.collection<{ _id: string; seeded: number; seconds: number; seededAt?: number }>('benchmeta');
  const state = (await meta.findOne({ _id: META_ID })) ?? { _id: META_ID, seeded: 0, seconds: 0 };
  const policy = policySchema.parse(modelPolicies.hybrid);
  const startedAt = Date.now();
  // Dated from the first run, so that a resumed seed spreads its registrations over the same years.
  const now = state.seededAt ?? startedAt;
  await seedPolicyVersions(now);
  const random = seededRandom(target * 17 + state.seeded);
  let lastReport = 0;
  const records = new ReplayRecordSeeder(target + 1);
  const inFlight: Array<{ docs: RegistrationDoc[]; stored: Promise<void> }> = [];
  const resumedAt = state.seeded;
  let next = state.seeded;
  const settleOldest = async () => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    await oldest.stored;
    await records.add(oldest.docs);
    state.seeded += oldest.docs.length;
    await sequenceHint.raise(state.seeded);
    await meta.replaceOne(
      { _id: META_ID },
      { seeded: state.seeded, seconds: state.seconds + (Date.now() - startedAt) / 1000, seededAt: now },
      { upsert: true },
    );
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      const rate = (state.seeded - resumedAt) / ((Date.now() - startedAt) / 1000);
      progress(`simulation: ${state.seeded}/${target} stored (${Math.round(rate)} a second this run)`);
    }
  };
  while (next < target && Date.now() < deadline) {
    const docs = Array.from({ length: Math.min(BATCH, target - next) }, (_, i) => {
      // Sequences start at 1, as drawn ones do; `listKeys` are the workflow's (seededListKeys).
      const serial = next + i + 1;
      return withHistory(
        storedRegistration(serial, random, policy, now, submittedAtOf(serial, target, now, random)),
        random,
        now,
      );
    });
    next += docs.length;
    const facts = await factsOf(docs);
    const stored = Promise.all([insertBatch('registrations', docs), insertBatch('insightfacts', facts)]).then(
      () => undefined,
    );
    stored.catch(() => undefined); // awaited in order below
    inFlight.push({ docs, stored });
    if (inFlight.length >= IN_FLIGHT) await settleOldest();
  }
  while (inFlight.length > 0) await settleOldest();
  return { seeded: state.seeded, seconds: state.seconds + (Date.now() - startedAt) / 1000 };
}
