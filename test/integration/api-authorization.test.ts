import { randomBytes } from 'node:crypto';
import { routeKey } from '../../api/route-spec';
import { createRouteTable } from '../../api/routes';
import type { RegistrationView } from '../../api/schemas/registration';
import type { Role } from '../../db/apikeys';
import { finishDelivery } from '../../db/deliveries';
import { recordEvents } from '../../db/events';
import { SimulationLock } from '../../db/simulation-jobs';
import { eventually } from '../support/harness';
import {
  type ApiCall,
  type ApiTest,
  type CallerName,
  contestedDeal,
  freshSubmission,
  OTHER_RESELLER,
  RESELLER,
  SELLER,
  startApiTest,
  submitAndWait,
} from './api-support';

/**
 * The authorization matrix: every route against every role, a missing key and a revoked key.
 * Expectations come from the contract, written here once per route; the first test makes sure
 * this table names exactly the routes the app serves, so a new route cannot be left out.
 */
let api: ApiTest;
let visible: RegistrationView;
let escalationId: string;
let userId: string;

const staff: Role[] = ['channel-manager', 'auditor', 'admin'];
const everyone: Role[] = ['reseller', 'distributor', 'sales', ...staff];
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const testPolicy = {
  model: 'open',
  timing: { protection: 'PT60S', expiryReminder: 'PT10S', reviewSla: 'PT30S', secondReviewSla: 'PT30S' },
};

type Request = Omit<ApiCall, 'as' | 'method'>;
interface Row {
  allowed: Role[] | 'public';
  ok: number;
  /** The request this caller makes; for an allowed caller it may first create what the call uses up. */
  request(as: CallerName, allowed: boolean): Promise<Request>;
}

const noSimulationRunning = () =>
  eventually(async () => ((await SimulationLock.countDocuments().exec()) === 0 ? true : undefined), 'no simulation');

let simulationId: string | undefined;
async function aSimulation(): Promise<string> {
  if (simulationId) return simulationId;
  await noSimulationRunning();
  const started = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/policy/simulate',
    body: { policy: testPolicy },
  });
  simulationId = started.body.id as string;
  return simulationId;
}

const approvedRegistration = async (allowed: boolean) =>
  allowed ? (await submitAndWait(api, freshSubmission(), 'reseller')).id : visible.id;

/** The owner's own approved registration: a seller's is a direct opportunity. */
async function ownApproved(as: CallerName, allowed: boolean): Promise<string> {
  if (!allowed || as !== 'sales') return approvedRegistration(allowed);
  const { customer, opportunity } = freshSubmission();
  return (await submitAndWait(api, { direct: true, customer, opportunity }, 'sales')).id;
}

/**
 * A deal `holderAs` holds and `disputerAs` was rejected from (one customer by its UEI), disputed by the latter:
 * the dispute's id, or the rejected registration's with `open: false`.
 */
async function disputedDeal(holderAs: CallerName, disputerAs: CallerName, open = true): Promise<string> {
  const deal = freshSubmission({ uei: randomBytes(6).toString('hex').toUpperCase() });
  await submitAndWait(api, deal, holderAs);
  const rejected = await submitAndWait(api, deal, disputerAs);
  if (!open) return rejected.id;
  const body = { ground: 'registered-first', statement: 'we met them first' };
  const opened = await api.call({
    as: disputerAs,
    method: 'post',
    path: `/api/v1/registrations/${rejected.id}/disputes`,
    body,
  });
  return opened.body.id as string;
}
/** Disputed by the other reseller against ours (`reseller`, through `distributor`): ours answers it. */
let disputeId: string;

/** A reseller or distributor may only touch its own webhook; staff address the reseller's. */
const webhookPath = (as: CallerName) =>
  as === 'distributor' ? '/api/v1/webhooks/distributor/dist-a' : '/api/v1/webhooks/reseller/value-var';

/** A delivery given up on, with its event kept, as the dispatcher leaves one. */
async function abandonedDelivery(): Promise<string> {
  const [recorded] = await recordEvents([
    {
      _id: unique('evt'),
      audience: 'reseller:value-var',
      type: 'registration.approved',
      payload: {},
      createdAt: new Date(),
    },
  ]);
  const event = recorded!;
  await finishDelivery(
    { ...event, webhookId: event.audience, type: 'registration.approved', attempts: 3, nextAttemptAt: new Date() },
    'abandoned',
    3,
    'HTTP 500',
  );
  return event._id;
}

