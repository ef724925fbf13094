import type { RegistrationView } from '../../api/schemas/registration';
import { Dispute, type DisputeDoc } from '../../db/disputes';
import { type EventDoc, EventModel } from '../../db/events';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import type { InsightPoint } from '../../domain/insights/aggregate';
import type { PolicyInput } from '../../domain/policy/schema';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { disputeWorkflowId } from '../../workflows/dispute-definitions';
import { untilAtRest } from '../support/at-rest';
import { publishTestPolicy, submission, uniqueWord } from '../support/fixtures';
import { eventually } from '../support/harness';
import { recordHistory } from '../support/lifecycle';
import { type ApiTest, type CallerName, OTHER_RESELLER, RESELLER, startApiTest, submitAndWait } from './api-support';

/** Issue 28: a partner disputes a decision; the holder answers once; a channel manager (or the deadline) decides. */
let api: ApiTest;
beforeAll(async () => {
  api = await startApiTest('disputes');
});
afterAll(async () => api?.shutdown());

const disputes = (overrides: NonNullable<PolicyInput['disputes']> = {}) =>
  publishTestPolicy({ model: 'open', disputes: { reviewSla: 'PT60S', secondReviewSla: 'PT60S', ...overrides } });
beforeEach(() => disputes());

type Counted = 'disputed' | 'disputesDecided' | 'overturned';
const uei = () => `${uniqueWord()}${uniqueWord()}`.toUpperCase().slice(0, 12);
const dealOf = () => submission({ uei: uei(), customerName: `${uniqueWord()} ${uniqueWord()}` });

/** The other reseller holds a deal; ours was rejected already-registered. */
async function heldDeal(): Promise<{ holder: RegistrationView; rejected: RegistrationView }> {
  const deal = dealOf();
  const holder = await submitAndWait(api, deal, 'other-reseller');
  const rejected = await submitAndWait(api, { ...deal, distributorId: 'dist-a' }, 'reseller');
  expect([holder.status, rejected.status, rejected.reasonCode]).toEqual(['approved', 'rejected', 'already-registered']);
  return { holder, rejected };
}

const claim = { ground: 'registered-first', statement: 'We met this customer in March.', evidence: [] };
const open = (registrationId: string, as: CallerName = 'reseller', body: unknown = claim) =>
  api.call({ as, method: 'post', path: `/api/v1/registrations/${registrationId}/disputes`, body });
const read = (id: string, as: CallerName = 'auditor') =>
  api.call({ as, method: 'get', path: `/api/v1/disputes/${id}` });
const decide = (id: string, outcome: string, reason = 'the customer confirmed it') =>
  api.call({ as: 'channel-manager', method: 'post', path: `/api/v1/disputes/${id}/decide`, body: { outcome, reason } });
const answer = (id: string, as: CallerName = 'other-reseller') =>
  api.call({
    as,
    method: 'post',
    path: `/api/v1/disputes/${id}/response`,
    body: { statement: 'The customer signed with us.', evidence: [{ kind: 'link', value: 'https://example.com/po' }] },
  });

const eventsOf = (registrationId: string, type: string) =>
  EventModel.find({ 'payload.registrationId': registrationId, type }).lean<EventDoc[]>().exec();
const toldOf = (registrationId: string, type: string) =>
  eventually(async () => {
    const events = await eventsOf(registrationId, type);
    return events.length >= 2 ? events : undefined; // the reseller and its distributor
  }, `${registrationId} to be told ${type}`);
const decided = (id: string) =>
  eventually(
    async () => {
      const doc = await Dispute.findById(id).lean<DisputeDoc>().exec();
      return doc?.status === 'decided' ? doc : undefined;
    },
    `dispute ${id} to be decided`,
    40_000,
  );
const stored = (id: string) => Registration.findById(id).lean<RegistrationDoc>().exec() as Promise<RegistrationDoc>;

