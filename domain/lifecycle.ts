import type { DecisionOutcome } from './allocation/types';
import type { EntryContent } from './lifecycle-entries';
import { addDurationMs } from './policy/instants';
import type { PolicyTimingMs } from './policy/schema';
import type { ImportableStatus, Opportunity, ReasonCode, RegistrationStatus } from './registration';

/**
 * The lifecycle of a registration as one table: for each event, the statuses it may happen in, the status
 * it leads to, what it does to protection, whether it ends the registration, the kind of decision entry
 * it appends and the event partners are told. The workflow asks it whether an event may happen and what
 * it does; the step activity reads it back from the stored entry to complete the step's effects. Nothing
 * else decides what follows what.
 */
export type LifecycleEvent =
  | 'approved-by-engine'
  | 'rejected-by-engine'
  | 'escalated-by-engine'
  | 'approved-on-review'
  | 'rejected-on-review'
  | 'escalated-again'
  | 'withdrawn'
  | 'won'
  | 'lost'
  | 'expired'
  | 'extended'
  | 'extension-requested'
  | 'extension-granted'
  | 'extension-denied'
  | 'transferred-in'
  | 'transferred'
  | 'revoked'
  | 'changed'
  | DisputeEvent
  | ImportedEvent;

/**
 * A dispute's steps in the decisions of the registrations it concerns; none changes a status: opened (the
 * disputing registration), `disputed` (the holder, told), answered (the holder's one answer), decided (both).
 */
export type DisputeEvent = 'dispute-opened' | 'disputed' | 'dispute-answered' | 'dispute-decided';

/** A migrated registration's arrival, one event per status it may arrive in (see `importedEvents`). */
export type ImportedEvent =
  | 'imported-pending'
  | 'imported-approved'
  | 'imported-escalated'
  | 'imported-won'
  | 'imported-lost'
  | 'imported-expired'
  | 'imported-withdrawn'
  | 'imported-rejected';

export const decisionKinds = [
  'decision',
  'escalation-resolved',
  'deadline',
  'extension',
  'close',
  'withdraw',
  'expire',
  'transfer',
  'revoke',
  'change',
  'dispute',
  'imported',
] as const;
export type DecisionKind = (typeof decisionKinds)[number];
export type PartnerNotification =
  | 'registration.approved'
  | 'registration.rejected'
  | 'registration.escalated'
  | 'registration.withdrawn'
  | 'registration.closed'
  | 'registration.expired'
  | 'registration.extended'
  | 'registration.resolved'
  | 'registration.transferred'
  | 'registration.revoked'
  | 'dispute.opened'
  | 'dispute.decided';

interface TransitionRule {
  from: readonly RegistrationStatus[];
  /** `same`: the status it happened in (a change of the opportunity decides nothing). */
  to: RegistrationStatus | 'same';
  /**
   * `start`: protected from now for the policy's protection period; `extend`: by its extension period;
   * `kept`: until the end it had before it was migrated (`TransitionContext.keptUntil`).
   */
  protection?: 'start' | 'extend' | 'kept';
  /** The decision time is set (the first decision, or a channel manager's). */
  decides?: boolean;
  /** The registration stops holding its deal: it is unlisted, its quota slot freed and its end recorded. */
  ends?: boolean;
  decisionKind: DecisionKind;
  /** What the reseller and its distributor are told once the step is stored. */
  notify?: PartnerNotification;
}

const live = ['pending', 'escalated', 'approved'] as const satisfies readonly RegistrationStatus[];

