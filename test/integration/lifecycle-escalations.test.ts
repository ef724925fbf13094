import { Escalation, type EscalationDoc, saveEscalation } from '../../db/escalations';
import { RequestRefused } from '../../domain/errors';
import { closeRegistration, requestExtension, resolveEscalation, withdrawRegistration } from '../../services/commands';
import { managerKey, publishTestPolicy, resellerKey, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import {
  recordHistory,
  registration,
  submitAndDecide,
  waitForEscalation,
  waitForEscalationWorkflow,
  waitForStatus,
} from '../support/lifecycle';

let system: TestSystem;
const slowReview = { reviewSla: 'PT1H', secondReviewSla: 'PT1H', protection: 'PT1H', expiryReminder: 'PT10M' };

beforeAll(async () => {
  system = await startTestSystem('escalations');
  await seedPartners();
});
afterAll(async () => system?.shutdown());

/** A holder and a challenger whose customers share only a name (no identifier, no domain): a probable match. */
async function contestedDeal() {
  const name = `${uniqueWord()} Traders`;
  const holder = await submitAndDecide(system, 'value-var', submission({ customerName: name }));
  const challenger = await submitAndDecide(system, 'small-boutique', submission({ customerName: `${name} LLC` }));
  return { holder, challenger };
}

describe('possible duplicates', () => {
  beforeAll(() => publishTestPolicy({ model: 'open', timing: slowReview }));

  test('escalates a name-only match and the award to the holder rejects the challenger', async () => {
    const { holder, challenger } = await contestedDeal();
    expect(holder.status).toBe('approved');
    expect(challenger).toMatchObject({ status: 'escalated', reasonCode: 'possible-duplicate' });
    const escalation = await waitForEscalationWorkflow(system, challenger.escalationId!, 2);
    expect(escalation.contenders.map((c) => [c.registrationId, c.role])).toEqual(
      expect.arrayContaining([
        [holder._id, 'holder'],
        [challenger._id, 'contender'],
      ]),
    );
    const result = await resolveEscalation(system.temporal, escalation._id, managerKey, {
      award: holder._id,
      reason: 'same buyer',
    });
    expect(result.fates).toEqual([{ registrationId: challenger._id, action: 'reject' }]);
    const rejected = await waitForStatus(challenger._id, 'rejected');
    expect(rejected.reasonCode).toBe('resolved-against');
    expect((await registration(holder._id)).status).toBe('approved');
    await waitForEscalation(escalation._id, (e) => e.status === 'resolved', 'resolved');
    await recordHistory(system, 'escalated-resolved-against', challenger.workflowId);
    await recordHistory(system, 'escalation-award', `escalation-${escalation._id}`);
  });

  test('refuses bad resolutions before recording anything', async () => {
    const { holder, challenger } = await contestedDeal();
    const escalationId = challenger.escalationId!;
    await waitForEscalationWorkflow(system, escalationId, 2);
    const notAContender = await resolveEscalation(system.temporal, escalationId, managerKey, {
      award: 'reg_nobody',
      reason: 'x',
    }).catch((e) => e);
    expect(notAContender).toMatchObject({ status: 422, title: 'Invalid resolution' });
    const overHolder = await resolveEscalation(system.temporal, escalationId, managerKey, {
      award: challenger._id,
      reason: 'x',
    }).catch((e) => e);
    expect(overHolder).toMatchObject({ status: 409, title: 'The deal already has a holder' });
    expect((await registration(challenger._id)).status).toBe('escalated');
    await resolveEscalation(system.temporal, escalationId, managerKey, {
      distinct: true,
      reason: 'different companies',
    });
    const approved = await waitForStatus(challenger._id, 'approved');
    // Declared a different deal, it is looked at again without the holder, and the review is named.
    expect(approved.decisions.at(-1)).toMatchObject({
      kind: 'escalation-resolved',
      decidedBy: { kind: 'channel-manager' },
      actor: { kind: 'key', id: 'key_manager' },
      escalationId,
    });
    const again = await resolveEscalation(system.temporal, escalationId, managerKey, {
      rejectAll: true,
      reason: 'x',
    }).catch((e) => e);
    expect(again).toBeInstanceOf(RequestRefused);
    expect(again.status).toBe(409);
    expect((await registration(holder._id)).status).toBe('approved');
    await withdrawRegistration(system.temporal, challenger._id, resellerKey);
    await recordHistory(system, 'escalated-distinct', challenger.workflowId);
  });

  test('a later challenger joins the open escalation of the deal', async () => {
    const name = `${uniqueWord()} Outfitters`;
    const holder = await submitAndDecide(system, 'value-var', submission({ customerName: name }));
    const first = await submitAndDecide(system, 'small-boutique', submission({ customerName: `${name} Inc` }));
    const second = await submitAndDecide(system, 'big-integrator', submission({ customerName: `The ${name} Company` }));
    expect(second.status).toBe('escalated');
    expect(second.escalationId).toBe(first.escalationId);
    const escalation = await waitForEscalationWorkflow(system, first.escalationId!, 3);
    expect(escalation.contenders.filter((c) => c.role === 'holder').map((c) => c.registrationId)).toEqual([holder._id]);
    await resolveEscalation(system.temporal, escalation._id, managerKey, {
      rejectAll: true,
      reason: 'holder keeps it',
    });
    await waitForStatus(first._id, 'rejected');
    await waitForStatus(second._id, 'rejected');
  });

  test('withdrawing the only contender closes the escalation as moot', async () => {
    const { challenger } = await contestedDeal();
    await waitForEscalationWorkflow(system, challenger.escalationId!, 2);
    await withdrawRegistration(system.temporal, challenger._id, resellerKey);
    const escalation = await waitForEscalation(challenger.escalationId!, (e) => e.status === 'resolved', 'resolved');
    expect(escalation.resolution).toMatchObject({ kind: 'moot' });
    await recordHistory(system, 'withdrawn-escalated', challenger.workflowId);
  });
});

describe('unrouted registrations', () => {
  beforeAll(() =>
    publishTestPolicy({
      model: 'segment',
      routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }],
      timing: slowReview,
    }),
  );

  test('escalates as unrouted; an award approves it, a rejection rejects it', async () => {
    const awarded = await submitAndDecide(system, 'value-var', submission());
    expect(awarded).toMatchObject({ status: 'escalated', reasonCode: 'unrouted' });
    await waitForEscalationWorkflow(system, awarded.escalationId!, 1);
    await resolveEscalation(system.temporal, awarded.escalationId!, managerKey, { award: awarded._id, reason: 'fine' });
    const approved = await waitForStatus(awarded._id, 'approved');
    expect(approved.protectedUntil).toBeInstanceOf(Date);

    const refused = await submitAndDecide(system, 'value-var', submission());
    await waitForEscalationWorkflow(system, refused.escalationId!, 1);
    await resolveEscalation(system.temporal, refused.escalationId!, managerKey, {
      rejectAll: true,
      reason: 'not ours',
    });
    await waitForStatus(refused._id, 'rejected');
    expect((await registration(refused._id)).reasonCode).toBe('resolved-against');
    await closeRegistration(system.temporal, awarded._id, resellerKey, { outcome: 'won' });
    await recordHistory(system, 'escalated-approved', awarded.workflowId);
  });
});

