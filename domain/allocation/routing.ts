import type { Policy, RouteCondition } from '../policy/schema';
import type { ReasonCode } from '../registration';
import { type EngineStep, traceStep } from './steps';
import type { RegistrationFacts } from './types';

/** Free-text values (regions, programs) compare case- and spacing-insensitively: "East" is "east". */
const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const includesFolded = (list: readonly string[], value: string | undefined) =>
  value !== undefined && list.some((entry) => fold(entry) === fold(value));

/** Every condition the route names must hold; a condition it does not name holds trivially. */
export function routeApplies(when: RouteCondition, subject: RegistrationFacts): boolean {
  if (when.segments && !when.segments.includes(subject.customer.segment)) return false;
  if (when.regions && !includesFolded(when.regions, subject.customer.region)) return false;
  if (when.partnerTypes && !when.partnerTypes.includes(subject.partnerType)) return false;
  if (when.programs && !includesFolded(when.programs, subject.program)) return false;
  return true;
}

/** A copy, so that a trace never shares (and lets a caller mutate) the policy's own arrays. */
function copyCondition(when: RouteCondition): RouteCondition {
  const copy: RouteCondition = {};
  if (when.segments) copy.segments = [...when.segments];
  if (when.regions) copy.regions = [...when.regions];
  if (when.partnerTypes) copy.partnerTypes = [...when.partnerTypes];
  if (when.programs) copy.programs = [...when.programs];
  return copy;
}

/** The index of the first route that applies, or undefined. */
export function selectRoute(policy: Policy, subject: RegistrationFacts): number | undefined {
  const index = policy.routes.findIndex((route) => routeApplies(route.when, subject));
  return index === -1 ? undefined : index;
}

export type RoutingVerdict =
  | { kind: 'allowed'; steps: EngineStep[] }
  | { kind: 'stopped'; outcome: 'reject' | 'escalate'; reasonCode: ReasonCode; steps: EngineStep[] };

/**
 * Routing, the first half of a decision: may this registration come through this distributor?
 * `open` has no routes; `hybrid` treats a registration no route covers as open; `segment` and
 * `partner-type` escalate it as `unrouted`, because the policy meant to assign every registration.
 */
export function evaluateRouting(policy: Policy, subject: RegistrationFacts): RoutingVerdict {
  const looked = {
    model: policy.model,
    segment: subject.customer.segment,
    region: subject.customer.region ?? null,
    partnerType: subject.partnerType,
    program: subject.program ?? null,
    routeCount: policy.routes.length,
  };
  if (policy.model === 'open') {
    return { kind: 'allowed', steps: [traceStep('routing.select-route', 'not-applicable', looked)] };
  }

  const routeIndex = selectRoute(policy, subject);
  const route = routeIndex === undefined ? undefined : policy.routes[routeIndex];
  if (routeIndex === undefined || route === undefined) {
    const selected = traceStep('routing.select-route', 'no-match', { ...looked, matchedRoute: null });
    if (policy.model === 'hybrid') {
      return { kind: 'allowed', steps: [selected, traceStep('routing.unrouted', 'open', looked)] };
    }
    const unrouted = traceStep('routing.unrouted', 'escalate', looked, true);
    return { kind: 'stopped', outcome: 'escalate', reasonCode: 'unrouted', steps: [selected, unrouted] };
  }

  const selected = traceStep('routing.select-route', 'match', { ...looked, matchedRoute: routeIndex });
  const allowed = route.distributors.includes(subject.distributorId);
  const checkInputs = {
    routeIndex,
    when: copyCondition(route.when),
    distributorId: subject.distributorId,
    allowedDistributors: [...route.distributors],
    onWrongRoute: policy.onWrongRoute,
  };
  if (allowed) {
    return { kind: 'allowed', steps: [selected, traceStep('routing.check-distributor', 'pass', checkInputs)] };
  }
  const outcome = policy.onWrongRoute;
  const check = traceStep('routing.check-distributor', outcome, checkInputs, true);
  return { kind: 'stopped', outcome, reasonCode: 'wrong-route', steps: [selected, check] };
}
