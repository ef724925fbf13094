import type { z } from 'zod';
import { readPage, scopeName } from '../../db/listing';
import { Registration, type RegistrationDoc, registrationBucketing, TEXT_SEARCH_BUCKETS } from '../../db/registrations';
import { highestSequence } from '../../db/sequences';
import { HttpProblem } from '../problem';
import { type Caller, isStaff } from '../route-spec';
import { encodeCursor } from '../schemas/common';
import type { registrationListQuerySchema, registrationPageSchema } from '../schemas/registration';
import { audienceOf, registrationView } from '../views/registration';

export type RegistrationListQuery = z.output<typeof registrationListQuerySchema>;

/**
 * One page of `GET /registrations` as the caller may see it: a partner sees its own scope, staff choose
 * theirs. Outside the route so that the benchmark times exactly the query the console's lists make.
 */
export async function listRegistrationsPage(
  caller: Caller,
  query: RegistrationListQuery,
): Promise<z.input<typeof registrationPageSchema>> {
  if (!isStaff(caller)) {
    // Text search (q) is everyone's, within what the caller may see; naming partners is for staff.
    const staffFilters = (['resellerId', 'distributorId'] as const).filter((name) => query[name] !== undefined);
    if (staffFilters.length > 0) {
      throw new HttpProblem(403, 'Forbidden', `only staff may filter by ${staffFilters.join(', ')}`);
    }
  }
  const text = query.q?.toLowerCase();
  const page = await readPage<RegistrationDoc>({
    model: Registration,
    scope: scopeName({
      resellerId: caller.role === 'reseller' ? caller.resellerId : query.resellerId,
      distributorId: caller.role === 'distributor' ? caller.distributorId : query.distributorId,
      status: query.status,
    }),
    bucketing: registrationBucketing,
    top: await highestSequence(),
    ...(query.cursor ? { before: { at: query.cursor.before } } : {}),
    limit: query.limit,
    positionOf: (doc) => ({ at: doc.sequence ?? 0 }),
    // No index serves a substring; the page's bucket budget bounds what this reads (README).
    ...(text
      ? { accept: (doc: RegistrationDoc) => doc.searchText.includes(text), maxBuckets: TEXT_SEARCH_BUCKETS }
      : {}),
  });
  const nextCursor = page.nextBefore ? encodeCursor({ before: page.nextBefore.at }) : null;
  const audience = audienceOf(caller);
  return { items: page.items.map((doc) => registrationView(doc, audience)), nextCursor };
}
