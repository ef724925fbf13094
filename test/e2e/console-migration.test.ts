import type { Browser } from 'playwright-core';
import { createApiKey } from '../../db/apikeys';
import { publishTestPolicy, seedPartners, uniqueWord } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import {
  apiClient,
  launchChromium,
  type RunningApi,
  requireChromium,
  screenshot,
  signIn,
  startApi,
} from './console-support';

/**
 * An administrator migrates registrations from the console: chooses the file, reads the dry run (the
 * conflict with a live registration listed first, a bad row by row and field), then imports it.
 */
jest.setTimeout(180_000);

let system: TestSystem;
let api: RunningApi;
let browser: Browser;

beforeAll(async () => {
  requireChromium();
  system = await startTestSystem('consolemigration');
  await seedPartners();
  await publishTestPolicy({ timing: { protection: 'PT1H', expiryReminder: 'PT10M' } });
  api = await startApi(system);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await system?.shutdown();
});

test('an administrator reads the dry run of a migration, then imports it', async () => {
  const reseller = apiClient(
    api.baseUrl,
    (await createApiKey({ role: 'reseller', resellerId: 'value-var', createdBy: 'e2e' })).key,
  );
  const adminKey = (await createApiKey({ role: 'admin', createdBy: 'e2e' })).key;
  const admin = apiClient(api.baseUrl, adminKey);
  const held = `${uniqueWord()} Logistics`;
  const live = await reseller.post<{ id: string }>('/registrations', {
    distributorId: 'dist-a',
    customer: { name: held, identifiers: { uei: 'HELDUEI12345' }, segment: 'commercial' },
    opportunity: { title: 'Live deal', productLines: ['storage'] },
  });
  await eventually(async () => {
    const read = await admin.get<{ status: string }>(`/registrations/${live.id}`);
    return read.status === 'approved' ? read : undefined;
  }, 'the live registration to be approved');
  const until = new Date(Date.now() + 86_400_000).toISOString();
  const file = [
    'resellerId,distributorId,submittedAt,status,protectedUntil,customerName,uei,segment,opportunityTitle,productLines',
    `small-boutique,dist-a,2025-02-01T09:00:00Z,approved,${until},${held},HELDUEI12345,commercial,Old deal,storage`,
    `big-integrator,dist-b,2025-03-01T09:00:00Z,won,,${uniqueWord()} Foods,,commercial,Closed deal,storage`,
    `nobody,dist-a,2025-04-01T09:00:00Z,pending,,${uniqueWord()} Mills,,commercial,Stray,storage`,
  ].join('\n');

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, api.baseUrl, adminKey);
  await page.getByRole('link', { name: 'Migration' }).click();
  await page.getByRole('heading', { level: 1, name: 'Migrate registrations' }).waitFor();
  await page
    .getByLabel('Migration file (CSV or JSON lines)')
    .setInputFiles({ name: 'registrations.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Dry run' }).click();
  await page.getByText(/Dry run done: 2 rows would be imported and 1 refused\. Nothing was stored\./).waitFor({
    timeout: 60_000,
  });
  const conflicts = page.getByRole('table', { name: /Conflicts/ });
  await conflicts.getByRole('row', { name: new RegExp(`2 small-boutique .* ${live.id}`) }).waitFor();
  await page
    .getByRole('table', { name: /Errors by row/ })
    .getByRole('row', { name: /4 resellerId no reseller nobody/ })
    .waitFor();
  await screenshot(page, 'migration-dry-run');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Done: 2 rows imported, 1 refused.').waitFor({ timeout: 60_000 });
  await page
    .getByRole('table', { name: /Conflicts/ })
    .getByRole('link', { name: live.id })
    .waitFor();
  await screenshot(page, 'migration-done');
});
