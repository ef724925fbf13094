import path from 'node:path';
import { z } from 'zod';
import {
  applyPostgresMatchingIndexes,
  applySqliteMatchingIndexes,
  type MatchingIndexes,
} from './ferretdb-matching-indexes';
import { startMailpit, stopLeftoverMailpit } from './mailpit';
import {
  databaseUrl,
  ensureDatabase,
  findPostgresBinDir,
  installPostgresIfAllowed,
  postgresAccount,
  postgresAnswers,
  postgresStop,
  startPostgres,
} from './postgres';
import { freePort, killLeftover, type ManagedProcess } from './processes';
import { mongoAnswers, startFerretDb, startTemporalServer, temporalAnswers } from './servers';
import { copySqliteStore, uncopiedSqliteStore } from './sqlite-copy';
import { toolPath } from './tools';

export const projectRoot = path.resolve(__dirname, '..', '..');

/** Where a stack keeps its data and which ports it uses; `dev` (npm start) and `test` (npm test) never overlap. */
export interface StackProfile {
  name: 'dev' | 'test' | 'bench';
  dataDir: string;
  temporalPort: number;
  temporalUiPort?: number;
  ferretDbPort: number;
  /** The stack's own PostgreSQL, FerretDB's storage. */
  postgresPort: number;
  database: string;
  /** Mailpit's SMTP and web ports (0: any free port); absent: no mail catcher. */
  mailpit?: { smtpPort: number; httpPort: number };
}

export const profiles = {
  dev: {
    name: 'dev',
    dataDir: path.join(projectRoot, '.data', 'dev'),
    temporalPort: 7233,
    temporalUiPort: 8233,
    ferretDbPort: 27017,
    postgresPort: 25432,
    database: 'dealreg',
    mailpit: { smtpPort: 1025, httpPort: 8025 },
  },
  test: {
    name: 'test',
    dataDir: path.join(projectRoot, '.data', 'test'),
    temporalPort: 17233,
    ferretDbPort: 37017,
    postgresPort: 35432,
    database: 'dealreg_test',
    // Any free ports: test runs of several checkouts may share one machine's servers.
    mailpit: { smtpPort: 0, httpPort: 0 },
  },
  bench: {
    name: 'bench',
    dataDir: path.join(projectRoot, '.data', 'bench'),
    temporalPort: 27233,
    temporalUiPort: 28233,
    ferretDbPort: 47017,
    postgresPort: 45432,
    database: 'dealreg_bench',
  },
} as const satisfies Record<string, StackProfile>;

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
  /** Where the worker sends mail: SMTP_URL, or the Mailpit this stack started. */
  smtpUrl?: string;
  /** The started Mailpit's web address (its API; its web interface too when `mailWebUi`). */
  mailWebUrl?: string;
  mailWebUi?: boolean;
  /** Servers this process started (empty when both are external). */
  processes: ManagedProcess[];
  stop(): Promise<void>;
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
});

type Storage =
  | { backend: 'postgresql'; externalUrl: string }
  | { backend: 'postgresql'; binDir: string }
  | { backend: 'sqlite'; why?: string };

function chooseStorage(env: NodeJS.ProcessEnv): Storage {
  const parsed = stackEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`local stack environment: ${z.prettifyError(parsed.error)}`);
  const { DEALREG_FERRETDB_POSTGRES_URL: externalUrl, DEALREG_FERRETDB_BACKEND: wanted } = parsed.data;
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
 * TEMPORAL_ADDRESS / MONGODB_URI when set (nothing is started then), otherwise local ones.
 */
