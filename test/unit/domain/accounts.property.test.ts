import fc from 'fast-check';
import { matchAccount } from '../../../domain/accounts/match';
import type { AccountFacts } from '../../../domain/accounts/routing-facts';
import { decide } from '../../../domain/allocation';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import { type Policy, type Route, routeSchema } from '../../../domain/policy/schema';
import { partnerTypes, segments } from '../../../domain/registration';
import type { AccountRecord } from '../../../domain/vendor/records';
import { companies, distributorArb, registrationArb, spellingOf } from './arbitraries';
import { policy } from './fixtures';

const regionArb = fc.constantFrom('east', 'West', 'central');
const programArb = fc.constantFrom('SEWP V', 'CIO-SP3', 'GSA');

const routeArb: fc.Arbitrary<Route> = fc
  .record(
    {
      segments: fc.uniqueArray(fc.constantFrom(...segments), { minLength: 1, maxLength: 2 }),
      regions: fc.uniqueArray(regionArb, { minLength: 1, maxLength: 2 }),
      partnerTypes: fc.uniqueArray(fc.constantFrom(...partnerTypes), { minLength: 1, maxLength: 2 }),
      programs: fc.uniqueArray(programArb, { minLength: 1, maxLength: 2 }),
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
    model: fc.constantFrom('segment', 'partner-type', 'open', 'hybrid' as const),
    routes: fc.array(routeArb, { maxLength: 4 }),
    onWrongRoute: fc.constantFrom('reject', 'escalate' as const),
  })
  .map(({ model, routes, onWrongRoute }) => policy({ model, routes: model === 'open' ? [] : routes, onWrongRoute }));

/** An account with at most one program, known by its name, and no owner. */
const accountArb: fc.Arbitrary<AccountFacts> = fc.record(
  {
    accountId: fc.constantFrom('acct-1', 'acct-2'),
    segment: fc.constantFrom(...segments),
    region: regionArb,
    programs: fc.option(programArb, { nil: undefined }).map((name) => (name ? [{ id: `p-${name}`, name }] : [])),
  },
  { requiredKeys: ['accountId', 'segment', 'programs'] },
);

const declarationArb = fc.record(
  {
    segment: fc.constantFrom(...segments),
    region: fc.option(regionArb, { nil: undefined }),
    program: fc.option(programArb, { nil: undefined }),
  },
  { requiredKeys: ['segment'] },
);

const subjectArb = registrationArb.map(({ facts }) => ({
  ...facts,
  id: 'reg_s',
  sequence: 9,
  status: 'pending' as const,
}));

function declaring(
  subject: RegistrationFacts,
  declared: { segment: RegistrationFacts['customer']['segment']; region?: string; program?: string },
): RegistrationFacts {
  const { region: _region, ...customer } = subject.customer;
  const { program: _program, ...rest } = subject;
  return {
    ...rest,
    customer: { ...customer, segment: declared.segment, ...(declared.region && { region: declared.region }) },
    ...(declared.program && { program: declared.program }),
  };
}

const verdict = (subject: RegistrationFacts, thePolicy: Policy, holders: RegistrationFacts[] = []) => {
  const decision = decide({ subject, policy: thePolicy, policyVersion: 1, holders });
  return [decision.outcome, decision.reasonCode ?? null];
};

describe('routing by the account', () => {
  it('whatever the reseller declares, an account routes the same way', () => {
    fc.assert(
      fc.property(
        policyArb,
        subjectArb,
        accountArb,
        declarationArb,
        declarationArb,
        (thePolicy, subject, account, a, b) => {
          expect(verdict({ ...declaring(subject, a), account }, thePolicy)).toEqual(
            verdict({ ...declaring(subject, b), account }, thePolicy),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('routes as a registration that declared exactly what the account says', () => {
    fc.assert(
      fc.property(policyArb, subjectArb, accountArb, declarationArb, (thePolicy, subject, account, declared) => {
        const truthful = declaring(subject, {
          segment: account.segment,
          ...(account.region && { region: account.region }),
          ...(account.programs[0] && { program: account.programs[0].name }),
        });
        expect(verdict({ ...declaring(subject, declared), account }, thePolicy)).toEqual(verdict(truthful, thePolicy));
      }),
      { numRuns: 500 },
    );
  });

  it('an account a distributor owns is off-route through any other distributor, and routed through it', () => {
    fc.assert(
      fc.property(policyArb, subjectArb, accountArb, distributorArb, (thePolicy, subject, account, owner) => {
        const owned = { ...account, owner: { kind: 'distributor' as const, id: owner } };
        const [outcome, reason] = verdict({ ...subject, account: owned }, thePolicy);
        if (subject.distributorId === owner) expect(outcome).toBe('approve');
        else expect([outcome, reason]).toEqual([thePolicy.onWrongRoute, 'wrong-route']);
      }),
      { numRuns: 300 },
    );
  });

  it('two registrations on one account that share a product line are one deal, whatever customers they typed', () => {
    fc.assert(
      fc.property(subjectArb, registrationArb, accountArb, (subject, other, account) => {
        const holder: RegistrationFacts = {
          ...other.facts,
          id: 'reg_h',
          sequence: 1,
          status: 'approved',
          productLines: subject.productLines,
          account,
        };
        const decision = decide({
          subject: { ...subject, account },
          policy: policy({ model: 'open' }),
          policyVersion: 1,
          holders: [holder],
        });
        expect(decision.outcome).toBe('reject');
        expect(decision.matches[0]?.strength).toBe('certain');
      }),
      { numRuns: 300 },
    );
  });
});

describe('matching a customer to accounts', () => {
  const accounts: AccountRecord[] = companies.map((company, index) => ({
    id: `acct-${index}`,
    name: company.name,
    domains: [company.domain],
    identifiers: { uei: company.uei },
    segment: 'commercial',
  }));

  it('any spelling a partner writes of a known company matches its account with certainty, in any order', () => {
    const spelled = fc
      .integer({ min: 0, max: companies.length - 1 })
      .chain((index) =>
        fc.tuple(fc.constant(index), spellingOf(index), fc.shuffledSubarray(accounts, { minLength: accounts.length })),
      );
    fc.assert(
      fc.property(spelled, ([index, customer, shuffled]) => {
        const match = matchAccount(customer, [...shuffled, ...shuffled], 0.9);
        expect(match).toMatchObject({ kind: 'certain', account: { id: `acct-${index}` } });
        expect(matchAccount(customer, [...shuffled].reverse(), 0.9)).toEqual(match);
      }),
      { numRuns: 300 },
    );
  });
});
