import fc from 'fast-check';
import {
  effectsOf,
  endStatuses,
  importedEvents,
  type LifecycleEvent,
  lifecycleTable,
  mayHappen,
  transition,
} from '../../../domain/lifecycle';
import { importableStatuses, registrationStatuses } from '../../../domain/registration';

const events = Object.keys(lifecycleTable) as LifecycleEvent[];
const timing = { protectionMs: 90 * 86_400_000, extensionPeriodMs: 30 * 86_400_000 };
const now = new Date('2026-12-01T12:00:00Z');

const someEntry = {
  key: 'step',
  explanation: 'staff words',
  resellerExplanation: 'partner words',
  trace: [],
  matches: [],
  policyVersion: 3,
  decidedBy: { kind: 'system' as const },
  actor: { kind: 'system' as const },
};

test('the ends of a life are the statuses no event leaves', () => {
  expect([...endStatuses].sort()).toEqual([
    'expired',
    'lost',
    'rejected',
    'revoked',
    'transferred',
    'withdrawn',
    'won',
  ]);
});

test('a registration can always be withdrawn while it lives, and nothing but a dispute’s note happens after its end', () => {
  const changing = events.filter((event) => lifecycleTable[event].to !== 'same');
  for (const status of registrationStatuses) {
    expect(mayHappen('withdrawn', status)).toBe(!endStatuses.includes(status));
    if (endStatuses.includes(status)) for (const event of changing) expect(mayHappen(event, status)).toBe(false);
  }
  const afterEnd = events.filter((event) => endStatuses.some((status) => mayHappen(event, status)));
  expect(afterEnd.every((event) => lifecycleTable[event].decisionKind === 'dispute')).toBe(true);
});

test('only the engine (or a migrated arrival, or a transfer) decides a pending registration; only a review or a new look decides an escalated one', () => {
  const fromPending = events.filter((event) => mayHappen(event, 'pending') && !event.startsWith('imported-'));
  expect(fromPending.sort()).toEqual([
    'approved-by-engine',
    'escalated-by-engine',
    'rejected-by-engine',
    'transferred-in',
    'withdrawn',
  ]);
  const arrivals = events.filter((event) => event.startsWith('imported-'));
  expect(arrivals.every((event) => lifecycleTable[event].from.join() === 'pending')).toBe(true);
  expect(arrivals.map((event) => lifecycleTable[event].to).sort()).toEqual([...importableStatuses].sort());
  const fromEscalated = events.filter((event) => mayHappen(event, 'escalated'));
  expect(fromEscalated.sort()).toEqual([
    'approved-on-review',
    'changed',
    'escalated-again',
    'rejected-on-review',
    'withdrawn',
  ]);
});

const instant = fc.option(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }), {
  nil: undefined,
});

test('a transition gives the next state and the entry from the table alone; its effects come back from the entry', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...events),
      fc.constantFrom(...registrationStatuses),
      instant,
      fc.nat({ max: 5 }),
      (event, status, protectedUntil, extensionsUsed) => {
        const state = {
          status,
          protectedUntil: protectedUntil?.toISOString(),
          extensionsUsed,
          reasonCode: 'duplicate' as const,
        };
        const step = transition(state, event, someEntry, { timing, now });
        if (!mayHappen(event, status)) {
          // Built, but for the store to refuse: its status is not among those the step may start from.
          expect(step.from).not.toContain(status);
          return;
        }
        const rule = lifecycleTable[event];
        const to = rule.to === 'same' ? status : rule.to;
        expect(step.next.status).toBe(to);
        expect(step.entry).toMatchObject({ event, kind: rule.decisionKind, at: now.toISOString() });
        // What the step activity completes is read back from the stored entry, never from the attempt.
        const effects = effectsOf(step.entry);
        expect(effects.notify?.type).toBe(rule.notify);
        expect(effects.ends).toBe(rule.to !== 'same' && endStatuses.includes(to));
        expect(step.set.endedAt !== undefined).toBe(effects.ends);
        // The document's reason is the last entry's: a step that brings none clears the old one.
        expect(step.next.reasonCode).toBeUndefined();
        if (rule.protection === 'start') {
          expect(Date.parse(step.set.protectedUntil as string)).toBe(now.getTime() + timing.protectionMs);
        }
        if (rule.protection === 'extend') {
          expect(step.next.extensionsUsed).toBe(extensionsUsed + 1);
          const base = protectedUntil ?? now;
          expect(Date.parse(step.next.protectedUntil as string)).toBe(base.getTime() + timing.extensionPeriodMs);
        } else {
          expect(step.next.extensionsUsed).toBe(extensionsUsed);
        }
        expect(step.entry.protectedUntil).toBe(step.set.protectedUntil);
      },
    ),
  );
});

