import {
  accountCertainKeys,
  accountDealKey,
  accountNameKeys,
  matchAccount,
  registrationLookupKeys,
} from '../../../domain/accounts/match';
import { declaredOtherwise, registrationAccount } from '../../../domain/accounts/registration-account';
import {
  accountFacts,
  declarationDifferences,
  declaredRouting,
  houseAccountSeller,
  reservedDistributor,
  sameRoutingFacts,
} from '../../../domain/accounts/routing-facts';
import { decide, explain, renderTrace } from '../../../domain/allocation';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import { renderPolicyGuideMarkdown } from '../../../domain/guide';
import { customerIdentity, lookupKeys } from '../../../domain/matching';
import type { AccountRecord, ProgramRecord } from '../../../domain/vendor/records';
import { customer, facts, holder, policy } from './fixtures';

const acme: AccountRecord = {
  id: 'acct-acme',
  name: 'Acme Corporation',
  domains: ['acme.gov', 'www.acme-federal.com'],
  identifiers: { uei: 'ABCDEF123456', duns: '12-345-6789' },
  segment: 'federal-dod',
  region: 'East',
  programs: ['sewp-v'],
};
const globex: AccountRecord = {
  id: 'acct-globex',
  name: 'Globex Systems',
  domains: ['globex.com'],
  identifiers: { uei: 'GLOBEX123456' },
  segment: 'commercial',
};

describe('matching a customer to an account', () => {
  it('keys an account the way the deal check keys a customer', () => {
    expect(accountCertainKeys(acme)).toEqual([
      'uei:ABCDEF123456',
      'duns:123456789',
      'domain:acme.gov',
      'domain:acme-federal.com',
    ]);
    const typed = customerIdentity({ name: 'x', domain: 'sales.acme-federal.com', identifiers: { duns: '123456789' } });
    for (const key of typed.certainKeys) expect(accountCertainKeys(acme)).toContain(key);
    expect(accountNameKeys(acme)).toContain(customerIdentity({ name: 'ACME Corp' }).nameKey);
  });

  it('is certain by an identifier or by a registrable domain, whatever the name says', () => {
    const byUei = matchAccount(customer({ name: 'Someone Else', identifiers: { uei: 'abcdef123456' } }), [acme], 0.9);
    expect(byUei).toMatchObject({ kind: 'certain', basis: 'uei', account: { id: 'acct-acme' } });
    const byDomain = matchAccount(customer({ name: 'Other', domain: 'https://procurement.acme.gov/' }), [acme], 0.9);
    expect(byDomain).toMatchObject({ kind: 'certain', basis: 'domain' });
  });

  it('a shared domain with a different identifier is another entity on that domain: probable', () => {
    const match = matchAccount(customer({ domain: 'acme.gov', identifiers: { uei: 'ZZZZZZZZZZZZ' } }), [acme], 0.9);
    expect(match).toMatchObject({
      kind: 'probable',
      candidates: [{ basis: 'domain', conflictingIdentifiers: ['uei'] }],
    });
  });

  it('a name alone is probable, never certain: shown to staff, routing nothing', () => {
    expect(matchAccount(customer({ name: 'ACME Corp.' }), [acme], 0.9)).toMatchObject({
      kind: 'probable',
      candidates: [{ basis: 'name', score: 1 }],
    });
    expect(matchAccount(customer({ name: 'Initech' }), [acme], 0.9)).toEqual({ kind: 'none' });
  });

  it('an identifier outranks a domain, and identifiers of two accounts route nothing', () => {
    const uei = customer({ identifiers: { uei: 'GLOBEX123456' }, domain: 'acme.gov' });
    expect(matchAccount(uei, [acme, globex], 0.9)).toMatchObject({
      kind: 'certain',
      account: { id: 'acct-globex' },
      probable: [{ account: { id: 'acct-acme' }, basis: 'domain' }],
    });
    const split = customer({ identifiers: { uei: 'GLOBEX123456', duns: '123456789' } });
    const match = matchAccount(split, [acme, globex], 0.9);
    expect(match.kind).toBe('probable');
    expect(match.kind === 'probable' && match.candidates.map((c) => c.account.id).sort()).toEqual([
      'acct-acme',
      'acct-globex',
    ]);
  });
});

