import type { Browser, Page } from 'playwright-core';
import { createApiKey } from '../../db/apikeys';
import { startTestSystem, type TestSystem } from '../support/harness';
import {
  type ApiClient,
  apiClient,
  launchChromium,
  type RunningApi,
  requireChromium,
  screenshot,
  signIn,
  startApi,
} from './console-support';

/**
 * A new administrator imports an account file from the console, sees its errors by row, finds an
 * account and edits it; an auditor reads the records and is offered no form.
 */
jest.setTimeout(180_000);

let system: TestSystem;
let api: RunningApi;
let browser: Browser;
let admin: ApiClient;
let adminKey: string;
let auditorKey: string;

const csv = [
  'id,name,domains,uei,duns,taxId,segment,region,programs,ownerKind,ownerId',
  'acct-dod-1,Fort Example Logistics,fortexample.mil,FORTEX123456,,,federal-dod,east,,,',
  'acct-bad,Wrong Segment Agency,wrongsegment.gov,,,,retail,,,,',
  'acct-state-1,"Example County, Public Works",examplecounty.gov,,12-345-6789,,state-local,west,,distributor,dist-a',
].join('\n');

beforeAll(async () => {
  requireChromium();
  system = await startTestSystem('consolerecords');
  api = await startApi(system);
  adminKey = (await createApiKey({ role: 'admin', createdBy: 'e2e' })).key;
  auditorKey = (await createApiKey({ role: 'auditor', createdBy: 'e2e' })).key;
  admin = apiClient(api.baseUrl, adminKey);
  await admin.post('/distributors', { id: 'dist-a', name: 'Distributor A' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await system?.shutdown();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

test('an administrator imports accounts, sees the errors by row, then finds and edits an account', async () => {
  const page = await newPage();
  await signIn(page, api.baseUrl, adminKey);
  await page.getByRole('link', { name: 'Vendor records' }).click();
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await page.getByLabel('Kind of records').selectOption('accounts');
  await page
    .getByLabel('CSV file', { exact: true })
    .setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByText('Done: 2 rows imported, 1 refused.').waitFor({ timeout: 60_000 });
  const errors = page.getByRole('table', { name: /Errors by row/ });
  await errors.getByRole('row', { name: /3 segment Invalid option/ }).waitFor();
  await screenshot(page, 'vendor-import-done');

  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Find accounts').fill('examp');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Example County, Public Works' }).click();
  await page.getByRole('heading', { level: 1, name: 'Example County, Public Works' }).waitFor();
  await screenshot(page, 'vendor-account');
  await page.getByLabel('Region').fill('central');
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByText('Example County, Public Works was saved.').waitFor();
  expect((await admin.get<{ region: string }>('/accounts/acct-state-1')).region).toBe('central');

  // A refusal is shown at its field.
  await page.getByLabel('Owner id').fill('dist-nowhere');
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByText('unknown distributor "dist-nowhere"').waitFor();
  expect(await page.getByLabel('Owner id').getAttribute('aria-invalid')).toBe('true');
});

test('an auditor reads vendor records and is offered neither a form nor an import', async () => {
  const page = await newPage();
  await signIn(page, api.baseUrl, auditorKey);
  await page.getByRole('link', { name: 'Vendor records' }).click();
  await page.getByRole('link', { name: 'Fort Example Logistics' }).waitFor();
  expect(await page.getByRole('link', { name: 'Import CSV' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: /Add an account/ }).count()).toBe(0);
  await page.getByRole('link', { name: 'Fort Example Logistics' }).click();
  await page.getByRole('heading', { level: 2, name: 'Facts' }).waitFor();
  expect(await page.getByRole('button', { name: 'Save account' }).count()).toBe(0);
  await screenshot(page, 'vendor-account-auditor');
});

test('a registration that declared the wrong segment is decided by the account’s, shown beside the declaration', async () => {
  await admin.post('/distributors', { id: 'dist-b', name: 'Distributor B' });
  await admin.post('/resellers', { id: 'e2e-var', name: 'E2E VAR', partnerType: 'var', distributorIds: ['dist-a'] });
  await admin.put('/policy', {
    model: 'segment',
    routes: [
      { when: { segments: ['federal-dod'] }, distributors: ['dist-b'] },
      { when: { segments: ['commercial'] }, distributors: ['dist-a'] },
    ],
    onWrongRoute: 'reject',
  });
  const { key } = await admin.post<{ key: string }>('/api-keys', { role: 'reseller', resellerId: 'e2e-var' });
  // acct-dod-1 (imported above) is federal-dod; the reseller calls its customer commercial.
  const { id } = await apiClient(api.baseUrl, key).post<{ id: string }>('/registrations', {
    distributorId: 'dist-a',
    customer: {
      name: 'Fort Example Motor Pool',
      domain: 'pool.fortexample.mil',
      segment: 'commercial',
      region: 'east',
    },
    opportunity: { title: 'Depot refresh', productLines: ['storage'] },
  });

  const page = await newPage();
  await signIn(page, api.baseUrl, auditorKey);
  await page.getByRole('link', { name: 'Registrations' }).first().waitFor();
  await page.goto(`${api.baseUrl}/console/registrations/${id}`);
  await page
    .getByText(/Rejected \(wrong-route\)/)
    .first()
    .waitFor({ timeout: 60_000 });
  const section = page.getByRole('region', { name: 'Vendor’s account' });
  await section.getByRole('link', { name: 'acct-dod-1' }).waitFor();
  const segment = section.getByRole('row', { name: /^Segment/ });
  expect(await segment.textContent()).toMatch(/Federal.?dod.*Commercial \(differs\)/i);
  expect(await section.getByRole('row', { name: /^Region/ }).textContent()).not.toContain('differs');
  await screenshot(page, 'registration-routed-by-account');

  // The administrator's simulation says how many registrations the accounts routed and who declared otherwise.
  const adminPage = await newPage();
  await signIn(adminPage, api.baseUrl, adminKey);
  await adminPage.getByRole('link', { name: 'Simulate', exact: true }).click();
  await adminPage.getByLabel('Route the replay by the vendor’s accounts').selectOption('at-acceptance');
  await adminPage.getByRole('button', { name: 'Simulate', exact: true }).click();
  const routed = adminPage.getByText(/; 1 of them declared otherwise \(segment 1,/);
  await routed.waitFor({ timeout: 60_000 });
  expect(await routed.textContent()).toMatch(/^1 registration;/);
  await screenshot(adminPage, 'simulation-by-accounts');
});
