import { seededRandom } from '../../../bench/dealreg/customers';
import { modelPolicies } from '../../../bench/dealreg/partners';
import { storedRegistration } from '../../../bench/growth/documents';
import { checkGoals } from '../../../bench/report/goals';
import { withHistory } from '../../../bench/simulation/histories';
import type { InsightsBenchResult } from '../../../bench/simulation/insights';
import { registrationListKeys } from '../../../db/registrations';
import { factsOfDecision } from '../../../domain/insights/facts';
import { policySchema } from '../../../domain/policy/schema';

const policy = policySchema.parse(modelPolicies.hybrid);
const now = Date.parse('2026-12-01T12:00:00Z');

describe('the simulation store seeding', () => {
  const random = seededRandom(3);
  const docs = Array.from({ length: 2000 }, (_, i) =>
    withHistory(storedRegistration(i + 1, random, policy, now), random, now),
  );

  test('each decision log ends in the registration status, is in time order and never after the seeding', () => {
    for (const doc of docs) {
      const log = doc.decisions;
      expect(log[0]?.kind).toBe('decision');
      const last = log.at(-1);
      // A live escalation stays escalated; every other status is where the log ends.
      expect(last?.toStatus).toBe(doc.status);
      for (const [i, entry] of log.entries()) {
        expect(Date.parse(entry.at)).toBeLessThanOrEqual(now);
        if (i > 0) expect(entry.fromStatus).toBe(log[i - 1]?.toStatus);
        if (i > 0) expect(entry.at >= (log[i - 1]?.at as string)).toBe(true);
      }
      expect(doc.listKeys).toEqual(registrationListKeys(doc));
    }
  });

  test('its facts count every registration once as submitted, with rejections, escalations, conflicts and endings', () => {
    const facts = docs.flatMap((doc) => doc.decisions.flatMap((entry) => factsOfDecision(doc, entry, 'hybrid')));
    const kinds = (kind: string) => facts.filter((fact) => fact.kind === kind).length;
    expect(kinds('submitted')).toBe(docs.length);
    for (const kind of ['decided', 'conflict', 'resolved', 'won', 'lost', 'expired'])
      expect(kinds(kind)).toBeGreaterThan(0);
    expect(new Set(facts.map((fact) => fact.policyVersion))).toEqual(new Set([1, 2, 3]));
    expect(new Set(facts.map((fact) => fact.outcome).filter(Boolean))).toEqual(
      new Set(['approved', 'rejected', 'escalated']),
    );
  });
});

describe('the insights goal', () => {
  const result = (size: number, p95: number, submitted = size): InsightsBenchResult => ({
    size,
    stored: size,
    seedSeconds: 1,
    totals: { submitted, expected: size, decided: 0, ended: 0, coldMs: [], rollupsKept: false },
    steady: { count: 10, p50: p95 / 2, p95, p99: p95, max: p95, errors: 0, seconds: 20, clients: 4 },
    shapes: [],
  });
  const verdict = (r: InsightsBenchResult) => checkGoals(undefined, [], undefined, r)[0];

  test('met only at 1M with totals that add up; missed as soon as p95 exceeds 200 ms', () => {
    expect(verdict(result(1_000_000, 150))?.met).toBe(true);
    expect(verdict(result(20_000, 150))?.met).toBeUndefined();
    expect(verdict(result(1_000_000, 150, 999_999))?.met).toBeUndefined();
    expect(verdict(result(1_000_000, 150, 999_999))?.note).toContain('do not add up');
    expect(verdict(result(20_000, 250))?.met).toBe(false);
  });
});
