/**
 * The server and worker settings the benchmark can run under. `sqlite-file` is what `npm start` runs;
 * the others each change one thing (or combine the ones that helped), so a sweep says what each is worth.
 */
export interface Configuration {
  description: string;
  /** FerretDB's storage: embedded SQLite (the local default) or PostgreSQL. */
  ferretDbBackend: 'sqlite' | 'postgresql';
  /**
   * SQLite connection options for FerretDB's `--sqlite-url` (none: FerretDB's defaults, which are WAL,
   * synchronous=FULL, busy_timeout 10 s and deferred transactions, with up to 100 connections).
   */
  ferretDbSqliteOptions?: string;
  /** Temporal's dev server: a SQLite file (WAL, no fsync; as `npm start`) or SQLite in memory. */
  temporalStore: 'file' | 'memory';
  /** `--dynamic-config-value` pairs for the dev server. */
  temporalDynamicConfig: Record<string, unknown>;
  /** Add indexes that match FerretDB's own queries (infra/index-workaround.ts) once the collections exist. */
  matchingIndexes?: boolean;
  /** Worker options (createDealregWorker's `tuning`); empty keeps the SDK defaults. */
  workerTuning: Record<string, number>;
}

/**
 * The dev server forces a search-attribute cache refresh on every read so that attributes created a
 * moment ago are visible at once; ours are registered at server start, and every registration workflow
 * is started and upserted with search attributes, so that refresh is paid on each of them.
 */
const noSearchAttributeRefresh = { 'system.forceSearchAttributesCacheRefreshOnRead': false };
/** One worker process polls the queue: with the default four partitions its pollers and tasks spread thin. */
const singlePartition = { 'matching.numTaskqueueReadPartitions': 1, 'matching.numTaskqueueWritePartitions': 1 };

export const configurations = {
  'sqlite-file': {
    description: 'as npm start: Temporal SQLite file (WAL, synchronous=OFF), FerretDB SQLite, SDK worker defaults',
    ferretDbBackend: 'sqlite',
    temporalStore: 'file',
    temporalDynamicConfig: {},
    workerTuning: {},
  },
  'ferretdb-sqlite-tuned': {
    description:
      'FerretDB SQLite with synchronous=NORMAL (no fsync per commit, like the dev server) and IMMEDIATE transactions',
    ferretDbBackend: 'sqlite',
    ferretDbSqliteOptions: '_txlock=immediate&_pragma=synchronous(normal)',
    temporalStore: 'file',
    temporalDynamicConfig: {},
    workerTuning: {},
  },
  'ferretdb-sqlite-indexed': {
    description: 'FerretDB SQLite tuned as above, plus an _id index matching the expression FerretDB queries with',
    ferretDbBackend: 'sqlite',
    ferretDbSqliteOptions: '_txlock=immediate&_pragma=synchronous(normal)',
    matchingIndexes: true,
    temporalStore: 'file',
    temporalDynamicConfig: {},
    workerTuning: {},
  },
  'temporal-memory': {
    description: 'Temporal keeps its SQLite store in memory',
    ferretDbBackend: 'sqlite',
    temporalStore: 'memory',
    temporalDynamicConfig: {},
    workerTuning: {},
  },
  'no-sa-refresh': {
    description: 'dev server without the forced search-attribute cache refresh on every read',
    ferretDbBackend: 'sqlite',
    temporalStore: 'file',
    temporalDynamicConfig: noSearchAttributeRefresh,
    workerTuning: {},
  },
  'single-partition': {
    description: 'one task-queue partition (read and write) for the single worker',
    ferretDbBackend: 'sqlite',
    temporalStore: 'file',
    temporalDynamicConfig: singlePartition,
    workerTuning: {},
  },
  'worker-small-cache': {
    description: 'worker caches 100 workflows (default: sized by memory) and runs 20 activities at once (default 100)',
    ferretDbBackend: 'sqlite',
    temporalStore: 'file',
    temporalDynamicConfig: {},
    workerTuning: { maxCachedWorkflows: 100, maxConcurrentActivityTaskExecutions: 20 },
  },
  postgresql: {
    description: 'FerretDB on PostgreSQL 15, with the indexes FerretDB creates',
    ferretDbBackend: 'postgresql',
    temporalStore: 'file',
    temporalDynamicConfig: {},
    workerTuning: {},
  },
  'postgresql-indexed': {
    description: 'FerretDB on PostgreSQL plus GIN indexes on _id and key that its containment queries can use',
    ferretDbBackend: 'postgresql',
    matchingIndexes: true,
    temporalStore: 'file',
    temporalDynamicConfig: {},
    workerTuning: {},
  },
  'postgresql-tuned': {
    description: 'FerretDB on PostgreSQL, dev server without forced search-attribute refresh, one partition',
    ferretDbBackend: 'postgresql',
    temporalStore: 'file',
    temporalDynamicConfig: { ...noSearchAttributeRefresh, ...singlePartition },
    workerTuning: {},
  },
} as const satisfies Record<string, Configuration>;

export type ConfigurationName = keyof typeof configurations;
export const configurationNames = Object.keys(configurations) as ConfigurationName[];