export const lifecycleTable: Record<LifecycleEvent, TransitionRule> = {
  'approved-by-engine': {
    from: ['pending'],
    to: 'approved',
    protection: 'start',
    decides: true,
    decisionKind: 'decision',
    notify: 'registration.approved',
  },
  'rejected-by-engine': {
    from: ['pending'],
    to: 'rejected',
    decides: true,
    ends: true,
    decisionKind: 'decision',
    notify: 'registration.rejected',
  },
  'escalated-by-engine': {
    from: ['pending'],
    to: 'escalated',
    decides: true,
    decisionKind: 'decision',
    notify: 'registration.escalated',
  },
  'approved-on-review': {
    from: ['escalated'],
    to: 'approved',
    protection: 'start',
    decides: true,
    decisionKind: 'escalation-resolved',
    notify: 'registration.resolved',
  },
  'rejected-on-review': {
    from: ['escalated'],
    to: 'rejected',
    decides: true,
    ends: true,
    decisionKind: 'escalation-resolved',
    notify: 'registration.resolved',
  },
  /** Looked at again after its escalation ended without deciding it: a new escalation takes it. */
  'escalated-again': {
    from: ['escalated'],
    to: 'escalated',
    decisionKind: 'escalation-resolved',
    notify: 'registration.escalated',
  },
  withdrawn: { from: live, to: 'withdrawn', ends: true, decisionKind: 'withdraw', notify: 'registration.withdrawn' },
  won: { from: ['approved'], to: 'won', ends: true, decisionKind: 'close', notify: 'registration.closed' },
  lost: { from: ['approved'], to: 'lost', ends: true, decisionKind: 'close', notify: 'registration.closed' },
  expired: { from: ['approved'], to: 'expired', ends: true, decisionKind: 'expire', notify: 'registration.expired' },
  extended: {
    from: ['approved'],
    to: 'approved',
    protection: 'extend',
    decisionKind: 'extension',
    notify: 'registration.extended',
  },
  'extension-requested': { from: ['approved'], to: 'approved', decisionKind: 'extension' },
  'extension-granted': {
    from: ['approved'],
    to: 'approved',
    protection: 'extend',
    decisionKind: 'extension',
    notify: 'registration.resolved',
  },
  'extension-denied': {
    from: ['approved'],
    to: 'approved',
    decisionKind: 'extension',
    notify: 'registration.resolved',
  },
  /**
   * A channel manager moves an approved deal to another partner: the receiver's new registration is
   * approved (`transferred-in`) before the holder's ends (`transferred`), one recorded step each, the pair
   * counted as one holder in between (docs/DESIGN.md, "Transfer").
   */
  'transferred-in': {
    from: ['pending'],
    to: 'approved',
    protection: 'start',
    decides: true,
    decisionKind: 'transfer',
    notify: 'registration.approved',
  },
  transferred: {
    from: ['approved'],
    to: 'transferred',
    ends: true,
    decisionKind: 'transfer',
    notify: 'registration.transferred',
  },
  revoked: { from: ['approved'], to: 'revoked', ends: true, decisionKind: 'revoke', notify: 'registration.revoked' },
  /** The owner changed the opportunity (domain/lifecycle-entries.ts `changeEntry`); its reason stays. */
  changed: { from: ['escalated', 'approved'], to: 'same', decisionKind: 'change' },
  ...disputeRules(),
  ...importedRules(),
};

/** A dispute's steps (domain/dispute-entries.ts): the status and its reason stay what they were. */
function disputeRules(): Record<DisputeEvent, TransitionRule> {
  const decided: RegistrationStatus[] = [
    'approved',
    'rejected',
    'won',
    'lost',
    'expired',
    'withdrawn',
    'transferred',
    'revoked',
  ];
  return {
    'dispute-opened': { from: ['rejected', 'transferred', 'revoked'], to: 'same', decisionKind: 'dispute' },
    disputed: { from: decided, to: 'same', decisionKind: 'dispute', notify: 'dispute.opened' },
    'dispute-answered': { from: decided, to: 'same', decisionKind: 'dispute' },
    'dispute-decided': { from: decided, to: 'same', decisionKind: 'dispute', notify: 'dispute.decided' },
  };
}

