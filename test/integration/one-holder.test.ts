import { normalizeCompanyName } from '../../domain/matching/company-name';
import { nameSimilarity } from '../../domain/matching/compare';
import { resolveEscalation } from '../../services/commands';
import { checkInvariants } from '../../services/invariants';
import { submitRegistration } from '../../services/submit-registration';
import { heldConflictCheck, startExtraWorker } from '../support/extra-worker';
import { managerKey, publishTestPolicy, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { registration, submitAndDecide, waitForEscalationWorkflow, waitForStatus } from '../support/lifecycle';

/** Every path to `approved` checks who holds the deal at that moment (issue: two partners approved on one deal). */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('one-holder');
  await seedPartners();
});
afterAll(async () => system?.shutdown());

const uei = () => `${uniqueWord()}${uniqueWord()}`.toUpperCase().slice(0, 12);

test('a registration off its route on a deal another partner holds is rejected, not escalated and approved later', async () => {
  await publishTestPolicy({
    model: 'segment',
    routes: [{ when: { segments: ['federal-civilian'] }, distributors: ['dist-a'] }],
    onWrongRoute: 'escalate',
    timing: {
      protection: 'PT1H',
      expiryReminder: 'PT10M',
      reviewSla: 'PT1S',
      secondReviewSla: 'PT1S',
      onSecondSlaBreach: 'first-come',
      extension: { period: 'PT1H', max: 1, needsApproval: false },
    },
  });
  const customerName = `${uniqueWord()} ${uniqueWord()} Agency`;
  const sharedUei = uei();
  const routed = submission({ customerName, uei: sharedUei });
  routed.customer.segment = 'federal-civilian';
  const holder = await submitAndDecide(system, 'value-var', routed);
  expect(holder.status).toBe('approved');

  // The same customer by UEI, declared in a segment no route covers, through the other distributor.
  const offRoute = submission({ customerName, uei: sharedUei, distributorId: 'dist-b' });
  const other = await submitAndDecide(system, 'small-boutique', offRoute);
  expect(other).toMatchObject({ status: 'rejected', reasonCode: 'already-registered' });
  // Past both review deadlines nothing has changed: no escalation ever awarded it the deal.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect((await registration(other._id)).status).toBe('rejected');
  const report = await checkInvariants(system.temporal, [holder._id, other._id]);
  expect(report.dealsWithTwoApprovals).toEqual([]);
});

test('awarding a contender while another partner holds the deal answers 409 and changes nothing', async () => {
  await publishTestPolicy({
    model: 'open',
    timing: { protection: 'PT1H', expiryReminder: 'PT10M', reviewSla: 'PT1H', secondReviewSla: 'PT1H' },
  });
  const name = `${uniqueWord()} ${uniqueWord()} Logistics`;
  const holder = await submitAndDecide(system, 'value-var', submission({ customerName: name }));
  expect(holder.status).toBe('approved');
  // A name like the holder's and no identifier: a possible duplicate, for a channel manager.
  const contender = await submitAndDecide(system, 'small-boutique', submission({ customerName: `${name} Inc` }));
  expect(contender).toMatchObject({ status: 'escalated', reasonCode: 'possible-duplicate' });
  await waitForEscalationWorkflow(system, contender.escalationId!, 2); // the contender and the holder
  const refused = await resolveEscalation(system.temporal, contender.escalationId!, managerKey, {
    award: contender._id,
    reason: 'the contender met the customer first',
  }).catch((error: unknown) => error);
  expect(refused).toMatchObject({ status: 409, title: 'The deal already has a holder' });
  expect((await registration(contender._id)).status).toBe('escalated');
  expect((await registration(holder._id)).status).toBe('approved');
  // The escalation is still open: the channel manager can still say the match was false.
  await resolveEscalation(system.temporal, contender.escalationId!, managerKey, {
    distinct: true,
    reason: 'two sites',
  });
  await waitForStatus(contender._id, 'approved');
});

/** Two names that are alike under one version's threshold and not under the next's. */
function namesBetween(low: number, high: number): [string, string] {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const a = `${uniqueWord()} ${uniqueWord()} ${uniqueWord()}`;
    const b = `${a.slice(0, -3)}${uniqueWord().slice(0, 3)}`;
    const score = nameSimilarity(normalizeCompanyName(a), normalizeCompanyName(b));
    if (score >= low && score < high) return [a, b];
  }
  throw new Error('no pair of names found between the thresholds');
}

test('first come, first served holds across policy versions whose name thresholds differ', async () => {
  await publishTestPolicy({ model: 'open', matching: { nameSimilarity: 0.8 } });
  const [earlierName, laterName] = namesBetween(0.8, 0.95);
  // The earlier registration's check is held back: it is accepted (its sequence drawn) under 0.8, then waits.
  const stalledQueue = `${system.taskQueue}-stalled`;
  const held = heldConflictCheck();
  const stalled = await startExtraWorker(system, stalledQueue, { weighRegistration: held.weighRegistration });
  try {
    const { registration: earlier } = await submitRegistration(
      { ...system, taskQueue: stalledQueue },
      'value-var',
      submission({ customerName: earlierName }),
    );
    await publishTestPolicy({ model: 'open', matching: { nameSimilarity: 0.95 } });
    const { registration: later } = await submitRegistration(
      system,
      'small-boutique',
      submission({ customerName: laterName }),
    );
    // The later one must wait: under the earlier one's threshold they may be one deal.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await registration(later._id)).status).toBe('pending');
    held.open();
    const first = await waitForStatus(earlier._id, 'approved');
    const second = await eventually(async () => {
      const doc = await registration(later._id);
      return doc.status === 'pending' ? undefined : doc;
    }, 'the later registration to be decided');
    // Under its own threshold the later one is another deal; the earlier was never weighed against it.
    expect(second.status).toBe('approved');
    expect(first.decisions[0]?.matches).toEqual([]);
    expect(second.decidedAt!.getTime()).toBeGreaterThanOrEqual(first.decidedAt!.getTime());
  } finally {
    held.open();
    await stalled.stop();
  }
});
