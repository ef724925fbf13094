import { describeStep } from './describe';
import { isRegistrationRef } from './refs';
import type { Audience, Decision, RuleTraceStep } from './types';

/** How another partner's registration appears to a reseller: no id, name, sequence or customer. */
export const ANOTHER_PARTNER = "another partner's registration";

/** The reseller's own registration keeps what identifies it to them; another partner's becomes a neutral phrase. */
function redactRef(value: unknown): unknown {
  if (!isRegistrationRef(value) || !value.sameReseller) return ANOTHER_PARTNER;
  return {
    kind: value.kind,
    registrationId: value.registrationId,
    sequence: value.sequence,
    status: value.status,
    sameReseller: true,
  };
}
const redactRefs = (value: unknown) => (Array.isArray(value) ? value.map(redactRef) : []);

/**
 * What a reseller may see of each rule's inputs: a whitelist per rule, so a field added to a rule
 * later stays hidden from resellers until someone decides it is safe. Routing inputs are the
 * subject's own facts and the policy's distributors. The deal check keeps how the customer
 * matched, not who matched or how closely their data resembles the subject's.
 */
function redactInputs(rule: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (rule) {
    case 'routing.select-route':
    case 'routing.unrouted':
    case 'routing.check-distributor':
      return structuredClone(inputs);
    case 'deal.compare-customer':
      return {
        holder: redactRef(inputs.holder),
        strength: inputs.strength,
        basis: inputs.basis,
        sharedProductLines: structuredClone(inputs.sharedProductLines),
      };
    case 'deal.first-come':
      return {
        subjectSequence: inputs.subjectSequence,
        certain: redactRefs(inputs.certain),
        probable: redactRefs(inputs.probable),
        named: inputs.named === null ? null : redactRef(inputs.named),
        namedMatch: structuredClone(inputs.namedMatch),
      };
    default:
      return {};
  }
}

/**
 * Comparisons with registrations that turned out not to be the deal are not about the reseller's
 * registration; showing them would tell a reseller that someone else registered a similar customer.
 */
const concernsSubject = (step: RuleTraceStep) =>
  step.rule !== 'deal.compare-customer' || step.result === 'certain' || step.result === 'probable';

function redactStep(step: RuleTraceStep): RuleTraceStep {
  const inputs = redactInputs(step.rule, step.inputs);
  return {
    rule: step.rule,
    inputs,
    result: step.result,
    detail: describeStep(step.rule, step.result, inputs, 'reseller'),
    decisive: step.decisive === true,
  };
}

/** The trace for an audience: staff see everything; a reseller sees a redacted copy. */
export function renderTrace(trace: RuleTraceStep[], audience: Audience): RuleTraceStep[] {
  if (audience === 'staff') return structuredClone(trace);
  return trace.filter(concernsSubject).map(redactStep);
}

const OPENINGS: Record<Decision['outcome'], string> = {
  approve: 'Approved',
  reject: 'Rejected',
  escalate: 'Sent to a channel manager',
};

/** One sentence that says what was decided and why, in the audience's words. */
export function explain(decision: Decision, audience: Audience): string {
  const decisive = decision.trace.find((step) => step.decisive);
  const reason = decision.reasonCode ? ` (${decision.reasonCode})` : '';
  if (decisive === undefined) return `${OPENINGS[decision.outcome]}${reason}.`;
  const [rendered] = renderTrace([decisive], audience);
  return `${OPENINGS[decision.outcome]}${reason}: ${rendered?.detail ?? ''}`;
}
