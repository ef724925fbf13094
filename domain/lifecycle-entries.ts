import type { AccountFacts } from './accounts/routing-facts';
import type { Actor } from './actor';
import type { DealMatch, Decision, RuleTraceStep } from './allocation/types';
import type { Closing, ImportableStatus, Opportunity, ReasonCode, RegistrationStatus } from './registration';

/**
 * What each step of a registration's life writes in its decision log, worded once: the engine's
 * decision, a channel manager's review, the reseller's own acts and the timers'. Pure, so the
 * workflow that owns the registration builds its entries itself and the activity only stores them.
 */

/** In which capacity a decision was made (the role; who exactly is the entry's `actor`). */
export interface DecidedBy {
  kind: 'engine' | 'channel-manager' | 'deadline' | 'reseller' | 'distributor' | 'seller' | 'system';
  /** The rule, for the engine, a deadline or the system. */
  id?: string;
}

export type { Actor } from './actor';

/** Who asks for a step through the API: the role they act in and who they are. */
export interface Requester {
  role: 'reseller' | 'distributor' | 'channel-manager' | 'admin' | 'auditor' | 'sales';
  actor: Actor;
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
  actor: Actor;
  escalationId?: string;
  /** A close's facts (amount won, or why it was lost), signed with the entry. */
  closing?: Closing;
  /** The vendor account's routing facts the engine decided by, as they were then (staff only). */
  account?: AccountFacts;
  /** A transfer's two registrations (staff only): the one that gave the deal up and the one that took it. */
  transfer?: { from: string; to: string };
  /** A change of the opportunity: the fields it changed, before and after. */
  change?: OpportunityChangeRecord;
  /** A dispute's step (domain/dispute-entries.ts): which dispute, and its outcome once decided. */
  dispute?: DisputeNote;
}

/** What a dispute's entry records of it; partners see its id and outcome. */
export interface DisputeNote {
  id: string;
  outcome?: 'upheld' | 'overturned' | 'distinct';
  /** The registration that holds the deal for the disputing partner after the decision (staff only). */
  receiverId?: string;
}

/** What a change did to the opportunity, signed with its entry. */
export interface OpportunityChangeRecord {
  before: Partial<Opportunity>;
  after: Partial<Opportunity>;
  note?: string;
  /** The sequence drawn for the product lines it added: their place in first come, first served. */
  sequence?: number;
}

/**
 * What an escalation decided for one contender; the contender's own workflow records it. `recheck`: the
 * escalation decided nothing that concerns this contender (its matches lost, or a channel manager said
 * they were a different deal): it is looked at again, ignoring the registrations in `distinctFrom`.
 */
export type FateAction = 'approve' | 'reject' | 'recheck' | 'grant-extension' | 'deny-extension';

export type EscalationResolutionSummary =
  | { kind: 'award'; registrationId: string }
  | { kind: 'reject-all' }
  | { kind: 'distinct' }
  | { kind: 'moot' };

export interface EscalationFate {
  escalationId: string;
  action: FateAction;
  resolution: EscalationResolutionSummary;
  reason: string;
  decidedBy: { kind: 'channel-manager' | 'deadline' | 'system'; id?: string };
  actor: Actor;
  /** Registrations a channel manager declared a different deal from this one. */
  distinctFrom?: string[];
}

/**
 * The allocation engine's decision, worded for staff and for the reseller where it is made (the
 * wording is the engine's, `explain`); a new escalation's name comes with it when it escalates.
 */
export interface EngineVerdict {
  decision: Decision;
  explanation: string;
  resellerExplanation: string;
  escalationId?: string;
  /** The account facts the registration was routed by, when an account matched. */
  account?: AccountFacts;
}

const engineActor: Actor = { kind: 'engine', id: 'allocation-engine' };

/** The engine's decision: the first one (`decision`), or a look again at an escalated registration. */
export function engineEntry(
  { decision, explanation, resellerExplanation, escalationId, account }: EngineVerdict,
  key = 'decision',
): EntryContent {
  return {
    key,
    reasonCode: decision.reasonCode,
    explanation,
    resellerExplanation,
    trace: decision.trace,
    matches: decision.matches,
    policyVersion: decision.policyVersion,
    decidedBy: { kind: 'engine', id: 'allocation-engine' },
    actor: engineActor,
    ...(escalationId ? { escalationId } : {}),
    // Only when an account decided, so that other entries serialize (and hash) as they always did.
    ...(account ? { account } : {}),
  };
}

