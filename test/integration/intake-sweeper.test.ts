import { RequestRefused } from '../../client/errors';
import {
  assignSequence,
  completeInterruptedSubmission,
  recordSubmission,
  submitRegistration,
} from '../../client/submit-registration';
import { registrationIdsUnderKeys } from '../../db/dealkeys';
import { Intake } from '../../db/intake';
import { Registration } from '../../db/registrations';
import { claimSequence, drawSequence } from '../../db/sequences';
import { publishTestPolicy, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/harness';
import { registration, waitForStatus } from '../support/lifecycle';

/**
 * An API process that dies part-way through a submission leaves it in `intake`; the worker's sweeper
 * finishes it. Each test stops a real submission after one of its steps, as a crash would.
 */
let system: TestSystem;
const reseller = 'big-integrator';
const HOUR = 60 * 60_000;
/** A sweeper that gives everything time, and one for which everything is already old. */
const patient = { abandonAfterMs: HOUR, takeOverAfterMs: HOUR };
const impatient = { abandonAfterMs: 0, takeOverAfterMs: 0 };

beforeAll(async () => {
  system = await startTestSystem('intake-sweeper');
  await seedPartners();
  await publishTestPolicy();
});
afterAll(async () => system?.shutdown());

const idempotencyKey = () => `sweeper-${uniqueWord()}`;

test('a submission that stopped before drawing its sequence waits while it is young', async () => {
  const { registration: recorded } = await recordSubmission(reseller, submission(), idempotencyKey());
  expect(await completeInterruptedSubmission(system, recorded._id, patient)).toBe('waiting');
  expect((await registration(recorded._id)).status).toBe('pending');
  expect(await Intake.exists({ _id: recorded._id })).toBeTruthy();
});

test('one that never drew a sequence is discarded; the stalled request gets 503 and a resubmission is accepted', async () => {
  const body = submission();
  const key = idempotencyKey();
  const { registration: recorded } = await recordSubmission(reseller, body, key);

  expect(await completeInterruptedSubmission(system, recorded._id, impatient)).toBe('discarded');
  expect(await Registration.exists({ _id: recorded._id })).toBeNull();
  expect(await Intake.exists({ _id: recorded._id })).toBeNull();
  expect(await registrationIdsUnderKeys(recorded.lookupKeys)).not.toContain(recorded._id);

  // The API process was only slow: it must not accept what the sweeper discarded.
  const late = await assignSequence(recorded).catch((error: unknown) => error);
  expect(late).toBeInstanceOf(RequestRefused);
  expect((late as RequestRefused).status).toBe(503);
  expect(await Registration.exists({ _id: recorded._id })).toBeNull();

  // The client's retry with the same key starts afresh and is decided.
  const retried = await submitRegistration(system, reseller, body, key);
  expect(retried.registration._id).toBe(recorded._id);
  expect(retried.registration.sequence).toEqual(expect.any(Number));
  await waitForStatus(recorded._id, 'approved');
});

test('one that drew a sequence but did not record it is accepted with that number', async () => {
  const { registration: recorded } = await recordSubmission(reseller, submission(), idempotencyKey());
  const drawn = await drawSequence(recorded._id);

  expect(await completeInterruptedSubmission(system, recorded._id, impatient)).toBe('started');
  const approved = await waitForStatus(recorded._id, 'approved');
  expect(approved.sequence).toBe(drawn);
  expect(await Intake.exists({ _id: recorded._id })).toBeNull();
});

test('a number claimed by an API process that stopped before recording it is taken over once the claim is old', async () => {
  const { registration: recorded } = await recordSubmission(reseller, submission(), idempotencyKey());
  const drawn = await drawSequence(recorded._id);
  await claimSequence(recorded, drawn);

  // The process may only be slow: the sweeper does not write a document someone else may be writing.
  expect(await completeInterruptedSubmission(system, recorded._id, patient)).toBe('waiting');
  expect((await registration(recorded._id)).sequence).toBeUndefined();

  const sweeps = await Promise.all([1, 2].map(() => completeInterruptedSubmission(system, recorded._id, impatient)));
  expect(sweeps.sort()).toEqual(['started', 'waiting']);
  const approved = await waitForStatus(recorded._id, 'approved');
  expect(approved.sequence).toBe(drawn);
  expect(approved.decisions).toHaveLength(1);
});

test('one that recorded its sequence but never started its workflow is started, once', async () => {
  const key = idempotencyKey();
  const body = submission();
  const { registration: recorded } = await recordSubmission(reseller, body, key);
  const accepted = await assignSequence(recorded);

  const [swept, repeated] = await Promise.all([
    completeInterruptedSubmission(system, recorded._id, impatient),
    submitRegistration(system, reseller, body, key),
  ]);
  expect(swept).toBe('started');
  expect(repeated.registration.sequence).toBe(accepted.sequence);
  const approved = await waitForStatus(recorded._id, 'approved');
  expect(approved.sequence).toBe(accepted.sequence);
  expect(approved.decisions.filter((entry) => entry.kind === 'decision')).toHaveLength(1);
});

test('two repeats of one request drawing at once agree on one sequence', async () => {
  const key = idempotencyKey();
  const body = submission();
  const results = await Promise.all([1, 2, 3].map(() => submitRegistration(system, reseller, body, key)));
  const sequences = new Set(results.map((result) => result.registration.sequence));
  expect(sequences.size).toBe(1);
  const approved = await waitForStatus(results[0]!.registration._id, 'approved');
  expect(sequences.has(approved.sequence)).toBe(true);
});
