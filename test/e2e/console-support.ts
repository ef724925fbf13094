import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp } from '../../api/app';
import { parseConfig } from '../../config/config';
import { ensureConsoleBuilt } from '../../scripts/console-build';
import { quietLogger, type TestSystem } from '../support/harness';
import { linkIn, uniqueAddress, waitForMail } from '../support/mail';
import { tokenOf } from '../support/people';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const TEMPORAL_UI_URL = 'http://127.0.0.1:8233';
export const screenshotDir = path.resolve(__dirname, '..', '..', 'test-artifacts', 'console');

/** The browser is a requirement of this test, not an option: without it the test fails and says what to install. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `headless Chromium is missing at ${CHROMIUM_PATH}: install it with "apt-get install chromium chromium-driver"`,
    );
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export interface RunningApi {
  baseUrl: string;
  close(): Promise<void>;
}

/** The real API (console included) in this process, on an ephemeral port, against the test system. */
export async function startApi(system: TestSystem): Promise<RunningApi> {
  await ensureConsoleBuilt();
  const config = parseConfig({
    ...process.env,
    TEMPORAL_TASK_QUEUE: system.taskQueue,
    TEMPORAL_UI_URL,
    LOG_LEVEL: 'silent',
    // A browser loads many console assets from one address.
    RATE_LIMIT_ROOT_PER_MINUTE: '100000',
  });
  const app = createApp({ temporal: system.temporal, taskQueue: system.taskQueue, logger: quietLogger, config });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON client of the HTTP API with one key, for seeding and for checking what the console did. */
export function apiClient(baseUrl: string, key: string) {
  const call = async <T>(method: string, apiPath: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${apiPath}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${apiPath} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(apiPath: string) => call<T>('GET', apiPath),
    post: <T>(apiPath: string, body: unknown) => call<T>('POST', apiPath, body),
    put: <T>(apiPath: string, body: unknown) => call<T>('PUT', apiPath, body),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in with a staff key through the form, as a person would: the fields are found by their labels. */
export async function signIn(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByRole('button', { name: 'Sign in with a staff API key instead' }).click();
  await page.getByLabel('Staff API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in with email and password, as a person would. */
export async function signInWithPassword(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Invites a person through the API and activates the account from the mailed link with `password`, as
 * they would; answers the address. Needs the test mail dispatcher running.
 */
export async function invitePerson(
  baseUrl: string,
  admin: ApiClient,
  person: { name: string; role: string } & Record<string, unknown>,
  password: string,
): Promise<string> {
  const email = uniqueAddress((person.name.split(' ')[0] ?? 'person').toLowerCase());
  await admin.post('/users', { email, ...person });
  const [invitation] = await waitForMail(email);
  const token = tokenOf(linkIn(invitation!, `${baseUrl}/console/invitation/`));
  const activated = await fetch(`${baseUrl}/api/v1/auth/invitations/${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  if (!activated.ok) throw new Error(`activation answered ${activated.status}`);
  return email;
}
