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
} from './console-support';

// The console pages that run the program: program health, the structured policy editor with scheduled
// changes, partners and API keys. Against the real stack, in Chromium, with a screenshot of each page.
jest.setTimeout(180_000);

interface Registration {
  id: string;
  status: string;
}
interface Insights {
  series: { submitted: number; approved: number; escalated: Record<string, number> }[];
  policyChanges: { version: number }[];
}

let system: TestSystem;
let api: RunningApi;
let browser: Browser;
let admin: ApiClient;
let adminKey: string;
let managerKey: string;
let resellerKey: string;

const timing = { reviewSla: 'PT1H', secondReviewSla: 'PT1H' };
/** Version 1: only federal civilians are routed, so a commercial registration is unrouted and escalates. */
const segmentPolicy = {
  model: 'segment',
  routes: [{ when: { segments: ['federal-civilian'] }, distributors: ['dist-a'] }],
  timing,
};

beforeAll(async () => {
  requireChromium();
  system = await startTestSystem('console-program');
  api = await startApi(system);
  adminKey = (await createApiKey({ role: 'admin', createdBy: 'e2e' })).key;
  admin = apiClient(api.baseUrl, adminKey);
  await admin.post('/distributors', { id: 'dist-a', name: 'Distributor A' });
  await admin.post('/distributors', { id: 'dist-b', name: 'Distributor B' });
  await admin.post('/resellers', { id: 'acme-var', name: 'Acme VAR', partnerType: 'var', distributorIds: ['dist-a'] });
  await admin.put('/policy', segmentPolicy);
  managerKey = (await admin.post<{ key: string }>('/api-keys', { role: 'channel-manager' })).key;
  resellerKey = (await admin.post<{ key: string }>('/api-keys', { role: 'reseller', resellerId: 'acme-var' })).key;
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
  context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  page = await context.newPage();
});
afterEach(async () => context?.close());

async function submitCommercial(customerName: string): Promise<Registration> {
  const reseller = apiClient(api.baseUrl, resellerKey);
  const submitted = await reseller.post<Registration>('/registrations', {
    distributorId: 'dist-a',
    customer: { name: customerName, segment: 'commercial', region: 'east' },
    opportunity: { title: 'Campus network refresh', productLines: ['networking'] },
  });
  return eventually(async () => {
    const current = await admin.get<Registration>(`/registrations/${submitted.id}`);
    return current.status === 'pending' ? undefined : current;
  }, `registration ${submitted.id} to be decided`);
}

