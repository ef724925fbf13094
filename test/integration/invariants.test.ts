import { Registration } from '../../db/registrations';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { publishTestPolicy, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/harness';
import { submitAndDecide } from '../support/lifecycle';

/**
 * The shared invariant check must see what it names: here a deal handed to a later registration while
 * the earlier one was rejected for it, and a registration left undecided, both written by hand.
 */
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('invariants');
  await seedPartners();
  await publishTestPolicy({
    model: 'open',
    timing: { protection: 'PT1H', expiryReminder: 'PT10M', reviewSla: 'PT1H', secondReviewSla: 'PT1H' },
  });
});
afterAll(async () => system?.shutdown());

test('first come first served and every registration decided are checked, not assumed', async () => {
  const deal = submission({ uei: `${uniqueWord().toUpperCase()}0000`.slice(0, 12) });
  const first = await submitAndDecide(system, 'value-var', deal);
  const second = await submitAndDecide(system, 'small-boutique', { ...deal });
  expect([first.status, second.status]).toEqual(['approved', 'rejected']);
  const ids = [first._id, second._id];
  expect(brokenInvariants(await checkInvariants(system.temporal, ids, { everyDecided: true }))).toEqual([]);

  // The later one approved before the earlier one was turned away: the order first come needs, reversed.
  const firstDecidedAt = first.decisions[0]?.at as string;
  const earlier = new Date(new Date(firstDecidedAt).getTime() - 1000).toISOString();
  await Registration.updateOne(
    { _id: first._id },
    { $set: { status: 'rejected', reasonCode: 'already-registered', 'decisions.0.toStatus': 'rejected' } },
  ).exec();
  await Registration.updateOne(
    { _id: second._id },
    { $set: { status: 'approved', 'decisions.0.toStatus': 'approved', 'decisions.0.at': earlier } },
  ).exec();
  const reversed = await checkInvariants(system.temporal, ids, { everyDecided: true });
  expect(reversed.laterSequenceWon).toEqual([first._id]);

  await Registration.updateOne({ _id: first._id }, { $set: { status: 'pending' } }).exec();
  const undecided = await checkInvariants(system.temporal, ids, { everyDecided: true });
  expect(undecided.stillPending).toEqual([first._id]);
  expect(undecided.ok).toBe(false);
});
