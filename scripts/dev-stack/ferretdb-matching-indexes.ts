import { execFile, spawnSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

/**
 * Workaround for FerretDB issue #4646 (FerretDB v1.24): the indexes FerretDB creates cannot serve the
 * queries FerretDB sends, so every lookup scans its table. This module adds, outside FerretDB, indexes
 * that do match them. The application never knows: it declares its indexes through mongoose as on
 * MongoDB (where they do the job and this module is never used); only the dev stack calls this.
 *
 * - PostgreSQL backend: FerretDB pushes equality on a top-level field down as `_jsonb->'f' @> '<json>'`,
 *   and indexes fields with a btree on `(_jsonb->'f')`, which `@>` cannot use. A GIN `jsonb_path_ops`
 *   index on the same expression can, when the statement is planned with its parameters: FerretDB
 *   prepares every statement, and a generic plan never matches an expression index, hence
 *   `plan_cache_mode = force_custom_plan` on the database. For every btree index FerretDB creates on
 *   `(_jsonb->'f')` (its `_id` index, and each field of the ones mongoose declares), an event trigger
 *   creates the GIN index `<table>_<hash of f>_gin` at once, so a collection FerretDB (re)creates later,
 *   in any of its databases (one schema each), gets them too. FerretDB ignores indexes it did not create.
 *   Without the right to create an event trigger (an external server), the same pass runs periodically.
 * - SQLite backend: only `{_id: value}` is pushed down, as `_ferretdb_sjson->'$._id' = ?`, while
 *   FerretDB's `_id` index is on `_ferretdb_sjson->"_id"`; an index on the queried expression serves it.
 *   SQLite has no DDL triggers, so the pass runs periodically (it checks the catalogue of changed files).
 */

/** FerretDB's indexed fields whose matching GIN index is missing: one row per key column of its btrees. */
const missingGinIndexes = `
  with keys as (
    select n.nspname as schema_name, t.relname as table_name,
           (regexp_match(pg_get_indexdef(i.indexrelid, k, true), '^\\(?_jsonb -> ''((?:[^'']|'''')+)''::text\\)?$'))[1] as field
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_class ix on ix.oid = i.indexrelid
    join pg_am am on am.oid = ix.relam
    cross join lateral generate_series(1, i.indnkeyatts) k
    where am.amname = 'btree'
      and t.relname <> '_ferretdb_database_metadata'
      and to_regclass(format('%I._ferretdb_database_metadata', n.nspname)) is not null
      and (filter_table is null or t.oid = filter_table)
  ), wanted as (
    select distinct schema_name, table_name, replace(field, '''''', '''') as field,
           left(table_name, 45) || '_' || left(md5(replace(field, '''''', '''')), 8) || '_gin' as index_name
    from keys where field is not null
  )
  select * from wanted w
  where to_regclass(format('%I.%I', w.schema_name, w.index_name)) is null`;

/** plpgsql that creates the missing indexes, of every FerretDB table or of `filter_table` alone. */
const createMissing = `
  for missing in ${missingGinIndexes} loop
    execute format('create index if not exists %I on %I.%I using gin ((_jsonb -> %L) jsonb_path_ops) with (fastupdate = off)',
                   missing.index_name, missing.schema_name, missing.table_name, missing.field);
    created := created + 1;
  end loop;`;

const onePass = `do $pass$
declare missing record; created int := 0; filter_table oid := null;
begin ${createMissing}
  raise notice 'created %', created;
end $pass$`;

const installTrigger = `
create or replace function public.dealreg_ferretdb_matching_indexes() returns event_trigger
language plpgsql as $fn$
declare command record; missing record; created int := 0; filter_table oid;
begin
  -- The GIN indexes this creates fire the trigger again: they are not btree, so that finds nothing to do.
  for command in select * from pg_event_trigger_ddl_commands() where command_tag = 'CREATE INDEX' loop
    select indrelid into filter_table from pg_index where indexrelid = command.objid;
    ${createMissing}
  end loop;
end $fn$;
drop event trigger if exists dealreg_ferretdb_matching_indexes;
create event trigger dealreg_ferretdb_matching_indexes on ddl_command_end
  when tag in ('CREATE INDEX') execute function public.dealreg_ferretdb_matching_indexes();
comment on function public.dealreg_ferretdb_matching_indexes() is
  'dealreg dev stack: GIN indexes matching FerretDB queries (FerretDB issue #4646)';`;

export interface MatchingIndexes {
  /** How it keeps up with new collections, for the start-up message. */
  description: string;
  stop(): Promise<void>;
}

const periodMs = 5000;

function repeat(pass: () => Promise<unknown>, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = pass().catch(onError);
  }, periodMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the GIN indexes missing on FerretDB's tables in the database at `url`; returns how many. */
export async function addPostgresMatchingIndexes(url: string): Promise<number> {
  return withClient(url, async (client) => {
    let created = 0;
    client.on('notice', (notice) => {
      const match = /^created (\d+)$/.exec(notice.message ?? '');
      if (match) created = Number(match[1]);
    });
    await client.query(onePass);
    return created;
  });
}

/** Removes them again: only for the benchmark, which measures what they are worth. */
export async function dropPostgresMatchingIndexes(url: string, schema: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind = 'i' and c.relname like '%\\_gin'
         and exists (select 1 from pg_am am where am.oid = c.relam and am.amname = 'gin')`,
      [schema],
    );
    for (const { relname } of rows) await client.query(`drop index if exists "${schema}"."${relname}"`);
  });
}

/**
 * Installs the workaround in the PostgreSQL database FerretDB stores into (before FerretDB starts, so
 * its connections plan with the setting): the plan-cache mode, the event trigger when we may create one
 * (superuser; our own server), else a pass every few seconds; and a pass for the tables already there.
 */
export async function applyPostgresMatchingIndexes(
  url: string,
  onError: (error: unknown) => void,
): Promise<MatchingIndexes> {
  const database = new URL(url).pathname.slice(1);
  const trigger = await withClient(url, async (client) => {
    await client.query(`alter database "${database.replaceAll('"', '""')}" set plan_cache_mode = force_custom_plan`);
    const { rows } = await client.query<{ rolsuper: boolean }>(
      'select rolsuper from pg_roles where rolname = current_user',
    );
    if (!rows[0]?.rolsuper) return false;
    await client.query(installTrigger);
    return true;
  }).catch((error: { code?: string }) => {
    // 42501: not the owner or not a superuser; the periodic pass still works with CREATE on the schemas.
    if (error.code === '42501') return false;
    throw error;
  });
  await addPostgresMatchingIndexes(url);
  if (trigger) return { description: 'GIN indexes by event trigger', stop: async () => undefined };
  const stop = repeat(() => addPostgresMatchingIndexes(url), onError);
  return { description: `GIN indexes checked every ${periodMs / 1000} s (no right to create an event trigger)`, stop };
}

