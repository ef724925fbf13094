import { model } from 'mongoose';
import { accountCertainKeys, accountNameKeys } from '../domain/accounts/match';
import { type AccountRecord, vendorRecordIdSchema } from '../domain/vendor/records';
import { recordWords } from '../domain/vendor/search';
import { type KeyClaimDoc, keyClaimModel } from './unique-keys';
import type { VendorListing } from './vendor-listing';
import { type VendorDoc, type VendorStore, vendorSchema } from './vendor-store';

/**
 * The vendor's accounts. Each identifier and registrable domain names one account at most: an
 * `accountkeys` document per key (`_id` the key, as the deal check writes it) is claimed by unique
 * insert before the account is written and deleted once a new version no longer holds it. So finding
 * the account of a customer is a point read per key, and two accounts can never both claim acme.com.
 */
export interface AccountExtra {
  /** `uei:…`, `duns:…`, `taxid:…`, `domain:…`: the keys this version holds in `accountkeys`. */
  certainKeys: string[];
  /** The deal check's name keys of the account's name: where a name-similar customer finds it. */
  nameKeys: string[];
}
export type AccountDoc = VendorDoc<AccountRecord> & AccountExtra;

const schema = vendorSchema<AccountDoc>({
  certainKeys: { type: [String], default: [] },
  nameKeys: { type: [String], default: [] },
});
schema.index({ nameKeys: 1 });
export const Account = model<AccountDoc>('Account', schema, 'accounts');

/** The claims of identifiers and domains (db/unique-keys.ts): `_id` the key, as the deal check writes it. */
export const AccountKey = keyClaimModel('AccountKey', 'accountkeys');

/** 100,000 accounts make ~100 per bucket: one bucket fills a page; a rare word reads up to 256 per page. */
export const accountListing: VendorListing = { buckets: 1024, maxBuckets: 256, parallel: 32 };

/** Which field of the record a key comes from, for the error's path. */
function pathOfKey(record: AccountRecord, key: string): string {
  const [kind] = key.split(':');
  if (kind === 'domain') {
    const index = (record.domains ?? []).findIndex((domain) => accountCertainKeys({ domains: [domain] })[0] === key);
    return `domains.${Math.max(index, 0)}`;
  }
  return `identifiers.${kind === 'taxid' ? 'taxId' : kind}`;
}

const describeKey = (key: string) => {
  const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  return kind === 'domain' ? `the domain ${value}` : `the ${kind === 'taxid' ? 'tax id' : kind.toUpperCase()} ${value}`;
};

export const accountStore: VendorStore<AccountRecord, AccountExtra> = {
  model: Account,
  listing: accountListing,
  wordsOf: (record) =>
    recordWords({
      texts: [record.name],
      compact: [record.id, ...Object.values(record.identifiers ?? {})],
      domains: record.domains,
    }),
  extraOf: (record) => ({ certainKeys: accountCertainKeys(record), nameKeys: accountNameKeys(record) }),
  uniqueKeys: {
    claims: AccountKey,
    of: accountCertainKeys,
    refusal: (record, key, holder) => ({
      path: pathOfKey(record, key),
      message: `${describeKey(key)} belongs to account ${holder ?? '(being saved)'}`,
    }),
  },
};

/** Name keys match many accounts for a common word: a candidate list, bounded. */
export const MAX_NAME_CANDIDATES = 20;

/**
 * The accounts that hold any of these certain keys: a point read per key, then per account. A claim
 * whose account does not (or no longer) hold the key is ignored.
 */
export async function accountsByCertainKeys(keys: readonly string[]): Promise<AccountRecord[]> {
  const claims = await Promise.all(keys.map((key) => AccountKey.findById(key).lean<KeyClaimDoc>().exec()));
  const ids = [...new Set(claims.flatMap((claim) => (claim ? [claim.recordId] : [])))];
  const accounts = await Promise.all(ids.map((id) => Account.findById(id).lean<AccountDoc>().exec()));
  return accounts.flatMap((account) =>
    account && keys.some((key) => account.certainKeys.includes(key)) ? [account.record] : [],
  );
}

/** Accounts whose name shares one of these name keys (the deal check's `name:` and `word:` keys). */
export async function accountsByNameKeys(keys: readonly string[]): Promise<AccountRecord[]> {
  const found = await Promise.all(
    keys.map((key) => Account.find({ nameKeys: key }).limit(MAX_NAME_CANDIDATES).lean<AccountDoc[]>().exec()),
  );
  return [...new Map(found.flat().map((doc) => [doc._id, doc.record])).values()];
}

export async function accountById(id: string): Promise<AccountRecord | undefined> {
  if (!vendorRecordIdSchema.safeParse(id).success) return undefined;
  return (await Account.findById(id).lean<AccountDoc>().exec())?.record;
}
