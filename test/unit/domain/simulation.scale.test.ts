import { policySchema } from '../../../domain/policy/schema';
import { simulatePolicy } from '../../../domain/simulation';
import type { RegistrationSnapshot } from '../../../domain/simulation/types';

/** A small deterministic generator (mulberry32), so the data set is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function dataSet(size: number): RegistrationSnapshot[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const consonants = [...'bcdfghjklmnprstvwz'];
  const syllable = () => pick(consonants) + pick([...'aeiou']) + (next() < 0.3 ? pick(consonants) : '');
  const word = () => Array.from({ length: 2 + Math.floor(next() * 3) }, syllable).join('');
  const companies = Array.from({ length: size / 4 }, (_, i) => ({
    name: `${word()} ${word()}`,
    uei: `U${String(i).padStart(11, '0')}`,
  }));
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: size }, (_, i): RegistrationSnapshot => {
    const company = pick(companies);
    const submittedAt = start + i * 60_000;
    return {
      id: `reg_${i}`,
      resellerId: `reseller-${Math.floor(next() * 200)}`,
      partnerType: 'var',
      distributorId: pick(['dist-a', 'dist-b', 'dist-c']),
      customer: {
        name: company.name + (next() < 0.3 ? ' Inc' : ''),
        segment: pick(['federal-civilian', 'federal-dod', 'state-local', 'education', 'commercial'] as const),
        ...(next() < 0.5 && { identifiers: { uei: company.uei } }),
      },
      productLines: [pick(['storage', 'network', 'compute'])],
      sequence: i + 1,
      submittedAt: new Date(submittedAt).toISOString(),
      actual:
        next() < 0.2
          ? {
              status: 'approved',
              endedAt: new Date(submittedAt + 5 * 86_400_000).toISOString(),
              endStatus: 'withdrawn',
            }
          : { status: 'approved' },
    };
  });
}

describe('simulatePolicy at scale', () => {
  it('replays 100,000 registrations in linear time', () => {
    const policy = policySchema.parse({
      model: 'hybrid',
      routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }],
    });
    const registrations = dataSet(100_000);
    const started = performance.now();
    const report = simulatePolicy({
      policy,
      label: 'scale',
      registrations,
      partners: { distributors: [] },
      maxChanges: 50,
    });
    const elapsed = performance.now() - started;
    expect(report.registrations).toBe(100_000);
    expect(report.changes).toHaveLength(50);
    expect(report.outcomes.candidate.reject).toBeGreaterThan(0);
    // A quadratic replay takes many minutes here; this one takes a few seconds on a 2-core machine.
    expect(elapsed).toBeLessThan(60_000);
  }, 180_000);
});
