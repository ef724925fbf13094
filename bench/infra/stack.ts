import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { killLeftover, type ManagedProcess, spawnManaged, waitUntilReady } from '../../scripts/dev-stack/processes';
import { mongoAnswers, temporalAnswers } from '../../scripts/dev-stack/servers';
import { profiles, progress } from '../../scripts/dev-stack/stack';
import { ensureTool, toolPath } from '../../scripts/dev-stack/tools';
import { searchAttributeTypes } from '../../workflows/search-attributes';
import { stopOnInterrupt } from './cleanup';
import type { Configuration } from './configurations';

const execFileAsync = promisify(execFile);

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
async function startTemporal(configuration: Configuration): Promise<ManagedProcess> {
  const binary = await ensureTool('temporal');
  const runDir = path.join(liveDir, 'run');
  const store =
    configuration.temporalStore === 'file'
      ? [
          '--db-filename',
          path.join(liveDir, 'temporal.db'),
          '--sqlite-pragma',
          'journal_mode=WAL',
          '--sqlite-pragma',
          'synchronous=OFF',
        ]
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
 * FerretDB's PostgreSQL backend needs the database to exist (`createdb` is the plain way to make it) and
 * custom plans for its prepared statements; both must be in place before FerretDB connects.
 */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const database = parsed.pathname.replace(/^\//, '');
  const args = ['-h', parsed.hostname, '-p', parsed.port || '5432', '-U', parsed.username || 'postgres', database];
  try {
    await execFileAsync('createdb', args);
    progress(`created PostgreSQL database ${database}`);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    if (!stderr.includes('already exists')) {
      throw new Error(`could not create PostgreSQL database ${database} (${url}): ${stderr.trim()}`);
    }
  }
  // FerretDB prepares every statement; a generic plan never uses an expression index (issue 10).
  await execFileAsync('psql', [
    ...args.slice(0, -1),
    '-d',
    database,
    '-c',
    `alter database "${database}" set plan_cache_mode = force_custom_plan`,
  ]);
}

/** PostgreSQL URL of a database next to the configured one (the growth data is kept apart from the live runs). */
export function siblingDatabaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function startBenchStack(configuration: Configuration, postgresUrl: string): Promise<BenchStack> {
  const runDir = path.join(liveDir, 'run');
  // A run killed outright leaves its processes behind; their pid files are about to be wiped.
  for (const child of ['api', 'worker', 'baseline-worker', 'bare-express']) await killLeftover(runDir, child, 'tsx');
  await killLeftover(runDir, 'temporal', toolPath('temporal'));
  await killLeftover(runDir, 'ferretdb', toolPath('ferretdb'));
  await rm(liveDir, { recursive: true, force: true });
  await mkdir(liveDir, { recursive: true });
  // A fresh FerretDB schema per run on PostgreSQL too: each run's database name is new (see run.ts).
  if (configuration.ferretDbBackend === 'postgresql') await ensurePostgresDatabase(postgresUrl);
  progress(`starting Temporal (${configuration.temporalStore}) and FerretDB (${configuration.ferretDbBackend})`);
  const temporal = await startTemporal(configuration);
  const forgetTemporal = stopOnInterrupt(() => temporal.stop());
  let ferretDb: ManagedProcess;
  try {
    ferretDb = await startBenchFerretDb({
      dataDir: liveDir,
      port: profiles.bench.ferretDbPort,
      name: 'ferretdb',
      postgresUrl: configuration.ferretDbBackend === 'postgresql' ? postgresUrl : undefined,
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
