import { recordStep } from '../../activities/record-step';
import { ChainPosition, chainPositionId } from '../../db/chain-positions';
import { applyTransition, hashDecision, verifyDecisionChain } from '../../db/decision-log';
import { type EventDoc, EventModel } from '../../db/events';
import { InsightFactModel } from '../../db/insights';
import type { RegistrationDoc } from '../../db/registrations';
import { RequestRefused } from '../../domain/errors';
import { closeRegistration, requestExtension, withdrawRegistration } from '../../services/commands';
import { submitRegistration } from '../../services/submit-registration';
import { heldConflictCheck, startExtraWorker } from '../support/extra-worker';
import { publishTestPolicy, resellerKey, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/harness';
import { recordHistory, registration, submitAndDecide, waitForStatus, workflowResult } from '../support/lifecycle';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('lifecycle');
  await seedPartners();
});
afterAll(async () => system?.shutdown());

const longProtection = {
  protection: 'PT1H',
  expiryReminder: 'PT10M',
  reviewSla: 'PT1H',
  secondReviewSla: 'PT1H',
  extension: { period: 'PT60S', max: 1, needsApproval: false },
};

describe('decisions', () => {
  beforeAll(async () => {
    await publishTestPolicy({
      model: 'hybrid',
      routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }],
      onWrongRoute: 'reject',
      timing: longProtection,
    });
  });

  test('approves a registration nobody else holds, with a verifiable decision chain', async () => {
    const decided = await submitAndDecide(system, 'value-var', submission());
    expect(decided.status).toBe('approved');
    expect(decided.protectedUntil!.getTime() - decided.decidedAt!.getTime()).toBe(3_600_000);
    expect(verifyDecisionChain(decided.decisions, decided.lastDecisionHash)).toMatchObject({ ok: true, entries: 1 });
    expect(decided.decisions[0]).toMatchObject({
      kind: 'decision',
      toStatus: 'approved',
      decidedBy: { kind: 'engine' },
    });
  });

  test('rejects another partner on the same deal as already-registered, and the same partner as duplicate', async () => {
    const uei = `${uniqueWord().toUpperCase().slice(0, 6)}123456`.slice(0, 12);
    const first = await submitAndDecide(system, 'value-var', submission({ uei }));
    expect(first.status).toBe('approved');
    const other = await submitAndDecide(system, 'small-boutique', submission({ uei }));
    expect(other).toMatchObject({ status: 'rejected', reasonCode: 'already-registered' });
    expect(other.resellerExplanation).not.toContain('value-var');
    expect(other.resellerExplanation).not.toContain(first._id);
    const again = await submitAndDecide(system, 'value-var', submission({ uei }));
    expect(again).toMatchObject({ status: 'rejected', reasonCode: 'duplicate' });
    await recordHistory(system, 'rejected-already-registered', other.workflowId);
  });

  test('rejects a registration through a distributor the policy does not route it to', async () => {
    const body = submission({ distributorId: 'dist-b' });
    body.customer.segment = 'federal-dod';
    const decided = await submitAndDecide(system, 'value-var', body);
    expect(decided).toMatchObject({ status: 'rejected', reasonCode: 'wrong-route' });
    await recordHistory(system, 'rejected-wrong-route', decided.workflowId);
  });

  test('closes as won and as lost, which releases the deal for the next registration', async () => {
    const body = submission();
    const won = await submitAndDecide(system, 'value-var', body);
    await expect(
      closeRegistration(system.temporal, won._id, resellerKey, {
        outcome: 'won',
        amount: { amount: 120_000, currency: 'USD' },
      }),
    ).resolves.toMatchObject({
      status: 'won',
    });
    expect(await workflowResult(system, won.workflowId)).toMatchObject({ status: 'won' });
    const next = await submitAndDecide(system, 'small-boutique', { ...body });
    expect(next.status).toBe('approved');
    await expect(
      closeRegistration(system.temporal, next._id, resellerKey, { outcome: 'lost', reason: 'competitor' }),
    ).resolves.toMatchObject({
      status: 'lost',
    });
    await recordHistory(system, 'closed-won', won.workflowId);
    // The closing's facts are signed with the entry and counted by program health.
    const closedWon = await registration(won._id);
    expect(closedWon.decisions.at(-1)).toMatchObject({
      kind: 'close',
      closing: { outcome: 'won', amount: { amount: 120_000, currency: 'USD' } },
    });
    expect(verifyDecisionChain(closedWon.decisions, closedWon.lastDecisionHash).ok).toBe(true);
    const facts = await InsightFactModel.find({ _id: { $in: [`${won._id}|won`, `${next._id}|lost`] } })
      .lean()
      .exec();
    expect(facts.map((f) => [f.kind, f.amount, f.currency, f.lostReason]).sort()).toEqual([
      ['lost', undefined, undefined, 'competitor'],
      ['won', 120_000, 'USD', undefined],
    ]);
    await expect(
      closeRegistration(system.temporal, won._id, resellerKey, { outcome: 'lost', reason: 'competitor' }),
    ).rejects.toBeInstanceOf(RequestRefused);
  });

  test('withdraws an approved registration and releases its deal', async () => {
    const body = submission();
    const approved = await submitAndDecide(system, 'value-var', body);
    await expect(
      withdrawRegistration(system.temporal, approved._id, resellerKey, 'customer paused'),
    ).resolves.toMatchObject({
      status: 'withdrawn',
    });
    const next = await submitAndDecide(system, 'small-boutique', { ...body });
    expect(next.status).toBe('approved');
    await recordHistory(system, 'withdrawn-approved', approved.workflowId);
  });

  test('extends protection directly once, then answers that none are left', async () => {
    const approved = await submitAndDecide(system, 'value-var', submission());
    const extended = await requestExtension(system.temporal, approved._id, resellerKey, 'procurement slipped');
    expect(extended.result).toBe('extended');
    expect(Date.parse(extended.protectedUntil) - approved.protectedUntil!.getTime()).toBe(60_000);
    expect((await registration(approved._id)).extensionsUsed).toBe(1);
    const refusal = await requestExtension(system.temporal, approved._id, resellerKey, 'again').catch((e) => e);
    expect(refusal).toBeInstanceOf(RequestRefused);
    expect(refusal).toMatchObject({ status: 409, title: 'No extensions left' });
  });

  test('a repeated decision or transition writes nothing twice', async () => {
    const approved = await submitAndDecide(system, 'value-var', submission());
    // The step activity run again (as Temporal would after a lost completion) finds its entry, writes
    // nothing, and answers what the document says.
    const stored0 = await registration(approved._id);
    const decision = stored0.decisions[0]!;
    const rerun = await recordStep({
      registrationId: approved._id,
      step: {
        event: 'approved-by-engine',
        from: ['pending'],
        to: 'approved',
        set: {},
        entry: decision,
        next: { status: 'approved', extensionsUsed: 0 },
      },
    });
    expect(rerun).toMatchObject({ applied: false, key: 'decision', state: { status: 'approved' } });
    // The same keyed entry applied twice is stored once, even where the status would allow it again.
    const draft = {
      registrationId: approved._id,
      from: ['approved' as const],
      to: 'approved' as const,
      decision: {
        key: 'test:once',
        kind: 'extension' as const,
        explanation: 'x',
        resellerExplanation: 'x',
        trace: [],
        matches: [],
        policyVersion: approved.policyVersion,
        decidedBy: { kind: 'system' as const },
        actor: { kind: 'system' as const },
        event: 'extended' as const,
      },
    };
    expect((await applyTransition(draft)).applied).toBe(true);
    expect((await applyTransition(draft)).applied).toBe(false);
    const stored = await registration(approved._id);
    expect(stored.decisions.filter((d) => d.key === 'test:once')).toHaveLength(1);
    expect(stored.decisions.filter((d) => d.key === 'decision')).toHaveLength(1);
    expect(verifyDecisionChain(stored.decisions, stored.lastDecisionHash).ok).toBe(true);
  });

  const extensionDraft = (registrationId: string, policyVersion: number, key: string) => ({
    registrationId,
    from: ['approved' as const],
    to: 'approved' as const,
    decision: {
      key,
      kind: 'extension' as const,
      explanation: key,
      resellerExplanation: key,
      trace: [],
      matches: [],
      policyVersion,
      decidedBy: { kind: 'system' as const },
      actor: { kind: 'system' as const },
      event: 'extended' as const,
    },
  });

  test('attempts of one step that overlap (one outlived its timeout) append once, with a sound chain', async () => {
    const approved = await submitAndDecide(system, 'value-var', submission());
    const draft = extensionDraft(approved._id, approved.policyVersion, 'test:overlap');
    // Each attempt starts from the document as it read it before the other wrote, as a late one would.
    const results = await Promise.all([1, 2, 3, 4].map(() => applyTransition(draft, approved)));
    expect(results.filter((result) => result.applied)).toHaveLength(1);
    const stored = await registration(approved._id);
    expect(stored.decisions.filter((d) => d.key === 'test:overlap')).toHaveLength(1);
    expect(stored.decisionKeys).toEqual(stored.decisions.map((d) => d.key));
    expect(verifyDecisionChain(stored.decisions, stored.lastDecisionHash).ok).toBe(true);
  });

  /** The place after the registration's head, claimed `ageMs` ago by an attempt of step `key` that never wrote. */
  async function claimedUnwritten(approved: RegistrationDoc, key: string, ageMs: number) {
    const at = new Date(Date.now() - ageMs);
    const unhashed = {
      ...extensionDraft(approved._id, approved.policyVersion, key).decision,
      at: at.toISOString(),
      fromStatus: 'approved' as const,
      toStatus: 'approved' as const,
      prevHash: approved.lastDecisionHash,
    };
    const record = { ...unhashed, hash: hashDecision(unhashed) };
    await ChainPosition.create({
      _id: chainPositionId(approved._id, approved.lastDecisionHash),
      registrationId: approved._id,
      record,
      set: { status: 'approved', updatedAt: at },
      unsetReasonCode: true,
      at,
    });
    return record;
  }

  test('a place in the chain claimed by a writer that died before writing is completed by the next attempt', async () => {
    const approved = await submitAndDecide(system, 'value-var', submission());
    const draft = extensionDraft(approved._id, approved.policyVersion, 'test:abandoned');
    const record = await claimedUnwritten(approved, 'test:abandoned', 120_000);

    const result = await applyTransition(draft);
    expect(result.applied).toBe(false);
    const stored = await registration(approved._id);
    // The dead writer's entry, exactly as it claimed it, not a second one of the retry's own.
    expect(stored.decisions.filter((d) => d.key === 'test:abandoned')).toEqual([record]);
    expect(verifyDecisionChain(stored.decisions, stored.lastDecisionHash).ok).toBe(true);
  });

  test('a step completed over a dead writer’s claim tells partners what that writer stored, not what the retry wanted', async () => {
    const approved = await submitAndDecide(system, 'value-var', submission());
    const claimed = extensionDraft(approved._id, approved.policyVersion, 'test:told');
    await claimedUnwritten(approved, 'test:told', 120_000);
    // The retry computed another outcome under the same key (a denial, told as `registration.resolved`).
    const retry = await recordStep({
      registrationId: approved._id,
      step: {
        event: 'extension-denied',
        from: ['approved'],
        to: 'approved',
        set: {},
        entry: { ...claimed.decision, event: 'extension-denied', at: new Date().toISOString() },
        next: { status: 'approved', extensionsUsed: 0 },
      },
    });
    expect(retry).toMatchObject({ applied: false, key: 'test:told' });
    const told = await EventModel.find({ 'payload.registrationId': approved._id }).lean<EventDoc[]>().exec();
    expect(told.filter((event) => event.type === 'registration.resolved')).toEqual([]);
    expect(told.filter((event) => event.type === 'registration.extended')).toHaveLength(2);
  });

  test('a retry completes the place its own step claimed a moment ago (a crash after the claim), without waiting', async () => {
    const approved = await submitAndDecide(system, 'value-var', submission());
    const draft = extensionDraft(approved._id, approved.policyVersion, 'test:crashed');
    const record = await claimedUnwritten(approved, 'test:crashed', 0);

    // Before, the retry re-read for a few seconds, failed, and waited for the claim to be a minute old.
    const result = await applyTransition(draft);
    expect(result).toMatchObject({ applied: false, entry: record });
    const stored = await registration(approved._id);
    expect(stored.decisions.filter((d) => d.key === 'test:crashed')).toEqual([record]);
    expect(verifyDecisionChain(stored.decisions, stored.lastDecisionHash).ok).toBe(true);
  });
});