async function invariantsHold(ids: string[], disputeIds: string[]): Promise<void> {
  const docs = await Promise.all(ids.map(stored));
  await untilAtRest(api.system.temporal, [...docs.map((doc) => doc.workflowId), ...disputeIds.map(disputeWorkflowId)]);
  const report = await checkInvariants(api.system.temporal, ids, { exhaustive: true });
  expect(brokenInvariants(report)).toEqual([]);
}

test('a rejected reseller disputes; the holder is told without its name and answers once; upheld changes nothing', async () => {
  const { holder, rejected } = await heldDeal();
  const opened = await open(rejected.id);
  expect(opened.status).toBe(202);
  expect(opened.body).toMatchObject({ status: 'open', side: 'disputing', registrationId: rejected.id });
  expect(JSON.stringify(opened.body)).not.toContain(holder.id);
  const id = opened.body.id as string;
  // Open means both registrations record it: nothing about the dispute can be written before its opening.
  const [disputingAtOpen, heldAtOpen] = await Promise.all([stored(rejected.id), stored(holder.id)]);
  expect(disputingAtOpen.decisions.map((entry) => entry.event)).toEqual(['rejected-by-engine', 'dispute-opened']);
  expect(heldAtOpen.decisions.map((entry) => entry.event)).toEqual(['approved-by-engine', 'disputed']);

  const again = await open(rejected.id);
  expect(again.status).toBe(409);

  // The holder is told, never by whom.
  const told = await toldOf(holder.id, 'dispute.opened');
  const toldText = JSON.stringify(told);
  for (const secret of [RESELLER, rejected.id]) expect(toldText).not.toContain(secret);
  expect(told[0]?.payload).toMatchObject({ disputeId: id });

  // The holder answers once; the disputing partner cannot answer.
  expect((await answer(id, 'reseller')).status).toBe(404);
  const answered = await answer(id);
  expect(answered.status).toBe(200);
  expect(answered.body).toMatchObject({
    side: 'holder',
    registrationId: holder.id,
    response: { statement: 'The customer signed with us.' },
  });
  expect(JSON.stringify(answered.body)).not.toContain(claim.statement);
  expect((await answer(id)).status).toBe(409);

  // Staff see both sides and both registrations side by side.
  const staff = await read(id);
  expect(staff.body).toMatchObject({
    claim: { statement: claim.statement },
    response: { statement: 'The customer signed with us.' },
    registration: { id: rejected.id },
    holder: { id: holder.id },
  });
  const partyView = await read(id, 'reseller');
  expect(JSON.stringify(partyView.body)).not.toContain(holder.id);
  expect(partyView.body.response).toBeUndefined();
  expect((await read(id, 'distributor')).status).toBe(200); // dist-a is the disputing reseller's distributor

  const upheld = await decide(id, 'upheld', 'the holder registered first');
  expect(upheld.status).toBe(200);
  expect(upheld.body.decision).toMatchObject({ outcome: 'upheld', reason: 'the holder registered first' });
  expect((await decide(id, 'overturned')).status).toBe(409);
  expect((await stored(holder.id)).status).toBe('approved');

  // Both told the outcome and the reason, neither the other's name; each step signed into the decisions.
  const [toDisputing, toHolder] = await Promise.all([
    toldOf(rejected.id, 'dispute.decided'),
    toldOf(holder.id, 'dispute.decided'),
  ]);
  expect(JSON.stringify(toDisputing)).toContain('the holder registered first');
  expect(JSON.stringify(toDisputing)).not.toContain(OTHER_RESELLER);
  expect(JSON.stringify(toDisputing)).not.toContain(holder.id);
  expect(JSON.stringify(toHolder)).not.toContain(RESELLER);
  expect(JSON.stringify(toHolder)).not.toContain(rejected.id);
  const [disputing, held] = await Promise.all([stored(rejected.id), stored(holder.id)]);
  expect(disputing.decisions.map((entry) => entry.event)).toEqual([
    'rejected-by-engine',
    'dispute-opened',
    'dispute-decided',
  ]);
  expect(held.decisions.map((entry) => entry.event)).toEqual([
    'approved-by-engine',
    'disputed',
    'dispute-answered',
    'dispute-decided',
  ]);
  expect(disputing.status).toBe('rejected');
  expect(disputing.reasonCode).toBe('already-registered');
  expect(held.decisions.every((entry) => entry.signature)).toBe(true);
  await invariantsHold([holder.id, rejected.id], [id]);
  await recordHistory(api.system, 'dispute-answered-upheld', disputeWorkflowId(id));

  // Once decided, a new dispute of the same registration may be opened.
  expect((await open(rejected.id)).status).toBe(202);
});

