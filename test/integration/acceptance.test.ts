import mongoose from 'mongoose';
import { acceptRegistration, storeSubmission } from '../../activities/accept';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { RequestRefused } from '../../domain/errors';
import { prepareSubmission, submitRegistration } from '../../services/submit-registration';
import { startExtraWorker } from '../support/extra-worker';
import { publishTestPolicy, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/harness';
import { waitForStatus } from '../support/lifecycle';

/** How a submission becomes a stored registration: its workflow's first step (activities/accept.ts). */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('acceptance');
  await seedPartners();
  await publishTestPolicy();
});
afterAll(async () => system?.shutdown());

const key = () => `accept-${uniqueWord()}`;
const stored = (id: string) => Registration.findById(id).lean<RegistrationDoc>().exec();
const entriesOf = (collection: string, filter: object) =>
  mongoose.connection.collection(collection).countDocuments(filter);

test('a repeat with the same Idempotency-Key returns the same registration, stored once, with one sequence', async () => {
  const body = submission();
  const idempotencyKey = key();
  const answers = await Promise.all([1, 2, 3].map(() => submitRegistration(system, 'value-var', body, idempotencyKey)));
  const ids = new Set(answers.map((answer) => answer.registration._id));
  expect(ids.size).toBe(1);
  expect(answers.filter((answer) => answer.created)).toHaveLength(1);
  expect(new Set(answers.map((answer) => answer.registration.sequence)).size).toBe(1);
  const id = answers[0]!.registration._id;
  expect(await entriesOf('sequencenumbers', { registrationId: id })).toBe(1);

  // Once its workflow has decided, a repeat still answers with the registration (read from the store).
  await waitForStatus(id, 'approved');
  const later = await submitRegistration(system, 'value-var', body, idempotencyKey);
  expect(later).toMatchObject({
    created: false,
    registration: { _id: id, sequence: answers[0]!.registration.sequence },
  });
});

test('the same key with another body is refused, and nothing of the second body is stored', async () => {
  const idempotencyKey = key();
  const first = await submitRegistration(system, 'value-var', submission(), idempotencyKey);
  const other = submission();
  const refused = await submitRegistration(system, 'value-var', other, idempotencyKey).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(RequestRefused);
  expect((refused as RequestRefused).status).toBe(422);
  expect(await Registration.countDocuments({ 'customer.name': other.customer.name })).toBe(0);
  expect((await stored(first.registration._id))?.requestHash).toBe(first.registration.requestHash);
});

test('a submission refused at acceptance stores nothing, and its key may be used again', async () => {
  await publishTestPolicy({ limits: { submissionsPerResellerPerDay: 1 } } as never);
  try {
    await submitRegistration(system, 'small-boutique', submission());
    const body = submission();
    const idempotencyKey = key();
    const refused = await submitRegistration(system, 'small-boutique', body, idempotencyKey).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ status: 422, limit: 'submissionsPerResellerPerDay' });
    const { registrationId } = await prepareSubmission('small-boutique', body, idempotencyKey);
    expect(await stored(registrationId)).toBeNull();
    expect(await entriesOf('dealkeys', { registrationId })).toBe(0);
    expect(await entriesOf('sequencenumbers', { registrationId })).toBe(0);

    await publishTestPolicy();
    const accepted = await submitRegistration(system, 'small-boutique', body, idempotencyKey);
    expect(accepted).toMatchObject({ created: true, registration: { _id: registrationId, status: 'pending' } });
  } finally {
    await publishTestPolicy();
  }
});

test('an acceptance that dies after listing and drawing, before its insert, is finished by a retry, stored once', async () => {
  const queue = `${system.taskQueue}-dying`;
  let attempts = 0;
  const dying = await startExtraWorker(system, queue, {
    acceptRegistration: async (input) => {
      attempts += 1;
      if (attempts === 1) {
        // Listed and numbered; the insert undone, as if the worker had died just before it.
        await storeSubmission(input, { mayBeStored: false });
        await Registration.deleteOne({ _id: input.registrationId }).exec();
        throw new Error('worker died');
      }
      return acceptRegistration(input);
    },
  });
  try {
    const { registration } = await submitRegistration(
      { ...system, taskQueue: queue },
      'value-var',
      submission(),
      key(),
    );
    expect(attempts).toBe(2);
    expect(await Registration.countDocuments({ _id: registration._id })).toBe(1);
    // The dead attempt's number stays taken and unused (a gap); the document holds the retry's.
    expect(await entriesOf('sequencenumbers', { registrationId: registration._id })).toBe(2);
    expect((await stored(registration._id))?.sequence).toBe(registration.sequence);
    expect(await entriesOf('dealkeys', { registrationId: registration._id })).toBe(registration.lookupKeys.length);
  } finally {
    await dying.stop();
  }
});
