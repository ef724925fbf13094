import fc from 'fast-check';
import { endStatuses, type LifecycleEvent, lifecycleTable, mayHappen, nextStep } from '../../../domain/lifecycle';
import { registrationStatuses } from '../../../domain/registration';

const events = Object.keys(lifecycleTable) as LifecycleEvent[];
const timing = { protectionMs: 90 * 86_400_000, extensionPeriodMs: 30 * 86_400_000 };
const now = new Date('2026-12-01T12:00:00Z');

test('the ends of a life are the statuses no event leaves', () => {
  expect([...endStatuses].sort()).toEqual(['expired', 'lost', 'rejected', 'withdrawn', 'won']);
});

test('a registration can always be withdrawn while it lives, and nothing happens after its end', () => {
  for (const status of registrationStatuses) {
    expect(mayHappen('withdrawn', status)).toBe(!endStatuses.includes(status));
    if (endStatuses.includes(status)) for (const event of events) expect(mayHappen(event, status)).toBe(false);
  }
});

test('only the conflict check decides a pending registration; only a review decides an escalated one', () => {
  const fromPending = events.filter((event) => mayHappen(event, 'pending'));
  expect(fromPending.sort()).toEqual(['approved-by-engine', 'escalated-by-engine', 'rejected-by-engine', 'withdrawn']);
  const fromEscalated = events.filter((event) => mayHappen(event, 'escalated'));
  expect(fromEscalated.sort()).toEqual(['approved-on-review', 'rejected-on-review', 'withdrawn']);
});

test('every step that ends a registration records when, and every approval starts its protection', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...events),
      fc.option(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }), {
        nil: undefined,
      }),
      fc.nat({ max: 5 }),
      (event, protectedUntil, extensionsUsed) => {
        const step = nextStep(event, { protectedUntil, extensionsUsed }, timing, now);
        expect(step.ends).toBe(endStatuses.includes(step.to));
        expect(step.set.endedAt !== undefined).toBe(step.ends);
        if (step.to === 'approved' && step.from.some((status) => status !== 'approved')) {
          expect(step.set.protectedUntil?.getTime()).toBe(now.getTime() + timing.protectionMs);
        }
        if (step.set.extensionsUsed !== undefined) {
          expect(step.set.extensionsUsed).toBe(extensionsUsed + 1);
          expect(step.set.protectedUntil?.getTime()).toBe((protectedUntil ?? now).getTime() + timing.extensionPeriodMs);
        }
      },
    ),
  );
});

test("an extension's ordinal keeps the count exact when a retry computes it again", () => {
  const registration = { protectedUntil: now, extensionsUsed: 2 };
  expect(nextStep('extended', registration, timing, now, 2).set.extensionsUsed).toBe(2);
});