test('overturned: the deal moves to the disputing partner, the holder ends transferred, one holder throughout', async () => {
  const { holder, rejected } = await heldDeal();
  const id = (await open(rejected.id)).body.id as string;
  expect((await answer(id)).status).toBe(200);
  const overturned = await decide(id, 'overturned', 'the customer chose the disputing partner');
  expect(overturned.status).toBe(200);
  const receiverId = overturned.body.decision.receiverId as string;
  const [ended, receiver] = await Promise.all([stored(holder.id), stored(receiverId)]);
  expect(ended.status).toBe('transferred');
  expect(receiver).toMatchObject({ status: 'approved', resellerId: RESELLER, transferredFrom: holder.id });
  const toHolder = await toldOf(holder.id, 'dispute.decided');
  expect(JSON.stringify(toHolder)).not.toContain(RESELLER);
  expect(JSON.stringify(toHolder)).toContain('the customer chose the disputing partner');
  await invariantsHold([holder.id, rejected.id, receiverId], [id]);
  await recordHistory(api.system, 'dispute-answered-overturned', disputeWorkflowId(id));
});

test('overturned where nobody holds the deal: a new approved registration for the disputing partner', async () => {
  const approved = await submitAndWait(api, dealOf(), 'reseller');
  const revoked = await api.call({
    as: 'channel-manager',
    method: 'post',
    path: `/api/v1/registrations/${approved.id}/revoke`,
    body: { reason: 'a mistake' },
  });
  expect(revoked.body.status).toBe('revoked');
  const opened = await open(approved.id, 'reseller', { ...claim, ground: 'other' });
  expect(opened.status).toBe(202);
  const overturned = await decide(opened.body.id, 'overturned', 'the revocation was a mistake');
  expect(overturned.status).toBe(200);
  const receiver = await stored(overturned.body.decision.receiverId);
  expect(receiver).toMatchObject({ status: 'approved', resellerId: RESELLER, transferredFrom: approved.id });
  await invariantsHold([approved.id, receiver._id], [opened.body.id]);
  await recordHistory(api.system, 'dispute-overturned-nobody-holds', disputeWorkflowId(opened.body.id));
});

test('distinct: the disputing partner’s deal is approved beside the holder’s', async () => {
  const { holder, rejected } = await heldDeal();
  const id = (await open(rejected.id, 'reseller', { ...claim, ground: 'different-deal' })).body.id as string;
  const distinct = await decide(id, 'distinct', 'another project of the same customer');
  expect(distinct.status).toBe(200);
  const receiver = await stored(distinct.body.decision.receiverId);
  expect(receiver.status).toBe('approved');
  expect((await stored(holder.id)).status).toBe('approved');
  await invariantsHold([holder.id, rejected.id, receiver._id], [id]);
  await recordHistory(api.system, 'dispute-distinct', disputeWorkflowId(id));
});

test('refused: an approved registration, outside the window, another partner’s registration', async () => {
  const approved = await submitAndWait(api, dealOf(), 'reseller');
  const onApproved = await open(approved.id);
  expect(onApproved.status).toBe(409);
  const { rejected } = await heldDeal();
  expect((await open(rejected.id, 'other-reseller')).status).toBe(404);
  await disputes({ window: 'PT1S' });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const late = await open(rejected.id);
  expect(late.status).toBe(409);
  expect(late.body.detail).toMatch(/window/);
  expect(await Dispute.countDocuments({ registrationId: rejected.id }).exec()).toBe(0);
});

