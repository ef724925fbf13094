import type { DecisionRecord, RegistrationDoc } from '../../db/registrations';
import type { DealMatch } from '../../domain/allocation/types';
import type { ReasonCode, RegistrationStatus } from '../../domain/registration';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365 * DAY_MS;

/**
 * The policy versions the seeded program ran under: the same rules republished twice, so that the
 * measures have several versions to group by (the seeded decisions were all made by one engine run).
 */
export const seededPolicyVersions = [
  { version: 1, yearsAgo: 3.1 },
  { version: 2, yearsAgo: 2 },
  { version: 3, yearsAgo: 0.75 },
] as const;

/** The version in force when a registration was submitted `now - at` ago. */
export function versionAt(at: number, now: number): number {
  let version = 1;
  for (const v of seededPolicyVersions) if (at >= now - v.yearsAgo * YEAR_MS) version = v.version;
  return version;
}

/** A registration already holding the deal, as the engine's match names it (only its count matters here). */
function holderMatch(doc: RegistrationDoc): DealMatch {
  return {
    registrationId: `reg_h${doc._id.slice(5)}`,
    resellerId: doc.resellerId,
    distributorId: doc.distributorId,
    sequence: Math.max(1, (doc.sequence as number) - 1),
    strength: 'certain',
    basis: 'domain',
    score: 1,
    sharedProductLines: doc.opportunity.productLines.slice(0, 1),
  };
}

type Step = { kind: DecisionRecord['kind']; to: RegistrationStatus; at: number; reasonCode?: ReasonCode };

const endingKind: Partial<Record<RegistrationStatus, DecisionRecord['kind']>> = {
  won: 'close',
  lost: 'close',
  expired: 'expire',
  withdrawn: 'withdraw',
};

/**
 * The seeded registration with a decision log its status could have come from, so that the measures
 * rebuilt from the logs have every kind of fact: rejections with reasons, escalations resolved after
 * hours or days, conflicts, closings, expiries and withdrawals, under three policy versions.
 * Only the log, `policyVersion` and `reasonCode` change; the first entry keeps the engine's trace.
 */
export function withHistory(doc: RegistrationDoc, random: () => number, now: number): RegistrationDoc {
  const first = doc.decisions[0] as DecisionRecord;
  const decidedAt = (doc.decidedAt as Date).getTime();
  const policyVersion = versionAt(doc.submittedAt.getTime(), now);
  const steps: Step[] = [];
  const escalateFirst = (to: RegistrationStatus, reasonCode?: ReasonCode) => {
    steps.push({ kind: 'decision', to: 'escalated', at: decidedAt, reasonCode: 'possible-duplicate' });
    const resolvedAt = decidedAt + Math.floor((1 + random() * 95) * HOUR_MS);
    steps.push({ kind: 'escalation-resolved', to, at: resolvedAt, ...(reasonCode ? { reasonCode } : {}) });
  };
  if (doc.status === 'escalated') {
    steps.push({ kind: 'decision', to: 'escalated', at: decidedAt, reasonCode: 'possible-duplicate' });
  } else if (doc.status === 'rejected') {
    if (random() < 0.5)
      steps.push({ kind: 'decision', to: 'rejected', at: decidedAt, reasonCode: 'already-registered' });
    else escalateFirst('rejected', 'resolved-against');
  } else if (random() < 0.1) {
    escalateFirst('approved');
  } else {
    steps.push({ kind: 'decision', to: 'approved', at: decidedAt });
  }
  const ending = endingKind[doc.status];
  if (ending) {
    const last = steps.at(-1) as Step;
    const at = Math.max(doc.endedAt?.getTime() ?? 0, last.at + HOUR_MS);
    steps.push({ kind: ending, to: doc.status, at });
  }
  // Nothing happens after the seeding: a step due later is dated now (facts of future days are not read).
  for (const [index, step] of steps.entries()) {
    step.at = Math.max(index === 0 ? 0 : (steps[index - 1] as Step).at, Math.min(step.at, now));
  }
  const conflict = steps[0]?.to !== 'approved' || random() < 0.05;
  let from: RegistrationStatus = 'pending';
  const decisions = steps.map((step, index): DecisionRecord => {
    const entry: DecisionRecord = {
      ...first,
      key: index === 0 ? 'decision' : `${step.kind}:${index}`,
      at: new Date(step.at).toISOString(),
      kind: step.kind,
      fromStatus: from,
      toStatus: step.to,
      ...(step.reasonCode ? { reasonCode: step.reasonCode } : {}),
      trace: index === 0 ? first.trace : [],
      matches: index === 0 && conflict ? [holderMatch(doc)] : [],
      policyVersion,
    };
    if (!step.reasonCode) delete entry.reasonCode;
    from = step.to;
    return entry;
  });
  const last = steps.at(-1) as Step;
  const endedAt = ending || doc.status === 'rejected' ? new Date(last.at) : undefined;
  const reasonCode = [...steps].reverse().find((s) => s.reasonCode)?.reasonCode;
  return {
    ...doc,
    policyVersion,
    decisions,
    decisionKeys: decisions.map((d) => d.key),
    ...(reasonCode ? { reasonCode } : {}),
    ...(endedAt ? { endedAt } : {}),
    updatedAt: new Date(last.at),
  };
}
