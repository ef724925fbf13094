import { LimitReached } from '../domain/errors';
import { type LimitName, limitsFor, MAX_LIVE_PER_CUSTOMER_KEY, type PolicyVersion } from '../domain/policy/schema';
import { isActiveStatus, type PartnerType } from '../domain/registration';
import { currentPolicy } from './policies';
import { markOnce, purgeCounter, releaseHeldSlot, settleHolder, takeSlot, takeSlotsOnce } from './quota';
import { Registration, type RegistrationDoc } from './registrations';

/** What a submission took of its reseller's limits, to give back if the submission is not accepted. */
export interface QuotaReservation {
  release(): Promise<void>;
}

const nothingReserved: QuotaReservation = { release: async () => undefined };

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const activeCounter = (resellerId: string, limit: number) => ({
  kind: 'active' as const,
  name: `${resellerId}|active`,
  limit,
});
const dayCounter = (resellerId: string, at: Date, limit: number) => ({
  kind: 'day' as const,
  name: `${resellerId}|${utcDay(at)}`,
  limit,
});

/**
 * Takes the submission's place under the limits of the policy in force and, given its customer's
 * lookup keys, under MAX_LIVE_PER_CUSTOMER_KEY per key, or refuses it with LimitReached, having given
 * back whatever it took. Call before the submission's first write; a repeat for the same registration
 * (a retried acceptance) takes nothing twice; a submission that then fails before it is stored calls
 * `release()`. Active and key places are given back when the registration stops holding its deal,
 * where its deal keys are removed (db/dealkeys.ts `unlistFromKeys`).
 */
export async function reserveQuota(
  reseller: { _id: string; partnerType: PartnerType },
  registrationId: string,
  lookupKeys: readonly string[] = [],
  now = new Date(),
  inForce?: PolicyVersion,
): Promise<QuotaReservation> {
  // The caller's policy when it read the one in force at this submission already (one read fewer).
  const policy = inForce ?? (await currentPolicy());
  const limits = limitsFor(policy?.policy.limits, reseller.partnerType);
  const active = async (limit: number): Promise<QuotaReservation | undefined> => {
    await countExistingActive(reseller._id, limit, policy?.version ?? 0);
    const taken = await takeSlot(activeCounter(reseller._id, limit), registrationId);
    if (taken.outcome === 'full') throw refusal('activePerReseller', limit, reseller.partnerType);
    return taken.outcome === 'taken' ? { release: () => releaseHeldSlot('active', registrationId) } : undefined;
  };
  const day = async (limit: number): Promise<QuotaReservation | undefined> => {
    forgetEarlierDays(reseller._id, now, limit);
    // Recorded per registration: a retried acceptance finds its slot (`held`) instead of taking another.
    const taken = await takeSlot(dayCounter(reseller._id, now, limit), registrationId);
    if (taken.outcome === 'full') throw refusal('submissionsPerResellerPerDay', limit, reseller.partnerType);
    return taken.outcome === 'taken' ? { release: () => releaseHeldSlot('day', registrationId) } : undefined;
  };
  const keys = async (): Promise<QuotaReservation> => {
    const counters = lookupKeys.map((key) => keyCounter(reseller._id, key));
    const full = await takeSlotsOnce(counters, registrationId);
    const release = () => releaseHeldSlot('key', registrationId);
    if (full.length > 0) {
      await release();
      throw keyRefusal(full.map((counter) => counter.name.slice(keyCounterPrefix(reseller._id).length)));
    }
    return { release };
  };
  // The counters are independent: taken at once, so an acceptance waits for the slowest, not the sum. A
  // refusal gives back what the others took; the first refusal in this order is the one reported.
  const attempts = await Promise.allSettled([
    limits.activePerReseller !== undefined ? active(limits.activePerReseller) : undefined,
    limits.submissionsPerResellerPerDay !== undefined ? day(limits.submissionsPerResellerPerDay) : undefined,
    lookupKeys.length > 0 ? keys() : undefined,
  ]);
  const taken = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' && attempt.value ? [attempt.value] : []));
  const release = async () => {
    await Promise.all(taken.map((reservation) => reservation.release()));
  };
  const refused = attempts.find((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
  if (refused) {
    await release();
    throw refused.reason;
  }
  return taken.length === 0 ? nothingReserved : { release };
}

const keyCounterPrefix = (resellerId: string) => `${resellerId}|key|`;
const keyCounter = (resellerId: string, key: string) => ({
  kind: 'key' as const,
  name: `${keyCounterPrefix(resellerId)}${key}`,
  limit: MAX_LIVE_PER_CUSTOMER_KEY,
});

function keyRefusal(keys: string[]): LimitReached {
  const named = keys.map((key) => `"${key}"`).join(', ');
  return new LimitReached(
    'livePerCustomerKey',
    `a reseller may hold at most ${MAX_LIVE_PER_CUSTOMER_KEY} live registrations (pending, approved or escalated) under one customer identifier, domain, name or name word; this reseller holds that many under ${named}. Submit again when one of them has ended.`,
  );
}

function refusal(limit: LimitName, value: number, partnerType: PartnerType): LimitReached {
  return new LimitReached(
    limit,
    limit === 'activePerReseller'
      ? `the policy's limit activePerReseller allows a ${partnerType} reseller at most ${value} active registrations (pending, approved or escalated); this reseller holds that many. Submit again when one of them has ended.`
      : `the policy's limit submissionsPerResellerPerDay allows at most ${value} submissions per reseller per UTC day; this reseller has made that many today.`,
  );
}

/**
 * The first submission of a reseller under each policy version with an active limit settles every
 * active registration of the reseller under that limit (db/quota.ts `settleHolder`): one accepted while
 * no limit was in force takes a slot, one above a lowered limit moves below it or is owed a place, so
 * the limit counts them all. Once per reseller and version: a marker decides who does it; concurrent
 * submissions meanwhile may see a count that is still short.
 */
async function countExistingActive(resellerId: string, limit: number, policyVersion: number): Promise<void> {
  if (!(await markOnce(`${resellerId}|active|v${policyVersion}`))) return;
  // One equality filter (served by the reseller index); the status is checked here, not in the query.
  const registrations = await Registration.find({ resellerId }, { _id: 1, status: 1 })
    .lean<Pick<RegistrationDoc, '_id' | 'status'>[]>()
    .exec();
  const counter = activeCounter(resellerId, limit);
  for (const registration of registrations.filter((r) => isActiveStatus(r.status))) {
    await settleHolder(counter, registration._id, async () => {
      const now = await Registration.findById(registration._id, { status: 1 })
        .lean<Pick<RegistrationDoc, 'status'>>()
        .exec();
      return now !== null && isActiveStatus(now.status);
    });
  }
}

/** Day counters are never read after their day; each process clears a reseller's older ones once. */
const clearedDays = new Set<string>();
function forgetEarlierDays(resellerId: string, now: Date, limit: number): void {
  const key = `${resellerId}|${utcDay(now)}`;
  if (clearedDays.has(key)) return;
  if (clearedDays.size > 100_000) clearedDays.clear();
  clearedDays.add(key);
  for (const daysAgo of [1, 2]) {
    const earlier = new Date(now.getTime() - daysAgo * 86_400_000);
    // Yesterday's counter is gone only once no process can still be counting it (clock skew).
    if (daysAgo === 1 && now.getUTCHours() < 1) continue;
    void purgeCounter(dayCounter(resellerId, earlier, limit), limit).catch(() => undefined);
  }
}
