import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApiKey } from '../../db/apikeys';
import { startTestSystem, type TestSystem } from '../support/harness';
import { linkIn, startTestMailDispatcher, uniqueAddress, waitForMail } from '../support/mail';
import {
  apiClient,
  launchChromium,
  type RunningApi,
  requireChromium,
  screenshot,
  signIn,
  signInWithPassword,
  startApi,
} from './console-support';

jest.setTimeout(120_000);

let system: TestSystem;
let api: RunningApi;
let browser: Browser;
let adminKey: string;
let mail: ReturnType<typeof startTestMailDispatcher>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  requireChromium();
  system = await startTestSystem('console-people');
  api = await startApi(system);
  adminKey = (await createApiKey({ role: 'admin', label: 'Bootstrap admin', createdBy: 'e2e' })).key;
  await apiClient(api.baseUrl, adminKey).post('/distributors', { id: 'dist-a', name: 'Distributor A' });
  // Links in the mails point at this API, as they would at a deployment's public URL.
  mail = startTestMailDispatcher(api.baseUrl);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await mail?.stop();
  await api?.close();
  await system?.shutdown();
});

test('an admin invites themself from the People page, activates by the mailed link, signs in and is named on what they do', async () => {
  const email = uniqueAddress('ana');
  const password = 'orchard lantern ferry 31';

  await signIn(page, api.baseUrl, adminKey);
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Ana Admin');
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: 'Invite' }).click();
  await page.getByText(`the invitation is on its way to ${email}`).waitFor();
  await page
    .getByRole('row', { name: /Ana Admin/ })
    .getByText('by Bootstrap admin')
    .waitFor();
  await screenshot(page, '40-people-invited');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email', { exact: true }).waitFor();

  const [invitation] = await waitForMail(email);
  await page.goto(linkIn(invitation!, `${api.baseUrl}/console/invitation/`));
  await page.getByRole('heading', { name: 'Welcome to dealreg' }).waitFor();
  await page.getByLabel('Password', { exact: true }).fill('password1234');
  await page.getByLabel('Password again').fill('password1234');
  await page.getByRole('button', { name: 'Activate my account' }).click();
  await page.getByText(/The password (must be at least|is one of the most common)/).waitFor();
  await screenshot(page, '41-invitation-refused-password');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(password);
  await page.getByRole('button', { name: 'Activate my account' }).click();
  await page.getByText('Your account is ready').waitFor();

  await signInWithPassword(page, api.baseUrl, email, 'not my password at all');
  await page.getByText('do not match an active account').waitFor();
  await signInWithPassword(page, api.baseUrl, email, password);
  await page.getByText('Ana Admin').first().waitFor();
  // The page holds no key and no session token: the cookie is HttpOnly.
  expect(await page.evaluate('document.cookie')).toBe('');
  expect(await page.evaluate('JSON.stringify(sessionStorage) + JSON.stringify(localStorage)')).toBe('{}{}');

  await page.getByRole('link', { name: 'People' }).click();
  await page.getByLabel('Email', { exact: true }).fill(uniqueAddress('ben'));
  await page.getByLabel('Name', { exact: true }).fill('Ben Auditor');
  await page.getByLabel('Role', { exact: true }).selectOption('auditor');
  await page.getByRole('button', { name: 'Invite' }).click();
  const ben = page.getByRole('row', { name: /Ben Auditor/ });
  await ben.getByText('by Ana Admin').waitFor();
  await ben.getByRole('button', { name: 'Disable Ben Auditor' }).click();
  await page.getByText('Ben Auditor is disabled and signed out everywhere.').waitFor();
  await ben.getByText('disabled', { exact: true }).waitFor();
  await screenshot(page, '42-people');

  await ben.getByRole('button', { name: 'Change Ben Auditor…' }).click();
  const form = page.getByRole('form', { name: 'Change Ben Auditor' });
  await form.getByLabel('Name', { exact: true }).fill('Ben Renamed');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Ben Renamed is saved.').waitFor();
  await page.getByRole('row', { name: /Ben Renamed/ }).waitFor();
});
