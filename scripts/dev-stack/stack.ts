import path from 'node:path';
import { z } from 'zod';
import {
  applyPostgresMatchingIndexes,
  applySqliteMatchingIndexes,
  type MatchingIndexes,
} from './ferretdb-matching-indexes';
import {
  databaseUrl,
  ensureDatabase,
  findPostgresBinDir,
  installPostgresIfAllowed,
  postgresAccount,
  postgresAnswers,
  startPostgres,
} from './postgres';
import { stopLeftoverProcesses } from './processes';
import { profiles, runDirOf, type StackProfile } from './profiles';
import { mongoAnswers, startFerretDb, startTemporalServer, temporalAnswers } from './servers';
import { STOP_BUDGET_MS } from './shutdown';
import { copySqliteStore, uncopiedSqliteStore } from './sqlite-copy';
import { Supervisor } from './supervise';

export { type ProfileName, profiles, projectRoot, runDirOf, type StackProfile } from './profiles';

export interface RunningStack {
  temporalAddress: string;
  temporalUiUrl?: string;
  mongodbUri: string;
  /** FerretDB's storage when this stack started FerretDB (undefined with MONGODB_URI). */
  ferretDbBackend?: FerretDbBackend;
  /** The PostgreSQL database FerretDB stores into (on the stack's own server: as superuser `postgres`). */
  postgresUrl?: string;
  /** The log of the stack's own PostgreSQL, where auto_explain writes (lines carry `db=<database>`). */
  postgresLogFile?: string;
  /** Keeps the servers it started running; the worker and the API join it under npm start. */
  supervisor: Supervisor;
  /** Stops everything the supervisor runs, by `deadline` (default: the stop budget from now). */
  stop(deadline?: number): Promise<void>;
}

export type FerretDbBackend = 'postgresql' | 'sqlite';

/** The PostgreSQL database (on whichever server) that FerretDB keeps every Mongo database in, one schema each. */
export const ferretDbPostgresDatabase = 'dealreg';

/** The environment of the local stack (not of the service: config/config.ts is the service's). */
const stackEnvSchema = z.object({
  /** A PostgreSQL of your own for FerretDB (its database is created when missing); nothing is started. */
  DEALREG_FERRETDB_POSTGRES_URL: z.url().optional(),
  /** `sqlite` keeps FerretDB on its embedded SQLite backend; `postgresql` fails rather than fall back. */
  DEALREG_FERRETDB_BACKEND: z.enum(['sqlite', 'postgresql']).optional(),
  /** Which profile npm start runs: `supervisor-test` is for the tests of npm start itself (test/stack). */
  DEALREG_STACK_PROFILE: z.enum(['dev', 'supervisor-test']).default('dev'),
});