describe('review deadlines', () => {
  test('first deadline reminds and raises the level; the second decides first come, first served', async () => {
    await publishTestPolicy({
      model: 'open',
      timing: { ...slowReview, reviewSla: 'PT2S', secondReviewSla: 'PT2S', onSecondSlaBreach: 'first-come' },
    });
    const { holder, challenger } = await contestedDeal();
    const raised = await waitForEscalation(challenger.escalationId!, (e) => e.level === 2, 'level 2', 10_000);
    expect(raised.remindersSent).toBe(1);
    expect(raised.status).toBe('open');
    await waitForStatus(challenger._id, 'rejected', 10_000);
    const escalation = await waitForEscalation(challenger.escalationId!, (e) => e.status === 'resolved', 'resolved');
    expect(escalation.resolution).toMatchObject({
      kind: 'award',
      registrationId: holder._id,
      by: { kind: 'deadline' },
    });
    await recordHistory(system, 'escalation-deadline-first-come', `escalation-${escalation._id}`);
  });

  test('with reject-all, the second deadline rejects every contender', async () => {
    await publishTestPolicy({
      model: 'segment',
      routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }],
      timing: { ...slowReview, reviewSla: 'PT1S', secondReviewSla: 'PT1S', onSecondSlaBreach: 'reject-all' },
    });
    const unrouted = await submitAndDecide(system, 'value-var', submission());
    const rejected = await waitForStatus(unrouted._id, 'rejected', 10_000);
    expect(rejected.decisions.at(-1)).toMatchObject({
      reasonCode: 'resolved-against',
      decidedBy: { kind: 'deadline' },
    });
    await recordHistory(system, 'escalation-deadline-reject-all', unrouted.workflowId);
  });
});

