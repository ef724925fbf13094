import { accountFacts } from '../../../domain/accounts/routing-facts';
import { decide, explain, renderTrace } from '../../../domain/allocation';
import { buildPolicyGuide } from '../../../domain/guide';
import type { PolicyInput } from '../../../domain/policy/schema';
import { customer, facts, holder, policy } from './fixtures';

/** An account a vendor seller owns: a house account. */
const house = accountFacts({ id: 'acct-house', segment: 'commercial', owner: { kind: 'seller', id: 'seller-7' } }, []);
const onHouse = (overrides = {}) =>
  facts({ customer: customer({ identifiers: { uei: 'HOUSE1' } }), account: house, ...overrides });
const under = (houseAccounts: PolicyInput['houseAccounts'], input: Partial<PolicyInput> = {}) =>
  policy({ model: 'open', ...input, ...(houseAccounts ? { houseAccounts } : {}) });

describe("the policy's houseAccounts rule", () => {
  it('defaults to allow-and-notify: decided like any other, with a step that says so', () => {
    const decision = decide({ subject: onHouse(), policy: under(undefined), policyVersion: 1, holders: [] });
    expect([decision.outcome, decision.reasonCode]).toEqual(['approve', undefined]);
    expect(decision.trace[0]).toMatchObject({ rule: 'house-account', result: 'allow', decisive: false });
    expect(decision.trace.filter((step) => step.decisive)).toHaveLength(1);
  });

  it('reject: a partner registration on a house account is rejected as house-account', () => {
    const decision = decide({ subject: onHouse(), policy: under('reject'), policyVersion: 1, holders: [] });
    expect([decision.outcome, decision.reasonCode]).toEqual(['reject', 'house-account']);
    expect(decision.trace).toEqual([expect.objectContaining({ rule: 'house-account', decisive: true })]);
  });

  it('escalate: a channel manager decides, unless someone holds the deal already', () => {
    const free = decide({
      subject: onHouse({ sequence: 10 }),
      policy: under('escalate'),
      policyVersion: 1,
      holders: [],
    });
    expect([free.outcome, free.reasonCode]).toEqual(['escalate', 'house-account']);
    const held = decide({
      subject: onHouse({ sequence: 10 }),
      policy: under('escalate'),
      policyVersion: 1,
      holders: [holder({ sequence: 2, account: house, customer: customer({ identifiers: { uei: 'HOUSE1' } }) })],
    });
    expect([held.outcome, held.reasonCode]).toEqual(['reject', 'already-registered']);
    expect(held.trace.filter((step) => step.decisive)).toHaveLength(1);
  });

  it('escalate outranks a route exception, and a wrong route still rejects', () => {
    const routed = {
      model: 'segment' as const,
      routes: [{ when: { segments: ['commercial' as const] }, distributors: ['dist-b'] }],
    };
    const escalated = decide({
      subject: onHouse(),
      policy: under('escalate', { ...routed, onWrongRoute: 'escalate' }),
      policyVersion: 1,
      holders: [],
    });
    expect([escalated.outcome, escalated.reasonCode]).toEqual(['escalate', 'house-account']);
    const rejected = decide({
      subject: onHouse(),
      policy: under('escalate', { ...routed, onWrongRoute: 'reject' }),
      policyVersion: 1,
      holders: [],
    });
    expect([rejected.outcome, rejected.reasonCode]).toEqual(['reject', 'wrong-route']);
  });

  it('leaves customers that are no house account exactly as before', () => {
    const plain = decide({ subject: facts(), policy: under('reject'), policyVersion: 1, holders: [] });
    expect(plain.outcome).toBe('approve');
    expect(plain.trace.some((step) => step.rule === 'house-account')).toBe(false);
  });

  it('never names the account or its seller to a partner', () => {
    const decision = decide({ subject: onHouse(), policy: under('reject'), policyVersion: 1, holders: [] });
    const seen = JSON.stringify([renderTrace(decision.trace, 'reseller'), explain(decision, 'reseller')]);
    expect(seen).not.toMatch(/seller-7|acct-house/);
    expect(explain(decision, 'reseller')).toBe(
      'Rejected (house-account): The vendor sells to this customer directly: the policy keeps it from partners.',
    );
    expect(explain(decision, 'staff')).toContain('house account of seller seller-7');
  });

  it('is stated in the guide in plain words', () => {
    const guide = (rule: PolicyInput['houseAccounts']) =>
      JSON.stringify(
        buildPolicyGuide({ version: 1, policy: under(rule), createdAt: '2026-01-01T00:00:00Z' }, { distributors: [] }),
      );
    expect(guide('reject')).toContain('A registration on a house account is rejected (reason: house-account).');
    expect(guide('escalate')).toContain('sent to a channel manager, who decides (reason: house-account)');
    expect(guide(undefined)).toContain('the vendor’s seller who owns the account is told');
  });
});

describe("a vendor seller's direct opportunity", () => {
  const directFacts = (overrides = {}) =>
    onHouse({ resellerId: 'direct:seller-7', distributorId: 'direct:seller-7', partnerType: 'direct', ...overrides });

  it('is not routed and meets no house-account rule', () => {
    const strict = under('reject', {
      model: 'segment',
      routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }],
    });
    const decision = decide({ subject: directFacts(), policy: strict, policyVersion: 1, holders: [] });
    expect([decision.outcome, decision.trace.map((step) => step.rule)]).toEqual([
      'approve',
      ['direct.not-routed', 'deal.first-come'],
    ]);
  });

  it('holds the deal first come, first served with partners, and a partner reads only already-registered', () => {
    const uei = customer({ identifiers: { uei: 'HOUSE1' } });
    const held = decide({
      subject: directFacts({ sequence: 5 }),
      policy: under('allow-and-notify'),
      policyVersion: 1,
      holders: [holder({ sequence: 2, customer: uei })],
    });
    expect([held.outcome, held.reasonCode]).toEqual(['reject', 'already-registered']);
    const partner = decide({
      subject: facts({ sequence: 9, customer: uei }),
      policy: under(undefined),
      policyVersion: 1,
      holders: [directFacts({ sequence: 3, status: 'approved' })],
    });
    expect([partner.outcome, partner.reasonCode]).toEqual(['reject', 'already-registered']);
    expect(explain(partner, 'reseller')).toBe(
      'Rejected (already-registered): Another partner registered this deal first and holds it.',
    );
    expect(explain(partner, 'staff')).toContain('direct opportunity of seller seller-7');
  });
});
