import type { z } from 'zod';
import { readPage, scopeName } from '../../db/listing';
import { Registration, type RegistrationDoc, registrationBucketing, TEXT_SEARCH_BUCKETS } from '../../db/registrations';
import { highestSequence } from '../../db/sequences';
import { HttpProblem } from '../problem';
import { type Caller, isStaff } from '../route-spec';
import { encodeCursor } from '../schemas/common';
import type { registrationListQuerySchema, registrationPageSchema } from '../schemas/registration';
import { audienceOf, registrationView } from '../views/registration';
import { registrationCsvHeader, registrationCsvLine } from '../views/registration-csv';

export type RegistrationListQuery = z.output<typeof registrationListQuerySchema>;

const DAY_MS = 86_400_000;

/** The text and submission-day filters as one test of a document, or none when neither is asked. */
function filterOf(query: RegistrationListQuery): ((doc: RegistrationDoc) => boolean) | undefined {
  const text = query.q?.toLowerCase();
  const from = query.submittedFrom ? Date.parse(`${query.submittedFrom}T00:00:00Z`) : undefined;
  const until = query.submittedTo ? Date.parse(`${query.submittedTo}T00:00:00Z`) + DAY_MS : undefined;
  if (text === undefined && from === undefined && until === undefined) return undefined;
  return (doc) => {
    const at = new Date(doc.submittedAt).getTime();
    return (
      (text === undefined || doc.searchText.includes(text)) &&
      (from === undefined || at >= from) &&
      (until === undefined || at < until)
    );
  };
}

/**
 * One page of `GET /registrations` as the caller may see it: a partner sees its own scope, staff choose
 * theirs. Outside the route so that the benchmark times exactly the query the console's lists make.
 */
export async function listRegistrationsPage(
  caller: Caller,
  query: RegistrationListQuery,
): Promise<z.input<typeof registrationPageSchema>> {
  const page = await readRegistrationsPage(caller, query);
  return {
    items: page.items,
    nextCursor: page.nextBefore === undefined ? null : encodeCursor({ before: page.nextBefore }),
  };
}

/** The list a caller reads: a partner its own, a seller those on its accounts, staff the one they filter. */
function scopeOf(caller: Caller, query: RegistrationListQuery): string {
  if (caller.role === 'sales') return scopeName({ sellerId: caller.sellerId ?? '', status: query.status });
  return scopeName({
    resellerId: caller.role === 'reseller' ? caller.resellerId : query.resellerId,
    distributorId: caller.role === 'distributor' ? caller.distributorId : query.distributorId,
    status: query.status,
  });
}

/** A page as views and where the next one starts (undefined at the end). */
async function readRegistrationsPage(caller: Caller, query: RegistrationListQuery) {
  if (!isStaff(caller)) {
    // Text search (q) is everyone's, within what the caller may see; naming partners is for staff.
    const staffFilters = (['resellerId', 'distributorId'] as const).filter((name) => query[name] !== undefined);
    if (staffFilters.length > 0) {
      throw new HttpProblem(403, 'Forbidden', `only staff may filter by ${staffFilters.join(', ')}`);
    }
  }
  const accept = filterOf(query);
  const page = await readPage<RegistrationDoc>({
    model: Registration,
    scope: scopeOf(caller, query),
    bucketing: registrationBucketing,
    top: await highestSequence(),
    ...(query.cursor ? { before: { at: query.cursor.before } } : {}),
    limit: query.limit,
    positionOf: (doc) => ({ at: doc.sequence ?? 0 }),
    // No index serves a substring or a day range; the page's bucket budget bounds what this reads (README).
    ...(accept ? { accept, maxBuckets: TEXT_SEARCH_BUCKETS } : {}),
  });
  const audience = audienceOf(caller);
  return { items: page.items.map((doc) => registrationView(doc, audience)), nextBefore: page.nextBefore?.at };
}

/**
 * Every registration the caller may see that the filters select, newest first, as CSV lines (every cell
 * quoted): page after page, so the answer is streamed and never held whole. Each row is the caller's own
 * view of the registration (a partner's wording, no other partner named).
 */
export async function* registrationsCsv(caller: Caller, query: Omit<RegistrationListQuery, 'cursor' | 'limit'>) {
  const pageAt = (before?: number) =>
    readRegistrationsPage(caller, {
      ...query,
      limit: EXPORT_PAGE,
      ...(before === undefined ? {} : { cursor: { before } }),
    });
  // The first page is read before the header: a refused filter fails the request, not the download.
  let page = await pageAt();
  yield registrationCsvHeader();
  for (;;) {
    for (const registration of page.items) yield registrationCsvLine(registration);
    if (page.nextBefore === undefined) return;
    page = await pageAt(page.nextBefore);
  }
}
const EXPORT_PAGE = 200;
