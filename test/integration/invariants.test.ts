import mongoose from 'mongoose';
import { Registration } from '../../db/registrations';
import { registrationNotifications } from '../../services/invariant-notifications';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { untilAtRest } from '../support/at-rest';
import { publishTestPolicy, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/harness';
import { submitAndDecide } from '../support/lifecycle';

/**
 * The shared invariant check must see what it names: here a deal handed to a later registration while
 * the earlier one was rejected for it, a registration left undecided, and each effect of a step outside
 * the registration (keys, quota slot, notification, facts) undone or added, all by hand.
 */
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('invariants');
  await seedPartners();
  await publishTestPolicy({
    model: 'open',
    timing: { protection: 'PT1H', expiryReminder: 'PT10M', reviewSla: 'PT1H', secondReviewSla: 'PT1H' },
    limits: { activePerReseller: { var: 5 } },
  });
});
afterAll(async () => system?.shutdown());

test('first come first served and every registration decided are checked, not assumed', async () => {
  const deal = submission({ uei: `${uniqueWord().toUpperCase()}0000`.slice(0, 12) });
  const first = await submitAndDecide(system, 'value-var', deal);
  const second = await submitAndDecide(system, 'small-boutique', { ...deal });
  expect([first.status, second.status]).toEqual(['approved', 'rejected']);
  const ids = [first._id, second._id];
  await untilAtRest(system.temporal, [first.workflowId, second.workflowId]);
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
  // Gone with what they listed, so that the next test's exhaustive check sees only its own.
  await Registration.deleteMany({ _id: { $in: ids } }).exec();
  await mongoose.connection.collection('dealkeys').deleteMany({ registrationId: { $in: ids } });
});

test('what a step leaves outside its registration is checked against its entries, not assumed', async () => {
  const approved = await submitAndDecide(system, 'value-var', submission({ customerName: `${uniqueWord()} Mills` }));
  expect(approved.status).toBe('approved');
  await untilAtRest(system.temporal, [approved.workflowId]);
  const options = { everyDecided: true, exhaustive: true };
  expect(brokenInvariants(await checkInvariants(system.temporal, [approved._id], options))).toEqual([]);

  const raw = (name: string) => mongoose.connection.collection<{ _id: string } & Record<string, unknown>>(name);
  const id = approved._id;
  const [toReseller] = registrationNotifications(approved);
  await raw('dealkeys').deleteOne({ _id: `${approved.lookupKeys[0]}|${id}` });
  await raw('quotaslots').deleteOne({ _id: `holder|active|${id}` });
  await raw('events').deleteOne({ _id: toReseller!.id });
  await raw('insightfacts').deleteOne({ _id: `${id}|submitted` });
  await raw('insightfacts').insertOne({
    ...(await raw('insightfacts').findOne({ _id: `${id}|decided|decision` })),
    _id: `${id}|won`,
  });
  await raw('events').insertOne({
    _id: 'dlv_stray',
    audience: 'reseller:value-var',
    type: 'registration.closed',
    payload: { registrationId: id },
    createdAt: new Date(),
    listKeys: [],
  });
  await Registration.updateOne({ _id: id }, { $set: { protectedUntil: new Date(Date.now() - 120_000) } }).exec();

  const report = await checkInvariants(system.temporal, [id], { ...options, deadlineMarginMs: 10_000 });
  expect(report.keysMislisted).toEqual([`${id} (approved): not listed under ${approved.lookupKeys[0]}`]);
  expect(report.quotaSlotsMismatched).toEqual([`${id} (approved): accepted under a limit, holds no slot`]);
  expect(report.notificationsMissing).toEqual([`${toReseller!.what} to reseller:value-var: not in its feed`]);
  expect(report.notificationsUnexpected).toEqual([expect.stringMatching(/^dlv_stray /)]);
  expect(report.factsMismatched).toEqual([`${id}|submitted: missing`, `${id}|won: no entry makes it`]);
  expect(report.pastDeadline).toEqual([
    expect.stringMatching(new RegExp(`^${id}: approved \\d+ s past protectedUntil`)),
  ]);
  expect(report.ok).toBe(false);
});
