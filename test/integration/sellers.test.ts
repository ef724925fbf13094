import { randomBytes } from 'node:crypto';
import { notifyHouseSeller } from '../../activities/notify';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { publishTestPolicy } from '../support/fixtures';
import { eventually } from '../support/harness';
import { mailsTo, startTestMailDispatcher, uniqueAddress, waitForMail } from '../support/mail';
import { invitePerson, signIn, withSession } from '../support/people';
import { type ApiTest, freshSubmission, SELLER, startApiTest, submitAndWait } from './api-support';

/**
 * The vendor's sellers as callers (issue 24): `sales` keys and people are bound to a seller and read
 * the registrations on its house accounts, and nothing else.
 */
let api: ApiTest;
let mail: ReturnType<typeof startTestMailDispatcher>;

beforeAll(async () => {
  api = await startApiTest('sellers');
  mail = startTestMailDispatcher();
}, 60_000);
afterAll(async () => {
  await mail?.stop();
  await api?.shutdown();
});

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const uei = () => randomBytes(6).toString('hex').toUpperCase();

/** An account owned by a seller (a house account), answering its UEI. */
async function houseAccount(sellerId = SELLER): Promise<{ id: string; uei: string }> {
  const account = {
    id: unique('acct'),
    name: `House ${unique('a')}`,
    segment: 'commercial',
    identifiers: { uei: uei() },
  };
  const created = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/accounts',
    body: { ...account, owner: { kind: 'seller', id: sellerId } },
  });
  expect(created.status).toBe(201);
  return { id: account.id, uei: account.identifiers.uei };
}

describe('sales keys and people', () => {
  it('are bound to a known seller, and only the sales role is', async () => {
    const key = (body: object) => api.call({ as: 'admin', method: 'post', path: '/api/v1/api-keys', body });
    const unbound = await key({ role: 'sales' });
    expect([unbound.status, unbound.body.errors]).toEqual([
      422,
      [{ path: 'sellerId', message: 'required for the sales role' }],
    ]);
    const unknown = await key({ role: 'sales', sellerId: 'nobody' });
    expect([unknown.status, unknown.body.errors]).toEqual([
      422,
      [{ path: 'sellerId', message: 'unknown seller "nobody"' }],
    ]);
    const misplaced = await key({ role: 'auditor', sellerId: SELLER });
    expect([misplaced.status, misplaced.body.errors?.[0]?.path]).toEqual([422, 'sellerId']);
    const created = await key({ role: 'sales', sellerId: SELLER });
    expect([created.status, created.body.role, created.body.sellerId]).toEqual([201, 'sales', SELLER]);

    const me = await api.call({ as: 'sales', method: 'get', path: '/api/v1/me' });
    expect([me.status, me.body.role, me.body.sellerId]).toEqual([200, 'sales', SELLER]);
  });

  it('a sales person signs in bound to the seller and reads the accounts, not the partners', async () => {
    const refused = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/users',
      body: { email: `${unique('x')}@example.test`, name: 'No Seller', role: 'sales' },
    });
    expect([refused.status, refused.body.errors?.[0]?.path]).toEqual([422, 'sellerId']);
    const person = await invitePerson(api, { name: 'Sam Sales', role: 'sales', sellerId: SELLER });
    const session = await signIn(api.app, person.email);
    const me = await withSession(api.app, session, 'get', '/api/v1/me');
    expect([me.body.role, me.body.sellerId]).toEqual(['sales', SELLER]);
    expect((await withSession(api.app, session, 'get', '/api/v1/accounts')).status).toBe(200);
    expect((await withSession(api.app, session, 'get', '/api/v1/resellers')).status).toBe(403);
    expect((await withSession(api.app, session, 'get', '/api/v1/escalations?status=open')).status).toBe(403);
  });
});

describe('a seller reads the registrations on its accounts', () => {
  it('lists and reads those, with the partner named, and nothing else', async () => {
    const account = await houseAccount();
    const onHouse = await submitAndWait(api, freshSubmission({ uei: account.uei }), 'reseller');
    const elsewhere = await submitAndWait(api, freshSubmission(), 'reseller');

    const read = await api.call({ as: 'sales', method: 'get', path: `/api/v1/registrations/${onHouse.id}` });
    expect([read.status, read.body.resellerId, read.body.accountId]).toEqual([200, 'value-var', account.id]);
    const hidden = await api.call({ as: 'sales', method: 'get', path: `/api/v1/registrations/${elsewhere.id}` });
    expect(hidden.status).toBe(404);

    const listed = await api.call({ as: 'sales', method: 'get', path: '/api/v1/registrations' });
    const ids = listed.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(onHouse.id);
    expect(ids).not.toContain(elsewhere.id);
    const byStatus = await api.call({
      as: 'sales',
      method: 'get',
      path: `/api/v1/registrations?status=${onHouse.status}`,
    });
    expect(byStatus.body.items.map((item: { id: string }) => item.id)).toContain(onHouse.id);
    const staffFilter = await api.call({
      as: 'sales',
      method: 'get',
      path: '/api/v1/registrations?resellerId=value-var',
    });
    expect(staffFilter.status).toBe(403);
  });

  it("another seller's house account stays out of its list", async () => {
    await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/sellers',
      body: { id: 'other-seller', name: 'Olu Other' },
    });
    const account = await houseAccount('other-seller');
    const theirs = await submitAndWait(api, freshSubmission({ uei: account.uei }), 'reseller');
    expect((await api.call({ as: 'sales', method: 'get', path: `/api/v1/registrations/${theirs.id}` })).status).toBe(
      404,
    );
    const listed = await api.call({ as: 'sales', method: 'get', path: '/api/v1/registrations' });
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(theirs.id);
  });
});

