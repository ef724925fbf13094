import { z } from 'zod';
import { registrableDomain } from '../matching/identifiers';
import { customerIdentifiersSchema, plainText, segmentSchema } from '../registration';

/**
 * The vendor's own records (../shared/CONTRACT.md, "Additions: accounts, programs, products and the
 * vendor's sellers"): what the vendor knows about its customers, contract vehicles and products, as
 * opposed to what a partner declares on a registration. One schema per shape: the API, the CSV import
 * and the stores validate with these.
 */

/** Ids of records that come from the vendor's CRM: they appear in URLs, CSV files and snapshots. */
export const vendorRecordIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]*$/, 'letters, digits, dashes, underscores and colons, such as acct-0042');

/** A product id is what a registration names in `productLines`, so it has a product line's form. */
export const productIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, dashes and underscores, such as storage-array');

const eachOnce = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, `each ${what} once`);

/**
 * A domain that identifies the account: a customer registered on it (or a subdomain) is this account.
 * A mailbox provider's domain is shared by unrelated customers and identifies nobody.
 */
const DOMAIN = /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+\/?$/;
const accountDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(DOMAIN, 'a domain such as acme.com')
  .refine(
    // Said once: what is not a domain at all has its message already.
    (domain) => !DOMAIN.test(domain) || registrableDomain(domain) !== undefined,
    'names no registrable domain of its own (a public suffix, or a mailbox provider shared by unrelated customers)',
  );

export const accountOwnerSchema = z
  .strictObject({
    kind: z.enum(['seller', 'distributor']).describe('seller: a house account; distributor: reserved for it'),
    id: vendorRecordIdSchema,
  })
  .meta({ id: 'AccountOwner' });
export type AccountOwner = z.infer<typeof accountOwnerSchema>;

export const accountFieldsSchema = z.strictObject({
  name: plainText(200),
  domains: eachOnce(accountDomainSchema, 20, 'domain')
    .refine(
      (domains) => new Set(domains.map(registrableDomain)).size === domains.length,
      'each registrable domain once (www.acme.com and acme.com are one)',
    )
    .optional(),
  identifiers: customerIdentifiersSchema.optional(),
  segment: segmentSchema,
  region: plainText(64).optional(),
  programs: eachOnce(vendorRecordIdSchema, 50, 'program').optional().describe('ids of programs the account is in'),
  owner: accountOwnerSchema.optional(),
});
export const accountRecordSchema = z.strictObject({ id: vendorRecordIdSchema, ...accountFieldsSchema.shape });
export type AccountRecord = z.infer<typeof accountRecordSchema>;

export const programFieldsSchema = z.strictObject({
  name: plainText(200),
  contractNumbers: eachOnce(plainText(64), 50, 'contract number').optional(),
  accounts: eachOnce(vendorRecordIdSchema, 1000, 'account')
    .optional()
    .describe('member accounts (an account may also name its programs itself)'),
});
export const programRecordSchema = z.strictObject({ id: vendorRecordIdSchema, ...programFieldsSchema.shape });
export type ProgramRecord = z.infer<typeof programRecordSchema>;

export const productFieldsSchema = z.strictObject({
  name: plainText(200),
  family: plainText(100).describe('deals compare by family under the policy’s matching.productScope "family"'),
});
export const productRecordSchema = z.strictObject({ id: productIdSchema, ...productFieldsSchema.shape });
export type ProductRecord = z.infer<typeof productRecordSchema>;

export const sellerFieldsSchema = z.strictObject({
  name: plainText(200),
  email: z.email().max(254).optional(),
});
export const sellerRecordSchema = z.strictObject({ id: vendorRecordIdSchema, ...sellerFieldsSchema.shape });
export type SellerRecord = z.infer<typeof sellerRecordSchema>;

export type VendorRecordKind = 'account' | 'program' | 'product' | 'seller';

/**
 * A record in one canonical form: empty lists and empty identifier sets are absent, keys in one order.
 * Two records that say the same thing are then equal as JSON, which is how a re-import recognises a
 * row that changes nothing.
 */
export function canonicalRecord<T extends Record<string, unknown>>(record: T): T {
  const entries = Object.entries(record)
    .filter(([, value]) => {
      if (value === undefined) return false;
      if (Array.isArray(value)) return value.length > 0;
      if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
      return true;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries) as T;
}
