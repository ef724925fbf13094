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
  /** Mailpit's SMTP and web ports (0: any free port); absent: no mail catcher. */
  mailpit?: { smtpPort: number; httpPort: number };
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
    mailpit: { smtpPort: 1025, httpPort: 8025 },
  },
  test: {
    name: 'test',
    dataDir: dataDir('test'),
    temporalPort: 17233,
    ferretDbPort: 37017,
    postgresPort: 35432,
    database: 'dealreg_test',
    durable: false,
    // Any free ports: test runs of several checkouts may share one machine's servers.
    mailpit: { smtpPort: 0, httpPort: 0 },
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
    mailpit: { smtpPort: 0, httpPort: 0 },
  },
} as const satisfies Record<string, StackProfile>;

export type ProfileName = keyof typeof profiles;

export const runDirOf = (profile: StackProfile) => path.join(profile.dataDir, 'run');
