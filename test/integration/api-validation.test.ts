import fc from 'fast-check';
import { routeKey } from '../../api/route-spec';
import { createRouteTable } from '../../api/routes';
import { Webhook } from '../../db/partners';
import { contractTiming } from '../../domain/policy/contract-timing';
import { publishTestPolicy } from '../support/fixtures';
import {
  changedCollections,
  databaseFingerprint,
  malformedBodies,
  malformedJsonText,
  settledFingerprint,
} from './api-fuzz-support';
import {
  type ApiTest,
  type CallerName,
  contestedDeal,
  freshSubmission,
  startApiTest,
  submitAndWait,
} from './api-support';

/**
 * Random and malformed input at every write route: never a 500, never a 2xx, and the database
 * exactly as before. The write routes come from the route table, so a new one must be added here.
 */
let api: ApiTest;
let targets: {
  registrationId: string;
  escalationId: string;
  keyId: string;
  userId: string;
  rejectedId: string;
  disputeId: string;
};

interface WriteTarget {
  as: CallerName;
  path: () => string;
  /** A body the route would accept: the malformed ones are derived from it. */
  valid?: () => object;
}

const writeTargets: Record<string, WriteTarget> = {
  'POST /api/v1/registrations': { as: 'reseller', path: () => '/api/v1/registrations', valid: () => freshSubmission() },
  'POST /api/v1/registrations/{id}/withdraw': {
    as: 'reseller',
    path: () => `/api/v1/registrations/${targets.registrationId}/withdraw`,
    valid: () => ({ reason: 'changed plans' }),
  },
  'POST /api/v1/registrations/{id}/extension': {
    as: 'reseller',
    path: () => `/api/v1/registrations/${targets.registrationId}/extension`,
    valid: () => ({ reason: 'procurement delayed' }),
  },
  'POST /api/v1/registrations/{id}/close': {
    as: 'reseller',
    path: () => `/api/v1/registrations/${targets.registrationId}/close`,
    valid: () => ({ outcome: 'lost', reason: 'competitor', note: 'chose a cheaper bid' }),
  },
  'POST /api/v1/registrations/{id}/changes': {
    as: 'reseller',
    path: () => `/api/v1/registrations/${targets.registrationId}/changes`,
    valid: () => ({ opportunity: { stage: 'commit' }, note: 'signed soon' }),
  },
  'POST /api/v1/registrations/{id}/transfer': {
    as: 'channel-manager',
    path: () => `/api/v1/registrations/${targets.registrationId}/transfer`,
    valid: () => ({ toResellerId: 'small-boutique', toDistributorId: 'dist-a', reason: 'the customer chose them' }),
  },
  'POST /api/v1/registrations/{id}/revoke': {
    as: 'channel-manager',
    path: () => `/api/v1/registrations/${targets.registrationId}/revoke`,
    valid: () => ({ reason: 'registered without a meeting' }),
  },
  'POST /api/v1/registrations/{id}/watch': {
    as: 'reseller',
    path: () => `/api/v1/registrations/${targets.registrationId}/watch`,
  },
  'POST /api/v1/escalations/{id}/resolve': {
    as: 'channel-manager',
    path: () => `/api/v1/escalations/${targets.escalationId}/resolve`,
    valid: () => ({ distinct: true, reason: 'different buyers' }),
  },
  'POST /api/v1/registrations/{id}/disputes': {
    as: 'reseller',
    path: () => `/api/v1/registrations/${targets.rejectedId}/disputes`,
    valid: () => ({ ground: 'customer-choice', statement: 'the customer chose us', evidence: [] }),
  },
  'POST /api/v1/disputes/{id}/response': {
    as: 'reseller',
    path: () => `/api/v1/disputes/${targets.disputeId}/response`,
    valid: () => ({ statement: 'we registered first', evidence: [{ kind: 'note', value: 'met in March' }] }),
  },
  'POST /api/v1/disputes/{id}/decide': {
    as: 'channel-manager',
    path: () => `/api/v1/disputes/${targets.disputeId}/decide`,
    valid: () => ({ outcome: 'upheld', reason: 'the holder was first' }),
  },
  'PUT /api/v1/policy': {
    as: 'admin',
    path: () => '/api/v1/policy',
    valid: () => ({ model: 'open', timing: contractTiming }),
  },
  'DELETE /api/v1/policy/upcoming': { as: 'admin', path: () => '/api/v1/policy/upcoming' },
  'POST /api/v1/policy/simulate': {
    as: 'admin',
    path: () => '/api/v1/policy/simulate',
    valid: () => ({
      policy: { model: 'hybrid', routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }] },
    }),
  },
  'POST /api/v1/distributors': {
    as: 'admin',
    path: () => '/api/v1/distributors',
    valid: () => ({ id: 'dist-z', name: 'Dist Z' }),
  },
  'POST /api/v1/resellers': {
    as: 'admin',
    path: () => '/api/v1/resellers',
    valid: () => ({ id: 'new-var', name: 'New VAR', partnerType: 'var', distributorIds: ['dist-a'] }),
  },
  // Valid bodies that change nothing (the seeded values): only refusals are under test.
  'PUT /api/v1/distributors/{id}': {
    as: 'admin',
    path: () => '/api/v1/distributors/dist-a',
    valid: () => ({ name: 'Dist A' }),
  },
  'PUT /api/v1/resellers/{id}': {
    as: 'admin',
    path: () => '/api/v1/resellers/big-integrator',
    valid: () => ({ name: 'big-integrator Inc', partnerType: 'integrator', distributorIds: ['dist-a', 'dist-b'] }),
  },
  'POST /api/v1/api-keys': {
    as: 'admin',
    path: () => '/api/v1/api-keys',
    valid: () => ({ role: 'reseller', resellerId: 'value-var' }),
  },
  'DELETE /api/v1/api-keys/{keyId}': { as: 'admin', path: () => `/api/v1/api-keys/${targets.keyId}` },
  'PUT /api/v1/webhooks/{partnerKind}/{partnerId}': {
    as: 'admin',
    path: () => '/api/v1/webhooks/reseller/big-integrator',
    valid: () => ({ url: 'https://hooks.example.com/x' }),
  },
  'DELETE /api/v1/webhooks/{partnerKind}/{partnerId}': {
    as: 'admin',
    path: () => '/api/v1/webhooks/reseller/big-integrator',
  },
  // No body: only its path is fuzzed, and an unknown delivery is 404.
  'POST /api/v1/deliveries/{id}/redeliver': { as: 'admin', path: () => '/api/v1/deliveries/dlv_unknown/redeliver' },
  // Signing in stores nothing when refused; the addresses and tokens here belong to nobody.
  'POST /api/v1/auth/sign-in': {
    as: 'missing',
    path: () => '/api/v1/auth/sign-in',
    valid: () => ({ email: 'nobody@example.test', password: 'a long wrong password' }),
  },
  'POST /api/v1/auth/key-sign-in': {
    as: 'missing',
    path: () => '/api/v1/auth/key-sign-in',
    valid: () => ({ key: 'dr_unknown' }),
  },
  'POST /api/v1/auth/password-reset': {
    as: 'missing',
    path: () => '/api/v1/auth/password-reset',
    valid: () => ({ email: 'nobody@example.test' }),
  },
  'POST /api/v1/auth/password-reset/{token}': {
    as: 'missing',
    path: () => `/api/v1/auth/password-reset/${'t'.repeat(43)}`,
    valid: () => ({ password: 'a long new password' }),
  },
  'POST /api/v1/auth/invitations/{token}': {
    as: 'missing',
    path: () => `/api/v1/auth/invitations/${'t'.repeat(43)}`,
    valid: () => ({ password: 'a long new password' }),
  },
  'POST /api/v1/auth/sign-out': { as: 'admin', path: () => '/api/v1/auth/sign-out' },
  'POST /api/v1/unsubscribe/{token}': { as: 'missing', path: () => '/api/v1/unsubscribe/a.b' },
  'POST /api/v1/users': {
    as: 'admin',
    path: () => '/api/v1/users',
    valid: () => ({ email: 'fuzzed@example.test', name: 'Fuzz', role: 'auditor' }),
  },
  'PUT /api/v1/users/{id}': {
    as: 'admin',
    path: () => `/api/v1/users/${targets.userId}`,
    valid: () => ({ name: 'Pat Person' }),
  },
  // A key has no email settings (404); malformed bodies are refused before that.
  'PUT /api/v1/me/notifications': { as: 'admin', path: () => '/api/v1/me/notifications', valid: () => ({}) },
  ...vendorTargets('accounts', { name: 'Acme Agency', domains: ['acme-agency.gov'], segment: 'federal-dod' }),
  ...vendorTargets('programs', { name: 'SEWP V', contractNumbers: ['NNG15SD22B'] }),
  ...vendorTargets('products', { name: 'Array X', family: 'Storage' }),
  ...vendorTargets('sellers', { name: 'Pat Seller', email: 'pat@vendor.example' }),
  // A CSV body, read by the route itself: its refusals are tested in vendor-import.test.ts.
  'POST /api/v1/accounts/import': { as: 'admin', path: () => '/api/v1/accounts/import' },
  'POST /api/v1/programs/import': { as: 'admin', path: () => '/api/v1/programs/import' },
  'POST /api/v1/products/import': { as: 'admin', path: () => '/api/v1/products/import' },
  // A CSV or JSON-lines body, read by the route itself: its refusals are tested in registration-import.test.ts.
  'POST /api/v1/registrations/import': { as: 'admin', path: () => '/api/v1/registrations/import' },
};