function parseStackEnv(env: NodeJS.ProcessEnv) {
  const parsed = stackEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`local stack environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** npm start's profile: `dev`, unless DEALREG_STACK_PROFILE names the tests' own. */
export const startProfile = (env: NodeJS.ProcessEnv): StackProfile =>
  profiles[parseStackEnv(env).DEALREG_STACK_PROFILE];

type Storage =
  | { backend: 'postgresql'; externalUrl: string }
  | { backend: 'postgresql'; binDir: string }
  | { backend: 'sqlite'; why?: string };

function chooseStorage(env: NodeJS.ProcessEnv): Storage {
  const { DEALREG_FERRETDB_POSTGRES_URL: externalUrl, DEALREG_FERRETDB_BACKEND: wanted } = parseStackEnv(env);
  if (wanted === 'sqlite') return { backend: 'sqlite' };
  if (externalUrl) return { backend: 'postgresql', externalUrl };
  let binDir = findPostgresBinDir();
  if (!binDir && installPostgresIfAllowed()) binDir = findPostgresBinDir();
  const why = !binDir
    ? 'no PostgreSQL server binaries found (Debian: apt-get install postgresql)'
    : postgresAccount() === 'missing'
      ? "running as root and there is no 'postgres' user to run PostgreSQL as"
      : undefined;
  if (binDir && !why) return { backend: 'postgresql', binDir };
  if (wanted === 'postgresql') throw new Error(`DEALREG_FERRETDB_BACKEND=postgresql, but ${why}`);
  return { backend: 'sqlite', why };
}

/**
 * Ensures a Temporal server and a MongoDB-wire database are reachable: the ones named by
 * TEMPORAL_ADDRESS / MONGODB_URI when set (nothing is started then), otherwise local ones, each kept
 * running by the supervisor (one more server is one more `supervisor.start`).
 */
export async function startStack(
  profile: StackProfile,
  env: NodeJS.ProcessEnv = process.env,
  supervisor = new Supervisor({ say: progress, giveUp: (message) => progress(`${message}; not restarted again`) }),
): Promise<RunningStack> {
  let matchingIndexes: MatchingIndexes | undefined;
  const stop = async (deadline = Date.now() + STOP_BUDGET_MS) => {
    await matchingIndexes?.stop();
    await supervisor.stop(deadline);
  };
  const { dataDir, durable } = profile;
  try {
    let temporalAddress = env.TEMPORAL_ADDRESS;
    let temporalUiUrl = env.TEMPORAL_UI_URL;
    if (temporalAddress) {
      if (!(await temporalAnswers(temporalAddress).catch(() => false))) {
        throw new Error(`TEMPORAL_ADDRESS=${temporalAddress} does not answer`);
      }
    } else {
      progress(`starting Temporal dev server on 127.0.0.1:${profile.temporalPort}`);
      const uiPort = profile.temporalUiPort;
      await supervisor.start({
        name: 'temporal',
        start: () => startTemporalServer({ dataDir, port: profile.temporalPort, uiPort, durable }),
      });
      temporalAddress = `127.0.0.1:${profile.temporalPort}`;
      if (uiPort) temporalUiUrl = `http://127.0.0.1:${uiPort}`;
    }

    let mongodbUri = env.MONGODB_URI;
    let ferretDbBackend: FerretDbBackend | undefined;
    let postgresUrl: string | undefined;
    let postgresLogFile: string | undefined;
    if (mongodbUri) {
      if (!(await mongoAnswers(mongodbUri).catch(() => false))) throw new Error(`MONGODB_URI does not answer`);
    } else {
      const storage = chooseStorage(env);
      ferretDbBackend = storage.backend;
      const reportError = (error: unknown) => progress(`FerretDB index workaround: ${String(error)}`);
      if ('binDir' in storage) {
        progress(`starting PostgreSQL (${storage.binDir}) on 127.0.0.1:${profile.postgresPort}`);
        let serverUrl = '';
        const proc = await supervisor.start({
          name: 'postgres',
          start: async () => {
            const own = await startPostgres({ binDir: storage.binDir, dataDir, port: profile.postgresPort, durable });
            serverUrl = own.serverUrl;
            return own.proc;
          },
        });
        await ensureDatabase(serverUrl, ferretDbPostgresDatabase);
        postgresUrl = databaseUrl(serverUrl, ferretDbPostgresDatabase);
        postgresLogFile = proc.logFile;
      } else if ('externalUrl' in storage) {
        postgresUrl = storage.externalUrl;
        const database = new URL(postgresUrl).pathname.slice(1);
        if (await ensureDatabase(postgresUrl, database).catch(() => false))
          progress(`created PostgreSQL database ${database}`);
        if (!(await postgresAnswers(postgresUrl).catch(() => false)))
          throw new Error('DEALREG_FERRETDB_POSTGRES_URL does not answer');
      }
      if (postgresUrl) matchingIndexes = await applyPostgresMatchingIndexes(postgresUrl, reportError);
      const sqliteDir = path.join(dataDir, 'ferretdb');
      const backendLabel =
        storage.backend === 'sqlite'
          ? `SQLite backend${storage.why ? `, because ${storage.why}: slower, and lookups scan` : ''}`
          : `PostgreSQL backend${'externalUrl' in storage ? ' (DEALREG_FERRETDB_POSTGRES_URL)' : ''}`;
      progress(`starting FerretDB (${backendLabel}) on 127.0.0.1:${profile.ferretDbPort}`);
      const ferretDbPostgresUrl = postgresUrl;
      await supervisor.start({
        name: 'ferretdb',
        start: () => startFerretDb({ dataDir, port: profile.ferretDbPort, postgresUrl: ferretDbPostgresUrl }),
      });
      if (storage.backend === 'sqlite') {
        matchingIndexes = await applySqliteMatchingIndexes(sqliteDir, reportError);
        if (!matchingIndexes) progress('no sqlite3 command found: FerretDB runs without its _id index workaround');
      } else if (await uncopiedSqliteStore(sqliteDir)) {
        await copySqliteStore(
          { dataDir, sqliteDir, targetUri: `mongodb://127.0.0.1:${profile.ferretDbPort}` },
          progress,
        );
      }
      mongodbUri = `mongodb://127.0.0.1:${profile.ferretDbPort}/${profile.database}`;
    }
    return {
      temporalAddress,
      temporalUiUrl,
      mongodbUri,
      ferretDbBackend,
      postgresUrl,
      postgresLogFile,
      supervisor,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function progress(message: string): void {
  process.stderr.write(`dealreg: ${message}\n`);
}

/**
 * Stops what an earlier run of this profile left behind (its supervisor was killed before it could),
 * each named in one line: servers, worker and API alike.
 */
export async function stopLeftoversOf(profile: StackProfile, options: { recursive?: boolean; whose?: string } = {}) {
  await stopLeftoverProcesses(options.recursive ? profile.dataDir : runDirOf(profile), options);
}
