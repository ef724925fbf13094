import { type EventDoc, EventModel } from '../../db/events';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { RequestRefused } from '../../domain/errors';
import { revokeRegistration, transferRegistration, withdrawRegistration } from '../../services/commands';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { submitRegistration } from '../../services/submit-registration';
import { watchDeal } from '../../services/watch-deal';
import { registrationWorkflowId } from '../../workflows/definitions';
import { untilAtRest } from '../support/at-rest';
import { managerKey, publishTestPolicy, resellerKey, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { recordHistory, registration, submitAndDecide, waitForStatus } from '../support/lifecycle';

/** Issue 26, point 3: a channel manager moves a deal to another partner, or takes it back. */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('deal-transfer');
  await seedPartners();
});
afterAll(async () => system?.shutdown());
beforeEach(() => publishTestPolicy({ model: 'open' }));

const uei = () => `${uniqueWord()}${uniqueWord()}`.toUpperCase().slice(0, 12);
const eventsOf = (registrationId: string) =>
  EventModel.find({ 'payload.registrationId': registrationId }).lean<EventDoc[]>().exec();
const registrationsOf = (resellerId: string) => Registration.countDocuments({ resellerId }).exec();
const transfer = (holderId: string, toResellerId: string, toDistributorId = 'dist-a') =>
  transferRegistration(system.temporal, holderId, {
    by: managerKey,
    toResellerId,
    toDistributorId,
    reason: 'the customer chose another partner',
  });

async function refusal(promise: Promise<unknown>): Promise<RequestRefused> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof RequestRefused)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

test('the receiver holds the deal before the holder ends; a third partner submitting meanwhile is turned away', async () => {
  const deal = submission({ uei: uei() });
  const holder = await submitAndDecide(system, 'value-var', deal);
  expect(holder.status).toBe('approved');

  const [moved, third] = await Promise.all([
    transfer(holder._id, 'small-boutique', 'dist-b'),
    submitRegistration(system, 'big-integrator', { ...deal }),
  ]);
  const receiver = await registration(moved.receiverId);
  expect(moved.holder.status).toBe('transferred');
  expect(receiver).toMatchObject({ status: 'approved', resellerId: 'small-boutique', transferredFrom: holder._id });
  expect(receiver.protectedUntil).toBeInstanceOf(Date);
  expect(receiver.decisions.map((entry) => [entry.event, entry.actor])).toEqual([['transferred-in', managerKey.actor]]);
  const ended = await registration(holder._id);
  expect(ended.decisions.at(-1)).toMatchObject({ event: 'transferred', transfer: { to: receiver._id } });
  // The receiver was approved before the holder ended: never an instant without a holder.
  expect(Date.parse(receiver.decisions[0]!.at)).toBeLessThanOrEqual(Date.parse(ended.decisions.at(-1)!.at));
  const turnedAway = await waitForStatus(third.registration._id, 'rejected');
  expect(turnedAway.reasonCode).toBe('already-registered');

  // Both told, neither learning the other's name or registration.
  const [holderEvents, receiverEvents] = await eventually(async () => {
    const both = await Promise.all([eventsOf(holder._id), eventsOf(receiver._id)]);
    const told =
      both[0].some((e) => e.type === 'registration.transferred') &&
      both[1].some((e) => e.type === 'registration.approved');
    return told ? both : undefined;
  }, 'both partners to be told');
  for (const [events, other] of [
    [holderEvents, ['small-boutique', receiver._id]],
    [receiverEvents, ['value-var', holder._id]],
  ] as const) {
    const text = JSON.stringify(events.filter((e) => e.audience.startsWith('reseller:')));
    for (const name of other) expect(text).not.toContain(name);
    expect(text).toContain('the customer chose another partner');
  }

  await untilAtRest(
    system.temporal,
    [holder, receiver, turnedAway].map((doc) => doc.workflowId),
  );
  const report = await checkInvariants(system.temporal, [holder._id, receiver._id, turnedAway._id], {
    exhaustive: true,
  });
  expect(brokenInvariants(report)).toEqual([]);
  await withdrawRegistration(system.temporal, receiver._id, resellerKey, 'recorded for the replay test');
  await recordHistory(system, 'transferred-holder', holder.workflowId);
  await recordHistory(system, 'transferred-receiver', receiver.workflowId);
});

