import { simulatePolicy } from '../../../domain/simulation';
import { ActiveSet } from '../../../domain/simulation/active-set';
import type { RegistrationSnapshot } from '../../../domain/simulation/types';
import { customer, policy } from './fixtures';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const acmeDod = customer({ name: 'Acme Corp', segment: 'federal-dod', identifiers: { uei: 'ABCDEF123456' } });
const globex = customer({ name: 'Globex', domain: 'globex.com' });

function snapshot(overrides: Partial<RegistrationSnapshot> & Pick<RegistrationSnapshot, 'sequence'>) {
  const { sequence } = overrides;
  return {
    id: `reg_${sequence}`,
    resellerId: `reseller-${sequence}`,
    partnerType: 'var',
    distributorId: 'dist-a',
    customer: globex,
    productLines: ['storage'],
    submittedAt: at(sequence * 10),
    actual: { status: 'approved', decidedAt: at(sequence * 10 + 1) },
    ...overrides,
  } satisfies RegistrationSnapshot;
}

// Actually decided under `open`; the candidate reserves federal DoD customers to dist-a.
const stored: RegistrationSnapshot[] = [
  snapshot({ sequence: 1, customer: acmeDod, distributorId: 'dist-b', actualDecisiveRule: 'deal.first-come' }),
  snapshot({
    sequence: 2,
    customer: acmeDod,
    actual: { status: 'rejected', reasonCode: 'already-registered', decidedAt: at(21), endedAt: at(21) },
  }),
  snapshot({ sequence: 3, actual: { status: 'approved', decidedAt: at(31), endedAt: at(35), endStatus: 'withdrawn' } }),
  snapshot({ sequence: 4, distributorId: 'dist-b' }),
  snapshot({
    sequence: 5,
    actual: { status: 'rejected', reasonCode: 'already-registered', decidedAt: at(51), endedAt: at(51) },
  }),
  snapshot({ sequence: 6, customer: customer({ name: 'Globex Inc' }), actual: { status: 'pending' } }),
];
const candidate = policy({
  model: 'hybrid',
  routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }],
});
const distributors = [
  { id: 'dist-a', name: 'Dist A' },
  { id: 'dist-b', name: 'Dist B' },
  { id: 'dist-c', name: 'Dist C' },
];

describe('simulatePolicy', () => {
  const report = simulatePolicy({
    policy: candidate,
    label: 'draft',
    registrations: [...stored].reverse(),
    partners: { distributors },
  });

  it('replays in sequence order and lists what would change', () => {
    expect(report.changes).toEqual([
      {
        registrationId: 'reg_1',
        sequence: 1,
        actual: { outcome: 'approve', reasonCode: null, decisiveRule: 'deal.first-come' },
        simulated: { outcome: 'reject', reasonCode: 'wrong-route' },
        decisiveRule: 'routing.check-distributor',
        detail: 'Route 1 (segment federal-dod) goes through dist-a only, not dist-b: the policy rejects it.',
      },
      expect.objectContaining({
        registrationId: 'reg_2',
        actual: { outcome: 'reject', reasonCode: 'already-registered', decisiveRule: null },
        simulated: { outcome: 'approve', reasonCode: null },
      }),
    ]);
    expect(report.changedCount).toBe(2);
  });

  it('counts outcomes, current and candidate', () => {
    expect(report.outcomes).toEqual({
      current: { approve: 3, reject: 2, escalate: 0, undecided: 1 },
      candidate: { approve: 3, reject: 2, escalate: 1, undecided: 0 },
    });
    expect(report.escalationRate).toEqual({ current: 0, candidate: 0.1667 });
    expect(report.registrations).toBe(6);
  });

  it("gives each distributor's share of approvals, unused ones included", () => {
    expect(report.distributorShares).toEqual([
      {
        distributorId: 'dist-a',
        name: 'Dist A',
        current: { approvals: 1, share: 0.3333 },
        candidate: { approvals: 2, share: 0.6667 },
      },
      {
        distributorId: 'dist-b',
        name: 'Dist B',
        current: { approvals: 2, share: 0.6667 },
        candidate: { approvals: 1, share: 0.3333 },
      },
      {
        distributorId: 'dist-c',
        name: 'Dist C',
        current: { approvals: 0, share: 0 },
        candidate: { approvals: 0, share: 0 },
      },
    ]);
  });

  it('counts deals that several registrations went for', () => {
    // Acme: 2 came when nobody held it, so no group yet. Globex: {4, 5, 6}, 3 having withdrawn before 4.
    expect(report.collisions).toEqual({ dealGroups: 1, registrations: 3 });
  });

  it('lets a registration the actual policy rejected hold its deal for the protection period', () => {
    const lateAcme = snapshot({ sequence: 7, customer: acmeDod, submittedAt: at(80) });
    const offRoute = snapshot({ sequence: 8, customer: acmeDod, distributorId: 'dist-b', submittedAt: at(90) });
    const result = simulatePolicy({
      policy: candidate,
      label: 'x',
      registrations: [...stored, lateAcme, offRoute],
      partners: { distributors },
    });
    expect(result.changes.map((change) => [change.registrationId, change.simulated.reasonCode])).toEqual([
      ['reg_1', 'wrong-route'],
      ['reg_2', null],
      ['reg_7', 'already-registered'],
      ['reg_8', 'wrong-route'],
    ]);
    // Routing stopped 8 before its deal check, yet it went for Acme too: {2, 7, 8} and {4, 5, 6}.
    expect(result.collisions).toEqual({ dealGroups: 2, registrations: 6 });
  });

  it('limits the listed changes but counts them all', () => {
    const limited = simulatePolicy({
      policy: candidate,
      label: 'x',
      registrations: stored,
      partners: { distributors },
      maxChanges: 1,
    });
    expect(limited.changes).toHaveLength(1);
    expect(limited.changedCount).toBe(2);
  });

  it('refuses a snapshot without a valid submission time', () => {
    const broken = [{ ...stored[0]!, submittedAt: 'yesterday' }];
    expect(() =>
      simulatePolicy({ policy: candidate, label: 'x', registrations: broken, partners: { distributors } }),
    ).toThrow(/reg_1: submittedAt/);
  });
});

