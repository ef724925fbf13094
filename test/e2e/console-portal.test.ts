import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApiKey } from '../../db/apikeys';
import { contractTiming } from '../../domain/policy/contract-timing';
import { startTestSystem, type TestSystem } from '../support/harness';
import { linkIn, startTestMailDispatcher, uniqueAddress, waitForMail } from '../support/mail';
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

// The partner portal in Chromium against the real API and worker: two resellers' people register the
// same deal, a distributor's registers for a reseller, an org admin invites a colleague.

let system: TestSystem;
let api: RunningApi;
let browser: Browser;
let admin: ApiClient;
let mail: ReturnType<typeof startTestMailDispatcher>;
let context: BrowserContext;
let page: Page;

const run = randomBytes(3).toString('hex');
const PASSWORD = 'harbour violet lantern 27';
const first = { id: `alpha-${run}`, name: `Alpha Systems ${run}` };
const second = { id: `beta-${run}`, name: `Beta Partners ${run}` };
const distributor = { id: `dist-p-${run}`, name: `Portal Distribution ${run}` };
const people: Record<'alpha' | 'beta' | 'dist', string> = { alpha: '', beta: '', dist: '' };

const openPolicy = { model: 'open', timing: contractTiming };

/** Invites a person through the API and activates the account from the mailed link, as they would. */
async function personFor(binding: Record<string, unknown>, who: string): Promise<string> {
  return invitePerson(api.baseUrl, admin, { name: `${who} person`, role: String(binding.role), ...binding }, PASSWORD);
}

