import { sellerOfParty } from '../direct';
import type { ReasonCode } from '../registration';
import { evaluateDealCheck } from './deal-check';
import { evaluateHouseAccount, type HouseAccountVerdict } from './house-account';
import { evaluateRouting, type RoutingVerdict } from './routing';
import { describedTrace, type EngineStep, traceStep } from './steps';
import type { Decision, DecisionInput } from './types';

const notDecisive = (step: EngineStep): EngineStep => ({ ...step, decisive: false });

/** A decision whose trace steps have no sentences yet: what the policy simulator needs of one. */
export type EngineDecision = Omit<Decision, 'trace'> & { trace: EngineStep[] };

/**
 * The allocation decision for one registration: the house-account rule (is the customer a vendor
 * seller's own?), routing (may this distributor take it?), then the deal check (does someone hold this deal already?). Pure: it reads nothing but its
 * input, so the conflict-check activity and the policy simulator get the same answer for the same
 * facts, and a stored decision can be recomputed and compared.
 *
 * It produces `house-account`, `already-registered`, `duplicate`, `wrong-route`, `possible-duplicate`
 * and `unrouted`. `resolved-against` and `extension-request` belong to a registration's later life
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
  if (subject.partnerType === 'direct') return decideDirect(input);
  const house = evaluateHouseAccount(policy, subject);
  if (house.kind === 'stopped' && house.outcome === 'reject') {
    return { outcome: 'reject', reasonCode: 'house-account', matches: [], trace: house.steps, policyVersion };
  }
  const routing = evaluateRouting(policy, subject);
  if (routing.kind === 'stopped' && routing.outcome === 'reject') {
    const trace = [...house.steps.map(notDecisive), ...routing.steps];
    return { outcome: 'reject', reasonCode: routing.reasonCode, matches: [], trace, policyVersion };
  }
  const deal = evaluateDealCheck(subject, holders, policy);
  const exception = exceptionOf(house, routing);
  if (exception) {
    // An exception (a house account, a route's) is a channel manager's to grant, but never on a deal
    // someone holds: that is decided here, as it would be otherwise, so no review can approve a second holder.
    if (deal.outcome === 'reject') {
      return {
        outcome: 'reject',
        ...(deal.reasonCode !== undefined && { reasonCode: deal.reasonCode }),
        matches: deal.matches,
        ...(deal.ownRegistrationId !== undefined && { ownRegistrationId: deal.ownRegistrationId }),
        trace: [...exception.steps.map(notDecisive), ...deal.steps],
        policyVersion,
      };
    }
    return {
      outcome: 'escalate',
      reasonCode: exception.reasonCode,
      matches: deal.matches,
      trace: [...exception.steps, ...deal.steps.map(notDecisive)],
      policyVersion,
    };
  }
  // Built key by key in one order, so that every decision serializes the same way.
  return {
    outcome: deal.outcome,
    ...(deal.reasonCode !== undefined && { reasonCode: deal.reasonCode }),
    matches: deal.matches,
    ...(deal.ownRegistrationId !== undefined && { ownRegistrationId: deal.ownRegistrationId }),
    trace: [...house.steps, ...routing.steps, ...deal.steps],
    policyVersion,
  };
}

/**
 * A vendor seller's direct opportunity is not routed and meets no house-account rule (the vendor sells
 * its own customer): only the deal check applies, first come, first served with the partners.
 */
function decideDirect({ subject, policy, policyVersion, holders }: DecisionInput): EngineDecision {
  const deal = evaluateDealCheck(subject, holders, policy);
  return {
    outcome: deal.outcome,
    ...(deal.reasonCode !== undefined && { reasonCode: deal.reasonCode }),
    matches: deal.matches,
    ...(deal.ownRegistrationId !== undefined && { ownRegistrationId: deal.ownRegistrationId }),
    trace: [
      traceStep('direct.not-routed', 'pass', { sellerId: sellerOfParty(subject.resellerId) ?? null }),
      ...deal.steps,
    ],
    policyVersion,
  };
}

/**
 * What sends the registration to a channel manager before the deal check: the house-account rule
 * first (the vendor's own customer; a route's exception is then beside the point), else routing's.
 */
function exceptionOf(
  house: HouseAccountVerdict,
  routing: RoutingVerdict,
): { reasonCode: ReasonCode; steps: EngineStep[] } | undefined {
  if (house.kind === 'stopped')
    return { reasonCode: 'house-account', steps: [...house.steps, ...routing.steps.map(notDecisive)] };
  if (routing.kind === 'stopped') return { reasonCode: routing.reasonCode, steps: [...house.steps, ...routing.steps] };
  return undefined;
}
