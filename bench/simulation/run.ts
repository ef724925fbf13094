import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose from 'mongoose';
import { snapshotOf } from '../../api/simulation-snapshots';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { bucketOf } from '../../db/listing';
import { type RegistrationDoc, registrationBucketing, registrationListKeys } from '../../db/registrations';
import { bucketIsClosed, replayRecordOf, writeReplayRecord } from '../../db/replay-records';
import { sequenceHint } from '../../db/sequences';
import { policySchema } from '../../domain/policy/schema';
import type { RegistrationSnapshot } from '../../domain/simulation';
import { startTemporalServer } from '../../scripts/dev-stack/servers';
import { progress } from '../../scripts/dev-stack/stack';
import { seededRandom } from '../dealreg/customers';
import { distributorIds, modelPolicies } from '../dealreg/partners';
import { storedRegistration } from '../growth/documents';
import { startChild, stopChild, waitForHttp } from '../infra/children';
import { stopOnInterrupt } from '../infra/cleanup';
import { benchDir, preparePostgresDatabase, siblingDatabaseUrl, startBenchFerretDb } from '../infra/stack';
import { type LatencySummary, summarize } from '../load/stats';

/** Kept between runs, as the growth data is: seeding a million registrations takes long. */
const simulationDir = path.join(benchDir, 'simulation');
const FERRETDB_PORT = 47021;
const TEMPORAL_PORT = 27234;
const API_PORT = 27301;
const BATCH = 1000;
const META_ID = 'simulation';
/** Requests in flight against the API while the simulation runs (each waits for its answer). */
const CLIENTS = 4;

export const simulationGoals = { maxSeconds: 120, p99Ms: 100 } as const;

export interface SimulationBenchResult {
  size: number;
  stored: number;
  seedSeconds: number;
  skipped?: string;
  simulation?: { status: string; seconds: number; read: number; totalEstimate: number };
  /** Latencies of the same requests for a while before it started: what the machine gives without it. */
  before?: RequestLatencies;
  /** Latencies of other requests while the simulation ran. */
  whileRunning?: RequestLatencies;
}

interface RequestLatencies {
  healthz: LatencySummary;
  registration: LatencySummary;
  errors: number;
}

/** How long the API's latency is measured before the simulation starts. */
const BASELINE_SECONDS = 15;

export interface SimulationBenchOptions {
  size: number;
  seedMinutes: number;
  postgresUrl: string;
}

/**
 * The replay records of what is seeded, built by the product's own rule (`replayRecordOf`) from the
 * seeded documents as the simulation would read them, so that seeding a million registrations does not
 * need a walk that reads each one back whole. A bucket split over two runs gets no record here: the
 * first simulation writes it, as it does any settled bucket it finds without one.
 */
class ReplayRecordSeeder {
  private bucket = -1;
  private pending: RegistrationSnapshot[] = [];

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

  private complete = false;

  private async flush(): Promise<void> {
    const record =
      this.complete && bucketIsClosed(this.bucket, this.top) ? replayRecordOf(this.bucket, this.pending) : undefined;
    if (record) await writeReplayRecord(record);
    this.pending = [];
  }
}

/** The stored registrations the simulation replays: the growth bench's documents, listed as the workflow lists them. */
async function seedUntil(target: number, deadline: number): Promise<{ seeded: number; seconds: number }> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const meta = db.collection<{ _id: string; seeded: number; seconds: number }>('benchmeta');
  const state = (await meta.findOne({ _id: META_ID })) ?? { _id: META_ID, seeded: 0, seconds: 0 };
  const policy = policySchema.parse(modelPolicies.hybrid);
  const startedAt = Date.now();
  const random = seededRandom(target * 17 + state.seeded);
  let lastReport = 0;
  const records = new ReplayRecordSeeder(target + 1);
  while (state.seeded < target && Date.now() < deadline) {
    const docs = Array.from({ length: Math.min(BATCH, target - state.seeded) }, (_, i) => {
      // Sequences start at 1, as drawn ones do.
      const doc = storedRegistration(state.seeded + i + 1, random, policy, startedAt);
      return { ...doc, listKeys: registrationListKeys(doc) };
    });
    try {
      await db.collection('registrations').insertMany(docs as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
      if (!writeErrors?.every((e) => e.code === 11000)) throw error;
    }
    await records.add(docs);
    state.seeded += docs.length;
    await sequenceHint.raise(state.seeded);
    await meta.replaceOne(
      { _id: META_ID },
      { seeded: state.seeded, seconds: state.seconds + (Date.now() - startedAt) / 1000 },
      { upsert: true },
    );
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(`simulation: ${state.seeded}/${target} stored`);
    }
  }
  return { seeded: state.seeded, seconds: state.seconds + (Date.now() - startedAt) / 1000 };
}

