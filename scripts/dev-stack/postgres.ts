import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { commandLineOf, isProcessAlive } from './proc-tree';
import {
  isPortOpen,
  killLeftover,
  type ManagedProcess,
  type StopSignal,
  spawnManaged,
  waitUntilReady,
} from './processes';

const execFileAsync = promisify(execFile);

/** Fast shutdown of the postmaster alone: it ends its backends and helpers itself (see StopSignal). */
export const postgresStop: StopSignal = { signal: 'SIGINT', group: false };

const debianRoot = '/usr/lib/postgresql';

/** The bin folder of the newest PostgreSQL installed the Debian way (/usr/lib/postgresql/<major>/bin). */
export function findPostgresBinDir(): string | undefined {
  const majors = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((entry) => /^\d+$/.test(entry))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const bin = path.join(debianRoot, major, 'bin');
    if (existsSync(path.join(bin, 'postgres')) && existsSync(path.join(bin, 'initdb'))) return bin;
  }
  // Elsewhere (Homebrew, other distributions) pg_config on the PATH knows where the server is.
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const bin = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  return bin && existsSync(path.join(bin, 'postgres')) ? bin : undefined;
}

/** Installs Debian's `postgresql` when this process may (root with apt-get), as `npm test` does for Chromium. */
export function installPostgresIfAllowed(): boolean {
  const helper = path.resolve(__dirname, '..', 'debian-packages.mjs');
  const mayInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!mayInstall) return false;
  const result = spawnSync(process.execPath, [helper, "FerretDB's PostgreSQL storage", 'postgresql'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return result.status === 0;
}

interface Account {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. Running as root, we hand its data folder to the `postgres` system
 * account (Debian's package creates it) and start it as that user directly (spawn's uid/gid, no su), so
 * the pid we record and signal is the server's own.
 */
export function postgresAccount(): Account | undefined | 'missing' {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : 'missing';
}

export interface PostgresOptions {
  binDir: string;
  /** The profile's data folder; the cluster lives in <dataDir>/postgres, its log in <dataDir>/run. */
  dataDir: string;
  port: number;
  /** Name of the pid/log files, so a test's private stack can run a second one. */
  name?: string;
  /** Flush every commit (npm start); without, fsync is off (tests, benchmark). See serverSettings. */
  durable?: boolean;
}

export interface OwnPostgres {
  proc: ManagedProcess;
  /** Superuser URL of the server (database `postgres`); see databaseUrl. */
  serverUrl: string;
  /** The server's log (auto_explain writes its plans here; each line names its database, `%d`). */
  logFile: string;
}

/**
 * Settings passed on the command line, so an existing cluster gets them too. Durable (npm start): every
 * commit is flushed before it is acknowledged (fsync and synchronous_commit on, PostgreSQL's defaults,
 * said here so that no ALTER SYSTEM turns them off). Otherwise (the test and bench profiles) both are
 * off: faster, and a crash of the machine can corrupt the cluster beyond repair, which a throw-away
 * test cluster can afford.
 */
function serverSettings(pgdata: string, port: number, durable: boolean): string[] {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: pgdata,
    fsync: durable ? 'on' : 'off',
    synchronous_commit: durable ? 'on' : 'off',
    full_page_writes: 'on',
    // FerretDB prepares every statement; a generic plan never uses the expression indexes that serve its
    // queries (see ferretdb-matching-indexes.ts), so every execution is planned with its parameters.
    plan_cache_mode: 'force_custom_plan',
    // Loaded but silent (log_min_duration -1) until a database turns it on: ALTER DATABASE x SET
    // auto_explain.log_min_duration = 0 logs the plan of every statement run in that database.
    shared_preload_libraries: 'auto_explain',
    log_destination: 'stderr',
    logging_collector: 'off',
    log_line_prefix: '%m [%p] db=%d ',
  };
  return Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
}

/** Removes a postmaster.pid left by a killed server when its pid now belongs to some other process. */
async function clearStalePidFile(pgdata: string, binary: string): Promise<void> {
  const file = path.join(pgdata, 'postmaster.pid');
  const pid = Number((await readFile(file, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid) return;
  const command = isProcessAlive(pid) ? commandLineOf(pid) : '';
  if (command.includes(binary) && command.includes(pgdata)) {
    throw new Error(`PostgreSQL (pid ${pid}) already runs on ${pgdata}; stop it first`);
  }
  // PostgreSQL itself only trusts a dead pid; a live one that is not a postmaster (pids are reused after a
  // restart of the machine or container) would make it refuse to start.
  await rm(file, { force: true });
}

async function initCluster(
  binDir: string,
  pgdata: string,
  account: Account | undefined,
  durable: boolean,
): Promise<void> {
  const partial = `${pgdata}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true, mode: 0o700 });
  if (account) await chown(partial, account.uid, account.gid);
  const started = Date.now();
  process.stderr.write(`dealreg: initialising a PostgreSQL cluster in ${pgdata} (once; a few seconds)…\n`);
  await execFileAsync(
    path.join(binDir, 'initdb'),
    ['-D', partial, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', ...(durable ? [] : ['--no-sync'])],
    { uid: account?.uid, gid: account?.gid, cwd: '/' },
  ).catch((error) => {
    throw new Error(`initdb failed: ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
  });
  // Renamed only once complete, so an interrupted initdb is redone instead of leaving a broken cluster.
  await rename(partial, pgdata);
  process.stderr.write(`dealreg: PostgreSQL cluster ready (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

/**
 * PostgreSQL's documentation: a cluster that ran with fsync off must have its files flushed before it can
 * count on fsync again. A marker next to the cluster says it has been since it last ran without.
 */
async function flushIfItRanWithoutFsync(
  binDir: string,
  pgdata: string,
  account: Account | undefined,
  durable: boolean,
): Promise<void> {
  const marker = `${pgdata}.flushed`;
  if (!durable) return rm(marker, { force: true });
  if (existsSync(marker)) return;
  await execFileAsync(path.join(binDir, 'initdb'), ['--sync-only', '-D', pgdata], {
    uid: account?.uid,
    gid: account?.gid,
    cwd: '/',
  });
  await writeFile(marker, 'PostgreSQL runs with fsync on; deleted when it runs without\n');
}

export async function startPostgres(options: PostgresOptions): Promise<OwnPostgres> {
  const name = options.name ?? 'postgres';
  const binary = path.join(options.binDir, 'postgres');
  const runDir = path.join(options.dataDir, 'run');
  const pgdata = path.join(options.dataDir, name);
  await killLeftover(runDir, name, binary, postgresStop);
  if (await isPortOpen(options.port)) {
    throw new Error(
      `port ${options.port} for PostgreSQL is already in use by another program; stop it, or give FerretDB that server with DEALREG_FERRETDB_POSTGRES_URL`,
    );
  }
  const found = postgresAccount();
  if (found === 'missing') throw new Error("running as root, and there is no 'postgres' user to run PostgreSQL as");
  const account = found;
  await mkdir(options.dataDir, { recursive: true });
  const durable = options.durable ?? false;
  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) await initCluster(options.binDir, pgdata, account, durable);
  await clearStalePidFile(pgdata, binary);
  if (account) await chown(pgdata, account.uid, account.gid);
  await chmod(pgdata, 0o700);
  await flushIfItRanWithoutFsync(options.binDir, pgdata, account, durable);
  const proc = await spawnManaged({
    name,
    command: binary,
    args: ['-D', pgdata, ...serverSettings(pgdata, options.port, durable)],
    runDir,
    cwd: '/',
    uid: account?.uid,
    gid: account?.gid,
    stop: postgresStop,
  });
  const serverUrl = `postgres://postgres@127.0.0.1:${options.port}/postgres`;
  await waitUntilReady(proc, 'PostgreSQL', () => postgresAnswers(serverUrl), 60_000);
  return { proc, serverUrl, logFile: proc.logFile };
}

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database FerretDB keeps its data in when it is missing; an existing one is left as it is. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) return false;
    await client.query(`create database "${database.replaceAll('"', '""')}"`);
    return true;
  } catch (error) {
    // Two stacks starting at once may both find it missing.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}
