import { getJson, query, request, sendJson } from './client';
import type { AnswerOf } from './types';

/** The vendor's records and their CSV imports, through the public API like everything else. */
export type VendorCollection = 'accounts' | 'programs' | 'products' | 'sellers';
export type ImportKind = 'accounts' | 'programs' | 'products';

export type Account = AnswerOf<'getAccount'>;
export type Program = AnswerOf<'getProgram'>;
export type Product = AnswerOf<'getProduct'>;
export type Seller = AnswerOf<'getSeller'>;
export type VendorRecord = Account | Program | Product | Seller;
export type ImportJob = AnswerOf<'getImport'>;

export interface RecordPage {
  items: VendorRecord[];
  nextCursor: string | null;
}

const path = (collection: VendorCollection, id?: string) =>
  id === undefined ? `/${collection}` : `/${collection}/${encodeURIComponent(id)}`;

/**
 * A page of records, reading on while the API's pages come back short (a search may find few per page)
 * until `limit` are found, the list ends, or a few pages were read.
 */
export async function listRecords(
  csrf: string,
  collection: VendorCollection,
  q: string | undefined,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<RecordPage> {
  const limit = 50;
  const items: VendorRecord[] = [];
  let next: string | null | undefined = cursor;
  for (let pages = 0; pages < 8 && items.length < limit; pages += 1) {
    const url = `${path(collection)}${query({ q, cursor: next ?? undefined, limit })}`;
    const page: RecordPage = await getJson<RecordPage>(csrf, url, signal);
    items.push(...page.items);
    next = page.nextCursor;
    if (!next) break;
  }
  return { items, nextCursor: next ?? null };
}

export const getRecord = (csrf: string, collection: VendorCollection, id: string, signal?: AbortSignal) =>
  getJson<VendorRecord>(csrf, path(collection, id), signal);

export const createRecord = (csrf: string, collection: VendorCollection, body: object) =>
  sendJson<VendorRecord>(csrf, 'POST', path(collection), body);

export const replaceRecord = (csrf: string, collection: VendorCollection, id: string, body: object) =>
  sendJson<VendorRecord>(csrf, 'PUT', path(collection, id), body);

/** Sends the file as it is: the API reads it as a stream and answers the job at once. */
export async function uploadImport(csrf: string, kind: ImportKind, file: Blob): Promise<ImportJob> {
  const response = await request(csrf, `/${kind}/import`, {
    method: 'POST',
    raw: { body: file, contentType: 'text/csv' },
  });
  return (await response.json()) as ImportJob;
}

export const getImport = (csrf: string, id: string, signal?: AbortSignal) =>
  getJson<ImportJob>(csrf, `/imports/${encodeURIComponent(id)}`, signal);
