import { randomBytes } from 'node:crypto';
import { finishDelivery } from '../../db/deliveries';
import { createUser, updateUser } from '../../db/users';
import { hashPassword } from '../../services/passwords';
import { PASSWORD, signIn, withSession } from '../support/people';
import { type ApiTest, DISTRIBUTOR, freshSubmission, RESELLER, startApiTest, submitAndWait } from './api-support';

/** What the partner portal asks of the API: the registration form, and a distributor registering for a reseller. */
let api: ApiTest;

beforeAll(async () => {
  api = await startApiTest('partner-portal-api');
});
afterAll(async () => {
  await api?.shutdown();
});

const submit = (as: 'reseller' | 'distributor' | 'other-reseller', body: unknown, key?: string) =>
  api.call({
    as,
    method: 'post',
    path: '/api/v1/registrations',
    body,
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });

test('the form offers a reseller its own distributors, a distributor itself and its resellers, a seller none', async () => {
  const reseller = await api.call({ as: 'reseller', method: 'get', path: '/api/v1/registration-form' });
  expect(reseller.status).toBe(200);
  expect(reseller.body.segments).toContain('federal-civilian');
  expect(reseller.body.distributors.map((d: { id: string }) => d.id).sort()).toEqual(['dist-a', 'dist-b']);
  expect(reseller.body.resellers).toBeUndefined();

  const distributor = await api.call({ as: 'distributor', method: 'get', path: '/api/v1/registration-form' });
  expect(distributor.body.distributors).toEqual([{ id: DISTRIBUTOR, name: 'Dist A' }]);
  expect(distributor.body.resellers).toEqual(
    expect.arrayContaining([{ id: RESELLER, name: `${RESELLER} Inc`, partnerType: 'var' }]),
  );
  // A vendor seller registers direct opportunities: the same customer and opportunity choices, no partner.
  const seller = await api.call({ as: 'sales', method: 'get', path: '/api/v1/registration-form' });
  expect(seller.status).toBe(200);
  expect(seller.body).toMatchObject({ segments: reseller.body.segments, products: reseller.body.products });
  expect(seller.body.distributors).toEqual([]);
  expect(seller.body.resellers).toBeUndefined();
  const staff = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/registration-form' });
  expect(staff.status).toBe(403);
});

