import { seededRandom } from '../dealreg/customers';
import type { JsonClient } from '../load/http-client';
import { summarize } from '../load/stats';

/** Clients reading back to back while the migration runs (the API's other callers). */
export const READERS = 2;
/** Live registrations submitted first, for the readers to read by id. */
const READ_TARGETS = 12;

/** Back-to-back reads from `READERS` clients until `done()`: a registration by id, or the list's first page. */
export async function readWhile(client: JsonClient, key: string, ids: readonly string[], done: () => boolean) {
  const registration: number[] = [];
  const list: number[] = [];
  let errors = 0;
  const random = seededRandom(17);
  const reader = async () => {
    while (!done()) {
      const byId = random() < 0.5;
      const path = byId
        ? `/api/v1/registrations/${ids[Math.floor(random() * ids.length)]}`
        : '/api/v1/registrations?limit=20';
      const sent = performance.now();
      const answer = await client
        .request('GET', path, undefined, { authorization: `Bearer ${key}` })
        .catch(() => undefined);
      (byId ? registration : list).push(performance.now() - sent);
      if (answer?.status !== 200) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
  return { registration: summarize(registration), list: summarize(list), errors };
}

/** A few live registrations through the API (the readers' targets), as partners submit them. */
export async function submitTargets(
  client: JsonClient,
  resellerKeys: Map<string, string>,
  runLabel: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < READ_TARGETS; i += 1) {
    // A 503 (not stored within the API's wait, a cold worker) is answered by the same key's repetition.
    let answer = { status: 503, body: {} as unknown };
    for (let attempt = 0; attempt < 5 && answer.status === 503; attempt += 1)
      answer = await client.request(
        'POST',
        '/api/v1/registrations',
        {
          distributorId: 'dist-a',
          customer: { name: `Reading Target ${i} Labs`, segment: 'commercial', region: 'east' },
          opportunity: { title: 'Read while migrating', productLines: ['storage'] },
        },
        {
          authorization: `Bearer ${resellerKeys.get('integrator-2')}`,
          'idempotency-key': `migration-${runLabel}-target-${i}`,
        },
      );
    const body = answer.body as { id?: string };
    if (![200, 202].includes(answer.status) || !body.id)
      throw new Error(`a target registration answered ${answer.status}`);
    ids.push(body.id);
  }
  return ids;
}