/** A fresh vendor record of each collection, created by an admin (segment and family are required). */
const records = {
  accounts: (id: string) => ({ id, name: `Account ${id}`, segment: 'commercial' }),
  programs: (id: string) => ({ id, name: `Program ${id}` }),
  products: (id: string) => ({ id, name: `Product ${id}`, family: 'Storage' }),
  sellers: (id: string) => ({ id, name: `Seller ${id}` }),
};
type Collection = keyof typeof records;
async function aRecord(collection: Collection): Promise<string> {
  const id = unique(collection.slice(0, 4));
  const created = await api.call({
    as: 'admin',
    method: 'post',
    path: `/api/v1/${collection}`,
    body: records[collection](id),
  });
  if (created.status !== 201) throw new Error(`could not create a ${collection} record: ${created.text}`);
  return id;
}
const csvOf = {
  accounts: 'id,name,domains,uei,duns,taxId,segment,region,programs,ownerKind,ownerId\nm-1,M One,,,,,commercial,,,,\n',
  programs: 'id,name,contractNumbers,accounts\nm-prog,M Program,,\n',
  products: 'id,name,family\nm-prod,M Product,Storage\n',
};
let importId: string | undefined;
async function anImport(): Promise<string> {
  if (importId) return importId;
  const started = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/products/import',
    raw: { text: csvOf.products, contentType: 'text/csv' },
  });
  importId = started.body.id as string;
  return importId;
}
/** Staff read vendor records; a seller (`sales`) reads the accounts too. */
const readersOf = (collection: Collection): Role[] => (collection === 'accounts' ? [...staff, 'sales'] : staff);
const vendorRows = (collection: Collection): Record<string, Row> => ({
  [`POST /api/v1/${collection}`]: {
    allowed: ['admin'],
    ok: 201,
    request: async () => ({ path: `/api/v1/${collection}`, body: records[collection](unique(collection.slice(0, 4))) }),
  },
  [`GET /api/v1/${collection}`]: {
    allowed: readersOf(collection),
    ok: 200,
    request: async () => ({ path: `/api/v1/${collection}` }),
  },
  [`GET /api/v1/${collection}/{id}`]: {
    allowed: readersOf(collection),
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/${collection}/${allowed ? await aRecord(collection) : 'unknown'}`,
    }),
  },
  [`PUT /api/v1/${collection}/{id}`]: {
    allowed: ['admin'],
    ok: 200,
    request: async (_as, allowed) => {
      const id = allowed ? await aRecord(collection) : 'unknown';
      const { id: _id, ...fields } = records[collection](id);
      return { path: `/api/v1/${collection}/${id}`, body: fields };
    },
  },
});
const importRows = (collection: keyof typeof csvOf): Record<string, Row> => ({
  [`POST /api/v1/${collection}/import`]: {
    allowed: ['admin'],
    ok: 202,
    request: async () => ({
      path: `/api/v1/${collection}/import`,
      raw: { text: csvOf[collection], contentType: 'text/csv' },
    }),
  },
});

const matrix: Record<string, Row> = {
  ...vendorRows('accounts'),
  ...vendorRows('programs'),
  ...vendorRows('products'),
  ...vendorRows('sellers'),
  ...importRows('accounts'),
  ...importRows('programs'),
  ...importRows('products'),
  // A dry run: the matrix's callers store nothing.
  'POST /api/v1/registrations/import': {
    allowed: ['admin'],
    ok: 202,
    request: async () => ({
      path: '/api/v1/registrations/import?dryRun=true',
      raw: {
        text: `${JSON.stringify({ ...freshSubmission(), resellerId: 'value-var', submittedAt: '2025-01-01T00:00:00Z', status: 'won' })}\n`,
        contentType: 'application/x-ndjson',
      },
    }),
  },
  'GET /api/v1/imports/{id}': {
    allowed: ['admin'],
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/imports/${allowed ? await anImport() : 'imp_000000000000000000000000'}`,
    }),
  },
  'POST /api/v1/registrations': {
    allowed: ['reseller', 'distributor', 'sales'],
    ok: 202,
    // A distributor registers for one of its resellers (the reseller of the role keys buys through it); a
    // seller registers a direct opportunity.
    request: async (as) => {
      if (as === 'sales') {
        const { customer, opportunity } = freshSubmission();
        return { path: '/api/v1/registrations', body: { direct: true, customer, opportunity } };
      }
      return {
        path: '/api/v1/registrations',
        body: freshSubmission(as === 'distributor' ? { resellerId: RESELLER } : {}),
      };
    },
  },
  'GET /api/v1/registration-form': {
    allowed: ['reseller', 'distributor', 'sales'],
    ok: 200,
    request: async () => ({ path: '/api/v1/registration-form' }),
  },
  'GET /api/v1/registrations': { allowed: everyone, ok: 200, request: async () => ({ path: '/api/v1/registrations' }) },
  'GET /api/v1/registrations/export.csv': {
    allowed: everyone,
    ok: 200,
    request: async () => ({ path: '/api/v1/registrations/export.csv' }),
  },
  'GET /api/v1/registrations/{id}': {
    allowed: everyone,
    ok: 200,
    request: async () => ({ path: `/api/v1/registrations/${visible.id}` }),
  },
  'POST /api/v1/registrations/{id}/withdraw': {
    allowed: ['reseller', 'sales'],
    ok: 200,
    request: async (as, allowed) => ({
      path: `/api/v1/registrations/${await ownApproved(as, allowed)}/withdraw`,
    }),
  },
  'POST /api/v1/registrations/{id}/extension': {
    allowed: ['reseller', 'sales'],
    ok: 200,
    request: async (as, allowed) => ({
      path: `/api/v1/registrations/${await ownApproved(as, allowed)}/extension`,
      body: { reason: 'customer asked for more time' },
    }),
  },
  'POST /api/v1/registrations/{id}/close': {
    allowed: ['reseller', 'sales'],
    ok: 200,
    request: async (as, allowed) => ({
      path: `/api/v1/registrations/${await ownApproved(as, allowed)}/close`,
      body: { outcome: 'won' },
    }),
  },
  'POST /api/v1/registrations/{id}/changes': {
    allowed: ['reseller'],
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/registrations/${await approvedRegistration(allowed)}/changes`,
      body: { opportunity: { stage: 'proposal' }, note: 'moving on' },
    }),
  },
  'POST /api/v1/registrations/{id}/transfer': {
    allowed: ['channel-manager'],
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/registrations/${await approvedRegistration(allowed)}/transfer`,
      body: { toResellerId: OTHER_RESELLER, toDistributorId: 'dist-a', reason: 'the customer chose them' },
    }),
  },
  'POST /api/v1/registrations/{id}/revoke': {
    allowed: ['channel-manager'],
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/registrations/${await approvedRegistration(allowed)}/revoke`,
      body: { reason: 'registered without a meeting' },
    }),
  },
  'POST /api/v1/registrations/{id}/watch': {
    allowed: ['reseller'],
    // Authorized, then refused by state: an approved registration has no taken deal to watch.
    ok: 409,
    request: async (_as, allowed) => ({ path: `/api/v1/registrations/${await approvedRegistration(allowed)}/watch` }),
  },
  'GET /api/v1/registrations/{id}/history': {
    allowed: staff,
    ok: 200,
    request: async () => ({ path: `/api/v1/registrations/${visible.id}/history` }),
  },
  'GET /api/v1/escalations': {
    allowed: ['channel-manager', 'auditor'],
    ok: 200,
    request: async () => ({ path: '/api/v1/escalations?status=open' }),
  },
  'GET /api/v1/escalations/{id}': {
    allowed: ['channel-manager', 'auditor'],
    ok: 200,
    request: async () => ({ path: `/api/v1/escalations/${escalationId}` }),
  },
  'POST /api/v1/escalations/{id}/resolve': {
    allowed: ['channel-manager'],
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/escalations/${allowed ? (await contestedDeal(api)).escalationId : escalationId}/resolve`,
      body: { distinct: true, reason: 'different buyers' },
    }),
  },
  'POST /api/v1/registrations/{id}/disputes': {
    allowed: ['reseller'],
    ok: 202,
    request: async (_as, allowed) => ({
      path: `/api/v1/registrations/${allowed ? await disputedDeal('other-reseller', 'reseller', false) : visible.id}/disputes`,
      body: { ground: 'registered-first', statement: 'we met them first' },
    }),
  },
  'GET /api/v1/disputes': {
    allowed: ['channel-manager', 'auditor'],
    ok: 200,
    request: async () => ({ path: '/api/v1/disputes?status=open' }),
  },
  'GET /api/v1/disputes/{id}': {
    allowed: ['channel-manager', 'auditor', 'reseller', 'distributor'],
    ok: 200,
    request: async () => ({ path: `/api/v1/disputes/${disputeId}` }),
  },
  'POST /api/v1/disputes/{id}/response': {
    allowed: ['reseller'],
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/disputes/${allowed ? await disputedDeal('reseller', 'other-reseller') : disputeId}/response`,
      body: { statement: 'they chose us' },
    }),
  },
  'POST /api/v1/disputes/{id}/decide': {
    allowed: ['channel-manager'],
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/disputes/${allowed ? await disputedDeal('other-reseller', 'reseller') : disputeId}/decide`,
      body: { outcome: 'upheld', reason: 'the holder was first' },
    }),
  },
  'GET /api/v1/policy': { allowed: staff, ok: 200, request: async () => ({ path: '/api/v1/policy' }) },
  'GET /api/v1/policy/versions': {
    allowed: staff,
    ok: 200,
    request: async () => ({ path: '/api/v1/policy/versions' }),
  },
  'GET /api/v1/policy/guide': { allowed: everyone, ok: 200, request: async () => ({ path: '/api/v1/policy/guide' }) },
  'PUT /api/v1/policy': {
    allowed: ['admin'],
    ok: 201,
    request: async () => ({ path: '/api/v1/policy', body: testPolicy }),
  },
  'DELETE /api/v1/policy/upcoming': {
    allowed: ['admin'],
    ok: 200,
    request: async (_as, allowed) => {
      if (allowed) {
        const effectiveFrom = new Date(Date.now() + 3_600_000).toISOString();
        await api.call({ as: 'admin', method: 'put', path: '/api/v1/policy', body: { ...testPolicy, effectiveFrom } });
      }
      return { path: '/api/v1/policy/upcoming' };
    },
  },
  'POST /api/v1/policy/simulate': {
    allowed: ['admin', 'channel-manager'],
    ok: 202,
    // One simulation runs at a time: an allowed caller waits for the previous one to end.
    request: async (_as, allowed) => {
      if (allowed) await noSimulationRunning();
      return { path: '/api/v1/policy/simulate', body: { policy: testPolicy } };
    },
  },
  'GET /api/v1/policy/simulations/{id}': {
    allowed: ['admin', 'channel-manager'],
    ok: 200,
    request: async (_as, allowed) => ({
      path: `/api/v1/policy/simulations/${allowed ? await aSimulation() : 'sim_unknown'}`,
    }),
  },
  'GET /api/v1/policy/simulations/{id}/changes.csv': {
    allowed: ['admin', 'channel-manager'],
    ok: 200,
    // The CSV is of a report: an allowed caller waits for the simulation to end.
    request: async (_as, allowed) => {
      const id = allowed ? await aSimulation() : 'sim_unknown';
      if (allowed) await noSimulationRunning();
      return { path: `/api/v1/policy/simulations/${id}/changes.csv` };
    },
  },
  'POST /api/v1/distributors': {
    allowed: ['admin'],
    ok: 201,
    request: async () => ({ path: '/api/v1/distributors', body: { id: unique('dist'), name: 'New Dist' } }),
  },
  'GET /api/v1/distributors': { allowed: staff, ok: 200, request: async () => ({ path: '/api/v1/distributors' }) },
  'POST /api/v1/resellers': {
    allowed: ['admin'],
    ok: 201,
    request: async () => ({
      path: '/api/v1/resellers',
      body: { id: unique('res'), name: 'New Reseller', partnerType: 'var', distributorIds: ['dist-a'] },
    }),
  },
  'GET /api/v1/resellers': { allowed: staff, ok: 200, request: async () => ({ path: '/api/v1/resellers' }) },
  'PUT /api/v1/distributors/{id}': {
    allowed: ['admin'],
    ok: 200,
    request: async () => {
      const id = unique('dist');
      await api.call({ as: 'admin', method: 'post', path: '/api/v1/distributors', body: { id, name: 'To Rename' } });
      return { path: `/api/v1/distributors/${id}`, body: { name: 'Renamed' } };
    },
  },
  'PUT /api/v1/resellers/{id}': {
    allowed: ['admin'],
    ok: 200,
    request: async () => {
      const id = unique('res');
      await api.call({
        as: 'admin',
        method: 'post',
        path: '/api/v1/resellers',
        body: { id, name: 'To Edit', partnerType: 'var', distributorIds: ['dist-a'] },
      });
      return {
        path: `/api/v1/resellers/${id}`,
        body: { name: 'Edited', partnerType: 'boutique', distributorIds: ['dist-a'] },
      };
    },
  },
  'POST /api/v1/api-keys': {
    allowed: ['admin'],
    ok: 201,
    request: async () => ({ path: '/api/v1/api-keys', body: { role: 'auditor', label: 'matrix' } }),
  },
  'GET /api/v1/me': { allowed: everyone, ok: 200, request: async () => ({ path: '/api/v1/me' }) },
  // Signing in is public: these bodies are refused for what they are (no person is involved), whoever asks.
  'POST /api/v1/auth/sign-in': {
    allowed: 'public',
    ok: 422,
    request: async () => ({ path: '/api/v1/auth/sign-in', body: { email: 'not an address', password: 'x' } }),
  },
  'POST /api/v1/auth/key-sign-in': {
    allowed: 'public',
    ok: 422,
    request: async () => ({ path: '/api/v1/auth/key-sign-in', body: { key: 'not a key' } }),
  },
  'POST /api/v1/auth/invitations/{token}': {
    allowed: 'public',
    ok: 404,
    request: async () => ({ path: `/api/v1/auth/invitations/${'x'.repeat(43)}`, body: { password: 'p'.repeat(12) } }),
  },
  'POST /api/v1/auth/password-reset': {
    allowed: 'public',
    ok: 202,
    request: async () => ({ path: '/api/v1/auth/password-reset', body: { email: 'nobody@example.test' } }),
  },
  'POST /api/v1/auth/password-reset/{token}': {
    allowed: 'public',
    ok: 404,
    request: async () => ({
      path: `/api/v1/auth/password-reset/${'x'.repeat(43)}`,
      body: { password: 'p'.repeat(12) },
    }),
  },
  'GET /api/v1/unsubscribe/{token}': {
    allowed: 'public',
    ok: 404,
    request: async () => ({ path: '/api/v1/unsubscribe/a.b' }),
  },
  'POST /api/v1/unsubscribe/{token}': {
    allowed: 'public',
    ok: 404,
    request: async () => ({ path: '/api/v1/unsubscribe/a.b' }),
  },
  // Keys have no session and no email settings: every role may ask, and a key is told there is none.
  'POST /api/v1/auth/sign-out': {
    allowed: everyone,
    ok: 204,
    request: async () => ({ path: '/api/v1/auth/sign-out' }),
  },
  'GET /api/v1/auth/session': { allowed: everyone, ok: 404, request: async () => ({ path: '/api/v1/auth/session' }) },
  'GET /api/v1/me/notifications': {
    allowed: everyone,
    ok: 404,
    request: async () => ({ path: '/api/v1/me/notifications' }),
  },
  'PUT /api/v1/me/notifications': {
    allowed: everyone,
    ok: 404,
    request: async () => ({ path: '/api/v1/me/notifications', body: {} }),
  },
  // Partner keys are never an organisation's user administrators: only admins manage users by key.
  'POST /api/v1/users': {
    allowed: ['admin'],
    ok: 201,
    request: async () => ({
      path: '/api/v1/users',
      body: { email: `${unique('person')}@example.test`, name: 'Pat Person', role: 'auditor' },
    }),
  },
  'GET /api/v1/users': { allowed: ['admin'], ok: 200, request: async () => ({ path: '/api/v1/users' }) },
  'GET /api/v1/users/{id}': { allowed: ['admin'], ok: 200, request: async () => ({ path: `/api/v1/users/${userId}` }) },
  'PUT /api/v1/users/{id}': {
    allowed: ['admin'],
    ok: 200,
    request: async () => ({ path: `/api/v1/users/${userId}`, body: { name: 'Pat Renamed' } }),
  },
  'GET /api/v1/api-keys': { allowed: ['admin'], ok: 200, request: async () => ({ path: '/api/v1/api-keys' }) },
  'DELETE /api/v1/api-keys/{keyId}': {
    allowed: ['admin'],
    ok: 200,
    request: async (_as, allowed) => {
      if (!allowed) return { path: `/api/v1/api-keys/${api.keyIds.auditor}` };
      const fresh = await api.call({
        as: 'admin',
        method: 'post',
        path: '/api/v1/api-keys',
        body: { role: 'auditor' },
      });
      return { path: `/api/v1/api-keys/${fresh.body.keyId}` };
    },
  },
  'PUT /api/v1/webhooks/{partnerKind}/{partnerId}': {
    allowed: ['admin', 'reseller', 'distributor'],
    ok: 200,
    request: async (as) => ({ path: webhookPath(as), body: { url: 'https://hooks.example.com/dealreg' } }),
  },
  'DELETE /api/v1/webhooks/{partnerKind}/{partnerId}': {
    allowed: ['admin', 'reseller', 'distributor'],
    ok: 204,
    request: async (as, allowed) => {
      if (allowed) {
        const body = { url: 'https://hooks.example.com/dealreg' };
        await api.call({ as: 'admin', method: 'put', path: webhookPath(as), body });
      }
      return { path: webhookPath(as) };
    },
  },
  'GET /api/v1/insights': {
    allowed: staff,
    ok: 200,
    request: async () => ({ path: '/api/v1/insights?bucket=day' }),
  },
  'GET /api/v1/events': {
    allowed: ['reseller', 'distributor', 'sales'],
    ok: 200,
    request: async () => ({ path: '/api/v1/events' }),
  },
  'GET /api/v1/deliveries': {
    allowed: ['admin'],
    ok: 200,
    request: async () => ({ path: '/api/v1/deliveries?status=abandoned' }),
  },
  'POST /api/v1/deliveries/{id}/redeliver': {
    allowed: ['admin'],
    ok: 202,
    request: async (_as, allowed) => ({
      path: `/api/v1/deliveries/${allowed ? await abandonedDelivery() : 'evt-unknown'}/redeliver`,
    }),
  },
  'GET /healthz': { allowed: 'public', ok: 200, request: async () => ({ path: '/healthz' }) },
  'GET /readyz': { allowed: 'public', ok: 200, request: async () => ({ path: '/readyz' }) },
  'GET /metrics': { allowed: 'public', ok: 200, request: async () => ({ path: '/metrics' }) },
  'GET /api/v1/openapi.json': { allowed: 'public', ok: 200, request: async () => ({ path: '/api/v1/openapi.json' }) },
};

