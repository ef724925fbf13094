import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { CrashPoint } from '../../config/crash-points';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { Escalation, type EscalationDoc } from '../../db/escalations';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { closeRegistration, withdrawRegistration } from '../../services/commands';
import { escalationNotices, registrationNotifications } from '../../services/invariant-notifications';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { type SubmitDeps, submitRegistration } from '../../services/submit-registration';
import { connectTemporalClient } from '../../services/temporal';
import { endEveryLife, untilClosed } from '../support/at-rest';
import { CrashingWorkers } from '../support/crashing-workers';
import { publishTestPolicy, resellerKey, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { eventually } from '../support/harness';
import { ownServiceTarget, type ServiceTarget } from '../support/service-processes';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/**
 * Point 5 of issue 20: a worker killed (SIGKILL, by itself) at every named point between two writes of
 * the registration's and the escalation's steps, and a fresh worker taking over. Two groups of points,
 * each with workers of its own: the acceptance and a decision's step, then the steps that end a life and
 * an escalation's, with the webhook dispatcher's (it runs in the worker). Afterwards every invariant holds
 * and every notification has arrived at its webhook: a queue whose server died is served again when the
 * dead server's lease ends, and a delivery not yet recorded is delivered again with its event id.
 */
jest.setTimeout(300_000);

const began = Date.now();
const log = (line: string) =>
  process.stderr.write(`crash-points +${Math.round((Date.now() - began) / 1000)}s: ${line}\n`);
const resellers = ['big-integrator', 'other-integrator', 'value-var', 'small-boutique'];
let target: ServiceTarget;
let temporal: Client;
let deps: SubmitDeps;
let receiver: WebhookReceiver;
const runLabel = randomBytes(4).toString('hex');
let keys = 0;

beforeAll(async () => {
  target = ownServiceTarget('crash-points');
  await connectDatabase(target.mongodbUri);
  await ensureIndexes();
  await seedPartners();
  await publishTestPolicy({
    model: 'open',
    timing: { protection: 'PT10M', expiryReminder: 'PT1M', reviewSla: 'PT5S', secondReviewSla: 'PT5S' },
  });
  receiver = await startWebhookReceiver();
  await receiver.register([
    ...resellers.map((id) => `reseller:${id}`),
    'distributor:dist-a',
    'distributor:dist-b',
    'vendor:channel-managers',
  ]);
  temporal = await connectTemporalClient({ TEMPORAL_ADDRESS: target.temporalAddress, TEMPORAL_NAMESPACE: 'default' });
  // A submission whose acceptance meets crash after crash waits for it, as a client repeating its 503 would.
  deps = { temporal, taskQueue: target.taskQueue, acceptanceWaitMs: 180_000 };
});

afterAll(async () => {
  await receiver?.close();
  await temporal?.connection.close();
  await disconnectDatabase();
});

const submitted: string[] = [];
async function submit(resellerId: string, body: ReturnType<typeof submission>): Promise<string> {
  keys += 1;
  const { registration } = await submitRegistration(deps, resellerId, body, `crash-${runLabel}-${keys}`);
  submitted.push(registration._id);
  return registration._id;
}

function decided(id: string): Promise<RegistrationDoc> {
  return eventually(
    async () => {
      const doc = await Registration.findById(id).lean<RegistrationDoc>().exec();
      return doc && doc.status !== 'pending' ? doc : undefined;
    },
    `${id} to be decided`,
    180_000,
  );
}

/** Runs `scenario` with two workers armed with `points`, then checks that each point fired once. */
async function withCrashes(label: string, points: readonly CrashPoint[], scenario: () => Promise<void>) {
  const onceDir = path.join(target.runDir, `fired-${label}`);
  const workers = new CrashingWorkers(target, temporal, { points, onceDir, label }, log);
  log(`${label}: starting two workers armed at ${points.join(', ')}`);
  await workers.start(2);
  try {
    await scenario();
    await eventually(
      async () => (workers.deaths.length === points.length ? true : undefined),
      `every point of ${label} to fire`,
      120_000,
    );
  } finally {
    await workers.stop();
  }
  expect(workers.deaths.map((death) => death.point).sort()).toEqual([...points].sort());
  return workers;
}

let contested: string[] = [];
let fresh: string[] = [];
let holder: RegistrationDoc;

test('the acceptance and a decision, crashed between each two writes, finish once, first come first served', async () => {
  const uei = `${uniqueWord().toUpperCase()}0000`.slice(0, 12);
  const deal = submission({ uei, customerName: `${uniqueWord()} Foundry` });
  await withCrashes(
    'acceptance',
    ['accept:listed', 'accept:numbered', 'accept:stored', 'step:chain-claimed', 'step:logged'],
    async () => {
      [contested, fresh] = await Promise.all([
        Promise.all(resellers.slice(0, 3).map((r) => submit(r, { ...deal }))),
        Promise.all(resellers.slice(0, 2).map((r) => submit(r, submission()))),
      ]);
      for (const id of [...contested, ...fresh]) log(`${id}: ${(await decided(id)).status}`);
    },
  );
  const docs = await Promise.all(contested.map(decided));
  const first = docs.reduce((a, b) => ((a.sequence ?? 0) < (b.sequence ?? 0) ? a : b));
  expect(first.status).toBe('approved');
  for (const doc of docs.filter((d) => d !== first)) {
    expect(doc).toMatchObject({ status: 'rejected', reasonCode: 'already-registered' });
  }
  for (const id of fresh) expect((await decided(id)).status).toBe('approved');
  holder = first;
});

test('the steps that end a life and an escalation, crashed between each two writes, finish once', async () => {
  await withCrashes(
    'endings',
    [
      'step:entry-written',
      'step:facts-recorded',
      'step:released',
      'escalation:started',
      'escalation:saved',
      'dispatch:wake-deleted',
      'dispatch:delivered',
    ],
    async () => {
      const [withdrawn, closed] = await Promise.all([
        withdrawRegistration(temporal, fresh[0]!, resellerKey),
        closeRegistration(temporal, fresh[1]!, resellerKey, { outcome: 'won' }),
      ]);
      expect([withdrawn.status, closed.status]).toEqual(['withdrawn', 'won']);
      log('a withdrawal and a close recorded');
      // A name like the holder's, no identifier: a possible duplicate for a channel manager, or the deadline.
      const challenger = await submit('small-boutique', submission({ customerName: `${holder.customer.name} LLC` }));
      expect((await decided(challenger)).status).toBe('escalated');
      log(`${challenger} escalated`);
    },
  );
});

test('at rest, every invariant holds and every notification has arrived', async () => {
  const workers = new CrashingWorkers(target, temporal, { points: [], onceDir: target.runDir, label: 'rest' }, log);
  await workers.start(1);
  try {
    // The lives still open end now, so that every workflow can be waited for.
    await endEveryLife(temporal, submitted, resellerKey, 60_000);
    const escalationIds = await untilClosed(temporal, submitted, 60_000);
    log(`every life ended (${submitted.length} registrations, ${escalationIds.length} escalations)`);
    const report = await checkInvariants(temporal, submitted, {
      everyDecided: true,
      exhaustive: true,
      deadlineMarginMs: 15_000,
    });
    expect(brokenInvariants(report)).toEqual([]);

    const docs = await Registration.find({}).lean<RegistrationDoc[]>().exec();
    const escalations = await Escalation.find({}).lean<EscalationDoc[]>().exec();
    const expected = [...docs.flatMap(registrationNotifications), ...escalations.flatMap(escalationNotices)];
    const undelivered = () => expected.filter((n) => !receiver.received.has(n.id));
    await eventually(async () => (undelivered().length === 0 ? true : undefined), 'every notification', 60_000).catch(
      () => undefined,
    );
    expect(undelivered().map((n) => `${n.what} to ${n.webhookId}`)).toEqual([]);
    log(`${expected.length} notifications arrived`);
  } finally {
    await workers.stop();
  }
});
