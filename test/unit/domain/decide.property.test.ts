import fc from 'fast-check';
import { decide } from '../../../domain/allocation';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import { type Policy, type Route, routeSchema } from '../../../domain/policy/schema';
import { partnerTypes, segments } from '../../../domain/registration';
import { companies, distributorArb, numbered, productLineArb, registrationArb } from './arbitraries';
import { policy } from './fixtures';

const modelArb = fc.constantFrom('segment', 'partner-type', 'open', 'hybrid' as const);
const routeArb: fc.Arbitrary<Route> = fc
  .record(
    {
      segments: fc.uniqueArray(fc.constantFrom(...segments), { minLength: 1, maxLength: 2 }),
      partnerTypes: fc.uniqueArray(fc.constantFrom(...partnerTypes), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .filter((when) => Object.keys(when).length > 0)
  .chain((when) =>
    fc
      .uniqueArray(distributorArb, { minLength: 1, maxLength: 2 })
      .map((distributors) => routeSchema.parse({ when, distributors })),
  );
const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    model: modelArb,
    routes: fc.array(routeArb, { maxLength: 4 }),
    onWrongRoute: fc.constantFrom('reject', 'escalate' as const),
    nameSimilarity: fc.constantFrom(0.8, 0.9, 1),
  })
  .map(({ model, routes, onWrongRoute, nameSimilarity }) =>
    policy({ model, routes: model === 'open' ? [] : routes, onWrongRoute, matching: { nameSimilarity } }),
  );

const sharesProduct = (a: RegistrationFacts, b: RegistrationFacts) =>
  a.productLines.some((line) => b.productLines.includes(line));

/** Replays registrations in sequence order; `withdraw[i]` ends one active registration after step i. */
function replay(current: Policy, registrations: RegistrationFacts[], withdraw: boolean[]) {
  const active: RegistrationFacts[] = [];
  registrations.forEach((subject, index) => {
    const decision = decide({ subject, policy: current, policyVersion: 1, holders: [...active] });
    if (decision.outcome === 'approve') active.push({ ...subject, status: 'approved' });
    if (decision.outcome === 'escalate') active.push({ ...subject, status: 'escalated' });
    if (withdraw[index] && active.length > 0) active.splice(index % active.length, 1);
  });
  return active;
}

describe('decide() properties', () => {
  it('never leaves two active approved registrations on one deal', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.array(registrationArb, { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (current, generated, withdraw) => {
          const registrations = numbered(generated);
          const companyOf = new Map(registrations.map((facts, i) => [facts.id, generated[i]!.company]));
          const approved = replay(current, registrations, withdraw).filter((r) => r.status === 'approved');
          for (const [i, a] of approved.entries()) {
            for (const b of approved.slice(i + 1)) {
              const sameDeal = companyOf.get(a.id) === companyOf.get(b.id) && sharesProduct(a, b);
              expect({ a: a.id, b: b.id, sameDeal }).toEqual({ a: a.id, b: b.id, sameDeal: false });
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives deep-equal decisions and traces for the same input', () => {
    fc.assert(
      fc.property(policyArb, fc.array(registrationArb, { minLength: 1, maxLength: 12 }), (current, generated) => {
        const [subject, ...others] = numbered(generated).reverse();
        const holders = others.map((facts, i) => ({ ...facts, status: i % 2 ? 'approved' : 'escalated' }) as const);
        const input = { subject: subject!, policy: current, policyVersion: 4, holders };
        const first = decide(input);
        const second = decide(structuredClone(input));
        expect(second).toEqual(first);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        expect(first.trace.filter((step) => step.decisive)).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('approves everything under open when no two registrations share a deal', () => {
    // Unique (company, product line) pairs: two registrations of one company never share a product.
    const pairs = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: companies.length - 1 }), productLineArb), {
      selector: ([company, line]) => `${company}/${line}`,
      maxLength: 25,
    });
    fc.assert(
      fc.property(pairs, registrationArb, (chosen, template) => {
        const generated = chosen.map(([company, line]) => ({
          company,
          facts: {
            ...template.facts,
            productLines: [line],
            customer: { name: companies[company]!.name, segment: 'commercial' as const },
          },
        }));
        const active = replay(policy({ model: 'open' }), numbered(generated), []);
        expect(active.map((r) => r.status)).toEqual(generated.map(() => 'approved'));
      }),
    );
  });

  it('under segment, approves only through a distributor the first matching route allows', () => {
    const segmentPolicyArb = policyArb.map((p) => ({ ...p, model: 'segment' as const }));
    fc.assert(
      fc.property(segmentPolicyArb, registrationArb, (current, generated) => {
        const [subject] = numbered([generated]);
        const decision = decide({ subject: subject!, policy: current, policyVersion: 1, holders: [] });
        // Written out again here, independently of the engine's router.
        const route = current.routes.find(
          ({ when }) =>
            (!when.segments || when.segments.includes(subject!.customer.segment)) &&
            (!when.partnerTypes || when.partnerTypes.some((type) => type === subject!.partnerType)),
        );
        if (decision.outcome === 'approve') expect(route?.distributors).toContain(subject!.distributorId);
        if (route === undefined) expect(decision.reasonCode).toBe('unrouted');
        else if (!route.distributors.includes(subject!.distributorId)) expect(decision.reasonCode).toBe('wrong-route');
      }),
      { numRuns: 500 },
    );
  });
});
