import { type AccountFacts, houseAccountSeller } from '../accounts/routing-facts';
import type { Closing, LostReason, ReasonCode, RegistrationStatus } from '../registration';

/**
 * The dimensions every measure can be grouped by (GET /insights `groupBy`): `segment` is the segment the
 * registration was routed by (its vendor account's when one matched), `declaredSegment` the one its
 * reseller declared, so staff can see where declarations differed (issue 23).
 */
export const insightGroupings = [
  'distributor',
  'segment',
  'declaredSegment',
  'partnerType',
  'model',
  'policyVersion',
  'seller',
] as const;
export type InsightGrouping = (typeof insightGroupings)[number];

export interface InsightDimensions {
  distributorId: string;
  /** The routed segment: the vendor account's when the registration matched one, else the declared one. */
  segment: string;
  /** The segment the reseller declared (absent in facts written before it was kept: then `segment`). */
  declaredSegment?: string;
  partnerType: string;
  model: string;
  policyVersion: number;
  /** The vendor seller whose direct opportunity or house account it is (absent: none; facts stored before it too). */
  seller?: string;
}

export const insightFactKinds = [
  'submitted',
  /** An approval, rejection or escalation: the engine's first decision or an escalation's outcome. */
  'decided',
  /** The registration met an active registration on the same deal (its first decision has matches). */
  'conflict',
  /** An escalation decided a contender's fate; `ms` is how long it waited in the escalation. */
  'resolved',
  'missed-deadline',
  'expired',
  'won',
  'lost',
  /** A partner disputed a decision about its registration. */
  'disputed',
  /** A dispute was decided; `ms` is how long it was open, `disputeOutcome` what it decided. */
  'dispute-decided',
] as const;
export type InsightFactKind = (typeof insightFactKinds)[number];

/**
 * One event of the program, as stored: written once (its `_id` names the registration or escalation and
 * the event, so a retried step inserts nothing twice) and never updated.
 */
export interface InsightFact extends InsightDimensions {
  _id: string;
  kind: InsightFactKind;
  /** UTC date (YYYY-MM-DD) the event counts for: reads select by equality on it. */
  day: string;
  /** Its UTC hour (YYYY-MM-DDTHH): today is read hour by hour, the hours that ended from their rollups. */
  hour: string;
  at: Date;
  outcome?: 'approved' | 'rejected' | 'escalated';
  reasonCode?: ReasonCode;
  /** Submission to approval or rejection (`decided`), or time spent in the escalation (`resolved`). */
  ms?: number;
  /** A `won` fact's amount, in its own currency (never summed across currencies). */
  amount?: number;
  currency?: string;
  /** A `lost` fact's reason. */
  lostReason?: LostReason;
  /** A `dispute-decided` fact's outcome. */
  disputeOutcome?: 'upheld' | 'overturned' | 'distinct';
}

export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);
export const utcHour = (at: Date): string => at.toISOString().slice(0, 13);

/** The part of a decision-log entry the facts are made of. */
export interface LoggedDecision {
  key: string;
  at: string;
  kind: string;
  fromStatus: RegistrationStatus;
  toStatus: RegistrationStatus;
  reasonCode?: ReasonCode;
  matches: readonly unknown[];
  escalationId?: string;
  closing?: Closing;
  event?: string;
  dispute?: { id: string; outcome?: 'upheld' | 'overturned' | 'distinct' };
}

export interface FactSubject {
  _id: string;
  submittedAt: Date;
  distributorId: string;
  partnerType: string;
  customer: { segment: string };
  policyVersion: number;
  /** The account at acceptance, when one matched: its segment routed it; a seller owner makes it a house account. */
  account?: AccountFacts;
  /** A vendor seller's direct opportunity: its seller. */
  sellerId?: string;
  decisions: readonly LoggedDecision[];
}

const decidedStatuses: readonly RegistrationStatus[] = ['approved', 'rejected', 'escalated'];
const endings = ['expired', 'won', 'lost'] as const;

/**
 * The facts one decision-log entry makes, computed the same way by the step that writes the entry and
 * by `npm run insights:rebuild`, which replays every log: the two can only agree.
 * `model` is the allocation model of the registration's policy version.
 */