describe("an account's routing facts", () => {
  const sewp = { id: 'sewp-v', name: 'SEWP V', contractNumbers: ['NNG15SD22B'] };
  const cio = { id: 'cio-sp3', name: 'CIO-SP3', accounts: ['acct-acme', 'acct-other'] };

  it('include the programs it names and those that list it as a member', () => {
    expect(accountFacts(acme, [sewp, cio])).toEqual({
      accountId: 'acct-acme',
      segment: 'federal-dod',
      region: 'East',
      programs: [
        { id: 'cio-sp3', name: 'CIO-SP3' },
        { id: 'sewp-v', name: 'SEWP V', contractNumbers: ['NNG15SD22B'] },
      ],
    });
    expect(accountFacts({ ...acme, programs: ['unknown'] }, []).programs).toEqual([{ id: 'unknown' }]);
  });

  it('keep the declaration, and say where it differs', () => {
    const account = accountFacts(acme, [sewp]);
    const declared = declaredRouting({ segment: 'commercial', region: 'east' }, 'nng15sd22b');
    expect(declared).toEqual({ segment: 'commercial', region: 'east', program: 'nng15sd22b' });
    expect(declarationDifferences(declared, account)).toEqual(['segment']);
    expect(declarationDifferences({ segment: 'federal-dod', program: 'GSA' }, account)).toEqual(['program']);
  });

  it('expose the owner: a distributor reserves, a seller makes a house account', () => {
    const reserved = accountFacts({ ...acme, owner: { kind: 'distributor', id: 'dist-b' } }, []);
    expect([reservedDistributor(reserved), houseAccountSeller(reserved)]).toEqual(['dist-b', undefined]);
    const house = accountFacts({ ...acme, owner: { kind: 'seller', id: 'seller-7' } }, []);
    expect([reservedDistributor(house), houseAccountSeller(house)]).toEqual([undefined, 'seller-7']);
  });
});

describe('routing by the account, not the declaration', () => {
  const hybrid = policy({
    model: 'hybrid',
    routes: [
      { when: { programs: ['SEWP V'] }, distributors: ['dist-a'] },
      { when: { segments: ['federal-dod'] }, distributors: ['dist-a'] },
    ],
  });
  const onAccount = (
    overrides: Partial<AccountRecord>,
    programs: ProgramRecord[] = [{ id: 'sewp-v', name: 'SEWP V' }],
  ) => accountFacts({ ...acme, programs: [], ...overrides }, programs);

  it('a declaration that would escape a reserved segment is routed by the account', () => {
    const declaredCommercial = facts({ distributorId: 'dist-b', customer: customer({ segment: 'commercial' }) });
    expect(decide({ subject: declaredCommercial, policy: hybrid, policyVersion: 1, holders: [] }).outcome).toBe(
      'approve',
    );
    const routed = decide({
      subject: { ...declaredCommercial, account: onAccount({}) },
      policy: hybrid,
      policyVersion: 1,
      holders: [],
    });
    expect([routed.outcome, routed.reasonCode]).toEqual(['reject', 'wrong-route']);
    expect(routed.trace[0]?.inputs).toMatchObject({
      segment: 'federal-dod',
      routedBy: 'account',
      accountId: 'acct-acme',
    });
    expect(explain(routed, 'staff')).toContain("where the vendor's account record places this customer");
  });

  it("a program's member account is routed to its distributors whether or not it names the program", () => {
    const commercial = onAccount({ segment: 'commercial' }, [{ id: 'sewp-v', name: 'SEWP V', accounts: [acme.id] }]);
    const silent = facts({
      distributorId: 'dist-b',
      customer: customer({ segment: 'commercial' }),
      account: commercial,
    });
    const decision = decide({ subject: silent, policy: hybrid, policyVersion: 1, holders: [] });
    expect([decision.outcome, decision.reasonCode]).toEqual(['reject', 'wrong-route']);
    expect(decision.trace[0]?.inputs).toMatchObject({ matchedRoute: 0, programs: ['SEWP V'] });
    const namesOther = { ...silent, program: 'GSA Schedule', account: onAccount({ segment: 'commercial' }, []) };
    expect(decide({ subject: namesOther, policy: hybrid, policyVersion: 1, holders: [] }).outcome).toBe('approve');
  });

  it('a route may name a program by its contract number', () => {
    const byContract = policy({
      model: 'hybrid',
      routes: [{ when: { programs: ['nng15sd22b'] }, distributors: ['dist-a'] }],
    });
    const account = onAccount({ segment: 'commercial', programs: ['sewp-v'] }, [
      { id: 'sewp-v', name: 'SEWP V', contractNumbers: ['NNG15SD22B'] },
    ]);
    const subject = facts({ distributorId: 'dist-b', account });
    expect(decide({ subject, policy: byContract, policyVersion: 1, holders: [] }).reasonCode).toBe('wrong-route');
  });

  it('an account a distributor owns goes through that distributor, in every model', () => {
    const owned = onAccount({ segment: 'commercial', owner: { kind: 'distributor', id: 'dist-b' } }, []);
    for (const model of ['open', 'segment', 'hybrid'] as const) {
      const thePolicy = policy({ model, routes: model === 'open' ? [] : hybrid.routes, onWrongRoute: 'escalate' });
      const elsewhere = decide({
        subject: facts({ distributorId: 'dist-a', account: owned }),
        policy: thePolicy,
        policyVersion: 1,
        holders: [],
      });
      expect([model, elsewhere.outcome, elsewhere.reasonCode]).toEqual([model, 'escalate', 'wrong-route']);
      const there = decide({
        subject: facts({ distributorId: 'dist-b', account: owned }),
        policy: thePolicy,
        policyVersion: 1,
        holders: [],
      });
      expect([model, there.outcome]).toEqual([model, 'approve']);
    }
  });

  it('tells a partner the customer is reserved, never by whom nor which account', () => {
    const owned = onAccount({ owner: { kind: 'distributor', id: 'dist-secret' } }, []);
    const decision = decide({
      subject: facts({ distributorId: 'dist-a', account: owned }),
      policy: hybrid,
      policyVersion: 1,
      holders: [],
    });
    expect(explain(decision, 'staff')).toContain('dist-secret');
    for (const audience of ['reseller', { distributor: 'dist-a' }] as const) {
      const told = JSON.stringify([explain(decision, audience), renderTrace(decision.trace, audience)]);
      expect(told).toContain('reserves');
      expect(told).not.toContain('dist-secret');
      expect(told).not.toContain('acct-acme');
    }
  });
});