/**
 * An escalated registration looked at again by the engine: after a review that decided nothing about it
 * (the review's word, its channel manager and key come with it), or after its escalation turned it away.
 */
export function recheckEntry(verdict: EngineVerdict, attempt: number, fate?: EscalationFate): EntryContent {
  const entry = engineEntry(verdict, `recheck:${attempt}`);
  if (!fate) return entry;
  const review = `After review (${fate.resolution.kind}: ${fate.reason}), looked at again`;
  return {
    ...entry,
    explanation: `${review}: ${entry.explanation}`,
    decidedBy: fate.decidedBy,
    actor: fateActor(fate),
    escalationId: entry.escalationId ?? fate.escalationId,
  };
}

/** The key of the step that records an escalation's word for a registration. */
export const reviewKey = (escalationId: string) => `review:${escalationId}`;

const fateWording: Record<
  Exclude<FateAction, 'recheck'>,
  { staff: (fate: EscalationFate) => string; reseller: string }
> = {
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

const fateActor = (fate: EscalationFate): Actor =>
  fate.decidedBy.kind === 'channel-manager'
    ? fate.actor
    : { kind: fate.decidedBy.kind === 'deadline' ? 'deadline' : 'system', id: fate.decidedBy.id };

/** A contender's fate, as its escalation decided it. */
export function fateEntry(fate: EscalationFate, policyVersion: number): EntryContent {
  if (fate.action === 'recheck') throw new Error('a recheck is recorded as the engine decides it, not as a fate');
  const staff = fateWording[fate.action].staff(fate);
  return {
    key: reviewKey(fate.escalationId),
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
    actor: fateActor(fate),
    escalationId: fate.escalationId,
    ...(fate.action === 'reject' ? { reasonCode: 'resolved-against' as const } : {}),
  };
}

/**
 * An approval on review that the deal no longer allows: between the review and its recording another
 * registration came to hold the deal. The engine's rejection says which rule; the entry says why it came.
 */
export function heldAtApprovalEntry(verdict: EngineVerdict, fate: EscalationFate): EntryContent {
  const entry = engineEntry(verdict, reviewKey(fate.escalationId));
  return {
    ...entry,
    explanation: `Approved on escalation review, but the deal is held: ${entry.explanation}`,
    decidedBy: fate.decidedBy,
    actor: fateActor(fate),
    escalationId: fate.escalationId,
  };
}

/** A resolution is told to partners under its own key (`resolved:<escalation>`), not the entry's. */
export const resolutionNotifyKey = (fate: Pick<EscalationFate, 'escalationId'>) => `resolved:${fate.escalationId}`;

const decidedByOf = (by: Requester): DecidedBy => ({
  kind:
    by.role === 'reseller' || by.role === 'distributor' ? by.role : by.role === 'sales' ? 'seller' : 'channel-manager',
});

/** Who acted on its own registration, in an entry's words: the reseller, or the seller of a direct opportunity. */
const ownerWord = (by: Requester) => (by.role === 'sales' ? 'the seller' : 'the reseller');

interface Registered {
  status: RegistrationStatus;
  policyVersion: number;
}

/** An entry of the registration's own course (a reseller's act, a timer), decided by one rule. */
function courseEntry(
  registration: Registered,
  entry: Pick<EntryContent, 'key' | 'explanation' | 'decidedBy' | 'actor' | 'reasonCode' | 'escalationId'> & {
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

export function withdrawalEntry(registration: Registered, by: Requester, reason?: string): EntryContent {
  return courseEntry(registration, {
    key: 'withdraw',
    rule: 'lifecycle.withdraw',
    result: 'withdraw',
    explanation: `Withdrawn by ${ownerWord(by)}${reason ? `: ${reason}` : ''}.`,
    decidedBy: decidedByOf(by),
    actor: by.actor,
  });
}

export function closingEntry(registration: Registered, by: Requester, closing: Closing): EntryContent {
  const detail =
    closing.outcome === 'won'
      ? closing.amount && ` (${closing.amount.currency} ${closing.amount.amount})`
      : ` (${closing.reason})`;
  return {
    ...courseEntry(registration, {
      key: 'close',
      rule: 'lifecycle.close',
      result: 'close',
      explanation: `Closed as ${closing.outcome}${detail ?? ''} by ${ownerWord(by)}.`,
      decidedBy: decidedByOf(by),
      actor: by.actor,
    }),
    closing,
  };
}

export function expiryEntry(registration: Registered, protectedUntil: string): EntryContent {
  return courseEntry(registration, {
    key: `expire:${protectedUntil}`,
    rule: 'lifecycle.expiry',
    result: 'expire',
    explanation: `Protection ended on ${protectedUntil} without the deal being closed.`,
    decidedBy: { kind: 'system', id: 'protection-timer' },
    actor: { kind: 'system', id: 'protection-timer' },
  });
}

/** `request` numbers every request for an extension (a denied one included), `ordinal` the extension it asks for. */
export function extensionRequestEntry(
  registration: Registered,
  request: { by: Requester; reason: string; request: number; ordinal: number; escalationId: string },
): EntryContent {
  return courseEntry(registration, {
    key: `extension-request:${request.request}`,
    rule: 'extension.needs-approval',
    result: 'extension',
    reasonCode: 'extension-request',
    explanation: `Extension ${request.ordinal} requested (${request.reason}); the policy sends it to a channel manager.`,
    decidedBy: decidedByOf(request.by),
    actor: request.by.actor,
    escalationId: request.escalationId,
  });
}

export function extensionEntry(
  registration: Registered,
  request: { by: Requester; reason: string; ordinal: number; max: number; protectedUntil: string },
): EntryContent {
  return courseEntry(registration, {
    key: `extension:${request.ordinal}`,
    rule: 'extension.direct',
    result: 'extension',
    explanation: `Protection extended to ${request.protectedUntil} (extension ${request.ordinal} of ${request.max}): ${request.reason}`,
    decidedBy: decidedByOf(request.by),
    actor: request.by.actor,
  });
}

/**
 * How a migrated registration arrived (`POST /registrations/import`): the job and file row it came from,
 * the sequence drawn for it in the job's block, and where it stood in the system it came from.
 */
export interface Arrival {
  kind: 'import';
  importId: string;
  row: number;
  sequence: number;
  submittedAt: string;
  status: ImportableStatus;
  protectedUntil?: string;
  note?: string;
  /**
   * An approved import the migration's plan found in conflict (with a live holder, or with other approved
   * imports of the file on the same deal): escalated whatever its own look finds, into the one escalation
   * of that deal (`escalationId`), with the file's other claimants (`rows`) named.
   */
  conflict?: ImportConflict;
}

export interface ImportConflict {
  escalationId: string;
  /** The rows of the same file whose approved imports claim the same deal. */
  rows: number[];
}

/**
 * The signed entry of a migrated registration's arrival (key `imported`): where it stood before, in the
 * words of the file. `heldBy`: an approved import escalated, with the engine's look at its deal: the
 * holders it found (its matches show every party to the channel manager), or none yet when the conflict
 * is with later rows of the same file (`arrival.conflict` names them).
 */
export function importedEntry(
  registered: Registered,
  arrival: Arrival,
  by: Actor,
  heldBy?: EngineVerdict,
): EntryContent {
  const before = `${arrival.status}, submitted ${arrival.submittedAt}${arrival.protectedUntil ? `, protected until ${arrival.protectedUntil}` : ''}`;
  const source = `Imported from ${arrival.importId} (row ${arrival.row}) as ${before}`;
  const note = arrival.note ? ` Note: ${arrival.note}` : '';
  const rows = arrival.conflict?.rows ?? [];
  const claimed =
    rows.length > 0
      ? ` Approved imports of the same file claim this deal too (row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}): a channel manager weighs them side by side.`
      : '';
  const held = heldBy && heldBy.decision.outcome !== 'approve';
  const staff = held
    ? `${source}; the deal is held, so it is escalated for a channel manager: ${heldBy.explanation}${claimed}${note}`
    : heldBy
      ? `${source}; it is escalated for a channel manager.${claimed}${note}`
      : arrival.status === 'pending' || arrival.status === 'escalated'
        ? `${source}; it is decided afresh, as a new registration would be.${note}`
        : `${source}.${note}`;
  return {
    key: 'imported',
    explanation: staff,
    resellerExplanation: heldBy
      ? 'Brought over from the previous system; another registration holds this deal, so a channel manager decides.'
      : 'Brought over from the previous system as it stood there.',
    trace: [
      {
        rule: 'migration.import',
        inputs: {
          importId: arrival.importId,
          row: arrival.row,
          status: arrival.status,
          submittedAt: arrival.submittedAt,
          ...(arrival.protectedUntil ? { protectedUntil: arrival.protectedUntil } : {}),
        },
        result: heldBy ? 'escalate' : arrival.status,
        detail: staff,
        decisive: true,
      },
    ],
    matches: heldBy?.decision.matches ?? [],
    policyVersion: registered.policyVersion,
    decidedBy: { kind: 'system', id: 'migration' },
    actor: by,
    ...(heldBy ? { reasonCode: (held && heldBy.decision.reasonCode) || 'already-registered' } : {}),
    ...(heldBy?.escalationId ? { escalationId: heldBy.escalationId } : {}),
  };
}

/** A channel manager's move of a deal, as both registrations' entries word it (the reason is shown to both partners). */
export interface TransferWords {
  by: Requester;
  reason: string;
  from: string;
  to: string;
}

function byChannelManager(
  registration: Registered,
  words: Pick<TransferWords, 'by' | 'reason'>,
  entry: { key: string; rule: string; result: string; staff: string; partner: string },
): EntryContent {
  return {
    ...courseEntry(registration, {
      key: entry.key,
      rule: entry.rule,
      result: entry.result,
      explanation: `${entry.staff}: ${words.reason}`,
      decidedBy: { kind: 'channel-manager' },
      actor: words.by.actor,
    }),
    resellerExplanation: `${entry.partner}: ${words.reason}`,
  };
}

/** The receiver's approval: it takes over the deal from `from` (named to staff only). */
export function transferInEntry(registration: Registered, words: TransferWords): EntryContent {
  return {
    ...byChannelManager(registration, words, {
      key: 'transfer-in',
      rule: 'lifecycle.transfer',
      result: 'approve',
      staff: `Approved by transfer from registration ${words.from}`,
      partner: 'A channel manager transferred this deal to you',
    }),
    transfer: { from: words.from, to: words.to },
  };
}

/** The holder's end: the deal went to `to` (named to staff only), approved a step before. */
export function transferOutEntry(registration: Registered, words: TransferWords): EntryContent {
  return {
    ...byChannelManager(registration, words, {
      key: 'transfer',
      rule: 'lifecycle.transfer',
      result: 'transferred',
      staff: `Transferred to registration ${words.to}`,
      partner: 'A channel manager moved this deal to another partner',
    }),
    transfer: { from: words.from, to: words.to },
  };
}

export function revocationEntry(registration: Registered, by: Requester, reason: string): EntryContent {
  return byChannelManager(
    registration,
    { by, reason },
    {
      key: 'revoke',
      rule: 'lifecycle.revoke',
      result: 'revoked',
      staff: 'Revoked by a channel manager',
      partner: 'A channel manager revoked this registration',
    },
  );
}

/** The owner's change of the opportunity (`changed`): the status and its reason stay what they were. */
export function changeEntry(
  registration: Registered & { reasonCode?: ReasonCode },
  request: { by: Requester; number: number; change: OpportunityChangeRecord },
): EntryContent {
  const { before, after, note } = request.change;
  const fields = Object.keys(after).map((field) => {
    const was = before[field as keyof Opportunity];
    const is = after[field as keyof Opportunity];
    return `${field} ${wordedValue(was)} → ${wordedValue(is)}`;
  });
  const who = request.by.role === 'distributor' ? 'the distributor' : 'the reseller';
  return {
    ...courseEntry(registration, {
      key: `change:${request.number}`,
      rule: 'lifecycle.change',
      result: 'change',
      explanation: `Changed by ${who}: ${fields.join('; ')}.${note ? ` Note: ${note}` : ''}`,
      decidedBy: decidedByOf(request.by),
      actor: request.by.actor,
      ...(registration.reasonCode ? { reasonCode: registration.reasonCode } : {}),
    }),
    change: request.change,
  };
}

function wordedValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value)
    return `${value.currency} ${value.amount}`;
  return String(value);
}