test('no duration, however long, makes an invalid instant (a workflow task would fail on it for good)', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), fc.constantFrom(...events), (ms, event) => {
      const state = { status: lifecycleTable[event].from[0]!, extensionsUsed: 0, protectedUntil: now.toISOString() };
      const step = transition(state, event, someEntry, {
        timing: { protectionMs: ms, extensionPeriodMs: ms },
        now,
      });
      for (const iso of [step.set.protectedUntil, step.next.protectedUntil]) {
        if (iso !== undefined) expect(Number.isNaN(Date.parse(iso))).toBe(false);
      }
    }),
  );
});

test('an approved import keeps the protection end it had; a closed one ends and is told to nobody', () => {
  const pending = { status: 'pending' as const, extensionsUsed: 0 };
  const keptUntil = '2027-03-01T00:00:00.000Z';
  const approved = transition(pending, importedEvents.approved, someEntry, { timing, now, keptUntil });
  expect(approved.next).toMatchObject({ status: 'approved', protectedUntil: keptUntil });
  expect(approved.entry).toMatchObject({ kind: 'imported', protectedUntil: keptUntil });
  const won = transition(pending, importedEvents.won, someEntry, { timing, now });
  expect(won.next.status).toBe('won');
  expect(effectsOf(won.entry)).toEqual({ ends: true });
  expect(transition(pending, importedEvents.pending, someEntry, { timing, now }).next.status).toBe('pending');
});

test("an extension's ordinal keeps the count exact when a retry computes it again", () => {
  const approved = { status: 'approved' as const, protectedUntil: now.toISOString(), extensionsUsed: 2 };
  expect(transition(approved, 'extended', someEntry, { timing, now, ordinal: 2 }).next.extensionsUsed).toBe(2);
});

test("an escalation's name is set on the registration only by a step that escalates it", () => {
  const pending = { status: 'pending' as const, extensionsUsed: 0 };
  const named = { ...someEntry, escalationId: 'esc_1' };
  expect(transition(pending, 'escalated-by-engine', named, { timing, now }).next.escalationId).toBe('esc_1');
  const escalated = { status: 'escalated' as const, extensionsUsed: 0, escalationId: 'esc_1' };
  const again = transition(escalated, 'escalated-again', { ...named, escalationId: 'esc_2' }, { timing, now });
  expect(again.next.escalationId).toBe('esc_2');
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
    { timing, now, ordinal: 2 },
  );
  expect(step.entry.explanation).toBe(`until ${new Date(now.getTime() + timing.extensionPeriodMs).toISOString()}`);
  expect(step.next.extensionsUsed).toBe(2);
  const escalated = { status: 'escalated' as const, extensionsUsed: 0 };
  const resolved = transition(escalated, 'approved-on-review', someEntry, { timing, now, notifyKey: 'resolved:esc_1' });
  expect(effectsOf(resolved.entry).notify).toEqual({ type: 'registration.resolved', key: 'resolved:esc_1' });
  const engine = transition({ status: 'pending', extensionsUsed: 0 }, 'approved-by-engine', someEntry, { timing, now });
  expect(effectsOf(engine.entry).notify).toEqual({ type: 'registration.approved', key: 'step' });
});
