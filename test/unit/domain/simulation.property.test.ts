import fc from 'fast-check';
import { decide } from '../../../domain/allocation';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import type { Policy } from '../../../domain/policy/schema';
import type { RegistrationStatus } from '../../../domain/registration';
import { PolicyReplay, replayPage, simulatePolicy } from '../../../domain/simulation';
import type { RegistrationSnapshot } from '../../../domain/simulation/types';
import { numbered, registrationArb } from './arbitraries';
import { policy } from './fixtures';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const distributors = ['dist-a', 'dist-b', 'dist-c'].map((id) => ({ id, name: id.toUpperCase() }));

/**
 * Production as a reference: every registration decided against every registration still holding
 * a deal (a full scan, no lookup keys), some withdrawn a while after their decision.
 */
function history(current: Policy, registrations: RegistrationFacts[], withdrawAfter: (number | null)[]) {
  const holding: { facts: RegistrationFacts; endsAt: number }[] = [];
  return registrations.map((subject, index): RegistrationSnapshot => {
    const submittedAt = subject.sequence * MINUTE;
    const holders = holding.filter((entry) => entry.endsAt >= submittedAt).map((entry) => entry.facts);
    const decision = decide({ subject, policy: current, policyVersion: 1, holders });
    const decisive = decision.trace.find((step) => step.decisive)!.rule;
    const status: RegistrationStatus =
      decision.outcome === 'approve' ? 'approved' : decision.outcome === 'reject' ? 'rejected' : 'escalated';
    const after = withdrawAfter[index] ?? null;
    const endsAt =
      decision.outcome === 'reject' ? submittedAt : after === null ? Infinity : submittedAt + after * MINUTE + 1;
    if (decision.outcome !== 'reject') holding.push({ facts: { ...subject, status }, endsAt });
    const { status: _pending, ...facts } = subject;
    return {
      ...facts,
      submittedAt: iso(submittedAt),
      actualDecisiveRule: decisive,
      actual: {
        status,
        ...(decision.reasonCode && { reasonCode: decision.reasonCode }),
        decidedAt: iso(submittedAt),
        ...(Number.isFinite(endsAt) && {
          endedAt: iso(endsAt),
          endStatus: status === 'rejected' ? 'rejected' : 'withdrawn',
        }),
      },
    };
  });
}

const policies = [
  policy({ model: 'open' }),
  policy({ model: 'open', matching: { nameSimilarity: 1 } }),
  policy({ model: 'hybrid', routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-a'] }] }),
  policy({
    model: 'segment',
    routes: [
      { when: { segments: ['commercial', 'education'] }, distributors: ['dist-a', 'dist-b'] },
      { when: { partnerTypes: ['var'] }, distributors: ['dist-c'] },
    ],
    onWrongRoute: 'escalate',
  }),
];

describe('simulatePolicy properties', () => {
  it('replaying the policy that made the decisions changes nothing: the key index finds what a full scan finds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.array(registrationArb, { maxLength: 40 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 5 })), { maxLength: 40 }),
        (current, generated, withdrawAfter) => {
          const stored = history(current, numbered(generated), withdrawAfter);
          const report = simulatePolicy({
            policy: current,
            label: 'same',
            registrations: stored,
            partners: { distributors },
          });
          expect(report.changes).toEqual([]);
          expect(report.outcomes.candidate).toEqual({ ...report.outcomes.current, undecided: 0 });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same report whatever order the snapshots come in', () => {
    fc.assert(
      fc.property(fc.array(registrationArb, { minLength: 1, maxLength: 25 }), fc.integer(), (generated, seed) => {
        const stored = history(policies[0]!, numbered(generated), []);
        const shuffled = [...stored].sort(
          (a, b) => ((a.sequence * 7919 + seed) % 101) - ((b.sequence * 7919 + seed) % 101),
        );
        const input = { policy: policies[2]!, label: 'x', partners: { distributors } };
        expect(simulatePolicy({ ...input, registrations: shuffled })).toEqual(
          simulatePolicy({ ...input, registrations: stored }),
        );
      }),
    );
  });

  it('streamed page by page, in acceptance order, gives the report of the whole set in memory', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.array(registrationArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 5 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (candidate, generated, withdrawAfter, pageSize) => {
          const stored = history(policies[0]!, numbered(generated), withdrawAfter);
          const setup = { policy: candidate, label: 'x', partners: { distributors }, maxChanges: 5 };
          const streamed = new PolicyReplay(setup);
          for (let from = 0; from < stored.length; from += pageSize) {
            replayPage(streamed, stored.slice(from, from + pageSize));
          }
          expect(streamed.report()).toEqual(simulatePolicy({ ...setup, registrations: stored }));
        },
      ),
      { numRuns: 200 },
    );
  });
});
