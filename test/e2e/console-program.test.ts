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
  series: { submitted: number; approved: number }[];
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
    const approved = insights.series.reduce((sum, point) => sum + point.approved, 0);
    return approved >= 1 && insights.policyChanges.length >= 2 ? insights : undefined;
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
  await page
    .getByRole('figure', { name: 'Each distributor’s share of approvals' })
    .getByRole('img', { name: /Distributor A: 100\.0%/ })
    .waitFor();
  await page.getByRole('region', { name: 'Slowest open escalations' }).getByText(escalatedCustomer).waitFor();
  await screenshot(page, '21-program-health');
});
