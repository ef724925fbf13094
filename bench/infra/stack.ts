import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { applyPostgresMatchingIndexes } from '../../scripts/dev-stack/ferretdb-matching-indexes';
import { databaseUrl, ensureDatabase, findPostgresBinDir, startPostgres } from '../../scripts/dev-stack/postgres';
import {
  killLeftover,
  type ManagedProcess,
  spawnManaged,
  stopLeftoverProcesses,
  waitUntilReady,
} from '../../scripts/dev-stack/processes';
import { mongoAnswers, temporalAnswers, temporalSqlitePragmas } from '../../scripts/dev-stack/servers';
import { profiles, progress } from '../../scripts/dev-stack/stack';
import { ensureTool } from '../../scripts/dev-stack/tools';
import { searchAttributeTypes } from '../../workflows/search-attributes';
import { stopOnInterrupt } from './cleanup';
import type { Configuration } from './configurations';

/** Everything the benchmark writes lives here (git-ignored with the rest of .data). */
export const benchDir = profiles.bench.dataDir;
/** The servers of the load phases: wiped at every start, so no earlier run's open workflows weigh on this one. */
export const liveDir = path.join(benchDir, 'live');

/** FerretDB's debug server for the load phases: the benchmark takes a CPU profile from it with --profile. */
export const FERRETDB_DEBUG_PORT = 47088;

