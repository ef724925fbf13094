import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { createApiKey } from '../../db/apikeys';
import { contractTiming } from '../../domain/policy/contract-timing';
import { startTestSystem, type TestSystem } from '../support/harness';
import { startTestMailDispatcher } from '../support/mail';
import {
  type ApiClient,
  apiClient,
  invitePerson,
  launchChromium,
  type RunningApi,
  requireChromium,
  screenshot,
  signInWithPassword,
  startApi,
} from './console-support';

jest.setTimeout(180_000);

// Issue 24, point 4, in Chromium against the real API and worker: a vendor seller's person registers a
// direct opportunity in the console (no distributor, reseller or program to choose) and sees it approved.

let system: TestSystem;
let api: RunningApi;
let browser: Browser;
let admin: ApiClient;
let mail: ReturnType<typeof startTestMailDispatcher>;
let page: Page;
let sellerEmail = '';

const run = randomBytes(3).toString('hex');
const PASSWORD = 'copper meadow signal 41';
const seller = { id: `seller-${run}`, name: `Sasha Seller ${run}` };

beforeAll(async () => {
  requireChromium();
  system = await startTestSystem('console-direct');
  api = await startApi(system);
  admin = apiClient(api.baseUrl, (await createApiKey({ role: 'admin', label: 'Direct admin', createdBy: 'e2e' })).key);
  mail = startTestMailDispatcher(api.baseUrl);
  await admin.post('/sellers', seller);
  await admin.put('/policy', { model: 'open', timing: contractTiming });
  // A sales person, invited and activated from the mailed link as a person would.
  sellerEmail = await invitePerson(
    api.baseUrl,
    admin,
    { name: 'Sasha Seller', role: 'sales', sellerId: seller.id },
    PASSWORD,
  );
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await mail?.stop();
  await api?.close();
  await system?.shutdown();
});

test('a sales person registers a direct opportunity (errors at the fields, by keyboard), sees it approved and extends it', async () => {
  await signInWithPassword(page, api.baseUrl, sellerEmail, PASSWORD);
  await page.getByRole('link', { name: 'Register a deal' }).first().click();
  await page.getByRole('heading', { name: 'Register a deal', level: 1 }).waitFor();
  await page.getByText('A direct opportunity, through no partner').waitFor();
  // The partners' fields are not offered: a direct opportunity names no distributor, reseller or program.
  for (const partnerField of ['Through distributor', 'For reseller', 'Program (optional)'])
    expect(await page.getByLabel(partnerField).count()).toBe(0);
  await screenshot(page, '80-direct-register-form');

  // No segment and a malformed domain: the API's 422 lands at the two fields, the focus on the first.
  const customer = `Meridian Labs ${run}`;
  await page.getByLabel('Customer name').fill(customer);
  await page.getByLabel('Web domain (optional)').fill('not a domain');
  await page.getByLabel('Title', { exact: true }).fill('Lab storage expansion');
  await page.getByLabel('Product lines').fill('storage');
  await page.getByRole('button', { name: 'Register the deal' }).click();
  await page.getByText('Some fields need a change').waitFor();
  expect(await page.getByLabel('Web domain (optional)').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel('Segment').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
  const stored = () =>
    admin.get<{ items: Array<Record<string, unknown>> }>(`/registrations?q=${encodeURIComponent(customer)}`);
  expect((await stored()).items).toEqual([]);
  await screenshot(page, '81-direct-register-field-errors');

  await page.getByLabel('Web domain (optional)').fill(`meridian-${run}.com`);
  await page.getByLabel('Segment').selectOption('commercial');
  // By keyboard: Enter in a field submits the form.
  await page.getByLabel('Product lines').press('Enter');
  await page.getByRole('heading', { name: 'The decision' }).waitFor();
  await page.getByRole('status').getByText('approved', { exact: true }).waitFor();
  await page.getByRole('status').getByText(`Direct opportunity of seller ${seller.id}, through no partner`).waitFor();
  await screenshot(page, '82-direct-register-approved');

  // Stored as the seller's direct opportunity, with no partner.
  const { items } = await stored();
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ direct: true, sellerId: seller.id, status: 'approved' });
  expect(items[0]).not.toHaveProperty('distributorId');
  expect(items[0]).not.toHaveProperty('program');

  // The link after submitting opens a page the seller may read, and its list shows the deal.
  await page.getByRole('link', { name: 'Open this registration' }).click();
  await page.getByRole('heading', { name: `Registration: ${customer}`, level: 1 }).waitFor();
  await page.getByRole('heading', { name: /^Decisions/ }).waitFor();
  expect(await page.getByText('Could not load this registration.').count()).toBe(0);
  // Its seller acts on it as a reseller does on its own (changing it is a reseller's only).
  expect(await page.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Close as won' }).count()).toBe(1);
  await page.getByLabel('Why it needs more time').fill('The customer moved the purchase to next quarter');
  await page.getByRole('button', { name: 'Ask for an extension' }).click();
  await page.getByText(/^Extended: protected until/).waitFor();
  await page.getByText('1 extension used').waitFor();
  await screenshot(page, '83-direct-registration');
  await page.getByRole('link', { name: 'Registrations', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(customer) }).waitFor();
});
