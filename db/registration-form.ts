import { Distributor, type DistributorDoc, Reseller, type ResellerDoc } from './partners';
import { Product, type ProductDoc, Program, type ProgramDoc } from './vendor-records';

/**
 * What the partner portal's registration form offers, read in bounded amounts: the vendor's lists are
 * hundreds of entries at most (programs, products, a distributor's resellers), so one read each.
 */
export const FORM_LIST_LIMIT = 2000;

export interface Named {
  id: string;
  name: string;
}

export async function programNames(): Promise<string[]> {
  const docs = await Program.find({}, { record: 1 }).limit(FORM_LIST_LIMIT).lean<ProgramDoc[]>().exec();
  return docs.map((doc) => doc.record.name);
}

export async function catalogueProducts(): Promise<Array<Named & { family: string }>> {
  const docs = await Product.find({}, { record: 1 }).limit(FORM_LIST_LIMIT).lean<ProductDoc[]>().exec();
  return docs.map(({ record }) => ({ id: record.id, name: record.name, family: record.family }));
}

export async function distributorsNamed(ids: readonly string[]): Promise<Named[]> {
  if (ids.length === 0) return [];
  const docs = await Distributor.find({ _id: { $in: [...ids] } }, { name: 1 })
    .lean<DistributorDoc[]>()
    .exec();
  return docs.map((doc) => ({ id: doc._id, name: doc.name }));
}

/** The resellers that buy through a distributor (its affiliated resellers). */
export async function resellersBuyingThrough(distributorId: string): Promise<Array<Named & { partnerType: string }>> {
  const docs = await Reseller.find({ distributorIds: distributorId }, { name: 1, partnerType: 1 })
    .limit(FORM_LIST_LIMIT)
    .lean<ResellerDoc[]>()
    .exec();
  return docs.map((doc) => ({ id: doc._id, name: doc.name, partnerType: doc.partnerType }));
}
