/**
 * The server and worker settings the benchmark can run under. `postgresql` is what `npm start` runs;
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
  /** Temporal's dev server: a SQLite file (WAL; flushed at each commit only with --durable, as npm start) or SQLite in memory. */
  temporalStore: 'file' | 'memory';
  /** `--dynamic-config-value` pairs for the dev server. */
  temporalDynamicConfig: Record<string, unknown>;
  /**
   * Leave out the indexes that match FerretDB's own queries (scripts/dev-stack/ferretdb-matching-indexes.ts,
   * which the local stack always applies), to measure what they are worth.
   */
  withoutMatchingIndexes?: boolean;
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
/** WAL without an fsync per commit (as the dev server runs its own SQLite), and writers that queue instead of failing. */
const sqliteTuned = '_txlock=immediate&_pragma=synchronous(normal)';

const asNpmStart: Configuration = {
  description:
    'as npm start: FerretDB on PostgreSQL with GIN indexes matching its queries, Temporal SQLite file (WAL), SDK worker defaults; commits flushed only with --durable',
  ferretDbBackend: 'postgresql',
  temporalStore: 'file',
  temporalDynamicConfig: {},
  workerTuning: {},
};
const postgresIndexed = asNpmStart;
const sqliteFile: Configuration = {
  ...asNpmStart,
  description: "as npm start without PostgreSQL binaries: FerretDB SQLite, with FerretDB's own indexes",
  ferretDbBackend: 'sqlite',
  withoutMatchingIndexes: true,
};

/**
 * The database settings first (the database is what limits the service as shipped); the Temporal and
 * worker settings each on top of the best database setting, where they are not hidden behind it.
 */
export const configurations = {
  'sqlite-file': sqliteFile,
  'sqlite-tuned': {
    ...sqliteFile,
    description: 'FerretDB SQLite with synchronous=NORMAL and IMMEDIATE transactions',
    ferretDbSqliteOptions: sqliteTuned,
  },
  'sqlite-tuned-indexed': {
    ...sqliteFile,
    description: 'as sqlite-tuned, plus an _id index on the expression FerretDB queries with',
    ferretDbSqliteOptions: sqliteTuned,
    withoutMatchingIndexes: false,
  },
  'postgresql-ferretdb-indexes': {
    ...asNpmStart,
    description: 'FerretDB on PostgreSQL, with only the indexes FerretDB creates',
    withoutMatchingIndexes: true,
  },
  postgresql: postgresIndexed,
  'pg-indexed-temporal-memory': {
    ...postgresIndexed,
    description: 'postgresql, Temporal keeping its SQLite store in memory',
    temporalStore: 'memory',
  },
  'pg-indexed-no-sa-refresh': {
    ...postgresIndexed,
    description: 'postgresql, dev server without the forced search-attribute cache refresh',
    temporalDynamicConfig: noSearchAttributeRefresh,
  },
  'pg-indexed-single-partition': {
    ...postgresIndexed,
    description: 'postgresql, one task-queue partition for the single worker',
    temporalDynamicConfig: singlePartition,
  },
  'pg-indexed-small-worker-cache': {
    ...postgresIndexed,
    description: 'postgresql, worker caching 100 workflows and running 20 activities at once',
    workerTuning: { maxCachedWorkflows: 100, maxConcurrentActivityTaskExecutions: 20 },
  },
  'pg-indexed-tuned': {
    ...postgresIndexed,
    description: 'postgresql with every Temporal and worker setting above that helped',
    temporalDynamicConfig: { ...singlePartition, ...noSearchAttributeRefresh },
    workerTuning: { maxCachedWorkflows: 100, maxConcurrentActivityTaskExecutions: 20 },
  },
} as const satisfies Record<string, Configuration>;

export type ConfigurationName = keyof typeof configurations;
export const configurationNames = Object.keys(configurations) as ConfigurationName[];