describe('one account, one customer', () => {
  const account = accountFacts(acme, []);

  it('two registrations on one account are the same customer, whatever each typed', () => {
    const subject = facts({ customer: customer({ name: 'Completely Different' }), account });
    const other = holder({ customer: customer({ name: 'Unrelated Name', domain: 'other.com' }), account });
    const decision = decide({ subject, policy: policy({ model: 'open' }), policyVersion: 1, holders: [other] });
    expect([decision.outcome, decision.reasonCode]).toEqual(['reject', 'already-registered']);
    expect(decision.matches[0]).toMatchObject({ strength: 'certain', basis: 'account' });
    expect(explain(decision, 'staff')).toContain('vendor account');
    expect(accountDealKey('acct-acme')).toBe('account:acct-acme');
    expect(lookupKeys(customerIdentity(subject.customer))).not.toContain(accountDealKey('acct-acme'));
    expect(registrationLookupKeys(subject.customer, 'acct-acme')).toEqual([
      ...lookupKeys(customerIdentity(subject.customer)),
      'account:acct-acme',
    ]);
    expect(registrationLookupKeys(other.customer)).toEqual(lookupKeys(customerIdentity(other.customer)));
  });

  it('different accounts do not outweigh a name match: identifiers may be invented', () => {
    const subject = facts({ account: accountFacts(globex, []) });
    const decision = decide({
      subject,
      policy: policy({ model: 'open' }),
      policyVersion: 1,
      holders: [holder({ account })],
    });
    expect(decision.outcome).toBe('escalate');
  });
});

describe('product families', () => {
  const families = { 'array-x': 'Storage', 'array-y': 'storage', switch: 'Network' };
  const byFamily = policy({ model: 'open', matching: { productScope: 'family' } });
  const subject = (lines: string[]): RegistrationFacts =>
    facts({
      productLines: lines,
      productFamilies: families,
      customer: customer({ identifiers: { uei: 'ABCDEF123456' } }),
    });
  const other = holder({
    productLines: ['array-y'],
    productFamilies: families,
    customer: customer({ identifiers: { uei: 'ABCDEF123456' } }),
  });

  it('by line (the default), different lines of one family are different deals', () => {
    const decision = decide({
      subject: subject(['array-x']),
      policy: policy({ model: 'open' }),
      policyVersion: 1,
      holders: [other],
    });
    expect(decision.outcome).toBe('approve');
  });

  it('by family, they are one deal, and staff are told which family', () => {
    const decision = decide({
      subject: subject(['array-x', 'switch']),
      policy: byFamily,
      policyVersion: 1,
      holders: [other],
    });
    expect(decision.outcome).toBe('reject');
    expect(decision.matches[0]).toMatchObject({ sharedProductLines: ['array-x'], sharedProductFamilies: ['Storage'] });
    expect(explain(decision, 'staff')).toContain('product family Storage');
    expect(explain(decision, 'reseller')).not.toContain('Storage');
  });

  it('by family, a line the catalogue does not know compares as itself', () => {
    const unknown = holder({ productLines: ['legacy'], customer: customer({ identifiers: { uei: 'ABCDEF123456' } }) });
    expect(
      decide({ subject: subject(['legacy']), policy: byFamily, policyVersion: 1, holders: [unknown] }).outcome,
    ).toBe('reject');
    expect(
      decide({ subject: subject(['switch']), policy: byFamily, policyVersion: 1, holders: [unknown] }).outcome,
    ).toBe('approve');
  });
});

