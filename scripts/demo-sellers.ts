import { accountStore } from '../db/accounts';
import { sellerStore } from '../db/vendor-records';
import { saveVendorRecord } from '../db/vendor-store';

/** The demo's vendor seller: its own address is told when a partner registers on its house account. */
export const demoSeller = { id: 'sam-houston', name: 'Sam Houston (vendor sales)', email: 'house-team@vendor.example' };

/**
 * One house account of the demo seller: a partner registering Lakeside County Schools (its domain or
 * UEI) meets the policy's houseAccounts rule, and the seller and its sales people are mailed.
 */
export const demoHouseAccount = {
  id: 'acct-lakeside',
  name: 'Lakeside County Schools',
  domains: ['lakeside-schools.example'],
  identifiers: { uei: 'LAKESIDE0001' },
  segment: 'education' as const,
  region: 'west',
  owner: { kind: 'seller' as const, id: demoSeller.id },
};

export async function seedDemoSeller(): Promise<void> {
  await saveVendorRecord(sellerStore, demoSeller, 'create');
  await saveVendorRecord(accountStore, demoHouseAccount, 'create');
}
