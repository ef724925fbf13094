import type { RegistrationDoc } from '../../db/registrations';
import { completedActivities } from '../../services/history';
import { submitRegistration } from '../../services/submit-registration';
import { registrationWorkflowId } from '../../workflows/definitions';
import { heldConflictCheck, startExtraWorker } from '../support/extra-worker';
import { publishTestPolicy, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { recordHistory, registration, waitForStatus } from '../support/lifecycle';

let system: TestSystem;
const resellers = ['big-integrator', 'other-integrator', 'value-var', 'small-boutique'];

beforeAll(async () => {
  system = await startTestSystem('first-come');
  await seedPartners();
  await publishTestPolicy({
    model: 'open',
    timing: { protection: 'PT1H', expiryReminder: 'PT10M', reviewSla: 'PT1H', secondReviewSla: 'PT1H' },
  });
});
afterAll(async () => system?.shutdown());

const sameDeal = () => submission({ uei: `${uniqueWord().toUpperCase()}0000`.slice(0, 12) });

async function allDecided(ids: string[]): Promise<RegistrationDoc[]> {
  return eventually(
    async () => {
      const docs = await Promise.all(ids.map(registration));
      return docs.every((doc) => doc.status !== 'pending') ? docs : undefined;
    },
    `${ids.length} registrations to be decided`,
    60_000,
  );
}

test('twenty registrations for one deal at once: exactly one is approved, the one with the smallest sequence', async () => {
  const second = await startExtraWorker(system, system.taskQueue);
  try {
    const body = sameDeal();
    const submitted = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submitRegistration(system, resellers[i % resellers.length]!, { ...body })),
    );
    const decided = await allDecided(submitted.map((s) => s.registration._id));
    const approved = decided.filter((doc) => doc.status === 'approved');
    expect(approved).toHaveLength(1);
    const smallest = Math.min(...decided.map((doc) => doc.sequence!));
    expect(approved[0]!.sequence).toBe(smallest);
    const others = decided.filter((doc) => doc.status !== 'approved');
    expect(new Set(others.map((doc) => doc.status))).toEqual(new Set(['rejected']));
    for (const doc of others) {
      expect(doc.reasonCode).toBe(doc.resellerId === approved[0]!.resellerId ? 'duplicate' : 'already-registered');
    }
    expect(new Set(decided.map((doc) => doc.sequence)).size).toBe(20);
  } finally {
    await second.stop();
  }
});

test('a burst on a deal matched by name alone is decided in a cascade, not each waiting for every earlier one', async () => {
  // No identifier and no domain: the later ones are possible duplicates, escalated, and an escalation
  // waits for every earlier registration of the deal.
  const body = submission({ customerName: `${uniqueWord()} ${uniqueWord()} Clinic` });
  const submitted = await Promise.all(resellers.map((id) => submitRegistration(system, id, { ...body })));
  const decided = await allDecided(submitted.map((s) => s.registration._id));
  const first = decided.reduce((a, b) => (a.sequence! < b.sequence! ? a : b));
  expect(first.status).toBe('approved');
  for (const doc of decided.filter((d) => d !== first)) {
    expect([doc.status, doc.reasonCode]).toEqual(['escalated', 'possible-duplicate']);
  }
  for (const doc of decided) {
    const history = await system.temporal.workflow.getHandle(doc.workflowId).fetchHistory();
    const waitsForDecisions = completedActivities(history.events ?? []).filter((activity) => {
      const result = activity.result as { waitFor?: string; until?: string } | undefined;
      return activity.name === 'weighRegistration' && result?.waitFor !== undefined && result.until !== 'accepted';
    });
    // At most: the earliest, then the one just before it (waiting for each earlier one in turn: up to three).
    expect(waitsForDecisions.length).toBeLessThanOrEqual(2);
  }
});

test('the earliest registration wins even when its conflict check runs last', async () => {
  const body = sameDeal();
  // The earliest one's workflow runs on a worker whose conflict check is held back: it is stored with
  // its sequence, and its check runs only once the later ones have started waiting.
  const stalledQueue = `${system.taskQueue}-late`;
  const held = heldConflictCheck();
  const late = await startExtraWorker(system, stalledQueue, { weighRegistration: held.weighRegistration });
  const { registration: earliest } = await submitRegistration(
    { ...system, taskQueue: stalledQueue },
    'value-var',
    body,
  );
  const later = await Promise.all(
    ['big-integrator', 'small-boutique', 'other-integrator'].map((id) => submitRegistration(system, id, { ...body })),
  );
  // The later checks run now, and wait for the earlier registration instead of taking the deal.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const { registration: doc } of later) expect((await registration(doc._id)).status).toBe('pending');

  held.open();
  try {
    const winner = await waitForStatus(earliest._id, 'approved');
    expect(winner.sequence).toBeLessThan(Math.min(...later.map((l) => l.registration.sequence!)));
    const decided = await allDecided(later.map((l) => l.registration._id));
    expect(decided.map((doc) => [doc.status, doc.reasonCode])).toEqual(
      Array.from({ length: 3 }, () => ['rejected', 'already-registered']),
    );
    // A later one waited for the earlier one's word (a signal), not by polling: its life is a fixture.
    await recordHistory(system, 'rejected-after-waiting-by-signal', registrationWorkflowId(later[0]!.registration._id));
    // The earliest one's decision was recorded after all the later ones had started waiting.
    expect(winner.decidedAt!.getTime()).toBeGreaterThan(
      Math.max(...later.map((l) => l.registration.submittedAt.getTime())) + 1500,
    );
  } finally {
    await late.stop();
  }
});
