import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApiKey } from '../../db/apikeys';
import { contractTiming } from '../../domain/policy/contract-timing';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { startTestMailDispatcher } from '../support/mail';
import {
  type ApiClient,
  apiClient,
  invitePerson,
  launchChromium,
  type RunningApi,
  requireChromium,
  screenshot,
  signIn,
  signInWithPassword,
  startApi,
} from './console-support';

jest.setTimeout(180_000);

// Issue 28 in Chromium: a rejected reseller disputes from its registration page, the holder answers there,
// a channel manager overturns it from the disputes queue; both partners see the outcome.

let system: TestSystem;
let api: RunningApi;
let browser: Browser;
let admin: ApiClient;
let mail: ReturnType<typeof startTestMailDispatcher>;
let context: BrowserContext;
let page: Page;

const run = randomBytes(3).toString('hex');
const PASSWORD = 'harbour violet lantern 27';
const holderPartner = { id: `hold-${run}`, name: `Holding Co ${run}` };
const disputingPartner = { id: `disp-${run}`, name: `Disputing Co ${run}` };
const distributor = { id: `dist-d-${run}`, name: `Dispute Distribution ${run}` };
let managerKey = '';
const people = { holder: '', disputing: '' };

async function personFor(binding: Record<string, unknown>, who: string): Promise<string> {
  return invitePerson(api.baseUrl, admin, { name: `${who} person`, role: String(binding.role), ...binding }, PASSWORD);
}

beforeAll(async () => {
  requireChromium();
  system = await startTestSystem('console-disputes');
  api = await startApi(system);
  admin = apiClient(api.baseUrl, (await createApiKey({ role: 'admin', label: 'Dispute admin', createdBy: 'e2e' })).key);
  managerKey = (await createApiKey({ role: 'channel-manager', label: 'Dispute manager', createdBy: 'e2e' })).key;
  mail = startTestMailDispatcher(api.baseUrl);
  await admin.post('/distributors', distributor);
  for (const reseller of [holderPartner, disputingPartner])
    await admin.post('/resellers', { ...reseller, partnerType: 'var', distributorIds: [distributor.id] });
  await admin.put('/policy', { model: 'open', timing: contractTiming });
  people.holder = await personFor({ role: 'reseller', resellerId: holderPartner.id }, 'holder');
  people.disputing = await personFor({ role: 'reseller', resellerId: disputingPartner.id }, 'disputing');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await mail?.stop();
  await api?.close();
  await system?.shutdown();
});

type Read = { id: string; status: string; reasonCode?: string };

/** Registers the deal through the API as the reseller's key would, and waits for its decision. */
async function registerAs(resellerId: string): Promise<Read> {
  const key = (await createApiKey({ role: 'reseller', resellerId, createdBy: 'e2e' })).key;
  const created = await apiClient(api.baseUrl, key).post<Read>('/registrations', {
    distributorId: distributor.id,
    customer: { name: `Harbour Logistics ${run}`, domain: `harbour-${run}.com`, segment: 'commercial' },
    opportunity: { title: 'Fleet tracking', productLines: ['networking'] },
  });
  return eventually(async () => {
    const read = await admin.get<Read>(`/registrations/${created.id}`);
    return read.status === 'pending' ? undefined : read;
  }, `registration ${created.id} to be decided`);
}

async function signInAs(email: string) {
  await signInWithPassword(page, api.baseUrl, email, PASSWORD);
  await page.getByRole('heading', { name: 'My registrations', level: 1 }).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email', { exact: true }).waitFor();
}

test('a rejected reseller disputes, the holder answers, a channel manager overturns; both see the outcome', async () => {
  const holder = await registerAs(holderPartner.id);
  const rejected = await registerAs(disputingPartner.id);
  expect([holder.status, rejected.status, rejected.reasonCode]).toEqual(['approved', 'rejected', 'already-registered']);

  // The rejected reseller disputes from its registration page, by the form's labels.
  await signInAs(people.disputing);
  await page.goto(`${api.baseUrl}/console/registrations/${rejected.id}`);
  await page.getByRole('heading', { name: 'Disputes' }).waitFor();
  await page.getByLabel('We registered this customer first').check();
  await page.getByLabel('Statement (required)').fill('We have been working with this customer since March.');
  await page.getByLabel('Evidence (optional: one link or note per line)').fill('https://example.com/meeting-notes');
  await page.getByRole('button', { name: 'Dispute this decision' }).click();
  await page.getByText('You disputed this decision').first().waitFor();
  await screenshot(page, '80-dispute-opened');
  expect(await page.content()).not.toContain(holderPartner.id);
  await signOut();

  // The holder is told on its page, never by whom, and answers once.
  await signInAs(people.holder);
  await page.goto(`${api.baseUrl}/console/registrations/${holder.id}`);
  await page.getByText('Another partner disputes a decision about this deal').first().waitFor();
  expect(await page.content()).not.toContain(disputingPartner.id);
  await page.getByLabel('Statement (required)').fill('The customer signed our quote in April.');
  await page.getByRole('button', { name: 'Send the answer' }).click();
  await page.getByText('Your answer').first().waitFor();
  await screenshot(page, '81-dispute-answered');
  await signOut();

  // A channel manager decides from the queue: both sides and both registrations side by side.
  await signIn(page, api.baseUrl, managerKey);
  await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Disputes', exact: true }).click();
  await page.getByRole('heading', { name: 'Disputes', level: 1 }).waitFor();
  await page.getByRole('link', { name: /^dsp_/ }).first().click();
  await page.getByText('The customer signed our quote in April.').first().waitFor();
  await page.getByText('We have been working with this customer since March.').first().waitFor();
  await screenshot(page, '82-dispute-staff');
  await page.getByLabel('Overturn: move the deal to the disputing partner').check();
  await page.getByLabel(/Reason \(required/).fill('the customer confirmed the disputing partner');
  await page.getByRole('button', { name: 'Decide…' }).click();
  await page.getByRole('button', { name: 'Confirm decision' }).click();
  await page.getByText('The decision was recorded; both partners are told.').first().waitFor();
  await screenshot(page, '83-dispute-decided');
  await signOut();

  // The deal moved; the disputing partner sees the outcome and the reason on its page.
  expect((await admin.get<Read>(`/registrations/${holder.id}`)).status).toBe('transferred');
  await signInAs(people.disputing);
  await page.goto(`${api.baseUrl}/console/registrations/${rejected.id}`);
  await page
    .getByText(/overturned .*the customer confirmed the disputing partner/)
    .first()
    .waitFor();
  expect(await page.content()).not.toContain(holderPartner.id);
});