export async function startStack(profile: StackProfile, env: NodeJS.ProcessEnv = process.env): Promise<RunningStack> {
  const processes: ManagedProcess[] = [];
  let matchingIndexes: MatchingIndexes | undefined;
  const stop = async () => {
    await matchingIndexes?.stop();
    // Reverse order of starting: FerretDB before the PostgreSQL it stores into.
    for (const proc of [...processes].reverse()) await proc.stop();
  };
  try {
    let temporalAddress = env.TEMPORAL_ADDRESS;
    let temporalUiUrl = env.TEMPORAL_UI_URL;
    if (temporalAddress) {
      if (!(await temporalAnswers(temporalAddress).catch(() => false))) {
        throw new Error(`TEMPORAL_ADDRESS=${temporalAddress} does not answer`);
      }
    } else {
      progress(`starting Temporal dev server on 127.0.0.1:${profile.temporalPort}`);
      processes.push(
        await startTemporalServer({
          dataDir: profile.dataDir,
          port: profile.temporalPort,
          uiPort: 'temporalUiPort' in profile ? profile.temporalUiPort : undefined,
        }),
      );
      temporalAddress = `127.0.0.1:${profile.temporalPort}`;
      if ('temporalUiPort' in profile && profile.temporalUiPort)
        temporalUiUrl = `http://127.0.0.1:${profile.temporalUiPort}`;
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
        const own = await startPostgres({
          binDir: storage.binDir,
          dataDir: profile.dataDir,
          port: profile.postgresPort,
        });
        processes.push(own.proc);
        await ensureDatabase(own.serverUrl, ferretDbPostgresDatabase);
        postgresUrl = databaseUrl(own.serverUrl, ferretDbPostgresDatabase);
        postgresLogFile = own.logFile;
      } else if ('externalUrl' in storage) {
        postgresUrl = storage.externalUrl;
        const database = new URL(postgresUrl).pathname.slice(1);
        if (await ensureDatabase(postgresUrl, database).catch(() => false))
          progress(`created PostgreSQL database ${database}`);
        if (!(await postgresAnswers(postgresUrl).catch(() => false)))
          throw new Error('DEALREG_FERRETDB_POSTGRES_URL does not answer');
      }
      if (postgresUrl) matchingIndexes = await applyPostgresMatchingIndexes(postgresUrl, reportError);
      const sqliteDir = path.join(profile.dataDir, 'ferretdb');
      const backendLabel =
        storage.backend === 'sqlite'
          ? `SQLite backend${storage.why ? `, because ${storage.why}: slower, and lookups scan` : ''}`
          : `PostgreSQL backend${'externalUrl' in storage ? ' (DEALREG_FERRETDB_POSTGRES_URL)' : ''}`;
      progress(`starting FerretDB (${backendLabel}) on 127.0.0.1:${profile.ferretDbPort}`);
      processes.push(await startFerretDb({ dataDir: profile.dataDir, port: profile.ferretDbPort, postgresUrl }));
      if (storage.backend === 'sqlite') {
        matchingIndexes = await applySqliteMatchingIndexes(sqliteDir, reportError);
        if (!matchingIndexes) progress('no sqlite3 command found: FerretDB runs without its _id index workaround');
      } else if (await uncopiedSqliteStore(sqliteDir)) {
        await copySqliteStore(
          { dataDir: profile.dataDir, sqliteDir, targetUri: `mongodb://127.0.0.1:${profile.ferretDbPort}` },
          progress,
        );
      }
      mongodbUri = `mongodb://127.0.0.1:${profile.ferretDbPort}/${profile.database}`;
    }
    const mail = await startMailCatcher(profile, env, processes);
    return {
      ...mail,
      temporalAddress,
      temporalUiUrl,
      mongodbUri,
      ferretDbBackend,
      postgresUrl,
      postgresLogFile,
      processes,
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

/** Mailpit, unless SMTP_URL names a mail server (or the profile has none). */
async function startMailCatcher(profile: StackProfile, env: NodeJS.ProcessEnv, processes: ManagedProcess[]) {
  if (env.SMTP_URL || !profile.mailpit) return { smtpUrl: env.SMTP_URL };
  const smtpPort = profile.mailpit.smtpPort || (await freePort());
  const httpPort = profile.mailpit.httpPort || (await freePort());
  progress(`starting Mailpit (mail catcher) on 127.0.0.1:${smtpPort}, web ${httpPort}`);
  const mailpit = await startMailpit({ dataDir: profile.dataDir, smtpPort, httpPort });
  processes.push(mailpit.proc);
  return { smtpUrl: mailpit.smtpUrl, mailWebUrl: mailpit.webUrl, mailWebUi: mailpit.webUi };
}

/** Stops servers an earlier run of this profile left behind (its parent was killed before it could). */
export async function stopLeftoverServers(profile: StackProfile): Promise<void> {
  const runDir = path.join(profile.dataDir, 'run');
  await killLeftover(runDir, 'temporal', toolPath('temporal'));
  await killLeftover(runDir, 'ferretdb', toolPath('ferretdb'));
  await stopLeftoverMailpit(profile.dataDir);
  await killLeftover(runDir, 'postgres', 'postgres', postgresStop);
}