test('a route that refuses the receiver refuses the transfer (422), and nothing is stored', async () => {
  await publishTestPolicy({
    model: 'segment',
    routes: [{ when: { segments: ['commercial'] }, distributors: ['dist-a'] }],
  });
  const holder = await submitAndDecide(system, 'value-var', submission({ uei: uei() }));
  expect(holder.status).toBe('approved');
  const before = await registrationsOf('small-boutique');

  const offRoute = await refusal(transfer(holder._id, 'small-boutique', 'dist-b'));
  expect(offRoute.status).toBe(422);
  expect(offRoute.message).toMatch(/route|distributor/i);
  expect(await registrationsOf('small-boutique')).toBe(before);
  expect((await registration(holder._id)).status).toBe('approved');

  const onRoute = await transfer(holder._id, 'small-boutique', 'dist-a');
  expect((await registration(onRoute.receiverId)).status).toBe('approved');
});

test("the receiver's limit refuses the transfer (422) with nothing stored; the holder keeps the deal", async () => {
  await publishTestPolicy({ model: 'open', limits: { activePerReseller: { integrator: 1 } } });
  await submitAndDecide(system, 'other-integrator', submission({ uei: uei() }));
  const holder = await submitAndDecide(system, 'value-var', submission({ uei: uei() }));
  const before = await registrationsOf('other-integrator');

  const atLimit = await refusal(transfer(holder._id, 'other-integrator'));
  expect(atLimit.status).toBe(422);
  expect(atLimit.message).toMatch(/limit/i);
  expect(await registrationsOf('other-integrator')).toBe(before);
  expect((await registration(holder._id)).status).toBe('approved');
});

test('only an approved registration is moved (409), and a transferred deal stays watched until it is free', async () => {
  const deal = submission({ uei: uei() });
  const holder = await submitAndDecide(system, 'value-var', deal);
  const turnedAway = await submitAndDecide(system, 'big-integrator', { ...deal });
  expect(turnedAway.reasonCode).toBe('already-registered');
  expect((await refusal(transfer(turnedAway._id, 'small-boutique'))).status).toBe(409);
  await watchDeal(turnedAway);

  const { receiverId } = await transfer(holder._id, 'small-boutique');
  const available = () =>
    EventModel.countDocuments({ type: 'deal.available', 'payload.registrationId': turnedAway._id }).exec();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await available()).toBe(0); // the receiver holds it: not free

  await withdrawRegistration(system.temporal, receiverId, resellerKey, 'customer went elsewhere');
  await eventually(async () => ((await available()) === 1 ? true : undefined), 'the watcher to be told');
  await untilAtRest(system.temporal, [holder._id, receiverId, turnedAway._id].map(registrationWorkflowId));
  const report = await checkInvariants(system.temporal, [holder._id, receiverId, turnedAway._id], {
    exhaustive: true,
  });
  expect(brokenInvariants(report)).toEqual([]);
});

test('a revoked registration frees its deal, and its reseller is told with the reason', async () => {
  const deal = submission({ uei: uei() });
  const holder = await submitAndDecide(system, 'value-var', deal);
  const state = await revokeRegistration(system.temporal, holder._id, managerKey, 'registered without a meeting');
  expect(state.status).toBe('revoked');
  expect((await refusal(revokeRegistration(system.temporal, holder._id, managerKey, 'again'))).status).toBe(409);

  const next: RegistrationDoc = await submitAndDecide(system, 'small-boutique', { ...deal });
  expect(next.status).toBe('approved');
  const told = await eventually(async () => {
    const events = await eventsOf(holder._id);
    return events.find((e) => e.type === 'registration.revoked' && e.audience === 'reseller:value-var');
  }, 'the reseller to be told');
  expect(JSON.stringify(told.payload)).toContain('registered without a meeting');
});
