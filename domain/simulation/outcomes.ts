import type { DecisionOutcome } from '../allocation/types';
import type { ActualOutcome, ReplayOutcome } from './types';

/** The engine's actual decision, read from what was stored (see `ActualOutcome.status`). */
export function actualDecision(actual: ActualOutcome): ReplayOutcome {
  switch (actual.status) {
    case 'approved':
    case 'won':
    case 'lost':
    case 'expired':
    case 'transferred':
    case 'revoked':
      return 'approve';
    case 'escalated':
      return 'escalate';
    case 'rejected':
      return actual.reasonCode === 'resolved-against' ? 'escalate' : 'reject';
    default:
      return actual.reasonCode === 'possible-duplicate' ||
        actual.reasonCode === 'unrouted' ||
        actual.reasonCode === 'house-account'
        ? 'escalate'
        : 'undecided';
  }
}

export function parseTime(iso: string | undefined, what: string): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`${what} is not an ISO 8601 time: ${iso}`);
  return ms;
}

/**
 * Until when a registration the candidate lets hold its deal (approved or escalated) keeps holding
 * it, as far as the stored history tells. What partners did (withdraw, win, lose) and expiry are
 * taken as they happened. A registration whose life was cut short by a rejection that the
 * candidate would not have made is assumed to hold for the candidate's protection period from
 * its decision: nothing else is known of the life it would have had.
 */
export function releaseTime(
  actual: ActualOutcome,
  simulated: DecisionOutcome,
  submittedAt: number,
  protectionMs: number,
  id: string,
): number {
  const endedByRejection = actual.endStatus === 'rejected' || actual.status === 'rejected';
  if (endedByRejection && actualDecision(actual) !== simulated) {
    return (parseTime(actual.decidedAt, `registration ${id}: decidedAt`) ?? submittedAt) + protectionMs;
  }
  return parseTime(actual.endedAt, `registration ${id}: endedAt`) ?? Number.POSITIVE_INFINITY;
}