test('a distributor registers for an affiliated reseller, recorded as entered on its behalf and seen by both', async () => {
  const key = `portal-${randomBytes(6).toString('hex')}`;
  const body = freshSubmission({ resellerId: RESELLER });
  const entered = await submit('distributor', body, key);
  expect(entered.status).toBe(202);
  expect(entered.body.resellerId).toBe(RESELLER);
  // The same key and body from the reseller itself is another registration: keys are the enterer's own.
  const { resellerId: _reseller, ...own } = body;
  const ownAnswer = await submit('reseller', own, key);
  expect(ownAnswer.status).toBe(202);
  expect(ownAnswer.body.id).not.toBe(entered.body.id);
  // A repeat of the distributor's request is the same registration.
  expect((await submit('distributor', body, key)).body.id).toBe(entered.body.id);

  const decided = await submitAndWait(api, freshSubmission({ resellerId: RESELLER }), 'distributor');
  const staffView = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${decided.id}` });
  expect(staffView.body.enteredBy).toMatchObject({ kind: 'key', onBehalfOf: { distributorId: DISTRIBUTOR } });
  const resellerView = await api.call({ as: 'reseller', method: 'get', path: `/api/v1/registrations/${decided.id}` });
  expect(resellerView.status).toBe(200);
  // The reseller learns its distributor entered it, not who there did.
  expect(resellerView.body.enteredBy).toEqual({ kind: 'key', onBehalfOf: { distributorId: DISTRIBUTOR } });
  const stranger = await api.call({ as: 'other-reseller', method: 'get', path: `/api/v1/registrations/${decided.id}` });
  expect(stranger.status).toBe(404);
});

test('a distributor is refused at the field for a reseller not its own, another distributor, or no reseller', async () => {
  const loner = `loner-${randomBytes(4).toString('hex')}`;
  const created = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/resellers',
    body: { id: loner, name: 'Loner', partnerType: 'var', distributorIds: ['dist-b'] },
  });
  expect(created.status).toBe(201);
  const paths = async (body: unknown) => {
    const answer = await submit('distributor', body);
    expect(answer.status).toBe(422);
    return answer.body.errors.map((e: { path: string }) => e.path);
  };
  expect(await paths(freshSubmission({ resellerId: loner }))).toEqual(['resellerId']);
  expect(await paths(freshSubmission({ resellerId: 'no-such-reseller' }))).toEqual(['resellerId']);
  expect(await paths(freshSubmission())).toEqual(['resellerId']);
  expect(await paths(freshSubmission({ resellerId: RESELLER, distributorId: 'dist-b' }))).toEqual(['distributorId']);
  // A reseller registers for itself only.
  const resellerForOther = await submit('reseller', freshSubmission({ resellerId: 'small-boutique' }));
  expect(resellerForOther.status).toBe(422);
  expect(resellerForOther.body.errors[0].path).toBe('resellerId');
});

/** A person of the reseller of the role keys, active with PASSWORD (as the demo data makes them). */
async function resellerPerson(orgAdmin: boolean) {
  const by = { kind: 'system' as const, id: 'test' };
  const email = `person-${randomBytes(4).toString('hex')}@example.test`;
  const user = await createUser({ email, name: 'Portal Person', role: 'reseller', resellerId: RESELLER, orgAdmin, by });
  await updateUser(user._id, { status: 'active', passwordHash: await hashPassword(PASSWORD) }, by);
  return signIn(api.app, email);
}

test("an org admin reads its own webhook's recent deliveries, nobody else's; its colleagues do not", async () => {
  const finished = async (webhookId: string) => {
    const id = `evt_${randomBytes(8).toString('hex')}`;
    await finishDelivery(
      {
        _id: id,
        webhookId,
        type: 'registration.approved',
        payload: {},
        createdAt: new Date(),
        attempts: 1,
        nextAttemptAt: new Date(),
      },
      'delivered',
      1,
    );
    return id;
  };
  const own = await finished(`reseller:${RESELLER}`);
  const others = await finished('reseller:small-boutique');
  const admin = await resellerPerson(true);
  const listed = await withSession(api.app, admin, 'get', '/api/v1/deliveries?status=delivered');
  expect(listed.status).toBe(200);
  const ids = listed.body.items.map((item: { id: string }) => item.id);
  expect(ids).toContain(own);
  expect(ids).not.toContain(others);
  expect(new Set(listed.body.items.map((item: { webhook: string }) => item.webhook))).toEqual(
    new Set([`reseller:${RESELLER}`]),
  );
  const staff = await api.call({ as: 'admin', method: 'get', path: '/api/v1/deliveries?status=delivered' });
  expect(staff.body.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([own, others]));

  const colleague = await resellerPerson(false);
  expect((await withSession(api.app, colleague, 'get', '/api/v1/deliveries')).status).toBe(403);
  // The webhook too is the org admin's to set, of the organisation's people.
  const hook = { body: { url: 'https://hooks.portal.example/dealreg' } };
  const path = `/api/v1/webhooks/reseller/${RESELLER}`;
  expect((await withSession(api.app, colleague, 'put', path, hook)).status).toBe(403);
  expect((await withSession(api.app, admin, 'put', path, hook)).status).toBe(200);
  expect((await api.call({ as: 'reseller', method: 'get', path: '/api/v1/deliveries' })).status).toBe(403);
});

test('a partner searches its own registrations by customer text, never finding another partner’s', async () => {
  const word = `Zq${randomBytes(3).toString('hex')}`;
  const own = await submit('reseller', freshSubmission({ customerName: `${word} Foundry` }));
  const theirs = await submit('other-reseller', freshSubmission({ customerName: `${word} Forge` }));
  const found = async (as: 'reseller' | 'other-reseller' | 'distributor') =>
    (
      await api.call({ as, method: 'get', path: `/api/v1/registrations?q=${encodeURIComponent(word.toLowerCase())}` })
    ).body.items.map((item: { id: string }) => item.id);
  expect(await found('reseller')).toEqual([own.body.id]);
  expect(await found('other-reseller')).toEqual([theirs.body.id]);
  // Both went through dist-a: its search finds both.
  expect((await found('distributor')).sort()).toEqual([own.body.id, theirs.body.id].sort());
});

test('a partner exports its own list as CSV, streamed with every cell quoted, never another partner’s rows', async () => {
  const word = `Zx${randomBytes(3).toString('hex')}`;
  const own = await submit('reseller', freshSubmission({ customerName: `=${word} Foundry, "North"` }));
  const theirs = await submit('other-reseller', freshSubmission({ customerName: `${word} Forge` }));
  expect([own.status, theirs.status]).toEqual([202, 202]);
  const exported = async (as: 'reseller' | 'other-reseller' | 'auditor') => {
    const answer = await api.call({
      as,
      method: 'get',
      path: `/api/v1/registrations/export.csv?q=${encodeURIComponent(word.toLowerCase())}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    return answer.text.split('\r\n').filter(Boolean);
  };
  const [header, ...rows] = await exported('reseller');
  expect(header?.startsWith('"id","sequence","status","reasonCode"')).toBe(true);
  expect(rows).toHaveLength(1);
  // Every cell quoted, quotes doubled, and a would-be formula defused with an apostrophe.
  expect(rows[0]).toContain(`"${own.body.id}"`);
  expect(rows[0]).toContain(`"'=${word} Foundry, ""North"""`);
  expect((await exported('other-reseller')).join('\n')).not.toContain(own.body.id);
  expect(await exported('auditor')).toHaveLength(3);
  const refused = await api.call({
    as: 'reseller',
    method: 'get',
    path: '/api/v1/registrations/export.csv?resellerId=big-integrator',
  });
  expect(refused.status).toBe(403);
});

