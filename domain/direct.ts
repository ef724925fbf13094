/**
 * A vendor seller's direct opportunity (contract, "Additions: accounts, …"): a registration with
 * `sellerId` and no partner. Inside, it holds its deal through the same machinery as a partner's, so
 * its reseller and distributor fields name the seller under a prefix no partner id can take (partner
 * ids are slugs without a colon): its Idempotency-Keys, list pages and duplicate check are the
 * seller's own, and it never equals a partner. Views show `sellerId` instead.
 */
export const DIRECT_PREFIX = 'direct:';

export const directPartyId = (sellerId: string): string => `${DIRECT_PREFIX}${sellerId}`;

/** The seller of a direct opportunity from its stored party id, or undefined for a partner's. */
export const sellerOfParty = (partyId: string): string | undefined =>
  partyId.startsWith(DIRECT_PREFIX) ? partyId.slice(DIRECT_PREFIX.length) : undefined;