async function call(url: string, key: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** Other requests, back to back from a few clients, until `done()`: the API's latency while the simulation runs. */
async function measureWhile(
  apiUrl: string,
  key: string,
  stored: number,
  done: () => boolean,
): Promise<RequestLatencies> {
  const healthz: number[] = [];
  const registration: number[] = [];
  let errors = 0;
  const random = seededRandom(99);
  const client = async () => {
    while (!done()) {
      const readOne = random() < 0.5;
      const serial = 1 + Math.floor(random() * stored);
      const url = readOne
        ? `${apiUrl}/api/v1/registrations/reg_g${serial.toString(16).padStart(11, '0')}`
        : `${apiUrl}/healthz`;
      const sent = performance.now();
      const answer = await call(url, key).catch(() => undefined);
      await answer?.arrayBuffer();
      (readOne ? registration : healthz).push(performance.now() - sent);
      if (!answer?.ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { healthz: summarize(healthz), registration: summarize(registration), errors };
}

/**
 * One policy simulation over `size` stored registrations, through an API process as `npm start` runs
 * it, while a few clients keep reading: how long the simulation takes and what the other requests'
 * p99 is meanwhile (goals: ≤ 2 min, ≤ 100 ms).
 */
export async function runSimulationBench(options: SimulationBenchOptions): Promise<SimulationBenchResult> {
  const postgresUrl = siblingDatabaseUrl(options.postgresUrl, 'dealreg_bench_simulation');
  await preparePostgresDatabase(postgresUrl, true);
  const ferretDb = await startBenchFerretDb({
    dataDir: simulationDir,
    port: FERRETDB_PORT,
    name: 'ferretdb-simulation',
    postgresUrl,
  });
  const forgetFerretDb = stopOnInterrupt(() => ferretDb.stop());
  const temporal = await startTemporalServer({ dataDir: path.join(simulationDir, 'temporal'), port: TEMPORAL_PORT });
  const forgetTemporal = stopOnInterrupt(() => temporal.stop());
  const mongodbUri = `mongodb://127.0.0.1:${FERRETDB_PORT}/simulation_${options.size}`;
  const result: SimulationBenchResult = { size: options.size, stored: 0, seedSeconds: 0 };
  try {
    await connectDatabase(mongodbUri);
    try {
      await ensureIndexes();
      progress(`simulation: seeding up to ${options.size} registrations`);
      const seeded = await seedUntil(options.size, Date.now() + options.seedMinutes * 60_000);
      Object.assign(result, { stored: seeded.seeded, seedSeconds: seeded.seconds });
    } finally {
      await disconnectDatabase();
    }
    if (result.stored < options.size) {
      result.skipped = `seeding budget ran out at ${result.stored}; a later run carries on (raise --simulation-seed-minutes)`;
      return result;
    }
    await simulateThroughApi(mongodbUri, result);
  } finally {
    await temporal.stop();
    await ferretDb.stop();
    forgetTemporal();
    forgetFerretDb();
  }
  return result;
}

async function simulateThroughApi(mongodbUri: string, result: SimulationBenchResult): Promise<void> {
  const adminKey = randomBytes(32).toString('base64url');
  const api = await startChild({
    name: 'api-simulation',
    entry: 'api/main.ts',
    env: {
      TEMPORAL_ADDRESS: `127.0.0.1:${TEMPORAL_PORT}`,
      MONGODB_URI: mongodbUri,
      API_HOST: '127.0.0.1',
      API_PORT: String(API_PORT),
      DEALREG_ADMIN_KEY: adminKey,
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_ROOT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
    },
  });
  const apiUrl = `http://127.0.0.1:${API_PORT}`;
  try {
    await waitForHttp(api, 'the API', `${apiUrl}/readyz`);
    for (const id of distributorIds) {
      await call(`${apiUrl}/api/v1/distributors`, adminKey, 'POST', { id, name: `Bench ${id}` });
    }
    const baselineEnds = Date.now() + BASELINE_SECONDS * 1000;
    result.before = await measureWhile(apiUrl, adminKey, result.stored, () => Date.now() >= baselineEnds);
    progress(`simulation: replaying ${result.stored} registrations under the segment model`);
    const startedAt = performance.now();
    const started = await call(`${apiUrl}/api/v1/policy/simulate`, adminKey, 'POST', {
      policy: modelPolicies.segment,
    });
    if (started.status !== 202) throw new Error(`simulate answered ${started.status}: ${await started.text()}`);
    const location = started.headers.get('location') as string;
    let job = (await started.json()) as { status: string; progress: { read: number; totalEstimate: number } };
    const measuring = measureWhile(apiUrl, adminKey, result.stored, () => job.status !== 'running');
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      job = (await (await call(`${apiUrl}${location}`, adminKey)).json()) as typeof job;
    }
    const seconds = (performance.now() - startedAt) / 1000;
    result.simulation = { status: job.status, seconds, ...job.progress };
    result.whileRunning = await measuring;
  } finally {
    await stopChild(api);
  }
}

/** The lines of the report's table. */
export function simulationLines(result: SimulationBenchResult | undefined): string[] {
  if (!result) return [];
  const lines = [`simulation at ${result.size} stored registrations (stored ${result.stored}):`];
  if (result.skipped) return [...lines, `  skipped: ${result.skipped}`];
  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);
  const s = result.simulation;
  if (s) lines.push(`  ${s.status} in ${s.seconds.toFixed(1)} s, read ${s.read} of ~${s.totalEstimate}`);
  for (const [when, w] of [
    ['before', result.before],
    ['meanwhile', result.whileRunning],
  ] as const) {
    if (!w) continue;
    lines.push(
      `  ${when}: GET /healthz p50 ${ms(w.healthz.p50)} p99 ${ms(w.healthz.p99)} (${w.healthz.count}); ` +
        `GET /registrations/{id} p50 ${ms(w.registration.p50)} p99 ${ms(w.registration.p99)} (${w.registration.count}); ${w.errors} errors`,
    );
  }
  return lines;
}