describe('simulatePolicy with accounts', () => {
  const dodAccount = { accountId: 'acct-dod', segment: 'federal-dod' as const, region: 'east', programs: [] };
  // Two resellers register one account's customer, each under another name and identifier.
  const onAccount = [
    snapshot({
      sequence: 1,
      customer: customer({ name: 'Alpha', domain: 'alpha.gov', region: 'east' }),
      account: dodAccount,
    }),
    snapshot({
      sequence: 2,
      customer: customer({
        name: 'Beta',
        identifiers: { uei: 'BETA00000001' },
        segment: 'federal-dod',
        region: 'west',
      }),
      distributorId: 'dist-b',
      account: dodAccount,
      actual: { status: 'rejected', reasonCode: 'wrong-route', decidedAt: at(21), endedAt: at(21) },
    }),
    snapshot({ sequence: 3, customer: customer({ name: 'Gamma', domain: 'gamma.com' }) }),
  ];
  const report = simulatePolicy({
    policy: candidate,
    label: 'draft',
    registrations: onAccount,
    partners: { distributors },
  });

  it('routes by the account and counts the declarations it contradicts, field by field', () => {
    expect(report.accounts).toEqual({
      routedByAccount: 2,
      declaredOtherwise: 2,
      declaredOtherwiseBy: { segment: 1, region: 1, program: 0 },
      changedSinceAcceptance: 0,
    });
  });

  it('counts the registrations decided by other account facts than the accounts have now', () => {
    const now = { ...dodAccount, segment: 'commercial' as const };
    const compared = simulatePolicy({
      policy: candidate,
      label: 'draft',
      registrations: [
        { ...onAccount[0]!, account: now, accountAtAcceptance: dodAccount },
        { ...onAccount[1]!, account: dodAccount, accountAtAcceptance: dodAccount },
        // No account then, one now: decided by other facts too.
        { ...onAccount[2]!, account: now, accountAtAcceptance: null },
      ],
      partners: { distributors },
    });
    expect(compared.accounts.changedSinceAcceptance).toBe(2);
  });

  it('makes registrations on one account one customer, whatever each typed', () => {
    // The second is off the account's route (rejected before the deal check, as it actually was); on
    // the route it would have met the first through the account.
    expect(report.changes).toEqual([]);
    const onRoute = simulatePolicy({
      policy: candidate,
      label: 'draft',
      registrations: onAccount.map((s) => ({ ...s, distributorId: 'dist-a' })),
      partners: { distributors },
    });
    expect(onRoute.changes).toEqual([
      expect.objectContaining({
        registrationId: 'reg_2',
        simulated: { outcome: 'reject', reasonCode: 'already-registered' },
      }),
    ]);
  });
});

describe('ActiveSet', () => {
  const holder = { ...snapshot({ sequence: 1 }), status: 'approved' as const };

  it('finds a holder only for registrations submitted before its release, even out of order', () => {
    const active = new ActiveSet();
    active.add(holder, ['name:globex', 'word:globex'], 100);
    // Submitted after the release, while an earlier submission (at 50) is still to be replayed.
    expect(active.holdersFor(['word:globex'], 150, 50)).toEqual([]);
    expect(active.holdersFor(['name:globex', 'word:globex'], 60, 60)).toEqual([holder]);
    expect(active.holdersFor(['domain:other.com'], 60, 60)).toEqual([]);
  });

  it('forgets what no later submission can meet', () => {
    const active = new ActiveSet();
    active.add(holder, ['word:globex'], 100);
    expect(active.holdersFor(['word:globex'], 150, 150)).toEqual([]);
    expect(active.holdersFor(['word:globex'], 10, 10)).toEqual([]);
  });
});