describe('what a registration records of its account', () => {
  const programs: ProgramRecord[] = [{ id: 'sewp-v', name: 'SEWP V' }];
  const declaration = { customer: customer({ segment: 'commercial', region: 'West' }), program: 'CIO-SP3' };

  it('a certain match: the account, its facts, the declaration, and the other candidates for staff', () => {
    const typed = customer({ name: 'Globex Systems', domain: 'acme.gov' });
    const match = matchAccount(typed, [acme, globex], 0.9);
    const recorded = registrationAccount(match, accountFacts(acme, programs), declaration);
    expect(recorded).toEqual({
      accountId: 'acct-acme',
      account: accountFacts(acme, programs),
      declared: { segment: 'commercial', region: 'West', program: 'CIO-SP3' },
      accountCandidates: [{ accountId: 'acct-globex', name: 'Globex Systems', basis: 'name', score: 1 }],
    });
    expect(declaredOtherwise(recorded)).toEqual(['segment', 'region', 'program']);
  });

  it('a name-only match records candidates and nothing that routes', () => {
    const recorded = registrationAccount(
      matchAccount(customer({ name: 'ACME Corp.' }), [acme], 0.8),
      undefined,
      declaration,
    );
    expect(Object.keys(recorded)).toEqual(['accountCandidates']);
    expect(recorded.accountCandidates?.[0]).toMatchObject({ accountId: 'acct-acme', basis: 'name' });
    expect(declaredOtherwise(recorded)).toEqual([]);
  });

  it('tells snapshots that would route alike from those that would not', () => {
    const facts = accountFacts(acme, programs);
    expect(sameRoutingFacts(facts, structuredClone(facts))).toBe(true);
    expect(sameRoutingFacts(undefined, undefined)).toBe(true);
    expect(sameRoutingFacts(facts, undefined)).toBe(false);
    expect(sameRoutingFacts(facts, { ...facts, region: 'West' })).toBe(false);
    expect(sameRoutingFacts(facts, { ...facts, owner: { kind: 'distributor', id: 'dist-b' } })).toBe(false);
    expect(sameRoutingFacts(facts, accountFacts(acme, [{ id: 'sewp-v', name: 'SEWP VI' }]))).toBe(false);
  });

  it('no match records nothing', () => {
    expect(
      registrationAccount(matchAccount(customer({ name: 'Nobody' }), [acme], 0.9), undefined, declaration),
    ).toEqual({});
  });
});

describe('the guide', () => {
  const partners = { distributors: [{ id: 'dist-a', name: 'Dist A' }] };
  const text = (input: Parameters<typeof policy>[0]) =>
    renderPolicyGuideMarkdown({ version: 3, policy: policy(input), createdAt: '2030-01-01T00:00:00Z' }, partners);

  it("says that the vendor's account record decides the route, and that a reserved account goes to its distributor", () => {
    const routed = text({
      model: 'segment',
      routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }],
    });
    expect(routed).toContain('applied to the segment, region and programs in the vendor’s record');
    expect(routed).toContain('a similar name alone is not enough');
    expect(routed).toContain('reserves for one distributor must be registered through that distributor');
    const open = text({ model: 'open' });
    expect(open).not.toContain('applied to the segment');
    expect(open).toContain('reserves for one distributor');
  });

  it('states the product scope of a deal', () => {
    expect(text({ model: 'open' })).toContain('at least one product line in common');
    expect(text({ model: 'open', matching: { productScope: 'family' } })).toContain(
      'at least one product family in common',
    );
    expect(text({ model: 'open' })).toContain('matched to the same account of the vendor are the same customer');
  });
});