/**
 * A migrated registration arrives stored `pending` and records where it stood (domain/lifecycle-entries.ts
 * `importedEntry`): approved with its own protection end, escalated for a conflict, or closed for history
 * (its end, so it is unlisted and holds nothing). Imported pending ones stay pending, to be decided afresh.
 * Partners are not told: nothing happened to their registrations but a move.
 */
function importedRules(): Record<ImportedEvent, TransitionRule> {
  const closed = (to: RegistrationStatus): TransitionRule => ({
    from: ['pending'],
    to,
    decides: true,
    ends: true,
    decisionKind: 'imported',
  });
  return {
    'imported-pending': { from: ['pending'], to: 'pending', decisionKind: 'imported' },
    'imported-approved': {
      from: ['pending'],
      to: 'approved',
      protection: 'kept',
      decides: true,
      decisionKind: 'imported',
    },
    'imported-escalated': { from: ['pending'], to: 'escalated', decides: true, decisionKind: 'imported' },
    'imported-won': closed('won'),
    'imported-lost': closed('lost'),
    'imported-expired': closed('expired'),
    'imported-withdrawn': closed('withdrawn'),
    'imported-rejected': closed('rejected'),
  };
}

/** The statuses an imported registration may arrive in that end its life at once (stored for history). */
export const importedClosedStatuses = ['won', 'lost', 'expired', 'withdrawn', 'rejected'] as const;

const allStatuses = [
  'pending',
  'approved',
  'rejected',
  'escalated',
  'won',
  'lost',
  'expired',
  'withdrawn',
  'transferred',
  'revoked',
] as const satisfies readonly RegistrationStatus[];

/** The statuses no event leaves (a step that keeps the status, a dispute's, leaves none): the life is over. */
export const endStatuses: readonly RegistrationStatus[] = allStatuses.filter(
  (status) =>
    !Object.values(lifecycleTable).some(
      (rule) => rule.to !== 'same' && rule.to !== status && rule.from.includes(status),
    ),
);

export function mayHappen(event: LifecycleEvent, status: RegistrationStatus): boolean {
  return lifecycleTable[event].from.includes(status);
}

/** What the registration's workflow knows of its registration: exactly what its document says. */
export interface LifecycleState {
  status: RegistrationStatus;
  reasonCode?: ReasonCode;
  protectedUntil?: string;
  extensionsUsed: number;
  escalationId?: string;
}

/** The fields a step sets together with the status, as JSON (a step travels to its activity as JSON). */
export interface StepFields {
  decidedAt?: string;
  protectedUntil?: string;
  endedAt?: string;
  extensionsUsed?: number;
  escalationId?: string;
  /** A change's opportunity as it is after it, its search text, and the sequence of each line added since acceptance. */
  opportunity?: Opportunity;
  searchText?: string;
  lineSequences?: Record<string, number>;
}

/** A stored entry says which event it was and under which key partners were told of it. */
export type StepEntry = EntryContent & {
  event: LifecycleEvent;
  kind: DecisionKind;
  at: string;
  protectedUntil?: string;
  /** The notification's key where it is not the entry's own (an escalation's resolution). */
  notifyKey?: string;
};

/** One step of a registration's life, complete: what to write and the state after it. */
export interface LifecycleStep {
  event: LifecycleEvent;
  from: readonly RegistrationStatus[];
  to: RegistrationStatus;
  set: StepFields;
  entry: StepEntry;
  next: LifecycleState;
}

export interface TransitionContext {
  timing: Pick<PolicyTimingMs, 'protectionMs' | 'extensionPeriodMs'>;
  now: Date;
  /** Numbers an extension (1 for the first). */
  ordinal?: number;
  /** The notification's key where it is not the entry's (an escalation's resolution). */
  notifyKey?: string;
  /** An imported registration's own protection end (protection `kept`). */
  keptUntil?: string;
  /** What a change sets besides its entry (the opportunity after it). */
  changes?: Pick<StepFields, 'opportunity' | 'searchText' | 'lineSequences'>;
}