const routes = createRouteTable().routes;
const callers: CallerName[] = ['missing', 'revoked', ...everyone];

function expectedStatus(row: Row, as: CallerName): number {
  if (row.allowed === 'public') return row.ok;
  if (as === 'missing' || as === 'revoked') return 401;
  return row.allowed.includes(as as Role) ? row.ok : 403;
}

beforeAll(async () => {
  api = await startApiTest('apiauthz');
  // On a house account of the sales key's seller, so every role may read it.
  const house = {
    id: unique('acct'),
    name: 'House Account',
    segment: 'commercial',
    identifiers: { uei: 'HOUSE0AUTHZ1' },
  };
  await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/accounts',
    body: { ...house, owner: { kind: 'seller', id: SELLER } },
  });
  visible = await submitAndWait(api, freshSubmission({ uei: 'HOUSE0AUTHZ1' }), 'reseller');
  escalationId = (await contestedDeal(api)).escalationId;
  disputeId = await disputedDeal('reseller', 'other-reseller');
  const person = { email: `${unique('pat')}@example.test`, name: 'Pat Person', role: 'auditor' };
  userId = (await api.call({ as: 'admin', method: 'post', path: '/api/v1/users', body: person })).body.id;
}, 120_000);
afterAll(() => api?.shutdown());

test('the matrix names exactly the routes the app serves', () => {
  expect(Object.keys(matrix).sort()).toEqual(routes.map(routeKey).sort());
});

describe.each(routes.map((route) => [routeKey(route), route] as const))('%s', (key, route) => {
  test.each(callers)('as %s', async (as) => {
    const row = matrix[key];
    if (!row) throw new Error(`${key} is missing from the authorization matrix`);
    const expected = expectedStatus(row, as);
    const request = await row.request(as, expected === row.ok && row.allowed !== 'public');
    const response = await api.call({ as, method: route.method, ...request });
    expect({ status: response.status, body: response.status === expected ? undefined : response.body }).toEqual({
      status: expected,
      body: undefined,
    });
    if (expected === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });
});
