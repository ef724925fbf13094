import type { DealMatch, Decision, RuleTraceStep } from './allocation/types';
import type { ReasonCode, RegistrationStatus } from './registration';

/**
 * What each step of a registration's life writes in its decision log, worded once: the engine's
 * decision, a channel manager's review, the reseller's own acts and the timers'. Pure, so the
 * workflow that owns the registration builds its entries itself and the activity only stores them.
 */

/** Who or what made a decision. */
export interface DecidedBy {
  kind: 'engine' | 'channel-manager' | 'deadline' | 'reseller' | 'system';
  /** API key id for people, rule name for the system. */
  id?: string;
}

/** One decision-log entry as its step words it, before the chain places, hashes and signs it. */
export interface EntryContent {
  /** The step's idempotency key: a repeated step finds it written and writes nothing. */
  key: string;
  reasonCode?: ReasonCode;
  /** Staff wording. */
  explanation: string;
  /** The same, never naming another partner. */
  resellerExplanation: string;
  trace: RuleTraceStep[];
  matches: DealMatch[];
  policyVersion: number;
  decidedBy: DecidedBy;
  escalationId?: string;
}

export type FateAction = 'approve' | 'reject' | 'grant-extension' | 'deny-extension';

export type EscalationResolutionSummary =
  | { kind: 'award'; registrationId: string }
  | { kind: 'reject-all' }
  | { kind: 'distinct' }
  | { kind: 'moot' };

/** What an escalation decided for one contender; the contender's own workflow records it. */
export interface EscalationFate {
  escalationId: string;
  action: FateAction;
  resolution: EscalationResolutionSummary;
  reason: string;
  decidedBy: { kind: 'channel-manager' | 'deadline' | 'system'; id?: string };
}

/** Who acted, as the registration's workflow is told (an API key id, never the key). */
export interface Actor {
  kind: 'reseller' | 'channel-manager' | 'admin' | 'system';
  keyId?: string;
}

/**
 * The allocation engine's decision, worded for staff and for the reseller where it is made (the
 * wording is the engine's, `explain`; the workflow that records it renders no traces); a new
 * escalation's name comes with it when it escalates.
 */
export interface EngineVerdict {
  decision: Decision;
  explanation: string;
  resellerExplanation: string;
  escalationId?: string;
}

export function engineEntry({ decision, explanation, resellerExplanation, escalationId }: EngineVerdict): EntryContent {
  return {
    key: 'decision',
    reasonCode: decision.reasonCode,
    explanation,
    resellerExplanation,
    trace: decision.trace,
    matches: decision.matches,
    policyVersion: decision.policyVersion,
    decidedBy: { kind: 'engine', id: 'allocation-engine' },
    ...(escalationId ? { escalationId } : {}),
  };
}

const fateWording: Record<FateAction, { staff: (fate: EscalationFate) => string; reseller: string }> = {
  approve: {
    staff: (fate) => `Approved on escalation review (${fate.resolution.kind}): ${fate.reason}`,
    reseller: 'A channel manager reviewed this registration and approved it.',
  },
  reject: {
    staff: (fate) =>
      fate.resolution.kind === 'award'
        ? `Rejected on escalation review: the deal was awarded to ${fate.resolution.registrationId}. ${fate.reason}`
        : `Rejected on escalation review (${fate.resolution.kind}): ${fate.reason}`,
    reseller: 'A channel manager reviewed this registration and decided against it.',
  },
  'grant-extension': {
    staff: (fate) => `Extension granted on review: ${fate.reason}`,
    reseller: 'A channel manager granted the requested extension.',
  },
  'deny-extension': {
    staff: (fate) => `Extension denied on review: ${fate.reason}`,
    reseller: 'A channel manager denied the requested extension; protection ends as planned.',
  },
};

