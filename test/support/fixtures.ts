import { Distributor, Reseller } from '../../db/partners';
import { publishPolicy } from '../../db/policies';
import type { Requester } from '../../domain/lifecycle-entries';
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
export function submission(
  overrides: Partial<RegistrationSubmission> & { customerName?: string; uei?: string } = {},
): RegistrationSubmission {
  counter += 1;
  const { customerName, uei, ...rest } = overrides;
  return registrationSubmissionSchema.parse({
    distributorId: 'dist-a',
    customer: {
      // A random first word: blocking keys come from the first distinctive words of a name, so unrelated
      // test customers never become candidates for each other.
      name: customerName ?? `${uniqueWord()} ${uniqueWord()} ${counter}`,
      ...(uei ? { identifiers: { uei } } : {}),
      segment: 'commercial',
      region: 'east',
    },
    opportunity: { title: 'Data center refresh', productLines: ['storage'] },
    ...rest,
  });
}

/** A pronounceable random word, unique enough that two test customers never look alike. */
export function uniqueWord(): string {
  const consonants = 'bcdfghjklmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  for (let i = 0; i < 4; i += 1) {
    word += consonants[Math.floor(Math.random() * consonants.length)];
    word += vowels[Math.floor(Math.random() * vowels.length)];
  }
  return word[0]!.toUpperCase() + word.slice(1);
}

/** Who asks for a step in tests: a reseller's integration key, a channel manager's. */
export const resellerKey: Requester = { role: 'reseller', actor: { kind: 'key', id: 'key_reseller' } };
export const managerKey: Requester = { role: 'channel-manager', actor: { kind: 'key', id: 'key_manager' } };
