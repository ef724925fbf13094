import { Distributor, Reseller, type ResellerDoc } from '../db/partners';

/**
 * The partners a submission names. A reseller is read on every submission (one point read by `_id`):
 * `PUT /resellers/{id}` changes its partner type and distributors for submissions from then on, in
 * every API process, which a cache could only promise after its lifetime. Distributors are never
 * removed, so each process keeps the ones it has seen for a while; a miss always asks the database.
 */
const DISTRIBUTOR_CACHE_MS = 60_000;
const knownDistributors = new Map<string, number>();

export async function findReseller(resellerId: string): Promise<ResellerDoc | null> {
  return Reseller.findById(resellerId).lean<ResellerDoc>().exec();
}

export async function distributorExists(distributorId: string): Promise<boolean> {
  if ((knownDistributors.get(distributorId) ?? 0) > Date.now()) return true;
  const exists = Boolean(await Distributor.exists({ _id: distributorId }));
  if (exists) knownDistributors.set(distributorId, Date.now() + DISTRIBUTOR_CACHE_MS);
  return exists;
}