/** A vendor record's create and replace: bodies derived from one the route would accept. */
function vendorTargets(collection: string, fields: object): Record<string, WriteTarget> {
  return {
    [`POST /api/v1/${collection}`]: {
      as: 'admin',
      path: () => `/api/v1/${collection}`,
      valid: () => ({ id: 'fuzz-1', ...fields }),
    },
    [`PUT /api/v1/${collection}/{id}`]: {
      as: 'admin',
      path: () => `/api/v1/${collection}/fuzz-1`,
      valid: () => fields,
    },
  };
}

/**
 * A registration of ours rejected from a deal the other reseller holds (to dispute), and a dispute of the
 * other reseller against a deal we hold (ours to answer).
 */
async function disputedDeals(): Promise<{ rejectedId: string; disputeId: string }> {
  const deal = (id: string) => freshSubmission({ uei: `U${id}${Date.now()}`.slice(0, 12) });
  const theirs = deal('A');
  await submitAndWait(api, theirs, 'other-reseller');
  const rejectedId = (await submitAndWait(api, theirs, 'reseller')).id;
  const ours = deal('B');
  await submitAndWait(api, ours, 'reseller');
  const disputing = await submitAndWait(api, ours, 'other-reseller');
  const body = { ground: 'registered-first', statement: 'we met them first' };
  const path = `/api/v1/registrations/${disputing.id}/disputes`;
  const opened = await api.call({ as: 'other-reseller', method: 'post', path, body });
  return { rejectedId, disputeId: opened.body.id as string };
}

