import { decide } from '../../../domain/allocation';
import type { Decision, RegistrationFacts } from '../../../domain/allocation/types';
import type { PolicyInput } from '../../../domain/policy/schema';
import { contractExamplePolicy, customer, facts, holder, policy } from './fixtures';

// The engine produces already-registered, duplicate, wrong-route, possible-duplicate and unrouted.
// resolved-against and extension-request come from the lifecycle (escalation resolution and
// extensions), never from decide(), so no table here expects them.

const segmentPolicy: PolicyInput = {
  model: 'segment',
  routes: [
    { when: { segments: ['federal-dod'] }, distributors: ['dist-a'] },
    { when: { segments: ['commercial'], regions: ['East'] }, distributors: ['dist-b'] },
    { when: { segments: ['commercial', 'education'] }, distributors: ['dist-a', 'dist-b'] },
  ],
  onWrongRoute: 'reject',
};
const partnerTypePolicy: PolicyInput = {
  model: 'partner-type',
  routes: [
    { when: { partnerTypes: ['integrator'] }, distributors: ['dist-a'] },
    { when: { partnerTypes: ['var'] }, distributors: ['dist-b'] },
  ],
  onWrongRoute: 'escalate',
};
const openPolicy: PolicyInput = { model: 'open' };

const uei = (value: string) => customer({ name: 'Acme Corporation', identifiers: { uei: value } });

interface Row {
  name: string;
  policy: PolicyInput;
  subject: Partial<RegistrationFacts>;
  holders?: RegistrationFacts[];
  expected: Pick<Decision, 'outcome' | 'reasonCode'> & { decisiveRule: string; ownRegistrationId?: string };
}

