import { decide, explain } from '../../../domain/allocation';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import { contractExamplePolicy, customer, facts, holder, policy } from './fixtures';

const open = policy({ model: 'open' });
const acmeByUei = customer({ name: 'Acme Corporation', identifiers: { uei: 'ABCDEF123456' } });
const acmeByName = customer({ name: 'Acme Corp.' });

function decideOpen(subject: RegistrationFacts, holders: RegistrationFacts[]) {
  return decide({ subject, policy: open, policyVersion: 1, holders });
}

describe('the deal check with several holders', () => {
  const subject = facts({ id: 'reg_s', sequence: 50, customer: acmeByUei });
  const probableEarly = holder({ id: 'reg_p', sequence: 5, resellerId: 'reseller-3', customer: acmeByName });
  const certainLate = holder({ id: 'reg_c2', sequence: 20, resellerId: 'reseller-1', customer: acmeByUei });
  const certainEarly = holder({ id: 'reg_c1', sequence: 10, customer: acmeByUei });

  it('a certain match beats an earlier probable one, and the earliest certain holder is named', () => {
    const decision = decideOpen(subject, [certainLate, probableEarly, certainEarly]);
    expect(decision.outcome).toBe('reject');
    expect(decision.reasonCode).toBe('already-registered');
    expect(decision.matches.map((match) => match.registrationId)).toEqual(['reg_c1', 'reg_c2']);
    expect(decision.ownRegistrationId).toBeUndefined();
  });

  it('does not depend on the order the holders were found in', () => {
    const one = decideOpen(subject, [certainLate, probableEarly, certainEarly]);
    const other = decideOpen(subject, [certainEarly, certainLate, probableEarly]);
    expect(other).toEqual(one);
  });

  it('lists every probable holder in an escalation, earliest first', () => {
    const byName = facts({ id: 'reg_s', sequence: 50, customer: acmeByName });
    const later = holder({ id: 'reg_q', sequence: 30, customer: customer({ name: 'ACME Corporation' }) });
    const decision = decideOpen(byName, [later, probableEarly]);
    expect(decision.outcome).toBe('escalate');
    expect(decision.matches).toEqual([
      expect.objectContaining({ registrationId: 'reg_p', strength: 'probable', basis: 'name', score: 1 }),
      expect.objectContaining({ registrationId: 'reg_q', sequence: 30, sharedProductLines: ['storage'] }),
    ]);
  });

  it('ignores the subject itself among the holders', () => {
    const decision = decideOpen(subject, [{ ...subject, status: 'approved' }]);
    expect(decision.outcome).toBe('approve');
  });

  it('traces routing, one comparison per holder, then the decisive first-come step', () => {
    const decision = decideOpen(subject, [certainLate, probableEarly]);
    expect(decision.trace.map((step) => [step.rule, step.result, step.decisive])).toEqual([
      ['routing.select-route', 'not-applicable', false],
      ['deal.compare-customer', 'probable', false],
      ['deal.compare-customer', 'certain', false],
      ['deal.first-come', 'reject', true],
    ]);
  });

  it('a conflicting UEI does not cancel a same-name holder: a channel manager sees both values', () => {
    const other = holder({ customer: customer({ name: 'Acme Corporation', identifiers: { uei: 'ZZZZZZZZZZZZ' } }) });
    const decision = decideOpen(subject, [other]);
    expect(decision).toMatchObject({ outcome: 'escalate', reasonCode: 'possible-duplicate' });
    expect(decision.matches[0]?.conflictingIdentifiers).toEqual([
      { kind: 'uei', value: 'ABCDEF123456', holderValue: 'ZZZZZZZZZZZZ' },
    ]);
  });
});

describe("the contract's example policy", () => {
  const example = policy(contractExamplePolicy);
  const sewp = { program: 'SEWP V', customer: customer({ segment: 'federal-civilian' }) };

  it('parses with its own defaults intact', () => {
    expect(example.matching.nameSimilarity).toBe(0.9);
    expect(example.timing.extension).toEqual({ period: 'P30D', max: 1, needsApproval: false });
  });

  it.each([
    ['SEWP V through dist-a', { ...sewp, distributorId: 'dist-a' }, 'approve', undefined],
    ['SEWP V through dist-b', { ...sewp, distributorId: 'dist-b' }, 'reject', 'wrong-route'],
    [
      'federal-dod through dist-b',
      { customer: customer({ segment: 'federal-dod' }), distributorId: 'dist-b' },
      'reject',
      'wrong-route',
    ],
    ['commercial through dist-b', { distributorId: 'dist-b' }, 'approve', undefined],
    ['commercial through an unknown distributor', { distributorId: 'dist-q' }, 'approve', undefined],
  ])('%s', (_name, overrides, outcome, reasonCode) => {
    const decision = decide({ subject: facts(overrides), policy: example, policyVersion: 3, holders: [] });
    expect([decision.outcome, decision.reasonCode]).toEqual([outcome, reasonCode]);
  });

  it('explains a wrong route with the route and its distributors', () => {
    const decision = decide({
      subject: facts({ ...sewp, distributorId: 'dist-b' }),
      policy: example,
      policyVersion: 3,
      holders: [],
    });
    expect(explain(decision, 'reseller')).toBe(
      'Rejected (wrong-route): Route 1 (program SEWP V) goes through dist-a only, not dist-b: the policy rejects it.',
    );
  });
});
