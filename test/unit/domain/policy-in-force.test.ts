import { isSettled, policyInForceAt, upcomingPolicyAt } from '../../../domain/policy/in-force';

const at = (iso: string) => new Date(iso);
const v = (version: number, effectiveFrom: string, cancelledAt?: string) => ({
  version,
  effectiveFrom: at(effectiveFrom),
  ...(cancelledAt ? { cancelledAt: at(cancelledAt) } : {}),
});

describe('the policy in force at an instant', () => {
  const versions = [v(1, '2026-01-01T00:00:00Z'), v(2, '2026-02-01T00:00:00Z'), v(3, '2026-03-01T12:00:00Z')];

  it('is the highest version whose instant has come', () => {
    expect(policyInForceAt(versions, at('2026-02-15T00:00:00Z'))?.version).toBe(2);
    expect(policyInForceAt(versions, at('2026-03-02T00:00:00Z'))?.version).toBe(3);
  });

  it('switches exactly at effectiveFrom: the millisecond before is the old version', () => {
    expect(policyInForceAt(versions, at('2026-03-01T11:59:59.999Z'))?.version).toBe(2);
    expect(policyInForceAt(versions, at('2026-03-01T12:00:00.000Z'))?.version).toBe(3);
  });

  it('is none before the first version takes force', () => {
    expect(policyInForceAt(versions, at('2025-12-31T23:59:59Z'))).toBeUndefined();
    expect(policyInForceAt([], at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('never is a cancelled version, even after its instant', () => {
    const cancelled = [v(1, '2026-01-01T00:00:00Z'), v(2, '2026-02-01T00:00:00Z', '2026-01-20T00:00:00Z')];
    expect(policyInForceAt(cancelled, at('2026-06-01T00:00:00Z'))?.version).toBe(1);
  });

  it('is not displaced by a lower version whose instant comes later', () => {
    const odd = [v(1, '2026-05-01T00:00:00Z'), v(2, '2026-02-01T00:00:00Z')];
    expect(policyInForceAt(odd, at('2026-06-01T00:00:00Z'))?.version).toBe(2);
  });

  it('does not depend on the order of the list', () => {
    expect(policyInForceAt([...versions].reverse(), at('2026-02-15T00:00:00Z'))?.version).toBe(2);
  });
});

describe('the upcoming change', () => {
  it('is the version waiting for its instant, and none once it is in force', () => {
    const versions = [v(1, '2026-01-01T00:00:00Z'), v(2, '2026-03-01T00:00:00Z')];
    expect(upcomingPolicyAt(versions, at('2026-02-01T00:00:00Z'))?.version).toBe(2);
    expect(upcomingPolicyAt(versions, at('2026-03-01T00:00:00Z'))).toBeUndefined();
  });

  it('is none when the waiting version was cancelled', () => {
    const versions = [v(1, '2026-01-01T00:00:00Z'), v(2, '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z')];
    expect(upcomingPolicyAt(versions, at('2026-02-15T00:00:00Z'))).toBeUndefined();
  });
});

describe('a settled version', () => {
  it('is one in force already or cancelled; a waiting one may still change', () => {
    const now = at('2026-02-01T00:00:00Z');
    expect(isSettled(v(1, '2026-01-01T00:00:00Z'), now)).toBe(true);
    expect(isSettled(v(2, '2026-03-01T00:00:00Z', '2026-01-15T00:00:00Z'), now)).toBe(true);
    expect(isSettled(v(2, '2026-03-01T00:00:00Z'), now)).toBe(false);
  });
});
