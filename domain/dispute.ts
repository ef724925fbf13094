import { z } from 'zod';
import type { Actor } from './actor';
import type { DisputeOutcome } from './policy/schema';
import type { ReasonCode, RegistrationStatus } from './registration';

/** What a partner may dispute, and on which grounds (CONTRACT.md, "Additions: disputes"). Pure. */

export const disputeGrounds = [
  'registered-first',
  'different-deal',
  'customer-choice',
  'wrong-route',
  'other',
] as const;
export const disputeGroundSchema = z.enum(disputeGrounds).meta({ id: 'DisputeGround' });
export type DisputeGround = z.infer<typeof disputeGroundSchema>;

export const evidenceSchema = z
  .strictObject({ kind: z.enum(['link', 'note']), value: z.string().trim().min(1).max(2000) })
  .meta({ id: 'DisputeEvidence' });
export type Evidence = z.infer<typeof evidenceSchema>;

export const statementSchema = z.string().trim().min(1).max(5000);
export const MAX_EVIDENCE = 20;

/** One side of a dispute: what its partner said, and when. */
export interface DisputeSide {
  statement: string;
  evidence: Evidence[];
  at: string;
  actor: Actor;
}

/** Rejections a partner may dispute: the deal was someone else's, or a route or house account kept it out. */
const disputableRejections: ReadonlySet<string> = new Set(['already-registered', 'wrong-route', 'house-account']);

/** The registration as the check needs it: its status, reason, and when the disputed decision was made. */
export interface DisputableFacts {
  status: RegistrationStatus;
  reasonCode?: ReasonCode;
  /** When the decision that ended it was recorded. */
  decidedAt?: Date;
  /** Whether a channel manager's review rejected it (`resolved-against`). */
  resolvedAgainst: boolean;
}

/**
 * Why this registration may not be disputed now, or undefined when it may: rejected for a deal or route
 * reason, resolved against, transferred or revoked, within `windowMs` of that decision.
 */
export function disputeRefusal(facts: DisputableFacts, windowMs: number, now: Date): string | undefined {
  const { status, reasonCode } = facts;
  const disputable =
    status === 'transferred' ||
    status === 'revoked' ||
    (status === 'rejected' && (facts.resolvedAgainst || disputableRejections.has(reasonCode ?? '')));
  if (!disputable) {
    return status === 'rejected'
      ? `a rejection for ${reasonCode ?? 'this reason'} cannot be disputed`
      : `only a rejected, resolved-against, transferred or revoked registration can be disputed; it is ${status}`;
  }
  if (!facts.decidedAt) return 'the decision has no time recorded';
  if (now.getTime() - facts.decidedAt.getTime() > windowMs) {
    return `the dispute window closed ${new Date(facts.decidedAt.getTime() + windowMs).toISOString()}`;
  }
  return undefined;
}

/** The decision a dispute ends with, who made it (a channel manager, or the policy at the second deadline) and why. */
export interface DisputeDecision {
  outcome: DisputeOutcome;
  reason: string;
  by: { kind: 'channel-manager' | 'deadline'; id?: string };
  actor: Actor;
  at: string;
  /** The registration that holds the deal for the disputing partner afterwards (overturned, distinct). */
  receiverId?: string;
}

/** The month (UTC) a dispute counts against its reseller's `perResellerPerMonth`. */
export const disputeMonth = (at: Date) => at.toISOString().slice(0, 7);
