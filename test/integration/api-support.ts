import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { createApp } from '../../api/app';
import type { RegistrationView } from '../../api/schemas/registration';
import { type Config, parseConfig } from '../../config/config';
import { createApiKey, type Role } from '../../db/apikeys';
import { sellerStore } from '../../db/vendor-records';
import { saveVendorRecord } from '../../db/vendor-store';
import type { RegistrationSubmission } from '../../domain/registration';
import { publishTestPolicy, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { eventually, quietLogger, startTestSystem, type TestSystem } from '../support/harness';
import { waitForEscalationWorkflow } from '../support/lifecycle';
import { OpenApiResponseValidator } from './api-openapi-validator';

/** Who calls: a role's key, or one of the ways of calling without a valid key. */
export type CallerName = Role | 'other-reseller' | 'other-distributor' | 'missing' | 'revoked';

export interface ApiCall {
  as: CallerName;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  body?: unknown;
  /** Sent as-is with this content type (for malformed or oversized bodies). */
  raw?: { text: string; contentType: string };
  headers?: Record<string, string>;
}

export interface ApiTest {
  system: TestSystem;
  app: Express;
  keys: Record<Exclude<CallerName, 'missing'>, string>;
  keyIds: Record<Exclude<CallerName, 'missing'>, string>;
  validator: OpenApiResponseValidator;
  /** Calls the API and checks the answer against the OpenAPI document (throws if it does not fit). */
  call(spec: ApiCall): Promise<Response>;
  shutdown(): Promise<void>;
}

/** `value-var` through `dist-a` is the reseller and distributor of the role keys; the others are strangers. */
export const RESELLER = 'value-var';
export const OTHER_RESELLER = 'small-boutique';
export const DISTRIBUTOR = 'dist-a';
export const OTHER_DISTRIBUTOR = 'dist-b';
/** The vendor seller of the `sales` key. */
export const SELLER = 'house-seller';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...parseConfig({}),
    RATE_LIMIT_PER_MINUTE: 100_000,
    RATE_LIMIT_ROOT_PER_MINUTE: 100_000,
    AUTH_FAILURES_PER_MINUTE: 100_000,
    // Test files share two cores: how long an acceptance takes is the benchmark's to measure, not a test's
    // (the services' harness waits as long; a test of the 503 itself sets its own).
    SUBMISSION_ACCEPTANCE_WAIT_MS: 60_000,
    ...overrides,
  };
}

/** A real worker, the app on top of it, seeded partners and policy, and a key for every caller. */
export async function startApiTest(label: string, overrides: Partial<Config> = {}): Promise<ApiTest> {
  const system = await startTestSystem(label);
  await seedPartners();
  await publishTestPolicy();
  await saveVendorRecord(sellerStore, { id: SELLER, name: 'Hana House', email: 'hana@vendor.example' }, 'create');
  const app = createApp({
    temporal: system.temporal,
    taskQueue: system.taskQueue,
    logger: quietLogger,
    config: testConfig(overrides),
  });
  const created = {
    reseller: await createApiKey({ role: 'reseller', resellerId: RESELLER, createdBy: 'test' }),
    'other-reseller': await createApiKey({ role: 'reseller', resellerId: OTHER_RESELLER, createdBy: 'test' }),
    distributor: await createApiKey({ role: 'distributor', distributorId: DISTRIBUTOR, createdBy: 'test' }),
    'other-distributor': await createApiKey({
      role: 'distributor',
      distributorId: OTHER_DISTRIBUTOR,
      createdBy: 'test',
    }),
    sales: await createApiKey({ role: 'sales', sellerId: SELLER, createdBy: 'test' }),
    'channel-manager': await createApiKey({ role: 'channel-manager', createdBy: 'test' }),
    auditor: await createApiKey({ role: 'auditor', createdBy: 'test' }),
    admin: await createApiKey({ role: 'admin', createdBy: 'test' }),
    revoked: await createApiKey({ role: 'admin', createdBy: 'test' }),
  };
  const keys = Object.fromEntries(Object.entries(created).map(([name, k]) => [name, k.key])) as ApiTest['keys'];
  const keyIds = Object.fromEntries(Object.entries(created).map(([name, k]) => [name, k.keyId])) as ApiTest['keyIds'];
  const validator = new OpenApiResponseValidator((await request(app).get('/api/v1/openapi.json')).body);

  const call = async (spec: ApiCall): Promise<Response> => {
    let pending = request(app)[spec.method](spec.path);
    if (spec.as !== 'missing') pending = pending.set('Authorization', `Bearer ${keys[spec.as]}`);
    for (const [name, value] of Object.entries(spec.headers ?? {})) pending = pending.set(name, value);
    if (spec.raw) pending = pending.set('Content-Type', spec.raw.contentType).send(spec.raw.text);
    // Serialized here so that any JSON value (a bare number, null) is sent as written.
    else if (spec.body !== undefined)
      pending = pending.set('Content-Type', 'application/json').send(JSON.stringify(spec.body));
    const response = await pending;
    validator.check(spec.method, spec.path, response);
    return response;
  };

  const api: ApiTest = { system, app, keys, keyIds, validator, call, shutdown: () => system.shutdown() };
  // Revoked through the API, as an admin would.
  const revoked = await call({ as: 'admin', method: 'delete', path: `/api/v1/api-keys/${keyIds.revoked}` });
  if (revoked.status !== 200) throw new Error(`could not revoke the test key: ${revoked.status}`);
  return api;
}

