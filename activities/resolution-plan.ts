import type { RegistrationDoc } from '../db/registrations';
import type { Policy } from '../domain/policy/schema';
import type {
  Actor,
  EscalationContenderView,
  EscalationResolutionRequest,
  EscalationResolutionSummary,
  FateAction,
} from '../workflows/definitions';

export interface Fate {
  registrationId: string;
  action: FateAction;
}

export interface ResolutionPlan {
  resolution: EscalationResolutionSummary;
  /** The channel manager's reason, or the rule that decided at the deadline. */
  reason: string;
  decidedBy: { kind: 'channel-manager' | 'deadline' | 'system'; id?: string };
  fates: Fate[];
}

/**
 * What a resolution means for each contender; pure, so that it is tested without servers.
 * Approved holders are never revoked: an approval stands until it ends by itself.
 */
export function planResolution(
  subject: 'registration' | 'extension',
  contenders: readonly EscalationContenderView[],
  registrations: readonly RegistrationDoc[],
  request: EscalationResolutionRequest | 'deadline' | 'moot',
  policy: Policy,
  actor: Actor,
): ResolutionPlan {
  const byId = new Map(registrations.map((r) => [r._id, r]));
  const waitingStatus = subject === 'extension' ? 'approved' : 'escalated';
  const waiting = contenders.filter(
    (c) => c.role === 'contender' && byId.get(c.registrationId)?.status === waitingStatus,
  );
  const holders = contenders.filter((c) => c.role === 'holder' && byId.get(c.registrationId)?.status === 'approved');
  const [approve, reject] =
    subject === 'extension' ? (['grant-extension', 'deny-extension'] as const) : (['approve', 'reject'] as const);
  const manager = { kind: 'channel-manager' as const, id: actor.keyId };

  if (request === 'moot') {
    return {
      resolution: { kind: 'moot' },
      reason: 'every contender withdrew',
      decidedBy: { kind: 'system' },
      fates: [],
    };
  }
  if (request === 'deadline') {
    const rule = policy.timing.onSecondSlaBreach;
    const decidedBy = { kind: 'deadline' as const, id: `onSecondSlaBreach:${rule}` };
    if (rule === 'reject-all') {
      return {
        resolution: { kind: 'reject-all' },
        reason: 'the second review deadline passed; the policy rejects every contender',
        decidedBy,
        fates: waiting.map((c) => ({ registrationId: c.registrationId, action: reject })),
      };
    }
    // An approved holder keeps the deal; otherwise the earliest accepted contender wins.
    const pool = holders.length > 0 ? holders : waiting;
    const winner = [...pool].sort((a, b) => a.sequence - b.sequence)[0];
    return {
      resolution: winner ? { kind: 'award', registrationId: winner.registrationId } : { kind: 'reject-all' },
      reason: 'the second review deadline passed; the policy awards the deal first come, first served',
      decidedBy,
      fates: waiting.map((c) => ({
        registrationId: c.registrationId,
        action: c.registrationId === winner?.registrationId ? approve : reject,
      })),
    };
  }
  if ('award' in request) {
    return {
      resolution: { kind: 'award', registrationId: request.award },
      reason: request.reason,
      decidedBy: manager,
      fates: waiting.map((c) => ({
        registrationId: c.registrationId,
        action: c.registrationId === request.award ? approve : reject,
      })),
    };
  }
  if ('distinct' in request) {
    return {
      resolution: { kind: 'distinct' },
      reason: request.reason,
      decidedBy: manager,
      fates: waiting.map((c) => ({ registrationId: c.registrationId, action: approve })),
    };
  }
  return {
    resolution: { kind: 'reject-all' },
    reason: request.reason,
    decidedBy: manager,
    fates: waiting.map((c) => ({ registrationId: c.registrationId, action: reject })),
  };
}
