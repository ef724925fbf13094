import type { Policy, RouteCondition } from './schema';

/** One reason to refuse a policy, in the shape of a problem+json validation error. */
export interface PolicyIssue {
  path: (string | number)[];
  message: string;
}

const conditionKeys = ['segments', 'regions', 'partnerTypes', 'programs'] as const;
/** Regions and programs compare case-insensitively in routing, so here too. */
const fold = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Whether every registration `later` matches is already taken by `earlier`: each condition
 * `earlier` names is also named by `later` with no value outside `earlier`'s list. Routes are
 * checked in order and the first match wins, so such a `later` route can never apply.
 */
export function routeCovers(earlier: RouteCondition, later: RouteCondition): boolean {
  return conditionKeys.every((key) => {
    const wide = earlier[key] as readonly string[] | undefined;
    if (wide === undefined) return true;
    const narrow = later[key] as readonly string[] | undefined;
    if (narrow === undefined) return false;
    const allowed = new Set(wide.map(fold));
    return narrow.every((value) => allowed.has(fold(value)));
  });
}

function distributorIssues(policy: Policy, known: ReadonlySet<string>): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  policy.routes.forEach((route, routeIndex) => {
    const seen = new Set<string>();
    route.distributors.forEach((id, index) => {
      const path = ['routes', routeIndex, 'distributors', index];
      if (!known.has(id)) issues.push({ path, message: `unknown distributor "${id}"` });
      else if (seen.has(id)) issues.push({ path, message: `distributor "${id}" is listed twice in this route` });
      seen.add(id);
    });
  });
  return issues;
}

function shadowedRouteIssues(policy: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  policy.routes.forEach((route, index) => {
    const earlier = policy.routes.slice(0, index).findIndex((candidate) => routeCovers(candidate.when, route.when));
    if (earlier !== -1) {
      issues.push({
        path: ['routes', index, 'when'],
        message: `can never apply: route ${earlier + 1} comes first and covers every registration this one would`,
      });
    }
  });
  return issues;
}

/**
 * What the schema cannot know: the distributors a policy names must exist, and every route must
 * be able to apply. A route hidden behind an earlier, wider one is refused rather than warned
 * about: whoever wrote it expected it to decide something, and the generated rules of engagement
 * would otherwise promise partners a route that never applies. Under `segment` and `partner-type`
 * a policy without routes is refused too: it would escalate every registration as unrouted.
 * An empty list means the policy may be stored.
 */
export function validatePolicyReferences(policy: Policy, knownDistributorIds: string[]): PolicyIssue[] {
  const issues = [...distributorIssues(policy, new Set(knownDistributorIds)), ...shadowedRouteIssues(policy)];
  if ((policy.model === 'segment' || policy.model === 'partner-type') && policy.routes.length === 0) {
    issues.push({
      path: ['routes'],
      message: `the ${policy.model} model needs at least one route; without routes every registration is unrouted`,
    });
  }
  return issues;
}
