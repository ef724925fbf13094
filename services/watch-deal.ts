import { findEachById } from '../db/point-reads';
import { policyVersion } from '../db/policies';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { endWatch, startWatch, type WatchDoc, watchesOf } from '../db/watches';
import { RequestRefused } from '../domain/errors';
import { type CustomerNaming, customerIdentity, customerKeysOf } from '../domain/matching/identity';
import { addDurationMs, tryDurationToMs } from '../domain/policy/duration';
import { isActiveStatus } from '../domain/registration';

/** The keys that say "the same deal" for a watch: the customer's certain keys, or its name's key without them. */
export const dealKeysOf = (customer: CustomerNaming): string[] => customerKeysOf(customerIdentity(customer));

export interface WatchAnswer {
  registrationId: string;
  watching: true;
  until: string;
}

/**
 * The owner of a registration turned away because the deal was taken asks to be told when it frees up.
 * Refused (409) unless the registration was rejected `already-registered` and a holder it met still holds
 * the deal; a repeated request answers the same watch.
 */
export async function watchDeal(registration: RegistrationDoc, now = new Date()): Promise<WatchAnswer> {
  if (registration.status !== 'rejected' || registration.reasonCode !== 'already-registered') {
    throw new RequestRefused(
      409,
      'Not possible in this state',
      'only a registration rejected already-registered can watch its deal',
    );
  }
  const rejection = [...registration.decisions].reverse().find((entry) => entry.toStatus === 'rejected');
  const metIds = (rejection?.matches ?? []).map((match) => match.registrationId);
  const holders = [...(await findEachById(Registration, metIds)).values()].filter((h) => isActiveStatus(h.status));
  if (holders.length === 0) {
    throw new RequestRefused(409, 'The deal is free', 'the deal is no longer held: register it again');
  }
  const policy = await policyVersion(registration.policyVersion);
  const protectionMs = tryDurationToMs(policy?.policy.timing.protection ?? 'P90D') ?? 0;
  const watch: Omit<WatchDoc, 'round'> = {
    _id: registration._id,
    resellerId: registration.resellerId,
    waitingOn: holders.map((holder) => holder._id),
    dealKeys: dealKeysOf(registration.customer),
    createdAt: now,
    expiresAt: new Date(addDurationMs(now.getTime(), protectionMs)),
  };
  const stored = await startWatch(watch);
  return { registrationId: stored._id, watching: true, until: stored.expiresAt.toISOString() };
}

/** A reseller that registers a deal again stops watching it: it now has a registration of its own. */
export async function endWatchesOnResubmission(resellerId: string, customer: CustomerNaming): Promise<void> {
  const keys = new Set(dealKeysOf(customer));
  for (const watch of await watchesOf(resellerId)) {
    if (watch.dealKeys.some((key) => keys.has(key))) await endWatch(watch, 'registered-again');
  }
}
