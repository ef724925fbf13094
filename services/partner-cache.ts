import { Distributor, Reseller, type ResellerDoc } from '../db/partners';

/**
 * Partners are created once and never changed, so each API process keeps the ones it has seen for a
 * while instead of reading them on every submission. A miss always asks the database.
 */
const PARTNER_CACHE_MS = 60_000;
const resellerCache = new Map<string, { reseller: ResellerDoc; until: number }>();
const knownDistributors = new Map<string, number>();

export async function findReseller(resellerId: string): Promise<ResellerDoc | null> {
  const cached = resellerCache.get(resellerId);
  if (cached && cached.until > Date.now()) return cached.reseller;
  const reseller = await Reseller.findById(resellerId).lean<ResellerDoc>().exec();
  if (reseller) resellerCache.set(resellerId, { reseller, until: Date.now() + PARTNER_CACHE_MS });
  return reseller;
}

export async function distributorExists(distributorId: string): Promise<boolean> {
  if ((knownDistributors.get(distributorId) ?? 0) > Date.now()) return true;
  const exists = Boolean(await Distributor.exists({ _id: distributorId }));
  if (exists) knownDistributors.set(distributorId, Date.now() + PARTNER_CACHE_MS);
  return exists;
}