const rows: Row[] = [
  // segment
  {
    name: 'segment: first route applies and allows the distributor',
    policy: segmentPolicy,
    subject: { customer: customer({ segment: 'federal-dod' }), distributorId: 'dist-a' },
    expected: { outcome: 'approve', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'segment: region compares case-insensitively',
    policy: segmentPolicy,
    subject: { customer: customer({ region: 'east' }), distributorId: 'dist-b' },
    expected: { outcome: 'approve', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'segment: the first matching route wins over a later broader one',
    policy: segmentPolicy,
    subject: { customer: customer({ region: 'EAST' }), distributorId: 'dist-a' },
    expected: { outcome: 'reject', reasonCode: 'wrong-route', decisiveRule: 'routing.check-distributor' },
  },
  {
    name: 'segment: all named conditions must hold (region missing, so the broader route applies)',
    policy: segmentPolicy,
    subject: { customer: customer(), distributorId: 'dist-a' },
    expected: { outcome: 'approve', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'segment: wrong distributor is rejected',
    policy: segmentPolicy,
    subject: { customer: customer({ segment: 'federal-dod' }), distributorId: 'dist-b' },
    expected: { outcome: 'reject', reasonCode: 'wrong-route', decisiveRule: 'routing.check-distributor' },
  },
  {
    name: 'segment: no route escalates as unrouted',
    policy: segmentPolicy,
    subject: { customer: customer({ segment: 'state-local' }) },
    expected: { outcome: 'escalate', reasonCode: 'unrouted', decisiveRule: 'routing.unrouted' },
  },
  {
    name: 'segment: routing passes, then the deal check rejects',
    policy: segmentPolicy,
    subject: { customer: uei('ABCDEF123456') },
    holders: [holder({ customer: uei('ABCDEF123456') })],
    expected: { outcome: 'reject', reasonCode: 'already-registered', decisiveRule: 'deal.first-come' },
  },
  // partner-type
  {
    name: 'partner-type: the reseller type picks the route',
    policy: partnerTypePolicy,
    subject: { partnerType: 'integrator', distributorId: 'dist-a' },
    expected: { outcome: 'approve', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'partner-type: wrong distributor escalates when the policy says so',
    policy: partnerTypePolicy,
    subject: { partnerType: 'var', distributorId: 'dist-a' },
    expected: { outcome: 'escalate', reasonCode: 'wrong-route', decisiveRule: 'routing.check-distributor' },
  },
  {
    name: 'partner-type: an uncovered type is unrouted',
    policy: partnerTypePolicy,
    subject: { partnerType: 'boutique' },
    expected: { outcome: 'escalate', reasonCode: 'unrouted', decisiveRule: 'routing.unrouted' },
  },
  // open
  {
    name: 'open: any distributor',
    policy: openPolicy,
    subject: { distributorId: 'dist-z' },
    expected: { outcome: 'approve', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'open: another reseller holds the deal by UEI',
    policy: openPolicy,
    subject: { customer: uei('ABCDEF123456') },
    holders: [holder({ id: 'reg_h', customer: uei('abcdef123456') })],
    expected: { outcome: 'reject', reasonCode: 'already-registered', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'open: the same reseller holds the deal by domain: duplicate',
    policy: openPolicy,
    subject: { customer: customer({ domain: 'sales.acme.com' }) },
    holders: [holder({ id: 'reg_own', resellerId: 'reseller-1', customer: customer({ domain: 'acme.com' }) })],
    expected: {
      outcome: 'reject',
      reasonCode: 'duplicate',
      decisiveRule: 'deal.first-come',
      ownRegistrationId: 'reg_own',
    },
  },
  {
    name: 'open: similar name only escalates as possible-duplicate',
    policy: openPolicy,
    subject: { customer: customer({ name: 'Acme Widgets Inc' }) },
    holders: [holder({ customer: customer({ name: 'ACME Widget Co' }) })],
    expected: { outcome: 'escalate', reasonCode: 'possible-duplicate', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'open: same customer but no shared product line is another deal',
    policy: openPolicy,
    subject: { customer: uei('ABCDEF123456'), productLines: ['network'] },
    holders: [holder({ customer: uei('ABCDEF123456'), productLines: ['storage'] })],
    expected: { outcome: 'approve', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'open: a holder that ended (status rejected) is not weighed',
    policy: openPolicy,
    subject: { customer: uei('ABCDEF123456') },
    holders: [holder({ customer: uei('ABCDEF123456'), status: 'withdrawn' })],
    expected: { outcome: 'approve', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'open: an escalated holder holds the deal too',
    policy: openPolicy,
    subject: { customer: uei('ABCDEF123456') },
    holders: [holder({ customer: uei('ABCDEF123456'), status: 'escalated' })],
    expected: { outcome: 'reject', reasonCode: 'already-registered', decisiveRule: 'deal.first-come' },
  },
  // hybrid
  {
    name: 'hybrid: a reserved program must use its distributor',
    policy: { ...contractExamplePolicy },
    subject: { program: 'SEWP V', distributorId: 'dist-b' },
    expected: { outcome: 'reject', reasonCode: 'wrong-route', decisiveRule: 'routing.check-distributor' },
  },
  {
    name: 'hybrid: what no route reserves is open',
    policy: { ...contractExamplePolicy },
    subject: { customer: customer({ segment: 'education' }), distributorId: 'dist-b' },
    expected: { outcome: 'approve', decisiveRule: 'deal.first-come' },
  },
  {
    name: 'hybrid: wrong route escalates when the policy says so',
    policy: { ...contractExamplePolicy, onWrongRoute: 'escalate' },
    subject: { customer: customer({ segment: 'federal-dod' }), distributorId: 'dist-b' },
    expected: { outcome: 'escalate', reasonCode: 'wrong-route', decisiveRule: 'routing.check-distributor' },
  },
];

describe('decide()', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const subject = facts({ sequence: 100, ...row.subject });
    const decision = decide({ subject, policy: policy(row.policy), policyVersion: 7, holders: row.holders ?? [] });
    const decisive = decision.trace.filter((step) => step.decisive);
    expect(decisive).toHaveLength(1);
    expect({
      outcome: decision.outcome,
      reasonCode: decision.reasonCode,
      decisiveRule: decisive[0]?.rule,
      ownRegistrationId: decision.ownRegistrationId,
    }).toEqual({ reasonCode: undefined, ownRegistrationId: undefined, ...row.expected });
    expect(decision.policyVersion).toBe(7);
  });
});