const routes = createRouteTable().routes;
const writeRoutes = routes.filter((route) => route.method !== 'get');
const refusedStatuses = [400, 401, 404, 405, 413, 415, 422];

beforeAll(async () => {
  api = await startApiTest('apivalid');
  // Long timings: nothing in the background changes the database while it is being compared.
  await publishTestPolicy({ model: 'open', timing: contractTiming });
  targets = {
    registrationId: (await submitAndWait(api, freshSubmission())).id,
    escalationId: (await contestedDeal(api)).escalationId,
    ...(await disputedDeals()),
    keyId: (await api.call({ as: 'admin', method: 'post', path: '/api/v1/api-keys', body: { role: 'auditor' } })).body
      .keyId,
    userId: (
      await api.call({
        as: 'admin',
        method: 'post',
        path: '/api/v1/users',
        body: { email: 'pat@example.test', name: 'Pat Person', role: 'auditor' },
      })
    ).body.id,
  };
  await Webhook.create({
    _id: 'reseller:big-integrator',
    url: 'https://hooks.example.com/old',
    secret: 's',
    createdAt: new Date(),
  });
}, 120_000);
afterAll(() => api?.shutdown());

test('every write route of the table is fuzzed here', () => {
  expect(Object.keys(writeTargets).sort()).toEqual(writeRoutes.map(routeKey).sort());
});

describe.each(writeRoutes.map((route) => [routeKey(route), route] as const))('%s', (key, route) => {
  const target = () => writeTargets[key]!;

  test('malformed bodies are refused without a 500 and store nothing', async () => {
    const { as, path, valid } = target();
    const schema = route.request?.body;
    if (!valid || !schema) return;
    const before = await settledFingerprint();
    await fc.assert(
      fc.asyncProperty(malformedBodies(valid()), async (body) => {
        // A mutation that happens to still be valid would be acted on; only refusals are under test.
        // Judged as the server receives it: a generated `__proto__` key sets the object's prototype,
        // which zod sees and JSON leaves out, so the in-memory body can be invalid and the sent one valid.
        fc.pre(!schema.safeParse(JSON.parse(JSON.stringify(body) ?? 'null')).success);
        const response = await api.call({ as, method: route.method, path: path(), body });
        expect(refusedStatuses).toContain(response.status);
      }),
      { numRuns: 25 },
    );
    expect(changedCollections(before, await databaseFingerprint())).toEqual([]);
  });

  test('text that is not a JSON object is refused with 400 or 422 and stores nothing', async () => {
    const { as, path } = target();
    if (!route.request?.body) return;
    const before = await settledFingerprint();
    await fc.assert(
      fc.asyncProperty(malformedJsonText, async (text) => {
        // No body at all is a valid withdrawal (its body is optional).
        fc.pre(text !== '' || route.request?.bodyRequired !== false);
        const response = await api.call({
          as,
          method: route.method,
          path: path(),
          raw: { text, contentType: 'application/json' },
        });
        expect([400, 422]).toContain(response.status);
      }),
      { numRuns: 15 },
    );
    expect(changedCollections(before, await databaseFingerprint())).toEqual([]);
  });

  test('random path segments never answer 500 and change nothing', async () => {
    const { as, path, valid } = target();
    const segments = path().split('/');
    const variable = segments
      .map((segment, index) => (/^(reg_|esc_|key_|big-|dsp_)/.test(segment) ? index : -1))
      .filter((i) => i >= 0);
    if (variable.length === 0) return;
    const before = await settledFingerprint();
    // Encoded junk, and raw percent signs that are not valid encoding at all.
    const segment = fc.oneof(
      fc.string({ minLength: 1, maxLength: 120 }).map(encodeURIComponent),
      fc.constantFrom('%', '%zz', '%E0%A4%A', 'a%2', '%00'),
    );
    await fc.assert(
      fc.asyncProperty(segment, async (junk) => {
        const mangled = segments.map((s, i) => (variable.includes(i) ? junk : s)).join('/');
        const response = await api.call({ as, method: route.method, path: mangled, body: valid?.() });
        expect(refusedStatuses).toContain(response.status);
      }),
      { numRuns: 15 },
    );
    expect(changedCollections(before, await databaseFingerprint())).toEqual([]);
  });
});

