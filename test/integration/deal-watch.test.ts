import { type EventDoc, EventModel } from '../../db/events';
import { DealWatch } from '../../db/watches';
import { RequestRefused } from '../../domain/errors';
import { withdrawRegistration } from '../../services/commands';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { watchDeal } from '../../services/watch-deal';
import { publishTestPolicy, resellerKey, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { registration, submitAndDecide } from '../support/lifecycle';

/** Issue 26, point 4: a reseller turned away from a taken deal is told when it frees up, and learns nothing else. */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('deal-watch');
  await seedPartners();
  await publishTestPolicy({ model: 'open', timing: { protection: 'PT1H', expiryReminder: 'PT10M' } });
});
afterAll(async () => system?.shutdown());

const uei = () => `${uniqueWord()}${uniqueWord()}`.toUpperCase().slice(0, 12);
const availableEvents = (registrationId: string) =>
  EventModel.find({
    audience: 'reseller:small-boutique',
    type: 'deal.available',
    'payload.registrationId': registrationId,
  })
    .lean<EventDoc[]>()
    .exec();

test('a watcher is told once the holder ends, with its own registration and the time only', async () => {
  const deal = submission({ uei: uei() });
  const holder = await submitAndDecide(system, 'value-var', deal);
  expect(holder.status).toBe('approved');
  const turnedAway = await submitAndDecide(system, 'small-boutique', { ...deal, distributorId: 'dist-b' });
  expect(turnedAway).toMatchObject({ status: 'rejected', reasonCode: 'already-registered' });

  await expect(watchDeal(holder)).rejects.toMatchObject({ status: 409 });
  const watch = await watchDeal(turnedAway);
  expect(watch).toMatchObject({ registrationId: turnedAway._id, watching: true });
  expect(await watchDeal(turnedAway)).toEqual(watch); // a repeat answers the same watch
  expect(await availableEvents(turnedAway._id)).toEqual([]);

  await withdrawRegistration(system.temporal, holder._id, resellerKey, 'customer went elsewhere');
  const [told, ...more] = await eventually(async () => {
    const events = await availableEvents(turnedAway._id);
    return events.length > 0 ? events : undefined;
  }, 'the watcher to be told');
  expect(more).toEqual([]);
  expect(Object.keys(told!.payload).sort()).toEqual(['availableSince', 'event', 'registrationId']);
  expect(JSON.stringify(told!.payload)).not.toContain(holder._id);
  expect(JSON.stringify(told!.payload)).not.toContain('value-var');
  expect(await DealWatch.findById(turnedAway._id).lean().exec()).toMatchObject({ ended: 'told' });
  const report = await checkInvariants(system.temporal, [holder._id, turnedAway._id], { exhaustive: true });
  expect(brokenInvariants(report)).toEqual([]);
});

test('a deal no longer held cannot be watched, and registering again ends a watch', async () => {
  const deal = submission({ uei: uei() });
  const holder = await submitAndDecide(system, 'value-var', deal);
  const turnedAway = await submitAndDecide(system, 'small-boutique', { ...deal });
  expect(turnedAway).toMatchObject({ status: 'rejected', reasonCode: 'already-registered' });
  await watchDeal(turnedAway);

  // Registered again while the deal is still held: turned away again, and the first watch has ended.
  const again = await submitAndDecide(system, 'small-boutique', { ...deal, opportunity: { ...deal.opportunity } });
  expect(again).toMatchObject({ status: 'rejected' });
  expect(await DealWatch.findById(turnedAway._id).lean().exec()).toMatchObject({ ended: 'registered-again' });

  await withdrawRegistration(system.temporal, holder._id, resellerKey);
  const refused = await watchDeal(await registration(again._id)).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(RequestRefused);
  expect(refused).toMatchObject({ status: 409, title: 'The deal is free' });
});