export function sqliteCliAvailable(): boolean {
  return spawnSync('sqlite3', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function sqlite(file: string, sql: string): Promise<string> {
  const { stdout } = await execFileAsync('sqlite3', ['-batch', '-cmd', '.timeout 30000', file, sql]);
  return stdout;
}

/** Adds the `$._id` index to every collection table of one FerretDB SQLite database file. */
export async function addSqliteMatchingIndexes(file: string): Promise<number> {
  const tables = (
    await sqlite(
      file,
      `select c.table_name from _ferretdb_collections c
       where not exists (select 1 from sqlite_master m where m.type = 'index' and m.name = c.table_name || '_id_query')`,
    )
  )
    .split('\n')
    .filter(Boolean);
  for (const table of tables) {
    await sqlite(file, `create index if not exists "${table}_id_query" on "${table}" (_ferretdb_sjson->'$._id')`);
  }
  return tables.length;
}

export async function dropSqliteMatchingIndexes(file: string): Promise<void> {
  const tables = (await sqlite(file, 'select table_name from _ferretdb_collections')).split('\n').filter(Boolean);
  for (const table of tables) await sqlite(file, `drop index if exists "${table}_id_query"`);
}

/** Keeps every database file under FerretDB's SQLite folder indexed; files that did not change are skipped. */
export async function applySqliteMatchingIndexes(
  sqliteDir: string,
  onError: (error: unknown) => void,
): Promise<MatchingIndexes | undefined> {
  if (!sqliteCliAvailable()) return undefined;
  const checked = new Map<string, number>();
  const pass = async () => {
    for (const entry of await readdir(sqliteDir).catch(() => [])) {
      if (!entry.endsWith('.sqlite')) continue;
      const file = path.join(sqliteDir, entry);
      // WAL mode: writes land in the -wal file first.
      const changed = Math.max(
        ...(await Promise.all(
          [file, `${file}-wal`].map((f) =>
            stat(f).then(
              (s) => s.mtimeMs,
              () => 0,
            ),
          ),
        )),
      );
      if (checked.get(file) === changed) continue;
      await addSqliteMatchingIndexes(file);
      checked.set(file, changed);
    }
  };
  await pass();
  return { description: `_id index checked every ${periodMs / 1000} s`, stop: repeat(pass, onError) };
}