describe('timed life (protection of seconds)', () => {
  beforeAll(async () => {
    await publishTestPolicy({
      model: 'open',
      timing: {
        protection: 'PT4S',
        expiryReminder: 'PT2S',
        reviewSla: 'PT1H',
        secondReviewSla: 'PT1H',
        extension: { period: 'PT3S', max: 2, needsApproval: false },
      },
    });
  });

  test('expires at the end of protection and releases the deal', async () => {
    const body = submission();
    const approved = await submitAndDecide(system, 'value-var', body);
    const expired = await waitForStatus(approved._id, 'expired', 15_000);
    expect(expired.decisions.map((d) => d.kind)).toEqual(['decision', 'expire']);
    expect(verifyDecisionChain(expired.decisions, expired.lastDecisionHash).ok).toBe(true);
    const next = await submitAndDecide(system, 'small-boutique', { ...body });
    expect(next.status).toBe('approved');
    await recordHistory(system, 'expired', approved.workflowId);
  });

  test('an extension moves the expiry', async () => {
    const approved = await submitAndDecide(system, 'value-var', submission());
    await requestExtension(system.temporal, approved._id, resellerKey, 'more time');
    const expired = await waitForStatus(approved._id, 'expired', 20_000);
    expect(expired.endedAt!.getTime()).toBeGreaterThanOrEqual(approved.protectedUntil!.getTime() + 3000);
    await recordHistory(system, 'extended-then-expired', approved.workflowId);
  });

  test('withdraws a registration that is still waiting for its decision', async () => {
    // An earlier registration of the deal whose check is held back keeps this one pending: its check
    // waits for the earlier one's decision.
    const body = submission();
    const stalled = { ...system, taskQueue: `${system.taskQueue}-stalled` };
    const held = heldConflictCheck();
    const stalledWorker = await startExtraWorker(system, stalled.taskQueue, {
      weighRegistration: held.weighRegistration,
    });
    const { registration: earlier } = await submitRegistration(stalled, 'small-boutique', body);
    const { registration: waiting } = await submitRegistration(system, 'value-var', { ...body });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await registration(waiting._id)).status).toBe('pending');
    await expect(withdrawRegistration(system.temporal, waiting._id, resellerKey)).resolves.toMatchObject({
      status: 'withdrawn',
    });
    expect(await workflowResult(system, waiting.workflowId)).toMatchObject({ status: 'withdrawn' });
    await system.temporal.workflow.getHandle(earlier.workflowId).terminate('test cleanup');
    held.open();
    await stalledWorker.stop();
    await recordHistory(system, 'withdrawn-pending', waiting.workflowId);
  });
});
