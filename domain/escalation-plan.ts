import type { IdentifierConflict, MatchBasis, MatchStrength } from './allocation/types';
import type { Actor, EscalationResolutionSummary, FateAction } from './lifecycle-entries';
import type { PolicyTiming } from './policy/schema';
import type { ReasonCode, RegistrationStatus } from './registration';

type OnSecondSlaBreach = PolicyTiming['onSecondSlaBreach'];

/** One registration an escalation weighs, as the channel manager sees it side by side with the others. */
export interface EscalationContenderView {
  registrationId: string;
  resellerId: string;
  distributorId: string;
  /** `holder`: approved already, shown for comparison; `contender`: waits for this escalation's word. */
  role: 'holder' | 'contender';
  sequence: number;
  /** The strongest match of its decision (staff only). */
  match?: {
    strength: MatchStrength;
    basis: MatchBasis;
    score: number;
    withRegistrationId: string;
    conflictingIdentifiers?: IdentifierConflict[];
  };
  /** Every registration its decision matched: the pairs a resolution speaks of. */
  matchedWith: string[];
  joinedAt: string;
}

export type EscalationSubject = 'registration' | 'extension';

export type EscalationResolutionRequest =
  | { award: string; reason: string }
  | { rejectAll: true; reason: string }
  | { distinct: true; reason: string };

export interface Fate {
  registrationId: string;
  action: FateAction;
  distinctFrom?: string[];
}

export interface ResolutionPlan {
  resolution: EscalationResolutionSummary;
  /** The channel manager's reason, or the rule that decided at the deadline. */
  reason: string;
  decidedBy: { kind: 'channel-manager' | 'deadline' | 'system'; id?: string };
  actor: Actor;
  fates: Fate[];
}

export interface PlanInput {
  subject: EscalationSubject;
  reasonCode: ReasonCode;
  contenders: readonly EscalationContenderView[];
  /** Each contender's status now: one that ended meanwhile is given no fate, one no longer approved holds nothing. */
  statuses: ReadonlyMap<string, RegistrationStatus>;
  request: EscalationResolutionRequest | 'deadline' | 'moot';
  onSecondSlaBreach: OnSecondSlaBreach;
  actor: Actor;
}

/** Whether two members of an escalation were matched with each other (in either direction). */
function matched(a: EscalationContenderView, b: EscalationContenderView): boolean {
  return a.matchedWith.includes(b.registrationId) || b.matchedWith.includes(a.registrationId);
}

/**
 * What a resolution means for each contender still waiting. Matches are not transitive (A may match B and
 * B match C while A and C are different deals), so a resolution decides only the pairs it speaks of:
 * - an award approves the winner and rejects those matched with it; a contender matched only with the
 *   losers is looked at again (`recheck`), now that they are out of the way;
 * - `distinct` declares every pair of this escalation a different deal: each contender is looked at again
 *   ignoring the others, so two contenders that also match something else are still weighed against it;
 * - the deadline's first come, first served awards the earliest (an approved holder keeps the deal).
 * Approved holders are never revoked here. Every approval is checked against the deal when it is recorded.
 */
export function planResolution(input: PlanInput): ResolutionPlan {
  const { subject, contenders, statuses, request, actor } = input;
  const waitingStatus = subject === 'extension' ? 'approved' : 'escalated';
  const waiting = contenders.filter((c) => c.role === 'contender' && statuses.get(c.registrationId) === waitingStatus);
  const holders = contenders.filter((c) => c.role === 'holder' && statuses.get(c.registrationId) === 'approved');
  const manager = { kind: 'channel-manager' as const };

  if (request === 'moot') {
    return {
      resolution: { kind: 'moot' },
      reason: 'every contender left',
      decidedBy: { kind: 'system' },
      actor,
      fates: [],
    };
  }
  if (subject === 'extension') return extensionPlan(waiting, request, input.onSecondSlaBreach, actor);

  const rejectAll = (reason: string, decidedBy: ResolutionPlan['decidedBy']): ResolutionPlan => ({
    resolution: { kind: 'reject-all' },
    reason,
    decidedBy,
    actor,
    fates: waiting.map((c) => ({ registrationId: c.registrationId, action: 'reject' })),
  });
  const award = (winnerId: string, reason: string, decidedBy: ResolutionPlan['decidedBy']): ResolutionPlan => {
    const winner = contenders.find((c) => c.registrationId === winnerId);
    return {
      resolution: { kind: 'award', registrationId: winnerId },
      reason,
      decidedBy,
      actor,
      fates: waiting.map((c) => ({
        registrationId: c.registrationId,
        action:
          c.registrationId === winnerId ? 'approve' : winner && matched(c, winner) ? 'reject' : ('recheck' as const),
      })),
    };
  };

  if (request === 'deadline') {
    const rule = input.onSecondSlaBreach;
    const decidedBy = { kind: 'deadline' as const, id: `onSecondSlaBreach:${rule}` };
    if (rule === 'reject-all') {
      return rejectAll('the second review deadline passed; the policy rejects every contender', decidedBy);
    }
    const pool = holders.length > 0 ? holders : waiting;
    const winner = [...pool].sort((a, b) => a.sequence - b.sequence)[0];
    const reason = 'the second review deadline passed; the policy awards the deal first come, first served';
    return winner ? award(winner.registrationId, reason, decidedBy) : rejectAll(reason, decidedBy);
  }
  if ('award' in request) return award(request.award, request.reason, manager);
  if ('distinct' in request) {
    const members = contenders.map((c) => c.registrationId);
    return {
      resolution: { kind: 'distinct' },
      reason: request.reason,
      decidedBy: manager,
      actor,
      fates: waiting.map((c) => ({
        registrationId: c.registrationId,
        action: 'recheck',
        distinctFrom: members.filter((id) => id !== c.registrationId),
      })),
    };
  }
  return rejectAll(request.reason, manager);
}

function extensionPlan(
  waiting: readonly EscalationContenderView[],
  request: EscalationResolutionRequest | 'deadline',
  onSecondSlaBreach: OnSecondSlaBreach,
  actor: Actor,
): ResolutionPlan {
  const grants =
    request === 'deadline' ? onSecondSlaBreach === 'first-come' : 'award' in request || 'distinct' in request;
  const decidedBy =
    request === 'deadline'
      ? { kind: 'deadline' as const, id: `onSecondSlaBreach:${onSecondSlaBreach}` }
      : { kind: 'channel-manager' as const };
  const [asking] = waiting;
  return {
    resolution: grants && asking ? { kind: 'award', registrationId: asking.registrationId } : { kind: 'reject-all' },
    reason:
      request === 'deadline'
        ? `the second review deadline passed; the policy ${grants ? 'grants' : 'denies'} the extension`
        : request.reason,
    decidedBy,
    actor,
    fates: waiting.map((c) => ({
      registrationId: c.registrationId,
      action: grants ? 'grant-extension' : 'deny-extension',
    })),
  };
}
