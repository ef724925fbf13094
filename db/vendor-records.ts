import { model, Schema } from 'mongoose';
import type { ProductRecord, ProgramRecord, SellerRecord } from '../domain/vendor/records';
import { recordWords } from '../domain/vendor/search';
import { insertOnce } from './insert-once';
import type { VendorListing } from './vendor-listing';
import { type VendorDoc, type VendorStore, vendorSchema } from './vendor-store';

/**
 * Programs (contract vehicles and their member accounts), products (the catalogue) and the vendor's
 * sellers: stored as accounts are (db/vendor-store.ts), without keys to claim.
 */
/** Programs, products and sellers number in the hundreds or thousands: 64 buckets, all read by one page if need be. */
const smallListing: VendorListing = { buckets: 64, maxBuckets: 64, parallel: 16 };

export interface ProgramExtra {
  /** The member accounts the program lists: indexed, so an account's programs are one equality query. */
  members: string[];
}
export type ProgramDoc = VendorDoc<ProgramRecord> & ProgramExtra;
const programSchema = vendorSchema<ProgramDoc>({ members: { type: [String], default: [] } });
programSchema.index({ members: 1 });
export const Program = model<ProgramDoc>('Program', programSchema, 'programs');

export const programStore: VendorStore<ProgramRecord, ProgramExtra> = {
  model: Program,
  listing: smallListing,
  wordsOf: (record) => recordWords({ texts: [record.name], compact: [record.id, ...(record.contractNumbers ?? [])] }),
  extraOf: (record) => ({ members: record.accounts ?? [] }),
};

export type ProductDoc = VendorDoc<ProductRecord>;
export const Product = model<ProductDoc>('Product', vendorSchema<ProductDoc>(), 'products');

/** That the catalogue has a product: inserted with the first one (products are never deleted). */
interface MarkerDoc {
  _id: string;
  at: Date;
}
const VendorMarker = model<MarkerDoc>(
  'VendorMarker',
  new Schema<MarkerDoc>({ _id: String, at: { type: Date, required: true } }, { versionKey: false }),
  'vendormarkers',
);
const CATALOGUE = 'catalogue-not-empty';

export const productStore: VendorStore<ProductRecord> = {
  model: Product,
  listing: { buckets: 256, maxBuckets: 128, parallel: 32 },
  wordsOf: (record) => recordWords({ texts: [record.name, record.family], compact: [record.id] }),
  extraOf: () => ({}),
  // The marker goes in before the first product, so no product exists in a catalogue that says it is empty.
  beforeWrite: async () => {
    await insertOnce(VendorMarker, { _id: CATALOGUE, at: new Date() });
  },
};

export async function catalogueHasProducts(): Promise<boolean> {
  return Boolean(await VendorMarker.exists({ _id: CATALOGUE }).exec());
}

export type SellerDoc = VendorDoc<SellerRecord>;
export const Seller = model<SellerDoc>('Seller', vendorSchema<SellerDoc>(), 'sellers');

export const sellerStore: VendorStore<SellerRecord> = {
  model: Seller,
  listing: smallListing,
  wordsOf: (record) =>
    recordWords({ texts: [record.name, ...(record.email ? [record.email] : [])], compact: [record.id] }),
  extraOf: () => ({}),
};

/** The programs that list an account as a member: one equality query on an indexed field. */
export async function programsListing(accountId: string): Promise<ProgramRecord[]> {
  return (await Program.find({ members: accountId }).lean<ProgramDoc[]>().exec()).map((doc) => doc.record);
}

export async function programById(id: string): Promise<ProgramRecord | undefined> {
  return (await Program.findById(id).lean<ProgramDoc>().exec())?.record;
}

export async function productById(id: string): Promise<ProductRecord | undefined> {
  return (await Product.findById(id).lean<ProductDoc>().exec())?.record;
}
