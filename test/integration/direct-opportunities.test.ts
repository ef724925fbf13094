import { randomBytes } from 'node:crypto';
import type { RegistrationView } from '../../api/schemas/registration';
import { Registration } from '../../db/registrations';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { submission, uniqueWord } from '../support/fixtures';
import { eventually } from '../support/harness';
import { waitForEscalationWorkflow } from '../support/lifecycle';
import { type ApiTest, type CallerName, SELLER, startApiTest, submitAndWait } from './api-support';

/**
 * A vendor seller's direct opportunities (issue 24, point 4): first come, first served with the
 * partners, and a partner never learns that the holder is the vendor's own seller.
 */
let api: ApiTest;
beforeAll(async () => {
  api = await startApiTest('direct');
}, 60_000);
afterAll(() => api?.shutdown());

const uei = () => randomBytes(6).toString('hex').toUpperCase();
const direct = (customer: { name: string; uei?: string }) => {
  const { customer: typed, opportunity } = submission({
    customerName: customer.name,
    ...(customer.uei ? { uei: customer.uei } : {}),
  });
  return { direct: true, customer: typed, opportunity };
};

/** Everything a partner may read about a registration of its own: the view and its whole feed. */
async function partnerReads(registrationId: string, as: CallerName = 'reseller'): Promise<string> {
  const read = await api.call({ as, method: 'get', path: `/api/v1/registrations/${registrationId}` });
  const feed = await api.call({ as, method: 'get', path: '/api/v1/events?limit=200' });
  return JSON.stringify([read.body, feed.body]);
}
const revealsDirect = new RegExp(`\\bdirect\\b|${SELLER}|Hana House|\\bseller`, 'i');

