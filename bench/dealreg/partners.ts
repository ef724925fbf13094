import { contractTiming } from '../../domain/policy/contract-timing';
import type { AllocationModel, PolicyInput } from '../../domain/policy/schema';
import type { PartnerType } from '../../domain/registration';

export const distributorIds = ['dist-a', 'dist-b', 'dist-c'] as const;

export interface BenchReseller {
  id: string;
  partnerType: PartnerType;
  distributorIds: string[];
}

/** Four resellers of each partner type, with the mixed affiliations real programs have. */
export const benchResellers: BenchReseller[] = [
  { id: 'integrator-1', partnerType: 'integrator', distributorIds: ['dist-a', 'dist-b'] },
  { id: 'integrator-2', partnerType: 'integrator', distributorIds: ['dist-a'] },
  { id: 'integrator-3', partnerType: 'integrator', distributorIds: ['dist-a', 'dist-c'] },
  { id: 'integrator-4', partnerType: 'integrator', distributorIds: ['dist-a', 'dist-b', 'dist-c'] },
  { id: 'var-1', partnerType: 'var', distributorIds: ['dist-b'] },
  { id: 'var-2', partnerType: 'var', distributorIds: ['dist-a', 'dist-b'] },
  { id: 'var-3', partnerType: 'var', distributorIds: ['dist-b', 'dist-c'] },
  { id: 'var-4', partnerType: 'var', distributorIds: ['dist-c'] },
  { id: 'boutique-1', partnerType: 'boutique', distributorIds: ['dist-c'] },
  { id: 'boutique-2', partnerType: 'boutique', distributorIds: ['dist-b', 'dist-c'] },
  { id: 'boutique-3', partnerType: 'boutique', distributorIds: ['dist-a', 'dist-c'] },
  { id: 'boutique-4', partnerType: 'boutique', distributorIds: ['dist-a', 'dist-b', 'dist-c'] },
];

const timing = contractTiming;

/**
 * One policy per allocation model. Segment leaves central commercial customers unrouted; hybrid sends
 * off-route registrations to a channel manager instead of rejecting them, so both paths are exercised.
 */
export const modelPolicies: Record<AllocationModel, PolicyInput> = {
  segment: {
    model: 'segment',
    routes: [
      { when: { segments: ['federal-civilian', 'federal-dod'] }, distributors: ['dist-a'] },
      { when: { segments: ['state-local', 'education'] }, distributors: ['dist-b'] },
      { when: { segments: ['commercial'], regions: ['east', 'west'] }, distributors: ['dist-a', 'dist-b', 'dist-c'] },
    ],
    onWrongRoute: 'reject',
    matching: { nameSimilarity: 0.9 },
    timing,
  },
  'partner-type': {
    model: 'partner-type',
    routes: [
      { when: { partnerTypes: ['integrator'] }, distributors: ['dist-a'] },
      { when: { partnerTypes: ['var'] }, distributors: ['dist-b', 'dist-c'] },
      { when: { partnerTypes: ['boutique'] }, distributors: ['dist-c'] },
    ],
    onWrongRoute: 'reject',
    matching: { nameSimilarity: 0.9 },
    timing,
  },
  open: { model: 'open', routes: [], onWrongRoute: 'reject', matching: { nameSimilarity: 0.9 }, timing },
  hybrid: {
    model: 'hybrid',
    routes: [
      { when: { programs: ['SEWP V'] }, distributors: ['dist-a'] },
      { when: { segments: ['federal-dod'] }, distributors: ['dist-a'] },
      { when: { segments: ['state-local', 'education'] }, distributors: ['dist-b'] },
    ],
    onWrongRoute: 'escalate',
    matching: { nameSimilarity: 0.9 },
    timing,
  },
};
