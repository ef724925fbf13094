import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApiKey } from '../../db/apikeys';
import { uniqueWord } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import {
  type ApiClient,
  apiClient,
  launchChromium,
  type RunningApi,
  requireChromium,
  screenshot,
  signIn,
  startApi,
  TEMPORAL_UI_URL,
} from './console-support';

// Building the console (first run), starting Chromium and real workflows take more than the default minute.
jest.setTimeout(120_000);

interface Registration {
  id: string;
  status: string;
  reasonCode?: string;
  escalationId?: string;
}

let system: TestSystem;
let api: RunningApi;
let browser: Browser;
let admin: ApiClient;
let adminKey: string;
const keys: Record<'manager' | 'auditor' | 'reseller', string> = { manager: '', auditor: '', reseller: '' };

/** Under the `segment` model a route covers only federal civilians: a commercial customer is unrouted and escalates. */
const segmentPolicy = {
  model: 'segment',
  routes: [{ when: { segments: ['federal-civilian'] }, distributors: ['dist-a'] }],
  timing: { reviewSla: 'PT1H', secondReviewSla: 'PT1H' },
};

beforeAll(async () => {
  requireChromium();
  system = await startTestSystem('console');
  api = await startApi(system);
  adminKey = (await createApiKey({ role: 'admin', createdBy: 'e2e' })).key;
  admin = apiClient(api.baseUrl, adminKey);
  await admin.post('/distributors', { id: 'dist-a', name: 'Distributor A' });
  await admin.post('/distributors', { id: 'dist-b', name: 'Distributor B' });
  await admin.post('/resellers', { id: 'acme-var', name: 'Acme VAR', partnerType: 'var', distributorIds: ['dist-a'] });
  await admin.post('/resellers', { id: 'bolt-var', name: 'Bolt VAR', partnerType: 'var', distributorIds: ['dist-a'] });
  await admin.put('/policy', segmentPolicy);
  const keyFor = async (body: object) => (await admin.post<{ key: string }>('/api-keys', body)).key;
  keys.manager = await keyFor({ role: 'channel-manager' });
  keys.auditor = await keyFor({ role: 'auditor' });
  keys.reseller = await keyFor({ role: 'reseller', resellerId: 'acme-var' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await system?.shutdown();
});

let context: BrowserContext;
let page: Page;
beforeEach(async () => {
  // A context per test: its own cookies, so each role signs in afresh.
  context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  page = await context.newPage();
});
afterEach(async () => context?.close());

/** A commercial registration submitted by the reseller through the API, once the engine has decided it. */
async function submitCommercial(customerName: string): Promise<Registration> {
  const reseller = apiClient(api.baseUrl, keys.reseller);
  const submitted = await reseller.post<Registration>('/registrations', {
    distributorId: 'dist-a',
    customer: { name: customerName, segment: 'commercial', region: 'east' },
    opportunity: {
      title: 'Campus network refresh',
      productLines: ['networking'],
      estimatedValue: { amount: 180000, currency: 'USD' },
    },
  });
  return eventually(async () => {
    const current = await admin.get<Registration>(`/registrations/${submitted.id}`);
    return current.status === 'pending' ? undefined : current;
  }, `registration ${submitted.id} to be decided`);
}

test('a reseller key is refused the console’s staff pages', async () => {
  await signIn(page, api.baseUrl, keys.reseller);
  await page.getByText('Only staff keys (channel manager, auditor, administrator) open the console').waitFor();
  await screenshot(page, '01-reseller-refused');
  // A deep link without a staff session shows the sign-in form, never the page.
  await page.goto(`${api.baseUrl}/console/escalations`);
  await page.getByLabel('Email', { exact: true }).waitFor();
  expect(await page.getByRole('heading', { name: 'Escalations' }).count()).toBe(0);
});

test('a channel manager opens an escalation created through the API and awards it', async () => {
  // Signed in first, by keyboard: the email field has the focus; the key form is a link away, its field
  // then has the focus and Enter submits.
  await page.goto(`${api.baseUrl}/console/`);
  // A selector, not a string to evaluate: the console's CSP (script-src 'self') refuses eval in the page.
  await page.locator('#email:focus').waitFor();
  await page.getByRole('button', { name: 'Sign in with a staff API key instead' }).click();
  await page.locator('#api-key:focus').waitFor();
  await page.keyboard.type(keys.manager);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Escalations', exact: true, level: 1 }).waitFor();
  // The session is a cookie (the page keeps no key): a reload stays signed in.
  await page.reload();
  await page.getByRole('heading', { name: 'Escalations', exact: true, level: 1 }).waitFor();

  // The escalation is created after the queue is on screen: it must appear without a reload.
  const customer = `${uniqueWord()} Logistics`;
  const registration = await submitCommercial(customer);
  expect(registration).toMatchObject({ status: 'escalated', reasonCode: 'unrouted' });
  const row = page.getByRole('link', { name: customer });
  await row.waitFor();
  await expect(page.getByRole('row', { name: new RegExp(customer) }).textContent()).resolves.toMatch(/left/);
  await screenshot(page, '02-escalation-queue');

  await row.click();
  await page.getByRole('heading', { name: `Escalation: ${customer}` }).waitFor();
  await page.getByRole('columnheader', { name: registration.id }).waitFor();
  await screenshot(page, '03-escalation');

  await page.getByRole('radio', { name: new RegExp(`Award ${registration.id}`) }).check();
  await page.getByLabel(/^Reason/).fill('Commercial accounts go to dist-a until the policy covers them.');
  await page.getByRole('button', { name: 'Resolve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm the decision' });
  await dialog.waitFor();
  // The safe choice has the focus when the confirmation opens.
  expect(await page.evaluate('document.activeElement.textContent')).toBe('Cancel');
  await screenshot(page, '04-escalation-confirm');
  await dialog.getByRole('button', { name: 'Confirm decision' }).click();
  await page.getByText('The decision was recorded').waitFor();

  const approved = await eventually(async () => {
    const current = await admin.get<Registration>(`/registrations/${registration.id}`);
    return current.status === 'approved' ? current : undefined;
  }, `registration ${registration.id} to be approved`);
  expect(approved.status).toBe('approved');
  await page.getByRole('heading', { name: 'Resolution' }).waitFor();
  await screenshot(page, '05-escalation-resolved');
});

test('a channel manager moves an approved deal to another reseller from its page', async () => {
  const customer = `${uniqueWord()} Freight`;
  const escalated = await submitCommercial(customer);
  const manager = apiClient(api.baseUrl, keys.manager);
  await eventually(
    () => manager.get(`/escalations/${escalated.escalationId}`).catch(() => undefined),
    'the escalation to be open',
  );
  await manager.post(`/escalations/${escalated.escalationId}/resolve`, { award: escalated.id, reason: 'ours' });
  await eventually(async () => {
    const current = await admin.get<Registration>(`/registrations/${escalated.id}`);
    return current.status === 'approved' ? current : undefined;
  }, 'the registration to be approved');

  await signIn(page, api.baseUrl, keys.manager);
  await page.getByRole('heading', { name: 'Escalations', exact: true, level: 1 }).waitFor();
  await page.goto(`${api.baseUrl}/console/registrations/${escalated.id}`);
  await page.getByRole('heading', { name: 'Move or revoke the deal' }).waitFor();
  await page.getByLabel('Move the deal to reseller').selectOption('bolt-var');
  await page.getByLabel(/^Reason/).fill('The customer chose another partner.');
  await page.getByRole('button', { name: 'Transfer the deal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move this deal to Bolt VAR?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
  await page.getByText('The deal was transferred to').waitFor();
  await screenshot(page, '05b-registration-transferred');

  const holder = await admin.get<Registration & { decisions: Array<{ transfer?: { to: string } }> }>(
    `/registrations/${escalated.id}`,
  );
  expect(holder.status).toBe('transferred');
  const receiverId = holder.decisions.at(-1)?.transfer?.to as string;
  await expect(admin.get<Registration>(`/registrations/${receiverId}`)).resolves.toMatchObject({
    status: 'approved',
    resellerId: 'bolt-var',
  });
  // The former holder's reseller reads the reason, never the receiver.
  const seen = await apiClient(api.baseUrl, keys.reseller).get<object>(`/registrations/${escalated.id}`);
  expect(JSON.stringify(seen)).toContain('The customer chose another partner.');
  expect(JSON.stringify(seen)).not.toMatch(new RegExp(`bolt|${receiverId}`, 'i'));
});

test('an auditor finds a registration and sees its timeline', async () => {
  const customer = `${uniqueWord()} Foods`;
  const registration = await submitCommercial(customer);

  await signIn(page, api.baseUrl, keys.auditor);
  await page.getByRole('heading', { name: 'Registrations', level: 1 }).waitFor();
  await page.getByLabel('Status', { exact: true }).selectOption('escalated');
  await page.getByLabel('Partner', { exact: true }).selectOption('acme-var');
  await page.getByLabel('Customer', { exact: true }).fill(customer);
  await page.getByRole('button', { name: 'Search' }).click();
  const link = page.getByRole('link', { name: customer });
  await link.waitFor();
  await screenshot(page, '06-registration-search');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(await readFile((await (await download).path()) as string, 'utf8'));
  expect(exported.items.map((item: Registration) => item.id)).toEqual([registration.id]);

  await link.click();
  await page.getByRole('heading', { name: `Registration: ${customer}` }).waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline (workflow history)' });
  await timeline.getByText('registrationWorkflow started').waitFor();
  await page
    .getByRole('region', { name: /^Decisions/ })
    .getByText('unrouted')
    .first()
    .waitFor();
  const temporalLink = page.getByRole('link', { name: /workflow in the Temporal UI/ });
  expect(await temporalLink.getAttribute('href')).toBe(
    `${TEMPORAL_UI_URL}/namespaces/default/workflows/registration-${registration.id}`,
  );
  await screenshot(page, '07-registration');

  // The auditor may look at the escalation but not decide it: no resolution form is offered.
  await page.getByRole('link', { name: 'Escalations', exact: true }).click();
  await page.getByRole('link', { name: customer }).click();
  await page.getByRole('heading', { name: `Escalation: ${customer}` }).waitFor();
  await page.getByRole('columnheader', { name: registration.id }).waitFor();
  expect(await page.getByRole('heading', { name: 'Resolve' }).count()).toBe(0);
  await screenshot(page, '08-escalation-read-only');
});

test('an administrator simulates a candidate policy, sees the charts and publishes it', async () => {
  await signIn(page, api.baseUrl, adminKey);
  await page.getByRole('heading', { name: 'Policy', exact: true, level: 1 }).waitFor();
  await page.getByRole('region', { name: 'In force' }).getByText('segment').first().waitFor();
  await screenshot(page, '09-policy');

  await page.getByRole('link', { name: 'Rules of engagement' }).click();
  await page.getByRole('heading', { name: 'Rules of engagement', level: 1 }).waitFor();
  await page.locator('article.guide h2').first().waitFor();
  await screenshot(page, '10-guide');

  await page.getByRole('link', { name: 'Simulate', exact: true }).click();
  // The JSON view is kept for power users beside the structured form.
  await page.getByRole('radio', { name: 'JSON' }).check();
  const editor = page.getByLabel('Candidate policy (JSON)');
  await editor.waitFor();
  // An unknown distributor is reported by the API at its field, and the editor marks its line.
  const unknownDistributor = {
    model: 'segment',
    routes: [{ when: { segments: ['commercial'] }, distributors: ['dist-x'] }],
  };
  await editor.fill(JSON.stringify(unknownDistributor, null, 2));
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const fieldError = page.getByRole('alert').filter({ hasText: 'dist-x' });
  await fieldError.getByText('routes.0.distributors.0').waitFor();
  await fieldError.getByRole('button', { name: 'Line 11' }).click();
  await screenshot(page, '11-policy-field-error');

  await editor.fill(JSON.stringify({ model: 'open', timing: { reviewSla: 'PT1H', secondReviewSla: 'PT1H' } }, null, 2));
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await page.getByRole('figure', { name: 'Outcomes' }).waitFor();
  await page.getByRole('figure', { name: 'Each distributor’s share of approvals' }).waitFor();
  expect(await page.getByRole('img', { name: /^Outcomes\./ }).count()).toBe(1);
  await screenshot(page, '12-simulation');

  await page.getByRole('button', { name: 'Publish…' }).click();
  await page.getByRole('dialog', { name: 'Publish this policy?' }).getByRole('button', { name: 'Publish' }).click();
  await page.getByText(/Published as version \d+/).waitFor();
  const current = await admin.get<{ policy: { model: string } }>('/policy');
  expect(current.policy.model).toBe('open');
});