/** A contender's fate, as its escalation decided it. */
export function fateEntry(fate: EscalationFate, policyVersion: number): EntryContent {
  const staff = fateWording[fate.action].staff(fate);
  return {
    key: `escalation:${fate.escalationId}`,
    explanation: staff,
    resellerExplanation: fateWording[fate.action].reseller,
    trace: [
      {
        rule: 'escalation.resolution',
        inputs: { escalationId: fate.escalationId, resolution: fate.resolution, decidedBy: fate.decidedBy.kind },
        result: fate.action,
        detail: staff,
        decisive: true,
      },
    ],
    matches: [],
    policyVersion,
    decidedBy: fate.decidedBy,
    escalationId: fate.escalationId,
    ...(fate.action === 'reject' ? { reasonCode: 'resolved-against' as const } : {}),
  };
}

/** A resolution is told to partners under its own key (`resolved:<escalation>`), not the entry's. */
export const resolutionNotifyKey = (fate: Pick<EscalationFate, 'escalationId'>) => `resolved:${fate.escalationId}`;

const actorOf = (by: Actor): DecidedBy =>
  by.kind === 'reseller'
    ? { kind: 'reseller', id: by.keyId }
    : by.kind === 'system'
      ? { kind: 'system' }
      : { kind: 'channel-manager', id: by.keyId };

interface Registered {
  status: RegistrationStatus;
  policyVersion: number;
}

/** An entry of the registration's own course (a reseller's act, a timer), decided by one rule. */
function courseEntry(
  registration: Registered,
  entry: Pick<EntryContent, 'key' | 'explanation' | 'decidedBy' | 'reasonCode' | 'escalationId'> & {
    rule: string;
    result: string;
  },
): EntryContent {
  const { rule, result, ...rest } = entry;
  return {
    ...rest,
    resellerExplanation: entry.explanation,
    trace: [{ rule, inputs: { status: registration.status }, result, detail: entry.explanation, decisive: true }],
    matches: [],
    policyVersion: registration.policyVersion,
  };
}

export function withdrawalEntry(registration: Registered, by: Actor, reason?: string): EntryContent {
  return courseEntry(registration, {
    key: 'withdraw',
    rule: 'lifecycle.withdraw',
    result: 'withdraw',
    explanation: `Withdrawn by the reseller${reason ? `: ${reason}` : ''}.`,
    decidedBy: actorOf(by),
  });
}

export function closingEntry(registration: Registered, by: Actor, outcome: 'won' | 'lost'): EntryContent {
  return courseEntry(registration, {
    key: 'close',
    rule: 'lifecycle.close',
    result: 'close',
    explanation: `Closed as ${outcome} by the reseller.`,
    decidedBy: actorOf(by),
  });
}

export function expiryEntry(registration: Registered, protectedUntil: string): EntryContent {
  return courseEntry(registration, {
    key: `expire:${protectedUntil}`,
    rule: 'lifecycle.expiry',
    result: 'expire',
    explanation: `Protection ended on ${protectedUntil} without the deal being closed.`,
    decidedBy: { kind: 'system', id: 'protection-timer' },
  });
}

export function extensionRequestEntry(
  registration: Registered,
  request: { by: Actor; reason: string; ordinal: number; escalationId: string },
): EntryContent {
  return courseEntry(registration, {
    key: `extension-request:${request.ordinal}`,
    rule: 'extension.needs-approval',
    result: 'extension',
    reasonCode: 'extension-request',
    explanation: `Extension ${request.ordinal} requested (${request.reason}); the policy sends it to a channel manager.`,
    decidedBy: actorOf(request.by),
    escalationId: request.escalationId,
  });
}

export function extensionEntry(
  registration: Registered,
  request: { by: Actor; reason: string; ordinal: number; max: number; protectedUntil: string },
): EntryContent {
  return courseEntry(registration, {
    key: `extension:${request.ordinal}`,
    rule: 'extension.direct',
    result: 'extension',
    explanation: `Protection extended to ${request.protectedUntil} (extension ${request.ordinal} of ${request.max}): ${request.reason}`,
    decidedBy: actorOf(request.by),
  });
}