test('the list filters by submission day (UTC), for partners and staff alike', async () => {
  const word = `Zd${randomBytes(3).toString('hex')}`;
  const own = await submit('reseller', freshSubmission({ customerName: `${word} Works` }));
  const day = (own.body.submittedAt as string).slice(0, 10);
  const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const ids = async (as: 'reseller' | 'auditor', days: string) =>
    (
      await api.call({ as, method: 'get', path: `/api/v1/registrations?q=${word.toLowerCase()}${days}` })
    ).body.items.map((item: { id: string }) => item.id);
  expect(await ids('reseller', `&submittedFrom=${day}&submittedTo=${day}`)).toEqual([own.body.id]);
  expect(await ids('reseller', `&submittedTo=${dayBefore}`)).toEqual([]);
  expect(await ids('auditor', `&submittedFrom=${dayBefore}`)).toEqual([own.body.id]);
  const malformed = await api.call({ as: 'reseller', method: 'get', path: '/api/v1/registrations?submittedFrom=May' });
  expect(malformed.status).toBe(422);
});

// Last in this file: once the catalogue has a product, every submission must name product ids.
test('the form offers the policy’s regions and programs, the program records and the catalogue', async () => {
  const suffix = randomBytes(3).toString('hex');
  const policy = await api.call({
    as: 'admin',
    method: 'put',
    path: '/api/v1/policy',
    body: {
      model: 'hybrid',
      routes: [{ when: { regions: [`north-${suffix}`], programs: [`GSA ${suffix}`] }, distributors: ['dist-a'] }],
      timing: { protection: 'P90D', expiryReminder: 'P14D', reviewSla: 'PT48H', secondReviewSla: 'PT24H' },
    },
  });
  expect(policy.status).toBe(201);
  const created = await Promise.all([
    api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/programs',
      body: { id: `nasa-${suffix}`, name: `NASA SEWP ${suffix}` },
    }),
    api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/products',
      body: { id: `fx-${suffix}`, name: 'Flash X', family: 'storage' },
    }),
  ]);
  expect(created.map((answer) => answer.status)).toEqual([201, 201]);
  const form = (await api.call({ as: 'reseller', method: 'get', path: '/api/v1/registration-form' })).body;
  expect(form.regions).toContain(`north-${suffix}`);
  expect(form.programs).toEqual(expect.arrayContaining([`GSA ${suffix}`, `NASA SEWP ${suffix}`]));
  expect(form.products).toContainEqual({ id: `fx-${suffix}`, name: 'Flash X', family: 'storage' });
});
