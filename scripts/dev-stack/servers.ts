import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { searchAttributeTypes } from '../../workflows/search-attributes';
import { isPortOpen, killLeftover, type ManagedProcess, spawnManaged, waitUntilReady } from './processes';
import { ensureTool } from './tools';

export interface TemporalServerOptions {
  dataDir: string;
  port: number;
  /** Web UI port; `undefined` runs the server headless. */
  uiPort?: number;
  /** Flush every commit (npm start); without, a crash of the machine may lose or corrupt the store. */
  durable?: boolean;
}

/**
 * Temporal's SQLite store in WAL mode. Durable: synchronous=FULL flushes the WAL at every commit, so a
 * workflow whose start was acknowledged survives a power cut (NORMAL could lose the last commits while
 * PostgreSQL kept the registration they stored). Otherwise synchronous=OFF: no flush at all.
 */
export function temporalSqlitePragmas(durable: boolean): string[] {
  return ['--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', `synchronous=${durable ? 'FULL' : 'OFF'}`];
}

async function refuseTakenPort(port: number, what: string): Promise<void> {
  if (await isPortOpen(port)) {
    throw new Error(
      `port ${port} for ${what} is already in use by another program; stop it, or point dealreg at that server with the environment (TEMPORAL_ADDRESS / MONGODB_URI)`,
    );
  }
}

/** Temporal's dev server with a persistent SQLite file. */
export async function startTemporalServer(options: TemporalServerOptions): Promise<ManagedProcess> {
  const binary = await ensureTool('temporal');
  const runDir = path.join(options.dataDir, 'run');
  await killLeftover(runDir, 'temporal', binary);
  await refuseTakenPort(options.port, 'Temporal');
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.join(options.dataDir, 'temporal.db'),
    ...temporalSqlitePragmas(options.durable ?? false),
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'warn',
    // A submission starts its workflow and waits for its acceptance in one call (update-with-start);
    // the dev server allows it by default, a cluster must be configured so: said here, not assumed.
    '--dynamic-config-value',
    'frontend.enableExecuteMultiOperation=true',
    ...Object.entries(searchAttributeTypes).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
    ...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']),
  ];
  const proc = await spawnManaged({ name: 'temporal', command: binary, args, runDir });
  await waitUntilReady(proc, 'Temporal dev server', () => temporalAnswers(`127.0.0.1:${options.port}`));
  return proc;
}

/** True when the Temporal frontend answers a real RPC, not merely when its port is open. */
export async function temporalAnswers(address: string, namespace = 'default'): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } finally {
    await connection.close();
  }
}

export interface FerretDbOptions {
  dataDir: string;
  port: number;
  /** Defaults to the embedded SQLite backend; a postgres:// URL selects the PostgreSQL backend. */
  postgresUrl?: string;
  /** Name of the pid/log files, so tests can run a second, private instance. */
  name?: string;
  /** Its SQLite files and state; <dataDir>/<name> by default. */
  storageDir?: string;
}

export async function startFerretDb(options: FerretDbOptions): Promise<ManagedProcess> {
  const binary = await ensureTool('ferretdb');
  const name = options.name ?? 'ferretdb';
  const runDir = path.join(options.dataDir, 'run');
  await killLeftover(runDir, name, binary);
  await refuseTakenPort(options.port, 'FerretDB');
  const storage = options.storageDir ?? path.join(options.dataDir, name);
  const backend = options.postgresUrl
    ? ['--handler=postgresql', `--postgresql-url=${options.postgresUrl}`]
    : ['--handler=sqlite', `--sqlite-url=file:${storage}/`];
  await mkdir(storage, { recursive: true });
  const args = [
    ...backend,
    `--listen-addr=127.0.0.1:${options.port}`,
    '--debug-addr=127.0.0.1:0',
    `--state-dir=${storage}`,
    '--telemetry=disable',
    '--log-level=warn',
  ];
  const proc = await spawnManaged({ name, command: binary, args, runDir });
  await waitUntilReady(proc, 'FerretDB', () => mongoAnswers(`mongodb://127.0.0.1:${options.port}/admin`));
  return proc;
}

/** True when a MongoDB-wire server answers `ping`. */
export async function mongoAnswers(uri: string): Promise<boolean> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 2000 });
  try {
    await connection.asPromise();
    await connection.db?.admin().ping();
    return true;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
