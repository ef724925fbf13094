import fc from 'fast-check';
import {
  endStatuses,
  type LifecycleEvent,
  lifecycleTable,
  mayHappen,
  nextStep,
  transition,
} from '../../../domain/lifecycle';
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

const someEntry = {
  key: 'step',
  explanation: 'staff words',
  resellerExplanation: 'partner words',
  trace: [],
  matches: [],
  policyVersion: 3,
  decidedBy: { kind: 'system' as const },
};

test('a transition gives the next state, the entry to append and the notification, from the table alone', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...events),
      fc.constantFrom(...registrationStatuses),
      fc.option(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }), {
        nil: undefined,
      }),
      fc.nat({ max: 5 }),
      (event, status, protectedUntil, extensionsUsed) => {
        const state = {
          status,
          protectedUntil: protectedUntil?.toISOString(),
          extensionsUsed,
          reasonCode: 'duplicate' as const,
        };
        if (!mayHappen(event, status)) {
          // Built, but for the store to refuse: its status is not among those the step may start from.
          expect(transition(state, event, someEntry, { timing, now }).from).not.toContain(status);
          return;
        }
        const step = transition(state, event, someEntry, { timing, now });
        const rule = lifecycleTable[event];
        expect(step.next.status).toBe(rule.to);
        expect(step.entry.kind).toBe(rule.decisionKind);
        expect(step.entry.at).toBe(now.toISOString());
        expect(step.notify?.type).toBe(rule.notify);
        expect(step.ends).toBe(rule.ends === true);
        // The document's reason is the last entry's: a step that brings none clears the old one.
        expect(step.next.reasonCode).toBeUndefined();
        // The step sets what the pure table computes, as JSON for the activity that stores it.
        const fields = nextStep(event, { protectedUntil, extensionsUsed }, timing, now).set;
        expect(step.set.protectedUntil).toBe(fields.protectedUntil?.toISOString());
        expect(step.entry.protectedUntil).toBe(fields.protectedUntil?.toISOString());
        expect(step.next.protectedUntil).toBe(fields.protectedUntil?.toISOString() ?? state.protectedUntil);
        expect(step.next.extensionsUsed).toBe(fields.extensionsUsed ?? extensionsUsed);
      },
    ),
  );
});

test("an escalation's name is set on the registration only by the step that escalates it", () => {
  const pending = { status: 'pending' as const, extensionsUsed: 0 };
  const named = { ...someEntry, escalationId: 'esc_1' };
  expect(transition(pending, 'escalated-by-engine', named, { timing, now }).next.escalationId).toBe('esc_1');
  const approved = { status: 'approved' as const, extensionsUsed: 0, protectedUntil: now.toISOString() };
  const requested = transition(approved, 'extension-requested', named, { timing, now });
  expect(requested.set.escalationId).toBeUndefined();
  expect(requested.next.escalationId).toBeUndefined();
});

test("an extension's entry can name the end the step computes, and a resolution is told under its own key", () => {
  const approved = { status: 'approved' as const, extensionsUsed: 1, protectedUntil: now.toISOString() };
  const step = transition(
    approved,
    'extended',
    (set) => ({ ...someEntry, explanation: `until ${set.protectedUntil}` }),
    {
      timing,
      now,
      ordinal: 2,
    },
  );
  expect(step.entry.explanation).toBe(`until ${new Date(now.getTime() + timing.extensionPeriodMs).toISOString()}`);
  expect(step.next.extensionsUsed).toBe(2);
  const escalated = { status: 'escalated' as const, extensionsUsed: 0 };
  const resolved = transition(escalated, 'approved-on-review', someEntry, { timing, now, notifyKey: 'resolved:esc_1' });
  expect(resolved.notify).toEqual({ type: 'registration.resolved', key: 'resolved:esc_1' });
});