describe('extensions that need approval', () => {
  beforeAll(() =>
    publishTestPolicy({
      model: 'open',
      timing: { ...slowReview, extension: { period: 'PT1H', max: 2, needsApproval: true } },
    }),
  );

  test('escalates as extension-request; granted moves protection, denied leaves it', async () => {
    const approved = await submitAndDecide(system, 'value-var', submission());
    const asked = await requestExtension(system.temporal, approved._id, resellerKey, 'tender delayed');
    expect(asked).toMatchObject({ result: 'escalated' });
    const escalation = await waitForEscalationWorkflow(system, asked.escalationId!, 1);
    expect(escalation).toMatchObject({ subject: 'extension', reasonCode: 'extension-request' });
    const busy = await requestExtension(system.temporal, approved._id, resellerKey, 'again').catch((e) => e);
    expect(busy).toMatchObject({ status: 409 });
    await resolveEscalation(system.temporal, escalation._id, managerKey, { award: approved._id, reason: 'ok' });
    const granted = await eventually(async () => {
      const doc = await registration(approved._id);
      return doc.extensionsUsed === 1 ? doc : undefined;
    }, 'the extension to be granted');
    expect(granted.protectedUntil!.getTime() - approved.protectedUntil!.getTime()).toBe(3_600_000);
    expect(granted.extensionsUsed).toBe(1);

    const second = await requestExtension(system.temporal, approved._id, resellerKey, 'one more');
    await waitForEscalationWorkflow(system, second.escalationId!, 1);
    await resolveEscalation(system.temporal, second.escalationId!, managerKey, { rejectAll: true, reason: 'no' });
    const denied = await eventually(async () => {
      const doc = await registration(approved._id);
      return doc.decisions.some((d) => d.key === `review:${second.escalationId}`) ? doc : undefined;
    }, 'the denial to be recorded');
    expect(denied).toMatchObject({ status: 'approved', extensionsUsed: 1 });
    expect(denied.protectedUntil).toEqual(granted.protectedUntil);

    // Asked again after a denial (the same extension, the second): a review of its own, and nothing waits
    // behind it (a reused review name once held the registration's steps for good).
    const third = await requestExtension(system.temporal, approved._id, resellerKey, 'asking again');
    expect(third).toMatchObject({ result: 'escalated' });
    expect(third.escalationId).not.toBe(second.escalationId);
    await waitForEscalationWorkflow(system, third.escalationId!, 1);
    await expect(withdrawRegistration(system.temporal, approved._id, resellerKey)).resolves.toMatchObject({
      status: 'withdrawn',
    });
    await recordHistory(system, 'extension-escalated', approved.workflowId);
  });
});

test('an escalation state saved late (an attempt that outlived its timeout) never writes over a newer one', async () => {
  const createdAt = new Date();
  const state = (revision: number, level: 1 | 2) => ({
    _id: `esc_revision_${uniqueWord()}`,
    status: 'open' as const,
    subject: 'registration' as const,
    reasonCode: 'possible-duplicate' as const,
    contenders: [],
    policyVersion: 1,
    createdAt,
    reviewDueAt: createdAt,
    secondReviewDueAt: createdAt,
    level,
    remindersSent: level - 1,
    revision,
    workflowId: 'escalation-test',
    updatedAt: new Date(),
  });
  const newer = state(2, 2);
  const older = { ...state(1, 1), _id: newer._id };
  expect(await saveEscalation(newer)).toBe(true);
  expect(await saveEscalation(older)).toBe(false);
  expect(await Escalation.findById(newer._id).lean<EscalationDoc>().exec()).toMatchObject({ revision: 2, level: 2 });
});
