import { foldText, programLabels, reservedDistributor } from '../accounts/routing-facts';
import type { Policy, RouteCondition } from '../policy/schema';
import type { ReasonCode, Segment, SubmitterType } from '../registration';
import { type EngineStep, traceStep } from './steps';
import type { RegistrationFacts } from './types';

/**
 * What routing goes by: the vendor's account record when the customer matched one with certainty,
 * otherwise what the reseller declared. A reseller cannot type its way out of a reserved segment or
 * program when the vendor knows the customer.
 */
export interface RoutingFacts {
  basis: 'account' | 'declaration';
  segment: Segment;
  region?: string;
  /** Every name the registration's programs go by (ids, names, contract numbers for an account's). */
  programs: string[];
  partnerType: SubmitterType;
}

export function routingFactsOf(subject: RegistrationFacts): RoutingFacts {
  const { account } = subject;
  if (account) {
    return {
      basis: 'account',
      segment: account.segment,
      ...(account.region !== undefined && { region: account.region }),
      programs: account.programs.flatMap(programLabels),
      partnerType: subject.partnerType,
    };
  }
  return {
    basis: 'declaration',
    segment: subject.customer.segment,
    ...(subject.customer.region !== undefined && { region: subject.customer.region }),
    programs: subject.program === undefined ? [] : [subject.program],
    partnerType: subject.partnerType,
  };
}

/** Free-text values (regions, programs) compare case- and spacing-insensitively: "East" is "east". */
const includesFolded = (list: readonly string[], values: readonly string[]) =>
  values.some((value) => list.some((entry) => foldText(entry) === foldText(value)));

/** Every condition the route names must hold; a condition it does not name holds trivially. */
export function routeApplies(when: RouteCondition, subject: RegistrationFacts): boolean {
  const facts = routingFactsOf(subject);
  if (when.segments && !when.segments.includes(facts.segment)) return false;
  if (when.regions && !includesFolded(when.regions, facts.region === undefined ? [] : [facts.region])) return false;
  if (when.partnerTypes && !(when.partnerTypes as readonly SubmitterType[]).includes(facts.partnerType)) return false;
  if (when.programs && !includesFolded(when.programs, facts.programs)) return false;
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
 * What routing looked at, for the trace. A registration routed by an account says so and names the
 * account's programs; one routed by its declaration keeps the keys it always had, so that its decision
 * serializes as before.
 */
function lookedAt(policy: Policy, subject: RegistrationFacts): Record<string, unknown> {
  const facts = routingFactsOf(subject);
  const base = {
    model: policy.model,
    segment: facts.segment,
    region: facts.region ?? null,
    partnerType: subject.partnerType,
  };
  if (!subject.account) return { ...base, program: subject.program ?? null, routeCount: policy.routes.length };
  return {
    ...base,
    programs: subject.account.programs.map((program) => program.name ?? program.id),
    routeCount: policy.routes.length,
    routedBy: 'account',
    accountId: subject.account.accountId,
  };
}

/**
 * An account a distributor owns is reserved for it, in every model, before any route: "routed there as
 * a route would". Off it, the policy's `onWrongRoute` applies.
 */
function reservation(policy: Policy, subject: RegistrationFacts): RoutingVerdict | undefined {
  const reservedFor = reservedDistributor(subject.account);
  if (reservedFor === undefined || !subject.account) return undefined;
  const inputs = {
    accountId: subject.account.accountId,
    reservedFor,
    distributorId: subject.distributorId,
    onWrongRoute: policy.onWrongRoute,
  };
  if (reservedFor === subject.distributorId) {
    return { kind: 'allowed', steps: [traceStep('routing.account-reserved', 'pass', inputs)] };
  }
  const outcome = policy.onWrongRoute;
  const step = traceStep('routing.account-reserved', outcome, inputs, true);
  return { kind: 'stopped', outcome, reasonCode: 'wrong-route', steps: [step] };
}

/**
 * Routing, the first half of a decision: may this registration come through this distributor?
 * `open` has no routes; `hybrid` treats a registration no route covers as open; `segment` and
 * `partner-type` escalate it as `unrouted`, because the policy meant to assign every registration.
 */
export function evaluateRouting(policy: Policy, subject: RegistrationFacts): RoutingVerdict {
  const reserved = reservation(policy, subject);
  if (reserved) return reserved;
  const looked = lookedAt(policy, subject);
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
    ...(subject.account && { routedBy: 'account' }),
  };
  if (allowed) {
    return { kind: 'allowed', steps: [selected, traceStep('routing.check-distributor', 'pass', checkInputs)] };
  }
  const outcome = policy.onWrongRoute;
  const check = traceStep('routing.check-distributor', outcome, checkInputs, true);
  return { kind: 'stopped', outcome, reasonCode: 'wrong-route', steps: [selected, check] };
}
