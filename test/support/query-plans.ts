import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { applyPostgresMatchingIndexes } from '../../scripts/dev-stack/ferretdb-matching-indexes';
import { databaseUrl } from '../../scripts/dev-stack/postgres';
import { freePort } from '../../scripts/dev-stack/processes';
import { startFerretDb } from '../../scripts/dev-stack/servers';
import { projectRoot } from '../../scripts/dev-stack/stack';

/**
 * Plans that auto_explain wrote to a PostgreSQL server log (stderr format, `log_line_prefix` carrying
 * `db=%d`, `auto_explain.log_format = json`): one entry per statement executed in `database`.
 */
export interface LoggedPlan {
  query: string;
  /** Every relation the plan reads by a sequential scan. */
  sequentialScans: string[];
}

const entryStart = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] db=(\S*) /;

export async function logSize(file: string): Promise<number> {
  return (await readFile(file)).length;
}

export async function plansLoggedSince(file: string, offset: number, database: string): Promise<LoggedPlan[]> {
  const text = (await readFile(file)).subarray(offset).toString('utf8');
  const entries: Array<{ database: string; lines: string[] }> = [];
  for (const line of text.split('\n')) {
    const start = entryStart.exec(line);
    if (start) entries.push({ database: start[1] ?? '', lines: [line.slice(start[0].length)] });
    else entries.at(-1)?.lines.push(line);
  }
  return entries
    .filter((entry) => entry.database === database)
    .map((entry) => entry.lines.join('\n'))
    .flatMap((message) => {
      const at = message.indexOf('plan:');
      if (!message.startsWith('LOG:') || at < 0) return [];
      const explained = JSON.parse(message.slice(at + 'plan:'.length)) as { 'Query Text': string; Plan: PlanNode };
      return [{ query: explained['Query Text'], sequentialScans: sequentialScansOf(explained.Plan) }];
    });
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function sequentialScansOf(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(sequentialScansOf)];
}

/** A FerretDB of its own on a fresh database of the stack's PostgreSQL, every statement's plan logged. */
export interface PlannedStore {
  /** The PostgreSQL database the plans are logged for. */
  database: string;
  /** Where mongoose connects: MONGODB_URI is set to it until `stop`. */
  mongodbUri: string;
  psql<Row extends object>(sql: string): Promise<Row[]>;
  stop(): Promise<void>;
}

export async function startPlannedStore(serverUrl: string, label: string): Promise<PlannedStore> {
  const database = `dealreg_${label}_${randomBytes(3).toString('hex')}`;
  const server = new Client({ connectionString: serverUrl });
  await server.connect();
  await server.query(`create database ${database}`);
  await server.query(`alter database ${database} set auto_explain.log_min_duration = 0`);
  await server.query(`alter database ${database} set auto_explain.log_format = 'json'`);
  await server.end();
  const plansUrl = databaseUrl(serverUrl, database);
  await applyPostgresMatchingIndexes(plansUrl, (error) => {
    throw error;
  });
  const port = await freePort();
  const ferret = await startFerretDb({
    dataDir: path.join(projectRoot, '.data', 'test', label),
    port,
    postgresUrl: plansUrl,
    name: `ferretdb-${label}`,
  });
  const previousMongoUri = process.env.MONGODB_URI;
  const mongodbUri = `mongodb://127.0.0.1:${port}/plans`;
  process.env.MONGODB_URI = mongodbUri;
  return {
    database,
    mongodbUri,
    async psql<Row extends object>(sql: string): Promise<Row[]> {
      const client = new Client({ connectionString: plansUrl });
      await client.connect();
      try {
        return (await client.query<Row>(sql)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      await ferret.stop();
      process.env.MONGODB_URI = previousMongoUri;
    },
  };
}

/** The PostgreSQL tables of some collections of a Mongo database on the store, by table name. */
export async function tablesOf(
  store: PlannedStore,
  mongodbUri: string,
  collections: readonly string[],
): Promise<Map<string, string>> {
  const schema = new URL(mongodbUri).pathname.slice(1);
  const tables = await store.psql<{ collection: string; table: string }>(
    `select _jsonb->>'_id' as collection, _jsonb->>'table' as "table" from ${schema}._ferretdb_database_metadata`,
  );
  return new Map(
    tables.filter((row) => collections.includes(row.collection)).map((row) => [row.table, row.collection]),
  );
}
