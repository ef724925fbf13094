import fc from 'fast-check';
import type { PolicyInput } from '../../../domain/policy/schema';
import type { PartnerType, Segment } from '../../../domain/registration';

/**
 * The policies the model test switches between, each with the model's own reading of its routes: the
 * model predicts where a submission may go without asking the engine it checks.
 */
export type AllocationModelName = 'open' | 'segment' | 'partner-type' | 'hybrid';

export interface PolicyVariant {
  model: AllocationModelName;
  onWrongRoute: 'reject' | 'escalate';
  onSecondSlaBreach: 'first-come' | 'reject-all';
  needsApproval: boolean;
  /** A boutique reseller's active limit, when one is in force. */
  boutiqueLimit?: number;
}

export type RouteVerdict = 'allowed' | 'wrong-route' | 'unrouted';

export interface RoutedFacts {
  segment: Segment;
  partnerType: PartnerType;
  distributorId: string;
  program?: string;
}

/** Seconds, so that a whole life (protection, an extension, two review deadlines) fits in a run. */
const timing = (variant: PolicyVariant) => ({
  protection: 'PT6S',
  expiryReminder: 'PT3S',
  reviewSla: 'PT2S',
  secondReviewSla: 'PT2S',
  onSecondSlaBreach: variant.onSecondSlaBreach,
  extension: { period: 'PT3S', max: 1, needsApproval: variant.needsApproval },
});

const routesOf: Record<AllocationModelName, PolicyInput['routes']> = {
  open: [],
  segment: [
    { when: { segments: ['federal-civilian', 'federal-dod'] }, distributors: ['dist-a'] },
    { when: { segments: ['commercial', 'education'] }, distributors: ['dist-b'] },
  ],
  'partner-type': [
    { when: { partnerTypes: ['integrator'] }, distributors: ['dist-a'] },
    { when: { partnerTypes: ['var'] }, distributors: ['dist-b'] },
  ],
  hybrid: [{ when: { programs: ['gold'] }, distributors: ['dist-a'] }],
};

export function policyOf(variant: PolicyVariant): PolicyInput {
  return {
    model: variant.model,
    routes: routesOf[variant.model],
    onWrongRoute: variant.onWrongRoute,
    timing: timing(variant),
    ...(variant.boutiqueLimit ? { limits: { activePerReseller: { boutique: variant.boutiqueLimit } } } : {}),
  };
}

/** Where the variant lets a submission go: the model's own table, not the engine's. */
export function routeOf(variant: PolicyVariant, facts: RoutedFacts): RouteVerdict {
  const through = (distributorId: string): RouteVerdict =>
    facts.distributorId === distributorId ? 'allowed' : 'wrong-route';
  switch (variant.model) {
    case 'open':
      return 'allowed';
    case 'segment':
      if (facts.segment === 'federal-civilian' || facts.segment === 'federal-dod') return through('dist-a');
      if (facts.segment === 'commercial' || facts.segment === 'education') return through('dist-b');
      return 'unrouted';
    case 'partner-type':
      if (facts.partnerType === 'integrator') return through('dist-a');
      if (facts.partnerType === 'var') return through('dist-b');
      return 'unrouted';
    case 'hybrid':
      return facts.program === 'gold' ? through('dist-a') : 'allowed';
  }
}

export const policyVariantArb: fc.Arbitrary<PolicyVariant> = fc.record(
  {
    model: fc.constantFrom<AllocationModelName>('open', 'segment', 'partner-type', 'hybrid'),
    onWrongRoute: fc.constantFrom<'reject' | 'escalate'>('reject', 'escalate'),
    onSecondSlaBreach: fc.constantFrom<'first-come' | 'reject-all'>('first-come', 'reject-all'),
    needsApproval: fc.boolean(),
    boutiqueLimit: fc.constantFrom(2, 3),
  },
  { requiredKeys: ['model', 'onWrongRoute', 'onSecondSlaBreach', 'needsApproval'] },
);

export const describeVariant = (v: PolicyVariant) =>
  `${v.model}${v.model === 'open' ? '' : `/${v.onWrongRoute}`}/${v.onSecondSlaBreach}${v.needsApproval ? '/approval' : ''}${v.boutiqueLimit ? `/limit ${v.boutiqueLimit}` : ''}`;
