import type { RegistrationFacts } from '../../../domain/allocation/types';
import { contractTiming } from '../../../domain/policy/contract-timing';
import { type Policy, type PolicyInput, policySchema } from '../../../domain/policy/schema';
import type { Customer } from '../../../domain/registration';

/** The policy of the contract's `PUT /policy` example, verbatim. */
export const contractExamplePolicy: PolicyInput = {
  model: 'hybrid',
  routes: [
    { when: { programs: ['SEWP V'] }, distributors: ['dist-a'] },
    { when: { segments: ['federal-dod'] }, distributors: ['dist-a'] },
  ],
  onWrongRoute: 'reject',
  matching: { nameSimilarity: 0.9 },
  timing: contractTiming,
};

export const policy = (input: PolicyInput): Policy => policySchema.parse(input);

export function customer(overrides: Partial<Customer> = {}): Customer {
  return { name: 'Acme Corporation', segment: 'commercial', ...overrides };
}

let nextSequence = 1;

/** A registration's facts with defaults; each call gets a fresh sequence unless one is given. */
export function facts(overrides: Partial<RegistrationFacts> = {}): RegistrationFacts {
  const sequence = overrides.sequence ?? nextSequence++;
  return {
    id: `reg_${sequence}`,
    resellerId: 'reseller-1',
    partnerType: 'var',
    distributorId: 'dist-a',
    customer: customer(),
    productLines: ['storage'],
    sequence,
    status: 'pending',
    ...overrides,
  };
}

/** A holder: an approved registration of another reseller, accepted before the subject. */
export function holder(overrides: Partial<RegistrationFacts> = {}): RegistrationFacts {
  return facts({ resellerId: 'reseller-2', status: 'approved', ...overrides });
}
