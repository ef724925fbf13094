import { actualOutcomeOf } from '../../../api/simulation-snapshots';
import { canSee, registrationView } from '../../../api/views/registration';
import type { DecisionRecord, RegistrationDoc } from '../../../db/registrations';
import { decide, explain } from '../../../domain/allocation';
import { contractExamplePolicy, facts, holder, policy } from '../domain/fixtures';

/** A stored registration whose decision is the engine's real rejection against another reseller's holder. */
function rejectedDoc(): { doc: RegistrationDoc; holderId: string } {
  const existing = holder({
    id: 'reg_holder_of_other',
    resellerId: 'rival-reseller',
    customer: { name: 'Acme Corporation', segment: 'commercial', identifiers: { uei: 'ABCDEF123456' } },
  });
  const subject = facts({
    id: 'reg_subject',
    resellerId: 'value-var',
    customer: { name: 'Acme Corporation', segment: 'commercial', identifiers: { uei: 'ABCDEF123456' } },
  });
  const decision = decide({ subject, policy: policy(contractExamplePolicy), policyVersion: 3, holders: [existing] });
  expect(decision.outcome).toBe('reject');
  const record: DecisionRecord = {
    key: 'decision:1',
    at: '2026-01-01T00:00:00.000Z',
    kind: 'decision',
    fromStatus: 'pending',
    toStatus: 'rejected',
    reasonCode: decision.reasonCode,
    explanation: explain(decision, 'staff'),
    resellerExplanation: explain(decision, 'reseller'),
    trace: decision.trace,
    matches: decision.matches,
    policyVersion: 3,
    decidedBy: { kind: 'engine', id: 'allocation-engine' },
    actor: { kind: 'engine', id: 'allocation-engine' },
    event: 'rejected-by-engine',
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
  };
  const doc: RegistrationDoc = {
    _id: subject.id,
    status: 'rejected',
    reasonCode: decision.reasonCode,
    explanation: record.explanation,
    resellerExplanation: record.resellerExplanation,
    resellerId: 'value-var',
    partnerType: 'var',
    distributorId: 'dist-a',
    customer: subject.customer,
    opportunity: { title: 'Refresh', productLines: ['storage'] },
    searchText: 'acme corporation refresh',
    lookupKeys: ['id:uei:ABCDEF123456'],
    customerKeys: ['id:uei:ABCDEF123456'],
    sequence: 7,
    submittedAt: new Date('2026-01-01T00:00:00Z'),
    decidedAt: new Date('2026-01-01T00:00:01Z'),
    endedAt: new Date('2026-01-01T00:00:01Z'),
    extensionsUsed: 0,
    policyVersion: 3,
    decisions: [record],
    decisionKeys: [record.key],
    lastDecisionHash: record.hash,
    requestHash: 'f'.repeat(64),
    idempotencyKey: 'order-1',
    workflowId: 'registration-reg_subject',
    updatedAt: new Date('2026-01-01T00:00:01Z'),
  } as RegistrationDoc;
  return { doc, holderId: existing.id };
}

test("a partner's view names no other partner and carries no internal fields", () => {
  const { doc, holderId } = rejectedDoc();
  const view = registrationView(doc, 'reseller');
  const text = JSON.stringify(view);
  for (const secret of [holderId, 'rival-reseller', doc.requestHash, 'order-1', 'id:uei:', 'allocation-engine']) {
    expect(text).not.toContain(secret);
  }
  expect(view.decisions[0]?.matches).toBeUndefined();
  expect(view.explanation).toBe(doc.resellerExplanation);
  expect(view.decisions[0]?.decidedBy).toEqual({ kind: 'engine' });
});

test('the staff view keeps the matches and the staff explanation', () => {
  const { doc, holderId } = rejectedDoc();
  const view = registrationView(doc, 'staff');
  expect(view.decisions[0]?.matches?.map((m) => m.registrationId)).toEqual([holderId]);
  expect(view.explanation).toBe(doc.explanation);
  expect(JSON.stringify(view)).not.toContain(doc.requestHash);
});

test('visibility: own for resellers, through it for distributors, all for staff, nothing without a sequence', () => {
  const { doc } = rejectedDoc();
  expect(canSee({ keyId: 'k', role: 'reseller', resellerId: 'value-var' }, doc)).toBe(true);
  expect(canSee({ keyId: 'k', role: 'reseller', resellerId: 'rival-reseller' }, doc)).toBe(false);
  expect(canSee({ keyId: 'k', role: 'distributor', distributorId: 'dist-a' }, doc)).toBe(true);
  expect(canSee({ keyId: 'k', role: 'distributor', distributorId: 'dist-b' }, doc)).toBe(false);
  expect(canSee({ keyId: 'k', role: 'auditor' }, doc)).toBe(true);
  expect(canSee({ keyId: 'k', role: 'auditor' }, { ...doc, sequence: undefined })).toBe(false);
});

test('the simulator reads the first decision as the actual outcome and the end of its life', () => {
  const { doc } = rejectedDoc();
  const { actual, decisiveRule } = actualOutcomeOf(doc);
  expect(actual).toEqual({
    status: 'rejected',
    reasonCode: 'already-registered',
    decidedAt: '2026-01-01T00:00:00.000Z',
    endStatus: 'rejected',
    endedAt: '2026-01-01T00:00:01.000Z',
  });
  expect(decisiveRule).toEqual(expect.any(String));
  const withdrawnWhilePending = actualOutcomeOf({ ...doc, status: 'withdrawn', decisions: [] });
  expect(withdrawnWhilePending.actual).toMatchObject({ status: 'withdrawn', endStatus: 'withdrawn' });
});
