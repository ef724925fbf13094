import { lookUpAccount } from '../../db/account-lookup';
import { accountById, accountStore } from '../../db/accounts';
import { productById, productStore, programStore, programsListing } from '../../db/vendor-records';
import { saveVendorRecords } from '../../db/vendor-store';
import { uniqueWord } from '../support/fixtures';
import { logSize, type PlannedStore, plansLoggedSince, startPlannedStore, tablesOf } from '../support/query-plans';
import { type ApiTest, startApiTest } from './api-support';

/**
 * What the acceptance will read of the vendor's records, and the console's lists and searches, planned
 * by PostgreSQL with thousands of accounts stored: no statement may read accounts or their keys by a
 * sequential scan (docs/DESIGN.md, "Every query an index can serve").
 */
const serverUrl = process.env.DEALREG_TEST_POSTGRES_URL;
const logFile = process.env.DEALREG_TEST_POSTGRES_LOG;
const describeOnPostgres = serverUrl && logFile ? describe : describe.skip;
if (!serverUrl || !logFile) process.stderr.write('vendor-query-plans: skipped, no PostgreSQL of the stack\n');

/** Programs number in the tens or hundreds whatever else grows; a scan of them is the planner's right choice. */
const growing = ['accounts', 'accountkeys', 'products'];
const ACCOUNTS = 3000;

describeOnPostgres('query plans of the vendor records', () => {
  let store: PlannedStore;
  let api: ApiTest;
  let named1234: string;

  beforeAll(async () => {
    store = await startPlannedStore(serverUrl as string, 'vendor_plans');
    api = await startApiTest('vendorplans');
    for (let start = 0; start < ACCOUNTS; start += 500) {
      const accounts = Array.from({ length: 500 }, (_, offset) => {
        const i = start + offset;
        return {
          id: `plan-acct-${i}`,
          name: `${uniqueWord()} ${uniqueWord()} ${i}`,
          domains: [`plan${i}.gov`],
          identifiers: { uei: `PLAN${String(i).padStart(8, '0')}` },
          segment: 'federal-civilian' as const,
        };
      });
      await saveVendorRecords(accountStore, accounts, 'upsert');
    }
    await saveVendorRecords(
      programStore,
      Array.from({ length: 50 }, (_, i) => ({
        id: `plan-prog-${i}`,
        name: `Program ${i}`,
        accounts: [`plan-acct-${i}`],
      })),
      'upsert',
    );
    await saveVendorRecords(
      productStore,
      Array.from({ length: 500 }, (_, i) => ({
        id: `plan-prod-${i}`,
        name: `Product ${i}`,
        family: `Family ${i % 7}`,
      })),
      'upsert',
    );
    named1234 = ((await accountById('plan-acct-1234')) as { name: string }).name;
    await store.psql('analyze');
  }, 300_000);

  afterAll(async () => {
    await api?.shutdown();
    await store?.stop();
  });

  test('no look-up of the acceptance and no list or search scans a collection that grows', async () => {
    const growingTables = await tablesOf(store, api.system.mongodbUri, growing);
    expect(growingTables.size).toBe(growing.length);
    const offset = await logSize(logFile as string);

    expect((await lookUpAccount({ name: 'x', domain: 'www.plan17.gov' }, 0.9)).facts?.accountId).toBe('plan-acct-17');
    expect((await lookUpAccount({ name: 'x', identifiers: { uei: 'PLAN00000042' } }, 0.9)).facts?.programs).toEqual([
      { id: 'plan-prog-42', name: 'Program 42' },
    ]);
    expect((await lookUpAccount({ name: named1234 }, 0.9)).match.kind).toBe('probable');
    expect(await programsListing('plan-acct-3')).toHaveLength(1);
    expect((await productById('plan-prod-9'))?.family).toBe('Family 2');
    const get = (urlPath: string) => api.call({ as: 'auditor', method: 'get', path: urlPath });
    for (const list of [
      '/api/v1/accounts?limit=20',
      `/api/v1/accounts?q=${encodeURIComponent(named1234.split(' ')[0] as string)}`,
      '/api/v1/products?q=fam',
    ]) {
      const page = await get(list);
      expect(page.status).toBe(200);
      if (page.body.nextCursor) expect((await get(`${list}&cursor=${page.body.nextCursor}`)).status).toBe(200);
    }
    expect((await get('/api/v1/accounts/plan-acct-5')).body.memberOf).toEqual(['plan-prog-5']);

    const plans = await plansLoggedSince(logFile as string, offset, store.database);
    expect(plans.length).toBeGreaterThan(20);
    const scans = plans.flatMap((plan) =>
      plan.sequentialScans
        .filter((table) => growingTables.has(table))
        .map((table) => `${growingTables.get(table)}: ${plan.query}`),
    );
    expect([...new Set(scans)]).toEqual([]);
  }, 180_000);
});
