import mongoose from 'mongoose';
import { Client } from 'pg';
import {
  addPostgresMatchingIndexes,
  dropPostgresMatchingIndexes,
} from '../../scripts/dev-stack/ferretdb-matching-indexes';
import { testDatabaseUri } from '../support/harness';

/**
 * The dev stack's workaround for FerretDB #4646, against the test stack's own PostgreSQL: the statement
 * FerretDB sends for `findOne({key})` / `findOne({_id})` must be planned as an index scan, also as a
 * prepared statement executed many times (FerretDB prepares everything; a generic plan would scan).
 */
const postgresUrl = process.env.DEALREG_TEST_POSTGRES_URL;
const describeOnPostgres = postgresUrl ? describe : describe.skip;
if (!postgresUrl) {
  process.stderr.write('ferretdb-matching-indexes: skipped, the test stack does not run FerretDB on PostgreSQL\n');
}

const keySchema = new mongoose.Schema({ _id: String, key: String, vendor: String, n: Number }, { versionKey: false });
keySchema.index({ key: 1 }, { unique: true });
keySchema.index({ vendor: 1, n: -1 });

describeOnPostgres('FerretDB matching indexes on PostgreSQL', () => {
  const uri = testDatabaseUri('matching_indexes');
  const schema = new URL(uri).pathname.slice(1);
  let connection: mongoose.Connection;
  let pg: Client;

  beforeAll(async () => {
    connection = await mongoose.createConnection(uri).asPromise();
    pg = new Client({ connectionString: postgresUrl });
    await pg.connect();
  });
  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await pg.end();
  });

  async function tableOf(collection: string): Promise<string> {
    const { rows } = await pg.query<{ table: string }>(
      `select _jsonb->>'table' as table from "${schema}"._ferretdb_database_metadata where _jsonb->>'_id' = $1`,
      [collection],
    );
    const table = rows[0]?.table;
    if (!table) throw new Error(`FerretDB has no table for ${collection}`);
    return table;
  }

  /** The plan of FerretDB's pushed-down equality (`_jsonb->$1 @> $2`) as a prepared statement, after 7 runs. */
  async function planOf(table: string, field: string, value: string): Promise<string> {
    const name = `q_${Math.random().toString(36).slice(2)}`;
    await pg.query(`prepare ${name}(text, jsonb) as select _jsonb from "${schema}"."${table}" where _jsonb->$1 @> $2`);
    let plan = '';
    for (let run = 0; run < 7; run += 1) {
      const { rows } = await pg.query<{ 'QUERY PLAN': string }>(
        `explain execute ${name}('${field}', '${JSON.stringify(value)}')`,
      );
      plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    }
    await pg.query(`deallocate ${name}`);
    return plan;
  }

  async function ginIndexes(table: string): Promise<string[]> {
    const { rows } = await pg.query<{ indexdef: string }>(
      `select indexdef from pg_indexes where schemaname = $1 and tablename = $2 and indexdef like '%USING gin%' order by indexdef`,
      [schema, table],
    );
    return rows.map((row) => row.indexdef);
  }

  it('turns the _id and declared-field lookups of a few thousand documents into index scans', async () => {
    const Model = connection.model('dealkeys', keySchema);
    await Model.init();
    await Model.insertMany(
      Array.from({ length: 3000 }, (_, i) => ({ _id: `id${i}`, key: `k${i}`, vendor: `v${i % 7}`, n: i })),
    );
    await pg.query(`analyze "${schema}"."${await tableOf('dealkeys')}"`);
    expect(await Model.findOne({ key: 'k1234' }).lean()).toMatchObject({ _id: 'id1234' });

    const table = await tableOf('dealkeys');
    for (const [field, value] of [
      ['key', 'k1234'],
      ['_id', 'id1234'],
      ['vendor', 'v3'],
    ] as const) {
      const plan = await planOf(table, field, value);
      expect(plan).toMatch(/Index Scan on \S+_gin/);
      expect(plan).not.toMatch(/Seq Scan/);
    }
    // One per field of FerretDB's own indexes: _id, key and both fields of the compound one.
    expect(await ginIndexes(table)).toHaveLength(4);
  });

  it('indexes a collection again when FerretDB recreates it, and the one-shot pass restores missing ones', async () => {
    const Model = connection.model('dealkeys');
    await Model.collection.drop();
    await Model.createCollection();
    await Model.syncIndexes();
    const table = await tableOf('dealkeys');
    expect(await ginIndexes(table)).toHaveLength(4);

    await dropPostgresMatchingIndexes(postgresUrl ?? '', schema);
    expect(await ginIndexes(table)).toHaveLength(0);
    expect(await addPostgresMatchingIndexes(postgresUrl ?? '')).toBeGreaterThanOrEqual(4);
    expect(await ginIndexes(table)).toHaveLength(4);
  });
});
