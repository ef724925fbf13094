import type { PolicyTimingMs } from './policy/schema';
import type { RegistrationStatus } from './registration';

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