test('a channel manager sees program health: series, the policy change marked, before and after', async () => {
  const escalatedCustomer = `${uniqueWord()} Logistics`;
  expect((await submitCommercial(escalatedCustomer)).status).toBe('escalated');
  // Version 2 opens every deal: the next commercial registration is approved.
  await admin.put('/policy', { model: 'open', timing });
  expect((await submitCommercial(`${uniqueWord()} Foods`)).status).toBe('approved');
  await eventually(async () => {
    const insights = await admin.get<Insights>('/insights');
    const total = (of: (point: Insights['series'][number]) => number) =>
      insights.series.reduce((sum, point) => sum + of(point), 0);
    const escalated = total((point) => Object.values(point.escalated).reduce((sum, n) => sum + n, 0));
    const counted = total((point) => point.submitted) === 2 && total((point) => point.approved) === 1;
    return counted && escalated === 1 && insights.policyChanges.length >= 2 ? insights : undefined;
  }, 'the insights to count the decisions');

  await signIn(page, api.baseUrl, managerKey);
  await page.getByRole('link', { name: 'Program health' }).click();
  await page.getByRole('heading', { name: 'Program health', level: 1 }).waitFor();
  const volume = page.getByRole('figure', { name: 'Registrations submitted and decided' });
  await volume.waitFor();
  // The chart says what it shows, policy changes included, and its table holds the same numbers.
  const description = await volume.getByRole('img').getAttribute('aria-label');
  expect(description).toMatch(/Submitted: latest 2/);
  expect(description).toMatch(/version 2 took force/);
  const numbers = volume.getByText('The numbers');
  await numbers.click();
  const today = new Date().toISOString().slice(0, 10);
  const todayRow = volume.getByRole('row', { name: new RegExp(`^${today}`) });
  await expect(todayRow.textContent()).resolves.toMatch(/^\S+2101version 1 took force.*version 2 took force/);
  await numbers.click();
  await page.getByRole('figure', { name: 'Conflict and escalation rates', exact: true }).waitFor();
  await page.getByRole('figure', { name: 'Time from submission to decision' }).waitFor();

  // Before and after version 2: the escalated registration was decided under version 1, the approval under 2.
  const comparison = page.getByRole('table', { name: 'Before and after the change' });
  await expect(comparison.getByRole('row', { name: /^Escalated/ }).textContent()).resolves.toBe('Escalated10');
  await expect(comparison.getByRole('row', { name: /^Approved/ }).textContent()).resolves.toBe('Approved01');
  await expect(comparison.getByRole('row', { name: /escalated: unrouted/ }).textContent()).resolves.toBe(
    '… escalated: unrouted10',
  );
  await page
    .getByRole('figure', { name: 'Each distributor’s share of approvals' })
    .getByRole('img', { name: /Distributor A: 100\.0%/ })
    .waitFor();
  await page.getByRole('region', { name: 'Slowest open escalations' }).getByText(escalatedCustomer).waitFor();
  // The closed deals' and the disputes' tables each choose their grouping (none was closed or disputed here).
  for (const [id, empty] of [
    ['closed-group-by', 'No deal was closed won or lost in this period.'],
    ['disputes-group-by', 'No decision was disputed in this period.'],
  ] as const) {
    const by = page.locator(`#${id}`);
    await by.selectOption({ label: 'Partner type' });
    await expect(by.inputValue()).resolves.toBe('partnerType');
    await page.getByText(empty).waitFor();
  }
  await screenshot(page, '21-program-health');
});