beforeAll(async () => {
  requireChromium();
  system = await startTestSystem('console-portal');
  api = await startApi(system);
  admin = apiClient(api.baseUrl, (await createApiKey({ role: 'admin', label: 'Portal admin', createdBy: 'e2e' })).key);
  mail = startTestMailDispatcher(api.baseUrl);
  await admin.post('/distributors', distributor);
  for (const reseller of [first, second])
    await admin.post('/resellers', { ...reseller, partnerType: 'var', distributorIds: [distributor.id] });
  await admin.put('/policy', openPolicy);
  // A change scheduled for later: the guide announces it with its date.
  await admin.put('/policy', { ...openPolicy, effectiveFrom: new Date(Date.now() + 30 * 86_400_000).toISOString() });
  people.alpha = await personFor({ role: 'reseller', resellerId: first.id, orgAdmin: true }, 'alpha');
  people.beta = await personFor({ role: 'reseller', resellerId: second.id }, 'beta');
  people.dist = await personFor({ role: 'distributor', distributorId: distributor.id }, 'dist');
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

const deal = { customer: `Orbital Freight ${run}`, domain: `orbital-${run}.com` };
let firstRegistrationId = '';

/** Fills the register-a-deal form by its labels, as a keyboard user would reach them. */
async function fillDeal(customer: string, domain: string) {
  await page.getByLabel('Through distributor').selectOption(distributor.id);
  await page.getByLabel('Customer name').fill(customer);
  await page.getByLabel('Web domain (optional)').fill(domain);
  await page.getByLabel('Segment').selectOption('commercial');
  await page.getByLabel('Title', { exact: true }).fill('Warehouse network refresh');
  await page.getByLabel('Product lines').fill('networking, storage');
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email', { exact: true }).waitFor();
}

test('a reseller user registers a deal (errors at the field, a double click submits once) and sees it approved', async () => {
  await signInWithPassword(page, api.baseUrl, people.alpha, PASSWORD);
  await page.getByRole('heading', { name: 'My registrations', level: 1 }).waitFor();
  await page.getByText('Nothing registered yet.').waitFor();
  await screenshot(page, '60-portal-my-registrations-empty');

  await page.getByRole('link', { name: 'Register a deal' }).first().click();
  await page.getByRole('heading', { name: 'Register a deal', level: 1 }).waitFor();
  await screenshot(page, '61-portal-register-form');
  // No segment and a malformed domain: the API's 422 lands at the two fields, nothing is stored.
  await page.getByLabel('Customer name').fill(deal.customer);
  await page.getByLabel('Web domain (optional)').fill('not a domain');
  await page.getByLabel('Title', { exact: true }).fill('Warehouse network refresh');
  await page.getByLabel('Product lines').fill('networking');
  await page.getByRole('button', { name: 'Register the deal' }).click();
  await page.getByText('Some fields need a change').waitFor();
  expect(await page.getByLabel('Web domain (optional)').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel('Segment').getAttribute('aria-invalid')).toBe('true');
  // The focus is on the first field to fix, so a keyboard user continues from there.
  expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
  await screenshot(page, '62-portal-register-field-errors');

  await fillDeal(deal.customer, deal.domain);
  await page.getByRole('button', { name: 'Register the deal' }).dblclick();
  await page.getByRole('heading', { name: 'The decision' }).waitFor();
  await page.getByRole('status').getByText('approved', { exact: true }).waitFor();
  await screenshot(page, '63-portal-register-approved');

  const registered = await admin.get<{ items: Array<{ id: string; status: string }> }>(
    `/registrations?resellerId=${first.id}`,
  );
  expect(registered.items).toHaveLength(1);
  firstRegistrationId = registered.items[0]!.id;

  await page.getByRole('link', { name: 'Open this registration' }).click();
  await page.getByRole('heading', { name: 'What you can do' }).waitFor();
  await page
    .getByText(/\d+ d \d+ h left/)
    .first()
    .waitFor();
  await screenshot(page, '64-portal-registration');
  // The contract's actions: an extension (the policy grants one without approval) moves the protection on.
  await page.getByLabel('Why it needs more time').fill('The customer moved the purchase to next quarter');
  await page.getByRole('button', { name: 'Ask for an extension' }).click();
  await page.getByText(/^Extended: protected until/).waitFor();
  await page.getByText('1 extension used').waitFor();
  // A change of the estimated value: a currency that is not one is refused at its field, then recorded.
  await page.locator('#change-amount').fill('125000');
  await page.locator('#change-currency').fill('dollars');
  await page.getByRole('button', { name: 'Change', exact: true }).click();
  await page.locator('#change-currency-errors').waitFor();
  expect(await page.locator('#change-currency').getAttribute('aria-invalid')).toBe('true');
  await page.locator('#change-currency').fill('EUR');
  await page.getByRole('button', { name: 'Change', exact: true }).click();
  await page.getByText('Changed: the change is recorded in the history below.').waitFor();

  await page.getByRole('link', { name: 'My registrations' }).click();
  await page.getByRole('row', { name: new RegExp(deal.customer) }).waitFor();
  await screenshot(page, '65-portal-my-registrations');
  await page.getByRole('link', { name: 'Rules of engagement' }).click();
  await page.getByRole('heading', { name: 'Upcoming change' }).waitFor();
  await screenshot(page, '66-portal-rules-of-engagement');
  // Each person's own notification settings.
  await page.getByRole('link', { name: 'Email settings' }).click();
  await page.getByRole('heading', { name: 'Email settings', level: 1 }).waitFor();
  await screenshot(page, '66b-portal-email-settings');
});

test('an org admin invites a colleague and disables one from the Organisation page, and sets its webhook', async () => {
  await page.getByRole('link', { name: 'Organisation' }).click();
  await page.getByRole('heading', { name: 'Your organisation', level: 1 }).waitFor();
  const colleague = uniqueAddress('colleague');
  await page.getByLabel('Email', { exact: true }).fill(colleague);
  await page.getByLabel('Name', { exact: true }).fill('Cora Colleague');
  await page.getByRole('button', { name: 'Invite' }).click();
  await page.getByText(`the invitation is on its way to ${colleague}`).waitFor();
  const cora = page.getByRole('row', { name: /Cora Colleague/ });
  await cora.getByText('by alpha person').waitFor();
  // The colleague is invited into the org admin's own organisation, and mailed (before being disabled
  // below: a disabled person is mailed nothing).
  const [invitation] = await waitForMail(colleague);
  expect(linkIn(invitation!, `${api.baseUrl}/console/invitation/`)).toContain('/console/invitation/');
  const users = await admin.get<{ items: Array<{ email: string; role: string; resellerId?: string }> }>('/users');
  expect(users.items.find((user) => user.email === colleague)).toMatchObject({
    role: 'reseller',
    resellerId: first.id,
  });
  // Its own people only, and it may disable them (never itself).
  expect(await page.getByRole('row', { name: /beta person|dist person/ }).count()).toBe(0);
  await cora.getByRole('button', { name: 'Disable Cora Colleague' }).click();
  await page.getByText('Cora Colleague is disabled and signed out everywhere.').waitFor();
  expect(await page.getByRole('button', { name: 'Disable alpha person' }).isDisabled()).toBe(true);

  // The webhook: a local address is refused at its field; a public https one gets a secret shown once.
  await page.getByLabel('Webhook URL').fill('http://127.0.0.1:9/hook');
  await page.getByRole('button', { name: 'Save the webhook' }).click();
  await page.locator('#webhook-url-errors').waitFor();
  expect(await page.getByLabel('Webhook URL').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('Webhook URL').fill('https://hooks.portal.example/dealreg');
  await page.getByRole('button', { name: 'Save the webhook' }).click();
  await page.getByText(/whsec_/).waitFor();
  await page.getByRole('heading', { name: 'Recent webhook deliveries' }).waitFor();
  await screenshot(page, '67-portal-organisation');
  await signOut();
});

test("another reseller's user registers the same deal and sees it rejected without learning who holds it", async () => {
  await signInWithPassword(page, api.baseUrl, people.beta, PASSWORD);
  await page.getByRole('heading', { name: 'My registrations', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Register a deal' }).first().click();
  await fillDeal(deal.customer, deal.domain);
  // By keyboard: Enter in a field submits the form.
  await page.getByLabel('Product lines').press('Enter');
  await page.getByRole('heading', { name: 'The decision' }).waitFor();
  await page.getByRole('status').getByText('rejected', { exact: true }).waitFor();
  await page.getByText('Another partner already holds this deal').waitFor();
  await screenshot(page, '68-portal-register-rejected');
  const shown = await page.content();
  for (const secret of [first.id, first.name, firstRegistrationId, firstRegistrationId.replace(/^reg_/, '')])
    expect(shown).not.toContain(secret);
  // It may ask to be told when the deal frees up (deal.available), and learns nothing more of the holder.
  await page.getByRole('link', { name: 'Open this registration' }).click();
  await page.getByRole('button', { name: 'Tell me when this deal frees up' }).click();
  await page.getByText(/^We will tell you by email when this deal frees up/).waitFor();
  await screenshot(page, '68b-portal-watching');

  // The holder's registration is "not found", in the page as in the API.
  await page.goto(`${api.baseUrl}/console/registrations/${firstRegistrationId}`);
  await page.getByText('Could not load this registration.').waitFor();
  await page.getByText('It does not exist, or it is no longer kept.').waitFor();
  await screenshot(page, '69-portal-not-found');
  await signOut();
});

test('a distributor user registers a deal for an affiliated reseller, recorded as entered on its behalf', async () => {
  await signInWithPassword(page, api.baseUrl, people.dist, PASSWORD);
  await page.getByRole('heading', { name: 'Registrations through us', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Our resellers' }).click();
  await screenshot(page, '70-portal-distributor-resellers');
  await page.getByRole('link', { name: `Register a deal for ${second.name}` }).click();
  await page.getByRole('heading', { name: 'Register a deal', level: 1 }).waitFor();
  expect(await page.getByLabel('For reseller').inputValue()).toBe(second.id);
  const customer = `Harbor Logistics ${run}`;
  await fillDeal(customer, `harbor-${run}.com`);
  await page.getByRole('button', { name: 'Register the deal' }).click();
  await page.getByRole('status').getByText('approved', { exact: true }).waitFor();
  await page.getByText('By you, on the reseller’s behalf').waitFor();
  await screenshot(page, '71-portal-distributor-registered');

  const through = await admin.get<{ items: Array<{ id: string; customer: { name: string } }> }>(
    `/registrations?resellerId=${second.id}`,
  );
  const entered = through.items.find((item) => item.customer.name === customer);
  const staffView = await admin.get<{ enteredBy?: { kind: string; onBehalfOf?: { distributorId: string } } }>(
    `/registrations/${entered!.id}`,
  );
  expect(staffView.enteredBy).toMatchObject({ kind: 'user', onBehalfOf: { distributorId: distributor.id } });

  await page.getByRole('link', { name: 'Registrations', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(customer) }).waitFor();
  // Searched by customer text and filtered by status: only its own registrations, so the deal alone.
  await page.getByLabel('Customer', { exact: true }).fill('harbor logistics');
  await page.getByLabel('Status', { exact: true }).selectOption('approved');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByText('Showing 1').waitFor();
  await page.getByRole('row', { name: new RegExp(customer) }).waitFor();
  await screenshot(page, '72-portal-distributor-registrations');
});
