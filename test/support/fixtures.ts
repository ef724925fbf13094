import { Distributor, Reseller } from '../../db/partners';
import { publishPolicy } from '../../db/policies';
import { type PolicyInput, policySchema } from '../../domain/policy/schema';
import { type RegistrationSubmission, registrationSubmissionSchema } from '../../domain/registration';

/** Two distributors and one reseller of each partner type, affiliated with both. */
export async function seedPartners(): Promise<void> {
  const now = new Date();
  await Distributor.insertMany([
    { _id: 'dist-a', name: 'Dist A', createdAt: now },
    { _id: 'dist-b', name: 'Dist B', createdAt: now },
  ]);
  await Reseller.insertMany(
    [
      ['big-integrator', 'integrator'],
      ['other-integrator', 'integrator'],
      ['value-var', 'var'],
      ['small-boutique', 'boutique'],
    ].map(([id, partnerType]) => ({
      _id: id,
      name: `${id} Inc`,
      partnerType,
      distributorIds: ['dist-a', 'dist-b'],
      createdAt: now,
    })),
  );
}

/** Publishes a policy whose timings are seconds, so a whole life fits in a test. */
export async function publishTestPolicy(overrides: Partial<PolicyInput> = {}) {
  return publishPolicy(
    policySchema.parse({
      model: 'open',
      timing: {
        protection: 'PT60S',
        expiryReminder: 'PT10S',
        reviewSla: 'PT30S',
        secondReviewSla: 'PT30S',
        onSecondSlaBreach: 'first-come',
        extension: { period: 'PT60S', max: 1, needsApproval: false },
      },
      ...overrides,
    }),
    'test',
  );
}

let counter = 0;

/** A valid submission for a customer nobody else registered, unless the caller names one. */
export function submission(overrides: Partial<RegistrationSubmission> & { customerName?: string; uei?: string } = {}): RegistrationSubmission {
  counter += 1;
  const { customerName, uei, ...rest } = overrides;
  return registrationSubmissionSchema.parse({
    distributorId: 'dist-a',
    customer: {
      name: customerName ?? `Customer ${counter} ${Math.random().toString(36).slice(2, 8)}`,
      ...(uei ? { identifiers: { uei } } : {}),
      segment: 'commercial',
      region: 'east',
    },
    opportunity: { title: 'Data center refresh', productLines: ['storage'] },
    ...rest,
  });
}