/** A datetime-local value two days ahead, in the browser's zone (the test's Chromium runs in this process' TZ). */
function twoDaysAhead(): string {
  const at = new Date(Date.now() + 2 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

interface PolicyAnswer {
  version: number;
  policy: { model: string };
  upcoming?: { version: number; effectiveFrom: string; announced: { event: string; partners: number }[] };
}

test('an administrator edits the policy in the form, schedules it, sees it upcoming and cancels it', async () => {
  const before = await admin.get<PolicyAnswer>('/policy');
  await signIn(page, api.baseUrl, adminKey);
  await page.getByRole('link', { name: 'Simulate', exact: true }).click();
  await page.getByRole('heading', { name: 'Edit and simulate the policy' }).waitFor();

  // Hybrid, with one route reserving federal defence deals in the west to Distributor B.
  await page.getByRole('radio', { name: /^Hybrid/ }).check();
  await page.getByRole('button', { name: 'Add a route' }).click();
  const route = page.getByRole('group', { name: 'Route 1' });
  await route.getByRole('checkbox', { name: 'commercial' }).uncheck();
  await route.getByRole('checkbox', { name: 'federal dod' }).check();
  await route.getByLabel('Regions').fill('west');
  await route.getByRole('group', { name: 'Distributors' }).getByRole('checkbox', { name: 'Distributor A' }).uncheck();
  await route.getByRole('group', { name: 'Distributors' }).getByRole('checkbox', { name: 'Distributor B' }).check();
  await page.getByRole('radio', { name: 'Goes to a channel manager', exact: true }).check();
  // Timings are durations, read back in words.
  await page.getByLabel('Review deadline', { exact: true }).fill('36');
  await page.getByLabel('Review deadline: unit', { exact: true }).selectOption('hours');
  await page.getByText('1 day 12 hours (PT36H)').waitFor();

  // A reminder longer than protection: the API refuses it, and the form shows why at the field.
  await page.getByLabel('Expiry reminder', { exact: true }).fill('200');
  await page.getByLabel('Expiry reminder: unit', { exact: true }).selectOption('days');
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const reminder = page.getByLabel('Expiry reminder', { exact: true });
  await page.getByText('must be shorter than protection').first().waitFor();
  expect(await reminder.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await reminder.getAttribute('aria-describedby')) ?? '';
  expect(describedBy).toContain('field-timing-expiryReminder-errors');
  await screenshot(page, '22-policy-form-field-error');
  await page.getByRole('button', { name: 'Go to timing.expiryReminder' }).click();
  expect(await page.evaluate('document.activeElement.id')).toBe('field-timing-expiryReminder');
  await reminder.fill('7');
  // What was typed stays in the unit chosen (7 days, not 1 week).
  expect(await reminder.inputValue()).toBe('7');
  await page.getByText('7 days (P7D)').waitFor();
  // Whole numbers: an extension count, a daily cap and a monthly cap on disputes (empty: no limit).
  await page.getByLabel('Extensions per registration').fill('2');
  await page.getByLabel('Submissions per reseller per day').fill('40');
  await page.getByLabel('Disputes per reseller per month').fill('3');

  // Scheduled two days ahead: partners are told now, it takes force then.
  await page.getByRole('radio', { name: 'At a later time' }).check();
  await page.getByLabel('Takes force at (your local time)').fill(twoDaysAhead());
  await page.getByRole('button', { name: 'Schedule…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule this policy?' });
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await page.getByText(`Scheduled as version ${before.version + 1}`).waitFor();
  const upcoming = page.getByRole('region', { name: 'Upcoming change' });
  await upcoming.getByText(`Version ${before.version + 1} takes force`).waitFor();
  const scheduled = await admin.get<PolicyAnswer>('/policy');
  expect(scheduled.version).toBe(before.version);
  expect(scheduled.upcoming?.version).toBe(before.version + 1);
  const versions = await admin.get<{ versions: { version: number; policy: Record<string, unknown> }[] }>(
    '/policy/versions',
  );
  expect(versions.versions.at(-1)?.policy).toMatchObject({
    model: 'hybrid',
    onWrongRoute: 'escalate',
    routes: [{ when: { segments: ['federal-dod'], regions: ['west'] }, distributors: ['dist-b'] }],
    timing: { reviewSla: 'PT36H', expiryReminder: 'P7D', extension: { max: 2 } },
    limits: { submissionsPerResellerPerDay: 40 },
    disputes: { perResellerPerMonth: 3 },
  });
  await screenshot(page, '23-policy-scheduled');
  // Every partner is told by the change's workflow; once it has, the page (read afresh below) says how many.
  const told = await eventually(async () => {
    const read = await admin.get<PolicyAnswer>('/policy');
    return read.upcoming?.announced.find((announcement) => announcement.event === 'policy.scheduled');
  }, 'every partner told of the change');

  // The policy page shows it upcoming too, and it is cancelled from there.
  await page.getByRole('link', { name: 'Policy', exact: true }).click();
  await page.getByRole('heading', { name: 'Policy', exact: true, level: 1 }).waitFor();
  const upcomingOnPolicy = page.getByRole('region', { name: 'Upcoming change' });
  await upcomingOnPolicy.getByText(`Version ${before.version + 1} takes force`).waitFor();
  await upcomingOnPolicy.getByText(`${told.partners} partners were told on`).waitFor();
  await screenshot(page, '24-policy-upcoming');
  await upcomingOnPolicy.getByRole('button', { name: 'Cancel this change…' }).click();
  await page
    .getByRole('dialog', { name: `Cancel version ${before.version + 1}?` })
    .getByRole('button', { name: 'Cancel the change' })
    .click();
  await page.getByText(/cancelled .*, never in force/).waitFor();
  await page.getByRole('region', { name: 'Upcoming change' }).waitFor({ state: 'detached' });
  expect((await admin.get<PolicyAnswer>('/policy')).upcoming).toBeUndefined();
});

test('an administrator adds and edits a reseller, creates a key shown once and revokes it', async () => {
  await signIn(page, api.baseUrl, adminKey);
  await page.getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('heading', { name: 'Partners', level: 1 }).waitFor();
  const addReseller = page.getByRole('form', { name: 'Add a reseller' });
  await addReseller.getByLabel('Reseller id').fill('north-integrator');
  await addReseller.getByLabel('Reseller name').fill('North Integrator');
  await addReseller.getByLabel('Partner type').selectOption('integrator');
  await addReseller.getByRole('checkbox', { name: 'Distributor A' }).check();
  await addReseller.getByRole('button', { name: 'Add reseller' }).click();
  await page.getByText('Reseller North Integrator was added.').waitFor();

  // Edited: a boutique that buys through both distributors.
  await page.getByRole('button', { name: 'Edit North Integrator' }).click();
  const edit = page.getByRole('form', { name: 'Edit North Integrator' });
  await edit.getByLabel('Partner type').selectOption('boutique');
  await edit.getByRole('checkbox', { name: 'Distributor B' }).check();
  await edit.getByRole('button', { name: 'Save reseller' }).click();
  await page.getByText('Reseller North Integrator was saved.').waitFor();
  // The list reloads after the notice: wait for the row to show the change.
  const row = page.getByRole('row', { name: /North Integrator/ });
  await row.getByRole('cell', { name: 'Distributor A, Distributor B' }).waitFor();
  await row.getByRole('cell', { name: 'Boutique' }).waitFor();
  const resellers = await admin.get<{ items: { id: string; partnerType: string; distributorIds: string[] }[] }>(
    '/resellers',
  );
  expect(resellers.items.find((r) => r.id === 'north-integrator')).toMatchObject({
    partnerType: 'boutique',
    distributorIds: ['dist-a', 'dist-b'],
  });
  // By keyboard alone: rename Distributor B (focus the button, Enter, type, Enter).
  await page.getByRole('button', { name: 'Rename Distributor B' }).focus();
  await page.keyboard.press('Enter');
  const rename = page.getByRole('form', { name: 'Rename Distributor B' });
  await rename.getByLabel('Distributor name').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Distributor B (East)');
  await page.keyboard.press('Enter');
  await page.getByText('Distributor dist-b is now named Distributor B (East).').waitFor();
  await page.getByRole('row', { name: /^Distributor B \(East\) dist-b/ }).waitFor();
  expect((await admin.get<{ items: { id: string; name: string }[] }>('/distributors')).items).toContainEqual(
    expect.objectContaining({ id: 'dist-b', name: 'Distributor B (East)' }),
  );
  await screenshot(page, '25-partners');

  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
  const form = page.getByRole('form', { name: 'Create an API key' });
  await form.getByLabel('Role').selectOption('reseller');
  await form.getByLabel('Reseller', { exact: true }).selectOption('north-integrator');
  await form.getByLabel('Label (optional)').fill('North’s CRM');
  await form.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByRole('region', { name: /^New reseller key/ });
  const newKey = await shown.getByLabel('API key').inputValue();
  const keyId = ((await shown.getByRole('heading').textContent()) ?? '').split(' ').at(-1) as string;
  // The key works: it is the reseller's.
  await expect(apiClient(api.baseUrl, newKey).get<{ resellerId: string }>('/me')).resolves.toMatchObject({
    resellerId: 'north-integrator',
  });
  await screenshot(page, '26-api-key-created');
  // Shown once: after "Done" it is nowhere on the page, and the list never has it.
  await shown.getByRole('button', { name: 'Done, hide it' }).click();
  expect(await page.content()).not.toContain(newKey);
  await page
    .getByRole('row', { name: new RegExp(keyId) })
    .getByText('North’s CRM')
    .waitFor();

  await page.getByRole('button', { name: `Revoke ${keyId}…` }).click();
  await page
    .getByRole('dialog', { name: `Revoke ${keyId}?` })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await page.getByText(`Key ${keyId} is revoked`).waitFor();
  await page
    .getByRole('row', { name: new RegExp(keyId) })
    .getByText(/^revoked/)
    .waitFor();
  await expect(apiClient(api.baseUrl, newKey).get('/me')).rejects.toThrow(/answered 401/);
  await screenshot(page, '27-api-keys');
});