/** What a partner reads of a registration: its view, its feed and the explanation. */
async function partnerSees(registrationId: string): Promise<string> {
  const read = await api.call({ as: 'reseller', method: 'get', path: `/api/v1/registrations/${registrationId}` });
  const feed = await api.call({ as: 'reseller', method: 'get', path: '/api/v1/events?limit=200' });
  return JSON.stringify([read.body, feed.body]);
}

describe("the policy's houseAccounts rule, applied to a partner's registration on a house account", () => {
  afterAll(() => publishTestPolicy());

  it('reject: rejected as house-account, without the seller or account named to the partner', async () => {
    await publishTestPolicy({ houseAccounts: 'reject' });
    const account = await houseAccount();
    const rejected = await submitAndWait(api, freshSubmission({ uei: account.uei }), 'reseller');
    expect([rejected.status, rejected.reasonCode]).toEqual(['rejected', 'house-account']);
    const seen = await partnerSees(rejected.id);
    expect(seen).toContain('The vendor sells to this customer directly');
    expect(seen).not.toMatch(new RegExp(`${SELLER}|Hana House|${account.id}`));
  });

  it('escalate: a channel manager decides, on its own escalation', async () => {
    await publishTestPolicy({ houseAccounts: 'escalate' });
    const account = await houseAccount();
    const escalated = await submitAndWait(api, freshSubmission({ uei: account.uei }), 'reseller');
    expect([escalated.status, escalated.reasonCode]).toEqual(['escalated', 'house-account']);
    const mine = await eventually(async () => {
      const open = await api.call({ as: 'channel-manager', method: 'get', path: '/api/v1/escalations?status=open' });
      return open.body.items.find((item: { contenders: Array<{ registrationId: string }> }) =>
        item.contenders.some((contender) => contender.registrationId === escalated.id),
      );
    }, 'the escalation');
    expect(mine.contenders).toHaveLength(1);
    expect(mine.reasonCode).toBe('house-account');
    expect(await partnerSees(escalated.id)).not.toMatch(new RegExp(`${SELLER}|Hana House|${account.id}`));
  });

  it('allow-and-notify: decided like any other, and the seller is told once', async () => {
    await publishTestPolicy({ houseAccounts: 'allow-and-notify' });
    const account = await houseAccount();
    const approved = await submitAndWait(api, freshSubmission({ uei: account.uei }), 'reseller');
    expect([approved.status, approved.reasonCode]).toEqual(['approved', undefined]);
    const told = await eventually(async () => {
      const feed = await api.call({ as: 'sales', method: 'get', path: '/api/v1/events?limit=200' });
      const events = feed.body.items.filter(
        (event: { type: string; data: { registrationId: string } }) =>
          event.type === 'account.registered-on' && event.data.registrationId === approved.id,
      );
      return events.length > 0 ? events : undefined;
    }, "the seller's event");
    expect(told).toHaveLength(1);
    expect(told[0].data).toMatchObject({ accountId: account.id, resellerId: 'value-var', status: 'approved' });
  });
});

describe("the seller's mail", () => {
  it('reaches the seller and its sales people, once, however often the step is completed', async () => {
    const sellerId = unique('seller');
    const sellerEmail = uniqueAddress('seller');
    await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/sellers',
      body: { id: sellerId, name: 'Sol Seller', email: sellerEmail },
    });
    const person = await invitePerson(api, { name: 'Sia Sales', role: 'sales', sellerId });
    const account = await houseAccount(sellerId);
    const registered = await submitAndWait(api, freshSubmission({ uei: account.uei }), 'reseller');

    const [toSeller] = await waitForMail(sellerEmail);
    expect(toSeller!.subject).toContain(`on your account ${account.id}`);
    expect(toSeller!.text).toContain('reseller value-var through distributor dist-a');
    expect(toSeller!.text).toContain(`http://dealreg.test/console/registrations/${registered.id}`);
    const [, toPerson] = await waitForMail(person.email, 2); // the invitation, then the notice
    expect(toPerson!.subject).toBe(toSeller!.subject);

    // A retried step (the same entry completed again) queues nothing more.
    const doc = (await Registration.findById(registered.id).lean<RegistrationDoc>().exec()) as RegistrationDoc;
    await notifyHouseSeller(doc, doc.decisions[0]!);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailsTo(sellerEmail)).toHaveLength(1);
    expect(await mailsTo(person.email)).toHaveLength(2);
  });
});

describe('program health', () => {
  it('groups by the seller whose house account a registration is on', async () => {
    const account = await houseAccount();
    await submitAndWait(api, freshSubmission({ uei: account.uei }), 'reseller');
    await submitAndWait(api, freshSubmission(), 'reseller');
    const today = new Date().toISOString().slice(0, 10);
    const answer = await api.call({
      as: 'channel-manager',
      method: 'get',
      path: `/api/v1/insights?from=${today}&to=${today}&groupBy=seller`,
    });
    expect(answer.status).toBe(200);
    const groups = Object.fromEntries(
      answer.body.series.map((point: { group: string; submitted: number }) => [point.group, point.submitted]),
    );
    expect(groups[SELLER]).toBeGreaterThan(0);
    expect(groups.none).toBeGreaterThan(0);
  });
});
