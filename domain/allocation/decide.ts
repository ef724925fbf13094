import { evaluateDealCheck } from './deal-check';
import { evaluateRouting } from './routing';
import { describedTrace, type EngineStep } from './steps';

const notDecisive = (step: EngineStep): EngineStep => ({ ...step, decisive: false });

import type { Decision, DecisionInput } from './types';

/** A decision whose trace steps have no sentences yet: what the policy simulator needs of one. */
export type EngineDecision = Omit<Decision, 'trace'> & { trace: EngineStep[] };

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
  const decision = decideOutcome(input);
  return { ...decision, trace: describedTrace(decision.trace) };
}

/**
 * `decide` without the trace's sentences, which cost a replay of a million registrations more than the
 * rules do; the simulator words only the decisions it lists.
 */
export function decideOutcome(input: DecisionInput): EngineDecision {
  const { subject, policy, policyVersion, holders } = input;
  const routing = evaluateRouting(policy, subject);
  if (routing.kind === 'stopped' && routing.outcome === 'reject') {
    return { outcome: 'reject', reasonCode: routing.reasonCode, matches: [], trace: routing.steps, policyVersion };
  }
  const deal = evaluateDealCheck(subject, holders, policy);
  if (routing.kind === 'stopped') {
    // A route's exception is a channel manager's to grant, but never on a deal someone holds: that is
    // decided here, as it would be on the right route, so no review can approve a second holder.
    if (deal.outcome === 'reject') {
      return {
        outcome: 'reject',
        ...(deal.reasonCode !== undefined && { reasonCode: deal.reasonCode }),
        matches: deal.matches,
        ...(deal.ownRegistrationId !== undefined && { ownRegistrationId: deal.ownRegistrationId }),
        trace: [...routing.steps.map(notDecisive), ...deal.steps],
        policyVersion,
      };
    }
    return {
      outcome: 'escalate',
      reasonCode: routing.reasonCode,
      matches: deal.matches,
      trace: [...routing.steps, ...deal.steps.map(notDecisive)],
      policyVersion,
    };
  }
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