export function factsOfDecision(registration: FactSubject, entry: LoggedDecision, model: string): InsightFact[] {
  const dimensions = dimensionsOf(registration, model);
  const at = new Date(entry.at);
  const fact = (suffix: string, kind: InsightFactKind, extra: Partial<InsightFact> = {}, when = at): InsightFact => ({
    _id: `${registration._id}|${suffix}`,
    kind,
    day: utcDay(when),
    hour: utcHour(when),
    at: when,
    ...dimensions,
    ...extra,
  });
  const facts: InsightFact[] = [];
  // A migrated registration's arrival counts as its first decision, where it stood before (pending ones
  // count when decided afresh); how long the previous system took to decide is not known.
  const imported = entry.kind === 'imported' && entry.toStatus !== 'pending';
  const changesOutcome =
    (entry.kind === 'decision' || entry.kind === 'escalation-resolved' || imported) &&
    decidedStatuses.includes(entry.toStatus);
  if (changesOutcome) {
    const outcome = entry.toStatus as 'approved' | 'rejected' | 'escalated';
    const final = outcome !== 'escalated' && !imported;
    facts.push(
      fact(`decided|${entry.key}`, 'decided', {
        outcome,
        ...(entry.reasonCode ? { reasonCode: entry.reasonCode } : {}),
        ...(final ? { ms: Math.max(0, at.getTime() - new Date(registration.submittedAt).getTime()) } : {}),
      }),
    );
  }
  if (entry.kind === 'decision' || imported) {
    // Counted when decided, dated when submitted: every decided registration counts once as submitted.
    facts.push(fact('submitted', 'submitted', {}, new Date(registration.submittedAt)));
    if (entry.matches.length > 0) facts.push(fact('conflict', 'conflict'));
  }
  if (entry.kind === 'escalation-resolved' && entry.fromStatus === 'escalated') {
    const escalatedAt = registration.decisions.find((d) => d.toStatus === 'escalated' && d.at <= entry.at)?.at;
    const ms = escalatedAt === undefined ? undefined : at.getTime() - new Date(escalatedAt).getTime();
    facts.push(fact(`resolved|${entry.key}`, 'resolved', ms === undefined ? {} : { ms: Math.max(0, ms) }));
  }
  for (const ending of endings) {
    if (entry.toStatus === ending) facts.push(fact(ending, ending, closingFigures(entry.closing)));
  }
  facts.push(...disputeFacts(registration, entry, fact));
  return facts;
}

/** A dispute counts on the disputing registration: opened, then decided (how long it was open, its outcome). */
function disputeFacts(
  registration: FactSubject,
  entry: LoggedDecision,
  fact: (suffix: string, kind: InsightFactKind, extra?: Partial<InsightFact>) => InsightFact,
): InsightFact[] {
  const { dispute } = entry;
  if (!dispute) return [];
  if (entry.event === 'dispute-opened') return [fact(`disputed|${dispute.id}`, 'disputed')];
  const opened = registration.decisions.find((d) => d.event === 'dispute-opened' && d.dispute?.id === dispute.id);
  if (entry.event !== 'dispute-decided' || !opened || !dispute.outcome) return [];
  const ms = Math.max(0, Date.parse(entry.at) - Date.parse(opened.at));
  return [fact(`dispute-decided|${dispute.id}`, 'dispute-decided', { ms, disputeOutcome: dispute.outcome })];
}

function closingFigures(closing: Closing | undefined): Partial<InsightFact> {
  if (closing?.outcome === 'won' && closing.amount) {
    return { amount: closing.amount.amount, currency: closing.amount.currency };
  }
  return closing?.outcome === 'lost' ? { lostReason: closing.reason } : {};
}

export interface EscalationSubject {
  _id: string;
  /** 2 once the first review deadline passed. */
  level: 1 | 2;
  reviewDueAt: Date;
  secondReviewDueAt: Date;
  resolution?: { by: { kind: string } };
}

/** Whether an escalation missed a review deadline (and so has facts). */
export const missedADeadline = (escalation: EscalationSubject): boolean =>
  escalation.level === 2 || escalation.resolution?.by.kind === 'deadline';

function sellerDimension(registration: Pick<FactSubject, 'account' | 'sellerId'>): { seller?: string } {
  const seller = registration.sellerId ?? houseAccountSeller(registration.account);
  return seller === undefined ? {} : { seller };
}

export function dimensionsOf(registration: Omit<FactSubject, 'decisions' | '_id' | 'submittedAt'>, model: string) {
  return {
    distributorId: registration.distributorId,
    segment: registration.account?.segment ?? registration.customer.segment,
    declaredSegment: registration.customer.segment,
    partnerType: registration.partnerType,
    model,
    policyVersion: registration.policyVersion,
    ...sellerDimension(registration),
  } satisfies InsightDimensions;
}

/**
 * The review deadlines an escalation missed: the first (its channel managers were reminded) and the
 * second (the policy's rule decided). Grouped by its first contender's dimensions.
 */
export function factsOfEscalation(escalation: EscalationSubject, dimensions: InsightDimensions): InsightFact[] {
  const missed = (level: 1 | 2, dueAt: Date): InsightFact => ({
    _id: `escalation|${escalation._id}|missed:${level}`,
    kind: 'missed-deadline',
    day: utcDay(dueAt),
    hour: utcHour(dueAt),
    at: dueAt,
    ...dimensions,
  });
  const facts: InsightFact[] = [];
  if (escalation.level === 2) facts.push(missed(1, new Date(escalation.reviewDueAt)));
  if (escalation.resolution?.by.kind === 'deadline') facts.push(missed(2, new Date(escalation.secondReviewDueAt)));
  return facts;
}
