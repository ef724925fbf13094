import { describeStep } from './describe';
import { isRegistrationRef, type RegistrationRef } from './refs';
import type { Audience, Decision, PartnerAudience, RuleTraceStep } from './types';

/**
 * Whether a partner may see which registration a reference names: a reseller, its own; a
 * distributor, the reseller's own made through that distributor (it sees those anyway).
 */
function visibleTo(ref: RegistrationRef, audience: PartnerAudience): boolean {
  if (!ref.sameReseller) return false;
  return audience === 'reseller' || ref.distributorId === audience.distributor;
}

/** The partner's own registration keeps what identifies it to them. */
const ownRef = (ref: RegistrationRef) => ({
  kind: ref.kind,
  registrationId: ref.registrationId,
  sequence: ref.sequence,
  status: ref.status,
  sameReseller: true,
});

/**
 * What a partner may see of each rule's inputs: a whitelist per rule, so a field added to a rule
 * later stays hidden from partners until someone decides it is safe. Routing inputs are the
 * subject's own facts (as the vendor's account record has them, when one decided) and the policy's
 * distributors, never the account's id or owner. Of the deal check a partner learns only
 * whether the deal is the reseller's own, and which registration of its own holds it when it may
 * see that one: never how many others there are, how they matched, which product lines they share
 * or when they came.
 */
function redactInputs(step: RuleTraceStep, audience: PartnerAudience): Record<string, unknown> {
  const { inputs } = step;
  switch (step.rule) {
    case 'routing.select-route':
    case 'routing.unrouted':
    case 'routing.check-distributor': {
      // The vendor's account id is the vendor's own; the facts routing used are the partner's customer's.
      const { accountId: _accountId, ...own } = inputs;
      return structuredClone(own);
    }
    case 'routing.account-reserved':
      // Who owns the account stays the vendor's: a partner learns only that the customer is reserved.
      return { reserved: true, distributorId: inputs.distributorId, onWrongRoute: inputs.onWrongRoute };
    case 'deal.first-come': {
      const named = inputs.named;
      const duplicate = step.result === 'reject' && isRegistrationRef(named) && named.sameReseller;
      if (!duplicate) return { subjectSequence: inputs.subjectSequence };
      return {
        subjectSequence: inputs.subjectSequence,
        duplicate: true,
        ...(visibleTo(named, audience) && { heldBy: ownRef(named) }),
      };
    }
    default:
      return {};
  }
}

/**
 * A partner sees the steps about its own registration (routing) and the step that decided. The
 * comparisons with each holder are left out whatever they found: one step per holder would tell a
 * partner how many others registered a customer like its own, how they matched and on what lines.
 */
const shownToPartner = (step: RuleTraceStep) => step.decisive === true || step.rule.startsWith('routing.');

function redactStep(step: RuleTraceStep, audience: PartnerAudience): RuleTraceStep {
  const inputs = redactInputs(step, audience);
  return {
    rule: step.rule,
    inputs,
    result: step.result,
    detail: describeStep(step.rule, step.result, inputs, audience),
    decisive: step.decisive === true,
  };
}

/** The trace for an audience: staff see everything; a partner sees a redacted copy. */
export function renderTrace(trace: RuleTraceStep[], audience: Audience): RuleTraceStep[] {
  if (audience === 'staff') return structuredClone(trace);
  return trace.filter(shownToPartner).map((step) => redactStep(step, audience));
}

const OPENINGS: Record<Decision['outcome'], string> = {
  approve: 'Approved',
  reject: 'Rejected',
  escalate: 'Sent to a channel manager',
};

/** One sentence that says what was decided and why, in the audience's words. */
export function explain(decision: Decision, audience: Audience): string {
  return sentence(decision.outcome, decision.reasonCode, decision.trace, audience);
}

function sentence(
  outcome: Decision['outcome'],
  reasonCode: string | undefined,
  trace: RuleTraceStep[],
  audience: Audience,
): string {
  const decisive = trace.find((step) => step.decisive);
  const reason = reasonCode ? ` (${reasonCode})` : '';
  if (decisive === undefined) return `${OPENINGS[outcome]}${reason}.`;
  const [rendered] = renderTrace([decisive], audience);
  return `${OPENINGS[outcome]}${reason}: ${rendered?.detail ?? ''}`;
}

/** What a stored decision entry holds that a partner's explanation is written from. */
export interface ExplainedEntry {
  kind: string;
  toStatus: string;
  reasonCode?: string;
  trace?: RuleTraceStep[];
  decidedBy: { kind: string };
  resellerExplanation: string;
}

const ENGINE_OUTCOMES: Record<string, Decision['outcome']> = {
  approved: 'approve',
  rejected: 'reject',
  escalated: 'escalate',
};

/**
 * A partner's explanation of a stored entry. The engine's decisions are worded again from their
 * trace for this reader, so that a distributor is not told the id of a registration that went
 * through another distributor, and an entry stored with older, wordier partner text says no more
 * than today's. Every other entry's partner wording is written by the lifecycle from the
 * registration's own facts and is shown as stored.
 */
export function partnerExplanation(entry: ExplainedEntry, audience: PartnerAudience): string {
  const outcome = ENGINE_OUTCOMES[entry.toStatus];
  if (entry.kind !== 'decision' || entry.decidedBy.kind !== 'engine' || !outcome || !entry.trace?.length) {
    return entry.resellerExplanation;
  }
  return sentence(outcome, entry.reasonCode, entry.trace, audience);
}

/** A registration's explanation is its last entry's (db/decision-log.ts sets both), worded for this partner. */
export function currentPartnerExplanation(
  registration: { decisions?: ExplainedEntry[]; resellerExplanation?: string },
  audience: PartnerAudience,
): string | undefined {
  const last = registration.decisions?.at(-1);
  return last ? partnerExplanation(last, audience) : registration.resellerExplanation;
}
