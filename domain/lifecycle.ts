import type { DecisionOutcome } from './allocation/types';
import type { EntryContent, FateAction } from './lifecycle-entries';
import type { PolicyTimingMs } from './policy/schema';
import type { ReasonCode, RegistrationStatus } from './registration';

/**
 * The lifecycle of a registration as one table: for each event, the statuses it may happen in, the status
 * it leads to, what it does to protection, whether it ends the registration, the kind of decision entry
 * it appends and the event partners are told. The activities that record a transition and the workflow
 * that asks whether one may happen both read it; nothing else decides what follows what.
 */
export type LifecycleEvent =
  | 'approved-by-engine'
  | 'rejected-by-engine'
  | 'escalated-by-engine'
  | 'approved-on-review'
  | 'rejected-on-review'
  | 'withdrawn'
  | 'won'
  | 'lost'
  | 'expired'
  | 'extended'
  | 'extension-requested'
  | 'extension-granted'
  | 'extension-denied';

export type DecisionKind = 'decision' | 'escalation-resolved' | 'withdraw' | 'close' | 'expire' | 'extension';
export type PartnerNotification =
  | 'registration.approved'
  | 'registration.rejected'
  | 'registration.escalated'
  | 'registration.withdrawn'
  | 'registration.closed'
  | 'registration.expired'
  | 'registration.extended'
  | 'registration.resolved';

interface TransitionRule {
  from: readonly RegistrationStatus[];
  to: RegistrationStatus;
  /** `start`: protected from now for the policy's protection period; `extend`: by its extension period. */
  protection?: 'start' | 'extend';
  /** The decision time is set (the first decision, or a channel manager's). */
  decides?: boolean;
  /** The registration stops holding its deal: it is unlisted and its end recorded. */
  ends?: boolean;
  decisionKind: DecisionKind;
  /** Told by the activity that records it; undefined where another step tells (an escalation's own). */
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
};

/** The statuses no event leaves: the registration's life is over. */
export const endStatuses: readonly RegistrationStatus[] = (
  ['pending', 'approved', 'rejected', 'escalated', 'won', 'lost', 'expired', 'withdrawn'] as const
).filter((status) => !Object.values(lifecycleTable).some((rule) => rule.from.includes(status)));

export function mayHappen(event: LifecycleEvent, status: RegistrationStatus): boolean {
  return lifecycleTable[event].from.includes(status);
}

export interface NextStep {
  event: LifecycleEvent;
  from: readonly RegistrationStatus[];
  to: RegistrationStatus;
  /** The fields that change with the status. */
  set: { decidedAt?: Date; protectedUntil?: Date; endedAt?: Date; extensionsUsed?: number };
  decisionKind: DecisionKind;
  notify?: PartnerNotification;
  /** Whether the registration stops holding its deal (its customer keys are removed). */
  ends: boolean;
}

/**
 * What an event does to a registration now: the next status and fields, the decision entry's kind and
 * the partners' notification. `ordinal` numbers an extension (1 for the first), so that a retry that
 * computes it again keeps the count exact.
 */
export function nextStep(
  event: LifecycleEvent,
  registration: { protectedUntil?: Date; extensionsUsed: number },
  timing: Pick<PolicyTimingMs, 'protectionMs' | 'extensionPeriodMs'>,
  now: Date,
  ordinal?: number,
): NextStep {
  const rule = lifecycleTable[event];
  const set: NextStep['set'] = {};
  if (rule.decides) set.decidedAt = now;
  if (rule.ends) set.endedAt = now;
  if (rule.protection === 'start') set.protectedUntil = new Date(now.getTime() + timing.protectionMs);
  if (rule.protection === 'extend') {
    set.protectedUntil = new Date((registration.protectedUntil ?? now).getTime() + timing.extensionPeriodMs);
    set.extensionsUsed = ordinal ?? registration.extensionsUsed + 1;
  }
  return {
    event,
    from: rule.from,
    to: rule.to,
    set,
    decisionKind: rule.decisionKind,
    notify: rule.notify,
    ends: rule.ends === true,
  };
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
}

/** One step of a registration's life, complete: what to write, whom to tell, and the state after it. */
export interface LifecycleStep {
  event: LifecycleEvent;
  from: readonly RegistrationStatus[];
  to: RegistrationStatus;
  set: StepFields;
  entry: EntryContent & { kind: DecisionKind; at: string; protectedUntil?: string };
  /** The partners' notification and the key that makes a repeated step send it once. */
  notify?: { type: PartnerNotification; key: string };
  /** Whether the registration stops holding its deal (its customer keys are removed). */
  ends: boolean;
  next: LifecycleState;
}

export interface TransitionContext {
  timing: Pick<PolicyTimingMs, 'protectionMs' | 'extensionPeriodMs'>;
  now: Date;
  /** Numbers an extension (1 for the first). */
  ordinal?: number;
  /** The notification's key where it is not the entry's (an escalation's resolution). */
  notifyKey?: string;
}

/**
 * The transition table applied: (state, event, policy timing, now) gives the next state, the decision
 * entry to append and the notification to send. `entry` may depend on the fields the step sets (an
 * extension's entry names its new end). A step is built for any state: one its status does not allow
 * (`mayHappen`) carries a `from` without that status, and the store refuses it (TransitionRefused)
 * after finding no entry of the step already written, so a retried step that landed still finishes.
 */
export function transition(
  state: LifecycleState,
  event: LifecycleEvent,
  entry: EntryContent | ((set: StepFields) => EntryContent),
  context: TransitionContext,
): LifecycleStep {
  const step = nextStep(
    event,
    {
      protectedUntil: state.protectedUntil ? new Date(state.protectedUntil) : undefined,
      extensionsUsed: state.extensionsUsed,
    },
    context.timing,
    context.now,
    context.ordinal,
  );
  const iso = (date: Date | undefined) => date?.toISOString();
  const set: StepFields = dropUndefined({
    decidedAt: iso(step.set.decidedAt),
    protectedUntil: iso(step.set.protectedUntil),
    endedAt: iso(step.set.endedAt),
    extensionsUsed: step.set.extensionsUsed,
  });
  const content = typeof entry === 'function' ? entry(set) : entry;
  if (content.escalationId && step.to === 'escalated') set.escalationId = content.escalationId;
  return {
    event,
    from: step.from,
    to: step.to,
    set,
    entry: dropUndefined({
      ...content,
      kind: step.decisionKind,
      at: context.now.toISOString(),
      protectedUntil: set.protectedUntil,
    }),
    ...(step.notify ? { notify: { type: step.notify, key: context.notifyKey ?? content.key } } : {}),
    ends: step.ends,
    next: dropUndefined({
      status: step.to,
      // The document's reason is the last entry's: a step without one clears it.
      reasonCode: content.reasonCode,
      protectedUntil: set.protectedUntil ?? state.protectedUntil,
      extensionsUsed: set.extensionsUsed ?? state.extensionsUsed,
      escalationId: set.escalationId ?? state.escalationId,
    }),
  };
}

/** The object without its undefined fields: a step serializes the same whichever fields it has. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The event each of the engine's outcomes is. */
export const engineEvents = {
  approve: 'approved-by-engine',
  reject: 'rejected-by-engine',
  escalate: 'escalated-by-engine',
} as const satisfies Record<DecisionOutcome, LifecycleEvent>;

/** The event each of an escalation's fates is. */
export const fateEvents = {
  approve: 'approved-on-review',
  reject: 'rejected-on-review',
  'grant-extension': 'extension-granted',
  'deny-extension': 'extension-denied',
} as const satisfies Record<FateAction, LifecycleEvent>;
