import type { z } from 'zod';
import type { AccountDoc } from '../../db/accounts';
import type { Role } from '../../db/apikeys';
import { listVendorRecords } from '../../db/vendor-listing';
import { programsListing } from '../../db/vendor-records';
import {
  type FieldProblem,
  findVendorRecord,
  type SaveResult,
  saveVendorRecord,
  type VendorDoc,
  type VendorStore,
} from '../../db/vendor-store';
import { HttpProblem, validationProblem } from '../problem';
import { type AnyRoute, defineRoute } from '../route-spec';
import { encodeCursor, isoDate } from '../schemas/common';
import { vendorListQuerySchema } from '../schemas/vendor-records';

/**
 * Vendor records follow the partners' convention: `POST /<collection>` creates, `PUT /<collection>/{id}`
 * replaces, `GET /<collection>?q=&cursor=` lists a bounded page, `GET /<collection>/{id}` reads one.
 * Admins write; channel managers and auditors read (and `sales` people the accounts).
 */
const staff = ['admin', 'auditor', 'channel-manager'] as const;
const tag = 'Vendor records';

export interface VendorCollection<R extends { id: string; name: string }, E extends object = object> {
  /** `accounts`, in paths. */
  path: string;
  /** `account`, in summaries and messages. */
  noun: string;
  operation: string;
  store: VendorStore<R, E>;
  params: z.ZodType;
  newSchema: z.ZodType;
  updateSchema: z.ZodType;
  viewSchema: z.ZodType;
  pageSchema: z.ZodType;
  /** Records this one names must exist. */
  references?(record: R): Promise<FieldProblem[]>;
  /** What the read of one record adds to its view. */
  details?(record: R): Promise<Record<string, unknown>>;
  /** Who besides staff reads the collection (the contract: `sales` reads accounts). */
  alsoReadBy?: readonly Role[];
}

const viewOf = <R>(doc: VendorDoc<R>) => ({
  ...doc.record,
  createdAt: isoDate(doc.createdAt) as string,
  updatedAt: isoDate(doc.updatedAt) as string,
});

function answerOf<R>(noun: string, id: string, result: SaveResult<R>) {
  if (result.kind === 'exists') {
    throw new HttpProblem(409, 'Already exists', `${noun} ${id} already exists; PUT replaces it`);
  }
  if (result.kind === 'missing') throw new HttpProblem(404, 'Not found', `${noun} ${id} does not exist`);
  if (result.kind === 'invalid') throw validationProblem('request body', result.problems);
  return result.doc;
}

export function vendorRecordRoutes<R extends { id: string; name: string }, E extends object = object>(
  collection: VendorCollection<R, E>,
): AnyRoute[] {
  const { path, noun, operation } = collection;
  const readers = [...staff, ...(collection.alsoReadBy ?? [])];
  const checked = async (record: R) => {
    const problems = (await collection.references?.(record)) ?? [];
    if (problems.length > 0) throw validationProblem('request body', problems);
  };
  const create = defineRoute({
    operationId: `create${operation}`,
    method: 'post',
    path: `/${path}`,
    tag,
    summary: `Add ${noun === 'account' ? 'an' : 'a'} ${noun}`,
    access: ['admin'],
    request: { body: collection.newSchema },
    responses: { 201: { description: `The ${noun}`, schema: collection.viewSchema } },
    refusals: {
      409: `${noun === 'account' ? 'an' : 'a'} ${noun} with this id exists`,
      422: 'invalid body, unknown references or identifiers another account holds',
    },
    async handle({ body }) {
      const record = body as R;
      await checked(record);
      const doc = answerOf(noun, record.id, await saveVendorRecord(collection.store, record, 'create'));
      return {
        status: 201,
        body: viewOf(doc),
        headers: { Location: `/api/v1/${path}/${encodeURIComponent(record.id)}` },
      };
    },
  });
  const replace = defineRoute({
    operationId: `replace${operation}`,
    method: 'put',
    path: `/${path}/{id}`,
    tag,
    summary: `Replace ${noun === 'account' ? 'an' : 'a'} ${noun} (its id stays)`,
    access: ['admin'],
    request: { params: collection.params, body: collection.updateSchema },
    responses: { 200: { description: `The ${noun}`, schema: collection.viewSchema } },
    refusals: { 404: `no such ${noun}`, 422: 'invalid body, unknown references or identifiers another account holds' },
    async handle({ params, body }) {
      const record = { ...(body as object), id: (params as { id: string }).id } as R;
      await checked(record);
      const doc = answerOf(noun, record.id, await saveVendorRecord(collection.store, record, 'replace'));
      return { status: 200, body: viewOf(doc) };
    },
  });
  const list = defineRoute({
    operationId: `list${operation}s`,
    method: 'get',
    path: `/${path}`,
    tag,
    summary: `The ${noun}s, a bounded page at a time, or those a text finds`,
    description:
      'A page may hold fewer items than `limit`, even none, while `nextCursor` is not null: follow it until it is null. Records come in a stable order (not alphabetical).',
    access: readers,
    request: { query: vendorListQuerySchema },
    responses: { 200: { description: `A page of ${noun}s`, schema: collection.pageSchema } },
    async handle({ query }) {
      const page = await listVendorRecords(collection.store.model, collection.store.listing, {
        q: query.q,
        before: query.cursor,
        limit: query.limit,
      });
      return {
        status: 200,
        body: { items: page.items.map(viewOf), nextCursor: page.next ? encodeCursor(page.next) : null },
      };
    },
  });
  const read = defineRoute({
    operationId: `get${operation}`,
    method: 'get',
    path: `/${path}/{id}`,
    tag,
    summary: `One ${noun}`,
    access: readers,
    request: { params: collection.params },
    responses: { 200: { description: `The ${noun}`, schema: collection.viewSchema } },
    refusals: { 404: `no such ${noun}` },
    async handle({ params }) {
      const { id } = params as { id: string };
      const doc = await findVendorRecord(collection.store, id);
      if (!doc) throw new HttpProblem(404, 'Not found', `${noun} ${id} does not exist`);
      return { status: 200, body: { ...viewOf(doc), ...(await collection.details?.(doc.record)) } };
    },
  });
  return [create, replace, list, read];
}

/** The programs listing an account, beside the ones it names itself. */
export async function accountDetails(record: AccountDoc['record']) {
  return { memberOf: (await programsListing(record.id)).map((program) => program.id).sort() };
}