export interface BenchStack {
  temporalAddress: string;
  mongodbUri: string;
  temporal: ManagedProcess;
  ferretDb: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Temporal's dev server as `scripts/dev-stack/servers.ts` starts it, plus what a configuration changes
 * (store in memory, dynamic config). Kept here so the shared start-up code stays as `npm start` needs it.
 */
async function startTemporal(configuration: Configuration, durable: boolean): Promise<ManagedProcess> {
  const binary = await ensureTool('temporal');
  const runDir = path.join(liveDir, 'run');
  const store =
    configuration.temporalStore === 'file'
      ? ['--db-filename', path.join(liveDir, 'temporal.db'), ...temporalSqlitePragmas(durable)]
      : [];
  const args = [
    'server',
    'start-dev',
    ...store,
    '--ip',
    '127.0.0.1',
    '--port',
    String(profiles.bench.temporalPort),
    '--headless',
    '--log-level',
    'warn',
    ...Object.entries(searchAttributeTypes).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
    ...Object.entries(configuration.temporalDynamicConfig).flatMap(([key, value]) => [
      '--dynamic-config-value',
      `${key}=${JSON.stringify(value)}`,
    ]),
  ];
  const proc = await spawnManaged({ name: 'temporal', command: binary, args, runDir });
  const address = `127.0.0.1:${profiles.bench.temporalPort}`;
  await waitUntilReady(proc, 'Temporal dev server', () => temporalAnswers(address));
  return proc;
}

/**
 * FerretDB as `scripts/dev-stack/servers.ts` starts it, plus SQLite connection options (FerretDB passes
 * `_pragma=…` and `_txlock=…` in the `--sqlite-url` query to every connection it opens).
 */
export async function startBenchFerretDb(options: {
  dataDir: string;
  port: number;
  name: string;
  postgresUrl?: string;
  sqliteOptions?: string;
  /** Port for FerretDB's debug server (metrics, pprof); a free one is picked when absent. */
  debugPort?: number;
}): Promise<ManagedProcess> {
  const binary = await ensureTool('ferretdb');
  const runDir = path.join(options.dataDir, 'run');
  await killLeftover(runDir, options.name, binary);
  const storage = path.join(options.dataDir, options.name);
  await mkdir(storage, { recursive: true });
  const backend = options.postgresUrl
    ? ['--handler=postgresql', `--postgresql-url=${options.postgresUrl}`]
    : ['--handler=sqlite', `--sqlite-url=file:${storage}/${options.sqliteOptions ? `?${options.sqliteOptions}` : ''}`];
  const args = [
    ...backend,
    `--listen-addr=127.0.0.1:${options.port}`,
    `--debug-addr=127.0.0.1:${options.debugPort ?? 0}`,
    `--state-dir=${storage}`,
    '--telemetry=disable',
    '--log-level=error',
  ];
  const proc = await spawnManaged({ name: options.name, command: binary, args, runDir });
  await waitUntilReady(proc, 'FerretDB', () => mongoAnswers(`mongodb://127.0.0.1:${options.port}/admin`));
  return proc;
}

/**
 * FerretDB's PostgreSQL database, created when missing; with the matching indexes (as the local stack
 * has them) unless the configuration measures without, which gets a database of its own, without the
 * event trigger. Installed before FerretDB starts, so its connections plan with force_custom_plan.
 */
export async function preparePostgresDatabase(url: string, withMatchingIndexes: boolean): Promise<string> {
  const target = withMatchingIndexes
    ? url
    : siblingDatabaseUrl(url, `${new URL(url).pathname.slice(1)}_ferretdb_indexes`);
  if (await ensureDatabase(target, new URL(target).pathname.slice(1)))
    progress(`created PostgreSQL database ${new URL(target).pathname.slice(1)}`);
  if (withMatchingIndexes) {
    await applyPostgresMatchingIndexes(target, (error) => progress(`matching indexes: ${String(error)}`));
  }
  return target;
}

/** PostgreSQL URL of a database next to the configured one (the growth data is kept apart from the live runs). */
export function siblingDatabaseUrl(url: string, database: string): string {
  return databaseUrl(url, database);
}

/**
 * The bench profile's own PostgreSQL (port 45432, cluster in .data/bench/postgres, kept between runs with
 * the growth data), unless --postgres-url or DEALREG_FERRETDB_POSTGRES_URL names one. Returns the URL of
 * the benchmark's database on it. Durable (--durable) as npm start runs it; otherwise without fsync.
 */
export async function startBenchPostgres(explicitUrl: string | undefined, durable: boolean): Promise<string> {
  if (explicitUrl) return explicitUrl;
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('no PostgreSQL server binaries (Debian: apt-get install postgresql); or --postgres-url');
  progress(`starting PostgreSQL (${binDir}) on 127.0.0.1:${profiles.bench.postgresPort}`);
  const own = await startPostgres({ binDir, dataDir: benchDir, port: profiles.bench.postgresPort, durable });
  stopOnInterrupt(() => own.proc.stop());
  return databaseUrl(own.serverUrl, 'dealreg_bench');
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('a PostgreSQL configuration needs startBenchPostgres first');
  return url;
}

export async function startBenchStack(
  configuration: Configuration,
  postgresUrl: string | undefined,
  durable: boolean,
): Promise<BenchStack> {
  // A run killed outright leaves its processes behind; their pid files are about to be wiped.
  await stopLeftoverProcesses(liveDir, { recursive: true });
  await rm(liveDir, { recursive: true, force: true });
  await mkdir(liveDir, { recursive: true });
  // The load phase drops its Mongo database (a PostgreSQL schema) at the start of each run (load-bench.ts).
  const ferretDbPostgresUrl =
    configuration.ferretDbBackend === 'postgresql'
      ? await preparePostgresDatabase(requireUrl(postgresUrl), !configuration.withoutMatchingIndexes)
      : undefined;
  progress(
    `starting Temporal (${configuration.temporalStore}) and FerretDB (${configuration.ferretDbBackend})${durable ? ', every commit flushed (--durable)' : ''}`,
  );
  const temporal = await startTemporal(configuration, durable);
  const forgetTemporal = stopOnInterrupt(() => temporal.stop());
  let ferretDb: ManagedProcess;
  try {
    ferretDb = await startBenchFerretDb({
      dataDir: liveDir,
      port: profiles.bench.ferretDbPort,
      name: 'ferretdb',
      postgresUrl: ferretDbPostgresUrl,
      sqliteOptions: configuration.ferretDbSqliteOptions,
      debugPort: FERRETDB_DEBUG_PORT,
    });
  } catch (error) {
    await temporal.stop();
    throw error;
  }
  const forgetFerretDb = stopOnInterrupt(() => ferretDb.stop());
  return {
    temporalAddress: `127.0.0.1:${profiles.bench.temporalPort}`,
    mongodbUri: `mongodb://127.0.0.1:${profiles.bench.ferretDbPort}`,
    temporal,
    ferretDb,
    async stop() {
      // The database outlives the workflow engine, as in scripts/dev-stack/stack.ts.
      await temporal.stop();
      await ferretDb.stop();
      forgetTemporal();
      forgetFerretDb();
    },
  };
}
