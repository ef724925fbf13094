import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import type { ManagedProcess } from '../../scripts/dev-stack/processes';
import { startTemporalServer } from '../../scripts/dev-stack/servers';
import { progress } from '../../scripts/dev-stack/stack';
import { distributorIds } from '../dealreg/partners';
import { startChild, stopChild, waitForHttp } from '../infra/children';
import { stopOnInterrupt } from '../infra/cleanup';
import { benchDir, preparePostgresDatabase, siblingDatabaseUrl, startBenchFerretDb } from '../infra/stack';
import { SIMULATION_SEED_FORMAT, seedUntil } from './seed';

/**
 * A second store with servers of its own (directory `simulation-<name>`, ports 10 up), so a small run
 * can be tried while a long seed holds the first: DEALREG_BENCH_SIMULATION_INSTANCE=<name>.
 */
const instance = process.env.DEALREG_BENCH_SIMULATION_INSTANCE;
const shift = instance ? 10 : 0;
/** Kept between runs, as the growth data is: seeding a million registrations takes long. */
export const simulationDir = path.join(benchDir, instance ? `simulation-${instance}` : 'simulation');
const FERRETDB_PORT = 47021 + shift;
const TEMPORAL_PORT = 27234 + shift;
const API_PORT = 27301 + shift;

export interface StoreOptions {
  size: number;
  seedMinutes: number;
  postgresUrl: string;
}

/** The seeded store the simulation and insights phases share: one Mongo database per size. */
export interface SimulationStore {
  mongodbUri: string;
  stored: number;
  seedSeconds: number;
}

/**
 * Starts the phase's FerretDB and Temporal, seeds up to `size` registrations within the budget (progress
 * is kept), runs `use` while they serve, and stops them.
 */
export async function withSimulationStore<T>(
  options: StoreOptions,
  use: (store: SimulationStore) => Promise<T>,
): Promise<T> {
  const postgresUrl = siblingDatabaseUrl(
    options.postgresUrl,
    instance ? `dealreg_bench_simulation_${instance}` : 'dealreg_bench_simulation',
  );
  await preparePostgresDatabase(postgresUrl, true);
  const ferretDb = await startBenchFerretDb({
    dataDir: simulationDir,
    port: FERRETDB_PORT,
    name: 'ferretdb-simulation',
    postgresUrl,
  });
  const forgetFerretDb = stopOnInterrupt(() => ferretDb.stop());
  let temporal: ManagedProcess | undefined;
  let forgetTemporal = () => {};
  try {
    temporal = await startTemporalServer({ dataDir: path.join(simulationDir, 'temporal'), port: TEMPORAL_PORT });
    const started = temporal;
    forgetTemporal = stopOnInterrupt(() => started.stop());
    const mongodbUri = `mongodb://127.0.0.1:${FERRETDB_PORT}/simulation_${options.size}_s${SIMULATION_SEED_FORMAT}`;
    await connectDatabase(mongodbUri);
    let seeded: { seeded: number; seconds: number };
    try {
      await ensureIndexes();
      progress(`simulation store: seeding up to ${options.size} registrations`);
      seeded = await seedUntil(options.size, Date.now() + options.seedMinutes * 60_000);
    } finally {
      await disconnectDatabase();
    }
    return await use({ mongodbUri, stored: seeded.seeded, seedSeconds: seeded.seconds });
  } finally {
    await temporal?.stop();
    await ferretDb.stop();
    forgetTemporal();
    forgetFerretDb();
  }
}

export interface BenchApi {
  url: string;
  adminKey: string;
  stop(): Promise<void>;
}

/**
 * An API process on the store, as `npm start` runs it, with the bench's distributors created; with
 * `cpuProfileDir`, it writes a V8 CPU profile there when stopped.
 */
export async function startStoreApi(store: SimulationStore, cpuProfileDir?: string): Promise<BenchApi> {
  const adminKey = randomBytes(32).toString('base64url');
  const api = await startChild({
    name: instance ? `api-simulation-${instance}` : 'api-simulation',
    ...(cpuProfileDir ? { cpuProfileDir } : {}),
    entry: 'api/main.ts',
    env: {
      TEMPORAL_ADDRESS: `127.0.0.1:${TEMPORAL_PORT}`,
      MONGODB_URI: store.mongodbUri,
      API_HOST: '127.0.0.1',
      API_PORT: String(API_PORT),
      DEALREG_ADMIN_KEY: adminKey,
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_ROOT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
    },
  });
  const url = `http://127.0.0.1:${API_PORT}`;
  try {
    // Not /readyz: no worker polls here (the simulation needs none), and ready means a worker does.
    await waitForHttp(api, 'the API', `${url}/healthz`);
    for (const id of distributorIds) {
      await call(`${url}/api/v1/distributors`, adminKey, 'POST', { id, name: `Bench ${id}` });
    }
  } catch (error) {
    await stopChild(api);
    throw error;
  }
  return { url, adminKey, stop: () => stopChild(api) };
}

export async function call(url: string, key: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}
