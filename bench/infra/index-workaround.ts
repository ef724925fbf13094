import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * FerretDB v1.24.2 creates indexes that its own queries cannot use (checked with each backend's planner):
 * - PostgreSQL: the index is a btree on `_jsonb -> 'field'`, the query filters with `(_jsonb -> 'field')
 *   @> '"value"'`, which only a GIN index serves, so `_id` and `key` lookups are sequential scans
 *   (FerretDB issue #4646);
 * - SQLite: the `_id` index is on `_ferretdb_sjson->"_id"`, the query on `_ferretdb_sjson->'$._id'`, so
 *   `_id` lookups scan too; other filters are not pushed down to SQLite at all.
 * These add indexes that do match the queries, outside FerretDB (it ignores indexes it did not create).
 * The growth phase adds them to every database it times, as the default store has them (until the dev
 * stack's own module, scripts/dev-stack/ferretdb-matching-indexes.ts, replaces this one).
 */
const collections = {
  registrations: ['_id', 'listKeys', 'sequence'],
  dealkeys: ['_id', 'key'],
  sequencenumbers: ['_id'],
  policies: ['_id'],
  counters: ['_id'],
  escalations: ['_id', 'listKeys'],
} as const;

/** Adds (or with `drop`, removes) the matching indexes; the growth data is kept between runs, so both are needed. */
export async function postgresMatchingIndexes(
  postgresUrl: string,
  schema: string,
  action: 'add' | 'drop',
): Promise<string[]> {
  const url = new URL(postgresUrl);
  const psql = (sql: string) =>
    execFileAsync('psql', [
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      url.username || 'postgres',
      '-d',
      url.pathname.slice(1),
      '-tA',
      '-c',
      sql,
    ]);
  const created: string[] = [];
  for (const [collection, fields] of Object.entries(collections)) {
    const { stdout } = await psql(
      `select table_name from information_schema.tables where table_schema = '${schema}' and table_name like '${collection}\\_%'`,
    );
    const table = stdout.trim().split('\n')[0];
    if (!table) continue;
    for (const field of fields) {
      const name = `${table}_${field.replace(/\W/g, '')}_gin`;
      await psql(
        action === 'add'
          ? `create index if not exists "${name}" on "${schema}"."${table}" using gin ((_jsonb -> '${field}') jsonb_path_ops) with (fastupdate = off)`
          : `drop index if exists "${schema}"."${name}"`,
      );
      created.push(`${collection}.${field} (gin)`);
    }
  }
  return created;
}

export async function sqliteMatchingIndexes(databaseFile: string, action: 'add' | 'drop'): Promise<string[]> {
  const sqlite = (sql: string) => execFileAsync('sqlite3', ['-cmd', '.timeout 30000', databaseFile, sql]);
  const created: string[] = [];
  for (const collection of Object.keys(collections)) {
    const { stdout } = await sqlite(`select table_name from _ferretdb_collections where name = '${collection}'`);
    const table = stdout.trim();
    if (!table) continue;
    await sqlite(
      action === 'add'
        ? `create index if not exists "${table}_id_query" on "${table}" (_ferretdb_sjson->'$._id')`
        : `drop index if exists "${table}_id_query"`,
    );
    created.push(`${collection}._id (as queried)`);
  }
  return created;
}