describe('direct opportunities', () => {
  it("are the sales role's only, with direct: true and no distributor", async () => {
    const partner = await api.call({
      as: 'reseller',
      method: 'post',
      path: '/api/v1/registrations',
      body: { ...submission(), direct: true },
    });
    expect([partner.status, partner.body.errors?.map((e: { path: string }) => e.path)]).toEqual([
      422,
      expect.arrayContaining(['distributorId']),
    ]);
    const undirected = await api.call({
      as: 'sales',
      method: 'post',
      path: '/api/v1/registrations',
      body: submission(),
    });
    expect([undirected.status, undirected.body.errors?.[0]?.path]).toEqual([422, 'direct']);
    const withDistributor = await api.call({
      as: 'sales',
      method: 'post',
      path: '/api/v1/registrations',
      body: { ...direct({ name: `${uniqueWord()} Works` }), distributorId: 'dist-a' },
    });
    expect([withDistributor.status, withDistributor.body.errors?.[0]?.path]).toEqual([422, 'distributorId']);
  });

  it('beats a later partner registration, which is told only already-registered', async () => {
    const id = uei();
    const held = await submitAndWait(api, direct({ name: `${uniqueWord()} Holdings`, uei: id }), 'sales');
    expect(held).toMatchObject({ status: 'approved', direct: true, sellerId: SELLER });
    expect(held.resellerId).toBeUndefined();
    // Protected by the policy like a partner's (the test policy protects for 60 s).
    expect(Date.parse(held.protectedUntil as string) - Date.parse(held.decidedAt as string)).toBe(60_000);
    const mine = await api.call({ as: 'sales', method: 'get', path: `/api/v1/registrations/${held.id}` });
    expect([mine.status, mine.body.sellerId]).toEqual([200, SELLER]);
    expect((await api.call({ as: 'reseller', method: 'get', path: `/api/v1/registrations/${held.id}` })).status).toBe(
      404,
    );

    const late = await submitAndWait(
      api,
      submission({ customerName: `${uniqueWord()} Holdings`, uei: id }),
      'reseller',
    );
    expect([late.status, late.reasonCode]).toEqual(['rejected', 'already-registered']);
    await eventually(async () => ((await partnerReads(late.id)).includes(late.id) ? true : undefined), 'the feed');
    const seen = await partnerReads(late.id);
    expect(seen).toContain('already-registered');
    expect(seen).not.toMatch(revealsDirect);
    expect(seen).not.toContain(held.id);
    const throughDistributor = await partnerReads(late.id, 'distributor');
    expect(throughDistributor).not.toMatch(revealsDirect);
  });

  it('loses to an earlier partner registration, and its seller reads who holds the deal', async () => {
    const id = uei();
    const first = await submitAndWait(api, submission({ customerName: `${uniqueWord()} Labs`, uei: id }), 'reseller');
    expect(first.status).toBe('approved');
    const late = await submitAndWait(api, direct({ name: `${uniqueWord()} Labs`, uei: id }), 'sales');
    expect([late.status, late.reasonCode]).toEqual(['rejected', 'already-registered']);
    // The seller reads it as vendor staff: who holds the deal.
    const staffView = await api.call({ as: 'sales', method: 'get', path: `/api/v1/registrations/${late.id}` });
    expect(staffView.body.explanation).toContain(first.id);
    // The partner's own registration says nothing of the direct one that came later.
    expect(await partnerReads(first.id)).not.toMatch(revealsDirect);
  });

  it('is closed by its seller, who may not act on a partner registration it sees (403)', async () => {
    const id = uei();
    const mine = await submitAndWait(api, direct({ name: `${uniqueWord()} Mills`, uei: id }), 'sales');
    expect(mine.status).toBe('approved');
    const closed = await api.call({
      as: 'sales',
      method: 'post',
      path: `/api/v1/registrations/${mine.id}/close`,
      body: { outcome: 'won', amount: { amount: 50000, currency: 'USD' } },
    });
    expect([closed.status, closed.body.status]).toEqual([200, 'won']);
    const entry = closed.body.decisions.at(-1);
    expect([entry.decidedBy.kind, entry.explanation]).toEqual(['seller', expect.stringContaining('by the seller')]);

    // The deal is free again. Made the seller's house account, a partner takes it: the seller sees it, and
    // may not withdraw it.
    const account = {
      id: `acct-${id.toLowerCase()}`,
      name: 'Mills House',
      segment: 'commercial',
      identifiers: { uei: id },
    };
    const owned = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/accounts',
      body: { ...account, owner: { kind: 'seller', id: SELLER } },
    });
    expect(owned.status).toBe(201);
    const partner = await submitAndWait(
      api,
      submission({ customerName: `${uniqueWord()} Mills`, uei: id }),
      'reseller',
    );
    expect(partner.status).toBe('approved');
    const seen = await api.call({ as: 'sales', method: 'get', path: `/api/v1/registrations/${partner.id}` });
    expect(seen.status).toBe(200);
    const refused = await api.call({
      as: 'sales',
      method: 'post',
      path: `/api/v1/registrations/${partner.id}/withdraw`,
    });
    expect(refused.status).toBe(403);
    const still = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${partner.id}` });
    expect(still.body.status).toBe('approved');
  });

  it('shows as direct to channel managers, who may award the deal to the seller', async () => {
    const name = `${uniqueWord()} Traders`;
    const held = await submitAndWait(api, direct({ name }), 'sales');
    const challenger = await submitAndWait(api, submission({ customerName: `${name} LLC` }), 'other-reseller');
    expect([challenger.status, challenger.reasonCode]).toEqual(['escalated', 'possible-duplicate']);
    const escalationId = (
      await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${challenger.id}` })
    ).body.escalationId as string;
    await waitForEscalationWorkflow(api.system, escalationId, 2);
    const escalation = await api.call({
      as: 'channel-manager',
      method: 'get',
      path: `/api/v1/escalations/${escalationId}`,
    });
    const holder = escalation.body.contenders.find((c: { registrationId: string }) => c.registrationId === held.id);
    expect(holder).toMatchObject({ direct: true, sellerId: SELLER });
    expect(await partnerReads(challenger.id, 'other-reseller')).not.toMatch(revealsDirect);

    const resolved = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: `/api/v1/escalations/${escalationId}/resolve`,
      body: { award: held.id, reason: 'the vendor works this customer directly' },
    });
    expect(resolved.status).toBeLessThan(300);
    const lost = await eventually(async () => {
      const read = await api.call({
        as: 'other-reseller',
        method: 'get',
        path: `/api/v1/registrations/${challenger.id}`,
      });
      return read.body.status === 'escalated' ? undefined : (read.body as RegistrationView);
    }, 'the resolution');
    expect([lost.status, lost.reasonCode]).toEqual(['rejected', 'resolved-against']);
    expect(await partnerReads(challenger.id, 'other-reseller')).not.toMatch(revealsDirect);
  });
});

describe('the invariant check', () => {
  it("accepts what sellers and partners did here: one holder per deal, every notice announced (the sellers' too)", async () => {
    const account = {
      id: `acct-inv-${uei()}`,
      name: 'Invariant House',
      segment: 'commercial',
      identifiers: { uei: uei() },
      owner: { kind: 'seller', id: SELLER },
    };
    await api.call({ as: 'admin', method: 'post', path: '/api/v1/accounts', body: account });
    await submitAndWait(api, submission({ uei: account.identifiers.uei }), 'reseller');
    await submitAndWait(api, direct({ name: `${uniqueWord()} Check`, uei: account.identifiers.uei }), 'sales');
    const ids = (await Registration.find({}, { _id: 1 }).lean<Array<{ _id: string }>>().exec()).map((doc) => doc._id);
    const report = await checkInvariants(api.system.temporal, ids, { everyDecided: true, exhaustive: true });
    expect(brokenInvariants(report)).toEqual([]);
  });
});