test('the monthly limit refuses a dispute with limit-reached (422), nothing stored, even opened at once', async () => {
  const so_far = await Dispute.countDocuments({ resellerId: RESELLER }).exec();
  await disputes({ perResellerPerMonth: so_far + 1 });
  const deals = [await heldDeal(), await heldDeal(), await heldDeal()];
  const answers = await Promise.all(deals.map(({ rejected }) => open(rejected.id)));
  expect(answers.map((a) => a.status).sort()).toEqual([202, 422, 422]);
  for (const refused of answers.filter((a) => a.status === 422)) {
    expect(refused.body).toMatchObject({ limit: 'disputesPerResellerPerMonth' });
  }
  const refusedIds = deals.filter((_, i) => answers[i]?.status === 422).map(({ rejected }) => rejected.id);
  expect(await Dispute.countDocuments({ registrationId: { $in: refusedIds } }).exec()).toBe(0);
  const later = await heldDeal();
  expect((await open(later.rejected.id)).status).toBe(422);
});

test('past both review deadlines the policy’s onDeadline applies; the response window passes unanswered', async () => {
  await disputes({ reviewSla: 'PT3S', secondReviewSla: 'PT3S', responseWindow: 'PT1S', onDeadline: 'overturned' });
  const { holder, rejected } = await heldDeal();
  const id = (await open(rejected.id)).body.id as string;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect((await answer(id)).status).toBe(409);
  const doc = await decided(id);
  expect(doc).toMatchObject({ level: 2, decision: { outcome: 'overturned', by: { kind: 'deadline' } } });
  expect((await stored(holder.id)).status).toBe('transferred');
  await toldOf(rejected.id, 'dispute.decided');
  await invariantsHold([holder.id, rejected.id, doc.decision?.receiverId as string], [id]);
  await recordHistory(api.system, 'dispute-deadline-overturned', disputeWorkflowId(id));
});

test('program health counts disputes, overturns and how long they were open, per group', async () => {
  const all = await Dispute.find({}).lean<DisputeDoc[]>().exec();
  const overturned = all.filter((doc) => doc.decision?.outcome === 'overturned').length;
  const decidedCount = all.filter((doc) => doc.status === 'decided').length;
  expect(overturned).toBeGreaterThan(0);
  const insights = await eventually(async () => {
    const answer = await api.call({
      as: 'auditor',
      method: 'get',
      path: '/api/v1/insights?bucket=month&groupBy=distributor',
    });
    const series = answer.body.series as InsightPoint[];
    const sum = (field: Counted) => series.reduce((total, point) => total + point[field], 0);
    return sum('disputed') === all.length && sum('disputesDecided') === decidedCount ? series : undefined;
  }, 'the insights to count every dispute');
  expect(insights.reduce((total, point) => total + point.overturned, 0)).toBe(overturned);
  expect(insights.some((point) => point.disputeResolutionMs.p50 !== null && point.disputesDecided > 0)).toBe(true);
});

test('GET /disputes pages newest first: every dispute once, across pages of one', async () => {
  const stored = (await Dispute.find({}, { _id: 1 }).lean<Array<Pick<DisputeDoc, '_id'>>>().exec()).map((d) => d._id);
  expect(stored.length).toBeGreaterThan(2);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const answer = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/disputes?limit=1${query}` });
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(1);
    seen.push(...(answer.body.items as Array<{ id: string }>).map((item) => item.id));
    cursor = answer.body.nextCursor as string | null;
  } while (cursor && seen.length <= stored.length);
  expect(seen.sort()).toEqual(stored.sort());
  const bad = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/disputes?cursor=nonsense' });
  expect(bad.status).toBe(422);
});
