import type { RegistrationView } from '../../api/schemas/registration';
import { type EventDoc, EventModel } from '../../db/events';
import { DealWatch } from '../../db/watches';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { submission, uniqueWord } from '../support/fixtures';
import { eventually } from '../support/harness';
import { registration } from '../support/lifecycle';
import { type ApiTest, type CallerName, OTHER_RESELLER, startApiTest, submitAndWait } from './api-support';

/** Issue 26, point 1: changes to a registration, through the API against the real stack. */
let api: ApiTest;
beforeAll(async () => {
  api = await startApiTest('registration-changes');
});
afterAll(async () => api?.shutdown());

const uei = () => `${uniqueWord()}${uniqueWord()}`.toUpperCase().slice(0, 12);
const change = (id: string, body: unknown, as: CallerName = 'reseller') =>
  api.call({ as, method: 'post', path: `/api/v1/registrations/${id}/changes`, body });
const approved = async (as: CallerName, body: ReturnType<typeof submission>) => {
  const view = await submitAndWait(api, body, as);
  expect(view.status).toBe('approved');
  return view;
};
const invariantsHold = async (ids: string[]) =>
  expect(brokenInvariants(await checkInvariants(api.system.temporal, ids, { exhaustive: true }))).toEqual([]);

test('a change is one signed entry with what changed, and added lines get a sequence of their own', async () => {
  const holder = await approved('reseller', submission({ uei: uei() }));
  const answer = await change(holder.id, {
    opportunity: {
      stage: 'proposal',
      estimatedValue: { amount: 250000, currency: 'USD' },
      productLines: ['storage', 'network'],
      title: holder.opportunity.title, // unchanged: not recorded as a change
    },
    note: 'the customer wants the network too',
  });
  expect(answer.status).toBe(200);
  const view = answer.body as RegistrationView;
  expect(view).toMatchObject({
    status: 'approved',
    opportunity: { stage: 'proposal', productLines: ['storage', 'network'], title: holder.opportunity.title },
  });
  const entry = view.decisions.at(-1)!;
  expect(entry).toMatchObject({
    kind: 'change',
    fromStatus: 'approved',
    toStatus: 'approved',
    decidedBy: { kind: 'reseller' },
    change: {
      before: { productLines: ['storage'] },
      after: {
        stage: 'proposal',
        estimatedValue: { amount: 250000, currency: 'USD' },
        productLines: ['storage', 'network'],
      },
      note: 'the customer wants the network too',
    },
  });
  expect(entry.change?.sequence).toBeGreaterThan(holder.sequence);
  expect(view.protectedUntil).toBe(holder.protectedUntil); // a change is no extension

  const stored = await registration(holder.id);
  expect(stored.lineSequences).toEqual({ network: entry.change?.sequence });
  expect(stored.lineClaim).toBeUndefined();
  // The staff page shows it too, with who did it.
  const staff = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${holder.id}` });
  expect(staff.body.decisions.at(-1)).toMatchObject({ kind: 'change', actor: { kind: 'key' } });
  await invariantsHold([holder.id]);
});

test('an added line another partner holds is refused 422 already-registered, nothing changed, the holder unnamed', async () => {
  const customer = uei();
  const mine = await approved('reseller', submission({ uei: customer }));
  const theirs = await approved('other-reseller', {
    ...submission({ uei: customer }),
    opportunity: { title: 'Campus network', productLines: ['network'] },
  });
  const before = await registration(mine.id);

  const refused = await change(mine.id, { opportunity: { productLines: ['storage', 'network'], stage: 'commit' } });
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({
    type: 'https://dealreg.dev/problems/already-registered',
    reasonCode: 'already-registered',
  });
  expect(refused.text).not.toContain(theirs.id);
  expect(refused.text).not.toContain(OTHER_RESELLER);

  const after = await registration(mine.id);
  expect(after.opportunity).toEqual(before.opportunity);
  expect(after.decisions.map((d) => d.hash)).toEqual(before.decisions.map((d) => d.hash));
  expect(after.lineClaim).toBeUndefined();
  // A change without the contested line still goes through.
  expect((await change(mine.id, { opportunity: { stage: 'commit' } })).status).toBe(200);
  await invariantsHold([mine.id, theirs.id]);
});

test('a removed line frees that part of the deal: a watcher of it is told deal.available', async () => {
  const customer = uei();
  const holder = await approved('reseller', {
    ...submission({ uei: customer }),
    opportunity: { title: 'Refresh', productLines: ['storage', 'network'] },
  });
  const turnedAway = await submitAndWait(
    api,
    { ...submission({ uei: customer }), opportunity: { title: 'Network', productLines: ['network'] } },
    'other-reseller',
  );
  expect(turnedAway).toMatchObject({ status: 'rejected', reasonCode: 'already-registered' });
  const watch = await api.call({
    as: 'other-reseller',
    method: 'post',
    path: `/api/v1/registrations/${turnedAway.id}/watch`,
  });
  expect(watch.status).toBe(200);

  // Changing the stage frees nothing; dropping the network line does.
  expect((await change(holder.id, { opportunity: { stage: 'negotiation' } })).status).toBe(200);
  expect((await DealWatch.findById(turnedAway.id).lean().exec())?.ended).toBeUndefined();
  expect((await change(holder.id, { opportunity: { productLines: ['storage'] } })).status).toBe(200);
  const told = await eventually(async () => {
    const events = await EventModel.find({
      audience: `reseller:${OTHER_RESELLER}`,
      type: 'deal.available',
      'payload.registrationId': turnedAway.id,
    })
      .lean<EventDoc[]>()
      .exec();
    return events.length > 0 ? events : undefined;
  }, 'the watcher to be told');
  expect(told).toHaveLength(1);
  expect(JSON.stringify(told[0]!.payload)).not.toContain(holder.id);
  expect(await DealWatch.findById(turnedAway.id).lean().exec()).toMatchObject({ ended: 'told' });
  await invariantsHold([holder.id, turnedAway.id]);
});

test('only the owner changes a live registration, with a valid body', async () => {
  const holder = await approved('reseller', submission({ uei: uei() }));
  const before = await registration(holder.id);
  expect((await change(holder.id, { opportunity: { stage: 'commit' } }, 'other-reseller')).status).toBe(404);
  // Like withdraw, close and extension: the reseller's own command.
  for (const as of ['distributor', 'other-distributor', 'auditor', 'channel-manager'] as const)
    expect((await change(holder.id, { opportunity: { stage: 'commit' } }, as)).status).toBe(403);
  const bad = await change(holder.id, { opportunity: { stage: 'won', productLines: [] } });
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
    'opportunity.productLines',
    'opportunity.stage',
  ]);
  expect((await change(holder.id, { opportunity: {} })).status).toBe(422);
  expect((await change(holder.id, { opportunity: { title: holder.opportunity.title } })).status).toBe(422);
  expect((await registration(holder.id)).decisions).toHaveLength(before.decisions.length);

  const withdrawn = await api.call({
    as: 'reseller',
    method: 'post',
    path: `/api/v1/registrations/${holder.id}/withdraw`,
  });
  expect(withdrawn.status).toBe(200);
  const ended = await change(holder.id, { opportunity: { stage: 'commit' } });
  expect(ended.status).toBe(409);
  await invariantsHold([holder.id]);
});
