import type { Actor } from './actor';
import type { DisputeDecision, DisputeGround } from './dispute';
import type { DisputeEvent } from './lifecycle';
import type { EntryContent } from './lifecycle-entries';

/**
 * What each step of a dispute writes in the decisions of the registrations it concerns, worded once, for
 * staff and for the partner. A partner's words never name the other partner (nor its registration).
 * The status's reason is the registration's own: the activity that records the step keeps it.
 */

export interface DisputeStep {
  event: DisputeEvent;
  content: Omit<EntryContent, 'reasonCode'>;
}

const outcomeWords = {
  upheld: 'upheld: the decision stands',
  overturned: 'overturned: the deal moves to the partner who disputed it',
  distinct: 'distinct: the disputing partner’s registration is approved as a separate deal',
} as const;

function disputeContent(
  policyVersion: number,
  entry: { key: string; result: string; staff: string; partner: string; actor: Actor },
  by: EntryContent['decidedBy'],
  dispute: EntryContent['dispute'],
): DisputeStep['content'] {
  return {
    key: entry.key,
    explanation: entry.staff,
    resellerExplanation: entry.partner,
    trace: [{ rule: 'dispute', inputs: {}, result: entry.result, detail: entry.staff, decisive: true }],
    matches: [],
    policyVersion,
    decidedBy: by,
    actor: entry.actor,
    ...(dispute ? { dispute } : {}),
  };
}

export function disputeOpenedStep(
  dispute: { id: string; ground: DisputeGround; holderId?: string },
  actor: Actor,
  policyVersion: number,
): DisputeStep {
  const holder = dispute.holderId ? ` against registration ${dispute.holderId}` : '';
  return {
    event: 'dispute-opened',
    content: disputeContent(
      policyVersion,
      {
        key: `dispute:${dispute.id}:opened`,
        result: 'dispute-opened',
        staff: `Disputed by its reseller (${dispute.ground})${holder}: dispute ${dispute.id}.`,
        partner: `You disputed this decision (${dispute.ground}); a channel manager will decide.`,
        actor,
      },
      { kind: 'reseller' },
      { id: dispute.id },
    ),
  };
}

/** The holder is told its registration is disputed, never by whom. */
export function disputedStep(
  dispute: { id: string; disputingId: string; responseDueAt: string },
  policyVersion: number,
): DisputeStep {
  return {
    event: 'disputed',
    content: disputeContent(
      policyVersion,
      {
        key: `dispute:${dispute.id}:disputed`,
        result: 'disputed',
        staff: `Registration ${dispute.disputingId} disputes the decision that left this deal here: dispute ${dispute.id}.`,
        partner: `Another partner disputes a decision about this deal. You may answer once, until ${dispute.responseDueAt}.`,
        actor: { kind: 'system', id: 'disputes' },
      },
      { kind: 'system', id: 'dispute' },
      { id: dispute.id },
    ),
  };
}

export function disputeAnsweredStep(disputeId: string, actor: Actor, policyVersion: number): DisputeStep {
  return {
    event: 'dispute-answered',
    content: disputeContent(
      policyVersion,
      {
        key: `dispute:${disputeId}:answered`,
        result: 'dispute-answered',
        staff: `The holder’s owner answered dispute ${disputeId}.`,
        partner: 'You answered the dispute about this deal.',
        actor,
      },
      { kind: 'reseller' },
      { id: disputeId },
    ),
  };
}

/** Both parties are told the outcome and the channel manager's (or the policy's) reason. */
export function disputeDecidedStep(disputeId: string, decision: DisputeDecision, policyVersion: number): DisputeStep {
  const words = outcomeWords[decision.outcome];
  const receiver = decision.receiverId ? ` (registration ${decision.receiverId})` : '';
  return {
    event: 'dispute-decided',
    content: disputeContent(
      policyVersion,
      {
        key: `dispute:${disputeId}:decided`,
        result: decision.outcome,
        staff: `Dispute ${disputeId} decided ${words}${receiver}: ${decision.reason}`,
        partner: `The dispute about this deal was decided ${words}: ${decision.reason}`,
        actor: decision.actor,
      },
      decision.by,
      { id: disputeId, outcome: decision.outcome, ...(decision.receiverId ? { receiverId: decision.receiverId } : {}) },
    ),
  };
}