/**
 * The transition table applied: (state, event, policy timing, now) gives the next state and the decision
 * entry to append. `entry` may depend on the fields the step sets (an extension's entry names its new
 * end). Every instant it computes is valid whatever the durations (they are bounded, and clamped here),
 * so a workflow task never fails on one.
 */
export function transition(
  state: LifecycleState,
  event: LifecycleEvent,
  entry: EntryContent | ((set: StepFields) => EntryContent),
  context: TransitionContext,
): LifecycleStep {
  const rule = lifecycleTable[event];
  const now = context.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const base = state.protectedUntil ? Date.parse(state.protectedUntil) : now;
  const set: StepFields = dropUndefined({
    decidedAt: rule.decides ? iso(now) : undefined,
    endedAt: rule.ends ? iso(now) : undefined,
    protectedUntil:
      rule.protection === 'start'
        ? iso(addDurationMs(now, context.timing.protectionMs))
        : rule.protection === 'extend'
          ? iso(addDurationMs(base, context.timing.extensionPeriodMs))
          : rule.protection === 'kept' && context.keptUntil
            ? iso(Date.parse(context.keptUntil))
            : undefined,
    extensionsUsed: rule.protection === 'extend' ? (context.ordinal ?? state.extensionsUsed + 1) : undefined,
  });
  Object.assign(set, dropUndefined({ ...context.changes }));
  const to = rule.to === 'same' ? state.status : rule.to;
  const content = typeof entry === 'function' ? entry(set) : entry;
  if (content.escalationId && to === 'escalated') set.escalationId = content.escalationId;
  return {
    event,
    from: rule.from,
    to,
    set,
    entry: dropUndefined({
      ...content,
      event,
      kind: rule.decisionKind,
      at: context.now.toISOString(),
      protectedUntil: set.protectedUntil,
      notifyKey: rule.notify && context.notifyKey !== content.key ? context.notifyKey : undefined,
    }),
    next: dropUndefined({
      status: to,
      // The document's reason is the last entry's: a step without one clears it.
      reasonCode: content.reasonCode,
      protectedUntil: set.protectedUntil ?? state.protectedUntil,
      extensionsUsed: set.extensionsUsed ?? state.extensionsUsed,
      escalationId: set.escalationId ?? state.escalationId,
    }),
  };
}

/** What a stored entry asks of the step's effects: its notification, and whether it ended the registration. */
export function effectsOf(entry: Pick<StepEntry, 'event' | 'key' | 'notifyKey'>): {
  notify?: { type: PartnerNotification; key: string };
  ends: boolean;
} {
  const rule = lifecycleTable[entry.event];
  return {
    ...(rule.notify ? { notify: { type: rule.notify, key: entry.notifyKey ?? entry.key } } : {}),
    ends: rule.ends === true,
  };
}

/** The object without its undefined fields: a step serializes the same whichever fields it has. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The event each of the engine's outcomes is, on a registration's first decision. */
export const engineEvents = {
  approve: 'approved-by-engine',
  reject: 'rejected-by-engine',
  escalate: 'escalated-by-engine',
} as const satisfies Record<DecisionOutcome, LifecycleEvent>;

/** The event each outcome is when an escalated registration is decided (by review or looked at again). */
export const reviewEvents = {
  approve: 'approved-on-review',
  reject: 'rejected-on-review',
  escalate: 'escalated-again',
} as const satisfies Record<DecisionOutcome, LifecycleEvent>;

/** The event an imported registration's arrival is, by the status it arrives in. */
export const importedEvents = {
  pending: 'imported-pending',
  approved: 'imported-approved',
  escalated: 'imported-escalated',
  won: 'imported-won',
  lost: 'imported-lost',
  expired: 'imported-expired',
  withdrawn: 'imported-withdrawn',
  rejected: 'imported-rejected',
} as const satisfies Record<ImportableStatus, ImportedEvent>;
