import path from 'node:path';
import { killLeftover, type ManagedProcess } from './processes';
import { mongoAnswers, startFerretDb, startTemporalServer, temporalAnswers } from './servers';
import { toolPath } from './tools';

export const projectRoot = path.resolve(__dirname, '..', '..');

/** Where a stack keeps its data and which ports it uses; `dev` (npm start) and `test` (npm test) never overlap. */
export interface StackProfile {
  name: 'dev' | 'test' | 'bench';
  dataDir: string;
  temporalPort: number;
  temporalUiPort?: number;
  ferretDbPort: number;
  database: string;
}

export const profiles = {
  dev: {
    name: 'dev',
    dataDir: path.join(projectRoot, '.data', 'dev'),
    temporalPort: 7233,
    temporalUiPort: 8233,
    ferretDbPort: 27017,
    database: 'dealreg',
  },
  test: {
    name: 'test',
    dataDir: path.join(projectRoot, '.data', 'test'),
    temporalPort: 17233,
    ferretDbPort: 37017,
    database: 'dealreg_test',
  },
  bench: {
    name: 'bench',
    dataDir: path.join(projectRoot, '.data', 'bench'),
    temporalPort: 27233,
    temporalUiPort: 28233,
    ferretDbPort: 47017,
    database: 'dealreg_bench',
  },
} as const satisfies Record<string, StackProfile>;

export interface RunningStack {
  temporalAddress: string;
  temporalUiUrl?: string;
  mongodbUri: string;
  /** Servers this process started (empty when both are external). */
  processes: ManagedProcess[];
  stop(): Promise<void>;
}

/**
 * Ensures a Temporal server and a MongoDB-wire database are reachable: the ones named by
 * TEMPORAL_ADDRESS / MONGODB_URI when set (nothing is started then), otherwise local ones.
 */
export async function startStack(profile: StackProfile, env: NodeJS.ProcessEnv = process.env): Promise<RunningStack> {
  const processes: ManagedProcess[] = [];
  const stop = async () => {
    // Reverse order: the database outlives the workflow engine that may still be writing through activities.
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
    if (mongodbUri) {
      if (!(await mongoAnswers(mongodbUri).catch(() => false))) throw new Error(`MONGODB_URI does not answer`);
    } else {
      const backend = env.DEALREG_FERRETDB_POSTGRES_URL ? 'PostgreSQL' : 'SQLite';
      progress(`starting FerretDB (${backend} backend) on 127.0.0.1:${profile.ferretDbPort}`);
      processes.push(
        await startFerretDb({
          dataDir: profile.dataDir,
          port: profile.ferretDbPort,
          postgresUrl: env.DEALREG_FERRETDB_POSTGRES_URL,
        }),
      );
      mongodbUri = `mongodb://127.0.0.1:${profile.ferretDbPort}/${profile.database}`;
    }
    return { temporalAddress, temporalUiUrl, mongodbUri, processes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function progress(message: string): void {
  process.stderr.write(`dealreg: ${message}\n`);
}

/** Stops servers an earlier run of this profile left behind (its parent was killed before it could). */
export async function stopLeftoverServers(profile: StackProfile): Promise<void> {
  const runDir = path.join(profile.dataDir, 'run');
  await killLeftover(runDir, 'temporal', toolPath('temporal'));
  await killLeftover(runDir, 'ferretdb', toolPath('ferretdb'));
}