describe('random headers and queries', () => {
  test('any Idempotency-Key is either accepted or refused with 422, never a 500', async () => {
    const headerText = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      maxLength: 260,
    });
    await fc.assert(
      fc.asyncProperty(headerText, async (key) => {
        const response = await api.call({
          as: 'reseller',
          method: 'post',
          path: '/api/v1/registrations',
          body: freshSubmission(),
          headers: { 'Idempotency-Key': key },
        });
        const trimmed = key.trim();
        expect(response.status).toBe(trimmed.length >= 1 && trimmed.length <= 200 ? 202 : 422);
      }),
      { numRuns: 15 },
    );
  });

  test('random query strings on the lists are answered 200 or 422, never 500', async () => {
    const queryPart = fc.tuple(
      fc.constantFrom('status', 'limit', 'cursor', 'q', 'resellerId', 'x'),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(queryPart, { maxLength: 4 }),
        fc.constantFrom('/api/v1/registrations', '/api/v1/escalations'),
        async (parts, base) => {
          const query = parts.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
          const response = await api.call({ as: 'auditor', method: 'get', path: `${base}?${query}` });
          expect([200, 422]).toContain(response.status);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('edge refusals', () => {
  test('a body over the limit answers 413, unknown fields 422 with their path, other media types 415', async () => {
    const before = await settledFingerprint();
    const huge = { ...freshSubmission(), program: 'x'.repeat(70 * 1024) };
    const tooLarge = await api.call({ as: 'reseller', method: 'post', path: '/api/v1/registrations', body: huge });
    expect(tooLarge.status).toBe(413);
    const unknown = await api.call({
      as: 'reseller',
      method: 'post',
      path: '/api/v1/registrations',
      body: { ...freshSubmission(), priority: 'high', customer: { ...freshSubmission().customer, vip: true } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'priority', message: 'unknown field' },
        { path: 'customer.vip', message: 'unknown field' },
      ]),
    );
    const form = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/distributors',
      raw: { text: 'id=dist-q&name=Q', contentType: 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const malformed = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/distributors',
      raw: { text: '{"id":', contentType: 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(changedCollections(before, await databaseFingerprint())).toEqual([]);
  });

  test('an unauthenticated caller is refused before its body is read', async () => {
    const response = await api.call({
      as: 'missing',
      method: 'post',
      path: '/api/v1/distributors',
      raw: { text: '{', contentType: 'application/json' },
    });
    expect(response.status).toBe(401);
  });

  test('policy references are checked with field paths', async () => {
    const response = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/policy',
      body: { model: 'segment', routes: [{ when: { segments: ['education'] }, distributors: ['dist-nowhere'] }] },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: 'routes.0.distributors.0', message: 'unknown distributor "dist-nowhere"' },
    ]);
  });

  test('a policy duration past ten years or with anything after it is refused at its path, nothing stored', async () => {
    const versionsBefore = (await api.call({ as: 'admin', method: 'get', path: '/api/v1/policy/versions' })).body;
    const response = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/policy',
      body: {
        model: 'open',
        timing: { protection: 'P99999999999D', reviewSla: 'PT48H garbage', extension: { period: 'P3651D' } },
      },
    });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'timing.protection',
      'timing.reviewSla',
      'timing.extension.period',
    ]);
    expect(response.body.errors[0].message).toContain('at most P3650D');
    const versionsAfter = (await api.call({ as: 'admin', method: 'get', path: '/api/v1/policy/versions' })).body;
    expect(versionsAfter).toEqual(versionsBefore);
  });
});