/**
 * A valid submission for a customer whose name shares no word with any other test customer. (The
 * shared fixture's "<word> Customer <n>" names share a word, which makes every registration a
 * possible match of every other; the first-come check then decides them one after another.)
 */
export function freshSubmission(overrides: Parameters<typeof submission>[0] = {}): RegistrationSubmission {
  return submission({ customerName: `${uniqueWord()} ${uniqueWord()}`, ...overrides });
}

/** Submits through the API as `as` and waits until the registration's first decision is recorded. */
export async function submitAndWait(
  api: ApiTest,
  body: unknown,
  as: CallerName = 'reseller',
  until: (status: string) => boolean = (status) => status !== 'pending',
): Promise<RegistrationView> {
  const submitted = await api.call({ as, method: 'post', path: '/api/v1/registrations', body });
  if (submitted.status !== 202) throw new Error(`submission answered ${submitted.status}: ${submitted.text}`);
  return eventually(async () => {
    const read = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${submitted.body.id}` });
    return until(read.body.status) ? (read.body as RegistrationView) : undefined;
  }, `registration ${submitted.body.id} to be decided`);
}

/**
 * Two resellers register customers whose names only look alike: the second is escalated as a
 * possible duplicate. Returns once the escalation's workflow knows both registrations.
 */
export async function contestedDeal(
  api: ApiTest,
): Promise<{ holder: RegistrationView; challenger: RegistrationView; escalationId: string }> {
  const name = `${uniqueWord()} Traders`;
  const holder = await submitAndWait(api, submission({ customerName: name }), 'reseller');
  const challenger = await submitAndWait(api, submission({ customerName: `${name} LLC` }), 'other-reseller');
  const staffView = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${challenger.id}` });
  const escalationId = staffView.body.escalationId as string | undefined;
  if (challenger.status !== 'escalated' || !escalationId) {
    throw new Error(`expected an escalation, got ${challenger.status}: ${JSON.stringify(staffView.body)}`);
  }
  await waitForEscalationWorkflow(api.system, escalationId, 2);
  return { holder, challenger, escalationId };
}

/**
 * Starts a policy simulation through the API and reads its job until it has ended (one runs at a time
 * per deployment); answers the ended job.
 */
export async function simulateAndWait(api: ApiTest, body: unknown, as: CallerName = 'channel-manager') {
  const started = await api.call({ as, method: 'post', path: '/api/v1/policy/simulate', body });
  if (started.status !== 202) throw new Error(`simulation answered ${started.status}: ${started.text}`);
  return eventually(async () => {
    const read = await api.call({ as, method: 'get', path: started.headers.location as string });
    return read.body.status === 'running' ? undefined : read.body;
  }, 'the simulation to end');
}

/** Uploads an import's file as an admin and reads its job until it has ended; answers the ended job. */
export async function importAndWait(api: ApiTest, path: string, raw: { text: string; contentType: string }) {
  const started = await api.call({ as: 'admin', method: 'post', path, raw });
  if (started.status !== 202) throw new Error(`import answered ${started.status}: ${started.text}`);
  expect(started.headers.location).toBe(`/api/v1/imports/${started.body.id}`);
  return eventually(
    async () => {
      const job = await api.call({ as: 'admin', method: 'get', path: started.headers.location as string });
      return job.body.status === 'running' ? undefined : job.body;
    },
    'the import to end',
    120_000,
  );
}
