import { evaluateDealCheck } from './deal-check';
import { evaluateRouting } from './routing';
import type { Decision, DecisionInput } from './types';

/**
 * The allocation decision for one registration: routing first (may this distributor take it?),
 * then the deal check (does someone hold this deal already?). Pure: it reads nothing but its
 * input, so the conflict-check activity and the policy simulator get the same answer for the same
 * facts, and a stored decision can be recomputed and compared.
 *
 * It produces `already-registered`, `duplicate`, `wrong-route`, `possible-duplicate` and
 * `unrouted`. `resolved-against` and `extension-request` belong to a registration's later life
 * (escalation resolution, extensions) and come from the lifecycle, never from here.
 */
export function decide(input: DecisionInput): Decision {
  const { subject, policy, policyVersion, holders } = input;
  const routing = evaluateRouting(policy, subject);
  if (routing.kind === 'stopped') {
    return {
      outcome: routing.outcome,
      reasonCode: routing.reasonCode,
      matches: [],
      trace: routing.steps,
      policyVersion,
    };
  }
  const deal = evaluateDealCheck(subject, holders, policy);
  // Built key by key in one order, so that every decision serializes the same way.
  return {
    outcome: deal.outcome,
    ...(deal.reasonCode !== undefined && { reasonCode: deal.reasonCode }),
    matches: deal.matches,
    ...(deal.ownRegistrationId !== undefined && { ownRegistrationId: deal.ownRegistrationId }),
    trace: [...routing.steps, ...deal.steps],
    policyVersion,
  };
}
