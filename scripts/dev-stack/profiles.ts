import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..');

/**
 * Where a stack keeps its data and which ports it uses; no two profiles overlap. `dev` is npm start's;
 * `supervisor-test` is the same stack on ports of its own, for the tests of npm start itself.
 */
export interface StackProfile {
  name: 'dev' | 'test' | 'bench' | 'supervisor-test';
  dataDir: string;
  temporalPort: number;
  temporalUiPort?: number;
  ferretDbPort: number;
  /** The stack's own PostgreSQL, FerretDB's storage. */
  postgresPort: number;
  database: string;
  /** Every commit flushed before it is acknowledged (see postgres.ts and servers.ts); tests and bench trade it for speed. */
  durable: boolean;
  /** The API and the worker's /metrics, where npm start runs them. */
  apiPort?: number;
  workerMetricsPort?: number;
}

const dataDir = (name: string) => path.join(projectRoot, '.data', name);

export const profiles = {
  dev: {
    name: 'dev',
    dataDir: dataDir('dev'),
    temporalPort: 7233,
    temporalUiPort: 8233,
    ferretDbPort: 27017,
    postgresPort: 25432,
    database: 'dealreg',
    durable: true,
    apiPort: 3000,
    workerMetricsPort: 9464,
  },
  test: {
    name: 'test',
    dataDir: dataDir('test'),
    temporalPort: 17233,
    ferretDbPort: 37017,
    postgresPort: 35432,
    database: 'dealreg_test',
    durable: false,
  },
  bench: {
    name: 'bench',
    dataDir: dataDir('bench'),
    temporalPort: 27233,
    temporalUiPort: 28233,
    ferretDbPort: 47017,
    postgresPort: 45432,
    database: 'dealreg_bench',
    durable: false,
  },
  'supervisor-test': {
    name: 'supervisor-test',
    dataDir: dataDir('supervisor-test'),
    temporalPort: 19233,
    temporalUiPort: 19234,
    ferretDbPort: 19017,
    postgresPort: 19432,
    database: 'dealreg',
    durable: true,
    apiPort: 19300,
    workerMetricsPort: 19464,
  },
} as const satisfies Record<string, StackProfile>;

export type ProfileName = keyof typeof profiles;

export const runDirOf = (profile: StackProfile) => path.join(profile.dataDir, 'run');
