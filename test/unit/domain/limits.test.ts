import { renderPolicyGuideMarkdown } from '../../../domain/guide';
import { limitsFor, policySchema } from '../../../domain/policy/schema';
import { simulatePolicy } from '../../../domain/simulation';
import type { RegistrationSnapshot } from '../../../domain/simulation/types';
import { contractExamplePolicy, customer, policy } from './fixtures';

const contractLimits = {
  activePerReseller: { integrator: 500, var: 100, boutique: 25 },
  submissionsPerResellerPerDay: 200,
};

describe('policy limits (schema)', () => {
  it("accepts the contract's example limits and keeps them", () => {
    expect(policy({ ...contractExamplePolicy, limits: contractLimits }).limits).toEqual(contractLimits);
  });

  it('are optional', () => {
    expect(policy(contractExamplePolicy).limits).toBeUndefined();
  });

  it.each([
    [{ submissionsPerResellerPerDay: 0 }, ['limits', 'submissionsPerResellerPerDay']],
    [{ submissionsPerResellerPerDay: 1.5 }, ['limits', 'submissionsPerResellerPerDay']],
    [{ submissionsPerResellerPerDay: 1_000_000 }, ['limits', 'submissionsPerResellerPerDay']],
    [{ activePerReseller: { var: -1 } }, ['limits', 'activePerReseller', 'var']],
    [{ activePerReseller: { partner: 3 } }, ['limits', 'activePerReseller']],
    [{ perHour: 3 }, ['limits']],
  ])('refuses %j', (limits, path) => {
    const result = policySchema.safeParse({ ...contractExamplePolicy, limits });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('picks the limits of a partner type', () => {
    expect(limitsFor(contractLimits, 'boutique')).toEqual({ activePerReseller: 25, submissionsPerResellerPerDay: 200 });
    expect(limitsFor({ activePerReseller: { var: 3 } }, 'integrator')).toEqual({});
    expect(limitsFor(undefined, 'var')).toEqual({});
  });
});

describe('the guide states the limits', () => {
  const guide = (limits?: object) =>
    renderPolicyGuideMarkdown(
      {
        version: 1,
        policy: policy({ ...contractExamplePolicy, ...(limits ? { limits } : {}) }),
        createdAt: new Date(),
      },
      { distributors: [] },
    );

  it('in plain words, per partner type and per day', () => {
    const text = guide(contractLimits);
    expect(text).toContain('## Limits');
    expect(text).toContain(
      'at most this many registrations at once (pending, approved or escalated): integrators 500 registrations, VARs (value-added resellers) 100 registrations and boutiques 25 registrations.',
    );
    expect(text).toContain('at most 200 registrations per day (UTC)');
    expect(text).toContain('limit-reached');
  });

  it('only those that are set, and no section without any', () => {
    expect(guide({ activePerReseller: { var: 1 } })).toContain('VARs (value-added resellers) 1 registration.');
    expect(guide({ activePerReseller: { var: 1 } })).not.toContain('per day');
    expect(guide()).not.toContain('## Limits');
  });
});

describe('the simulation reports who would have hit the limits', () => {
  const names = ['Northwind', 'Umbrella', 'Initech', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Tyrell'];
  const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  const snapshot = (sequence: number, overrides: Partial<RegistrationSnapshot> = {}): RegistrationSnapshot => ({
    id: `reg_${sequence}`,
    sequence,
    resellerId: 'squatter',
    partnerType: 'var',
    distributorId: 'dist-a',
    customer: customer({ name: names[sequence % names.length]!, domain: `customer-${sequence}.com` }),
    productLines: ['storage'],
    submittedAt: minute(sequence),
    actual: { status: 'approved', decidedAt: minute(sequence) },
    ...overrides,
  });
  const simulate = (limits: object, registrations: RegistrationSnapshot[]) =>
    simulatePolicy({
      policy: policy({ model: 'open', limits }),
      label: 'draft',
      registrations,
      partners: { distributors: [{ id: 'dist-a', name: 'Dist A' }] },
    });

  it('refuses what is over the active limit, and frees the count when a registration ends', () => {
    const stored = [
      snapshot(1, { actual: { status: 'approved', decidedAt: minute(1), endedAt: minute(3), endStatus: 'withdrawn' } }),
      snapshot(2),
      snapshot(3), // minute 3: the first one ended, so this one fits
      snapshot(4), // two active: refused
      snapshot(5),
      snapshot(6, { resellerId: 'modest' }),
    ];
    const report = simulate({ activePerReseller: { var: 2 } }, stored);
    expect(report.limits).toEqual({
      refused: 2,
      hits: [{ resellerId: 'squatter', limit: 'activePerReseller', refused: 2, firstRefusedAt: minute(4) }],
    });
    expect(report.registrations).toBe(6);
    expect(report.outcomes.current.approve).toBe(6);
    expect(report.outcomes.candidate.approve).toBe(4);
  });

  it('counts submissions per UTC day, rejected ones included', () => {
    const nextDay = new Date(Date.UTC(2026, 0, 2, 0, 1)).toISOString();
    const duplicate = { name: 'Same Customer', domain: 'same.com' };
    const stored = [
      snapshot(1, { customer: customer(duplicate) }),
      snapshot(2, { customer: customer(duplicate) }), // rejected as a duplicate, still a submission
      snapshot(3),
      snapshot(4, { submittedAt: nextDay }),
    ];
    const report = simulate({ submissionsPerResellerPerDay: 2 }, stored);
    expect(report.limits.hits).toEqual([
      { resellerId: 'squatter', limit: 'submissionsPerResellerPerDay', refused: 1, firstRefusedAt: minute(3) },
    ]);
  });

  it('reports nothing without limits', () => {
    expect(simulate({}, [snapshot(1), snapshot(2)]).limits).toEqual({ refused: 0, hits: [] });
  });
});
