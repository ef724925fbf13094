import fc from 'fast-check';
import { decide, explain, renderTrace } from '../../../domain/allocation';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import { customer, facts, policy } from './fixtures';

/** Markers that cannot occur in any fixed wording, so finding one in the output is a leak. */
const markerArb = (prefix: string) => fc.stringMatching(/^[a-z0-9]{10}$/).map((random) => `${prefix}${random}`);

const otherArb = fc.record({
  registrationId: markerArb('regx'),
  resellerId: markerArb('resx'),
  sequence: fc.integer({ min: 900_000_001, max: 999_999_999 }),
  nameTail: markerArb('Namex'),
  taxId: markerArb('TAXX').map((value) => value.toUpperCase()),
  region: markerArb('regionx'),
  distributorId: markerArb('distx'),
  how: fc.constantFrom('uei', 'domain', 'name', 'none'),
  productLines: fc.constantFrom(['storage'], ['network'], ['storage', 'network']),
  sameReseller: fc.boolean(),
  status: fc.constantFrom('approved' as const, 'escalated' as const),
});
type OtherSpec = typeof otherArb extends fc.Arbitrary<infer T> ? T : never;

function other(spec: OtherSpec, subject: RegistrationFacts): RegistrationFacts {
  const shared =
    spec.how === 'uei'
      ? { identifiers: { uei: 'ABCDEF123456', taxId: spec.taxId } }
      : spec.how === 'domain'
        ? { domain: 'sales.acme.com', identifiers: { taxId: spec.taxId } }
        : { identifiers: { taxId: spec.taxId } };
  const name = spec.how === 'none' ? spec.nameTail : `Acme Widgets ${spec.how === 'name' ? '' : spec.nameTail}`;
  return {
    id: spec.registrationId,
    resellerId: spec.sameReseller ? subject.resellerId : spec.resellerId,
    partnerType: 'integrator',
    distributorId: spec.distributorId,
    customer: customer({ name: name.trim(), region: spec.region, segment: 'education', ...shared }),
    productLines: [...spec.productLines],
    sequence: spec.sequence,
    status: spec.status,
  };
}

describe('reseller rendering', () => {
  it("never shows another partner's ids, sequence or customer details", () => {
    fc.assert(
      fc.property(
        // Sequences are unique in the product; a shared one would make a reseller's own look like another's.
        fc.uniqueArray(otherArb, { minLength: 1, maxLength: 5, selector: (spec) => spec.sequence }),
        fc.constantFrom('open', 'hybrid' as const),
        (others, model) => {
          const subject = facts({
            id: 'reg_subject',
            sequence: 7,
            resellerId: 'reseller-1',
            customer: customer({ name: 'Acme Widgets', domain: 'acme.com', identifiers: { uei: 'ABCDEF123456' } }),
          });
          const holders = others.map((spec) => other(spec, subject));
          const decision = decide({ subject, policy: policy({ model }), policyVersion: 2, holders });
          const shown = JSON.stringify(renderTrace(decision.trace, 'reseller')) + explain(decision, 'reseller');
          for (const spec of others) {
            if (!spec.sameReseller) expect(shown).not.toContain(spec.registrationId);
            if (!spec.sameReseller) expect(shown).not.toContain(String(spec.sequence));
            expect(shown).not.toContain(spec.resellerId);
            expect(shown).not.toContain(spec.nameTail);
            expect(shown).not.toContain(spec.taxId);
            expect(shown).not.toContain(spec.region);
            expect(shown).not.toContain(spec.distributorId);
          }
          // The staff rendering does carry them, so the check above is not vacuous.
          const staff = JSON.stringify(renderTrace(decision.trace, 'staff'));
          for (const spec of others) expect(staff).toContain(spec.registrationId);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps exactly one decisive step and the subject’s own registration when it is a duplicate', () => {
    const subject = facts({ id: 'reg_new', sequence: 9, customer: customer({ identifiers: { uei: 'ABCDEF123456' } }) });
    const own = { ...subject, id: 'reg_mine', sequence: 4, status: 'approved' as const };
    const decision = decide({ subject, policy: policy({ model: 'open' }), policyVersion: 1, holders: [own] });
    const rendered = renderTrace(decision.trace, 'reseller');
    expect(rendered.filter((step) => step.decisive)).toHaveLength(1);
    expect(explain(decision, 'reseller')).toBe(
      'Rejected (duplicate): You already hold this deal with registration reg_mine: a duplicate.',
    );
  });

  it('does not tell a reseller that someone registered a customer that turned out different', () => {
    const subject = facts({ customer: customer({ name: 'Acme Widgets' }) });
    const unrelated = facts({
      id: 'reg_other',
      resellerId: 'reseller-9',
      status: 'approved',
      customer: customer({ name: 'Acme Gadgets' }),
    });
    const decision = decide({ subject, policy: policy({ model: 'open' }), policyVersion: 1, holders: [unrelated] });
    expect(decision.trace.map((step) => step.rule)).toContain('deal.compare-customer');
    expect(renderTrace(decision.trace, 'reseller').map((step) => step.rule)).toEqual([
      'routing.select-route',
      'deal.first-come',
    ]);
  });
});
