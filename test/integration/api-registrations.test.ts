import { Registration } from '../../db/registrations';
import { uniqueWord } from '../support/fixtures';
import { type ApiTest, freshSubmission, startApiTest, submitAndWait } from './api-support';

let api: ApiTest;
beforeAll(async () => {
  api = await startApiTest('apiregs');
}, 60_000);
afterAll(() => api?.shutdown());

const submit = (as: 'reseller' | 'other-reseller', body: unknown, key?: string) =>
  api.call({
    as,
    method: 'post',
    path: '/api/v1/registrations',
    body,
    headers: key ? { 'Idempotency-Key': key } : {},
  });

/**
 * Keys unique to this run: a registration's workflow id derives from its reseller and key, and a Temporal
 * server kept between runs (npm run stack) still holds the last run's workflows.
 */
const run = Date.now().toString(36);

describe('Idempotency-Key', () => {
  test('the same key with the same body returns the first registration, and only one is stored', async () => {
    const body = freshSubmission();
    const first = await submit('reseller', body, `order-4711-${run}`);
    const again = await submit('reseller', body, `order-4711-${run}`);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.sequence).toBe(first.body.sequence);
    expect(await Registration.countDocuments({ 'customer.name': body.customer.name })).toBe(1);
  });

  test('the same key with another body is refused with 422 and changes nothing', async () => {
    const first = await submit('reseller', freshSubmission(), `order-4712-${run}`);
    const other = freshSubmission();
    const refused = await submit('reseller', other, `order-4712-${run}`);
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.title).toBe('Idempotency-Key reused');
    expect(await Registration.countDocuments({ 'customer.name': other.customer.name })).toBe(0);
    const stored = await api.call({ as: 'reseller', method: 'get', path: `/api/v1/registrations/${first.body.id}` });
    expect(stored.body.customer.name).not.toBe(other.customer.name);
  });

  test('keys are scoped per caller: two resellers using the same key get two registrations', async () => {
    const mine = await submit('reseller', freshSubmission(), `shared-key-1-${run}`);
    const theirs = await submit('other-reseller', freshSubmission(), `shared-key-1-${run}`);
    expect(mine.status).toBe(202);
    expect(theirs.status).toBe(202);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  test('without a key every submission is a new registration', async () => {
    const body = freshSubmission();
    const first = await submit('reseller', body);
    const second = await submit('reseller', body);
    expect(second.body.id).not.toBe(first.body.id);
  });

  test('a malformed key is refused with a field path and nothing is stored', async () => {
    const body = freshSubmission();
    const refused = await submit('reseller', body, 'x'.repeat(201));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'header.idempotency-key' })]);
    expect(await Registration.countDocuments({ 'customer.name': body.customer.name })).toBe(0);
  });
});

describe('who sees what', () => {
  test("another partner's registration answers 404 exactly like one that does not exist", async () => {
    const theirs = await submit('other-reseller', freshSubmission());
    const probe = await api.call({ as: 'reseller', method: 'get', path: `/api/v1/registrations/${theirs.body.id}` });
    const missing = await api.call({
      as: 'reseller',
      method: 'get',
      path: '/api/v1/registrations/reg_000000000000000000000000',
    });
    expect(probe.status).toBe(404);
    expect(missing.status).toBe(404);
    const shape = (body: { detail: string }) => ({ ...body, detail: body.detail.replace(/reg_\w+/, 'ID') });
    expect(shape(probe.body)).toEqual(shape(missing.body));
    const withdraw = await api.call({
      as: 'reseller',
      method: 'post',
      path: `/api/v1/registrations/${theirs.body.id}/withdraw`,
    });
    expect(withdraw.status).toBe(404);
    // Submitted through dist-a: dist-b's distributor cannot see it, dist-a's can.
    const otherDistributor = await api.call({
      as: 'other-distributor',
      method: 'get',
      path: `/api/v1/registrations/${theirs.body.id}`,
    });
    const distributor = await api.call({
      as: 'distributor',
      method: 'get',
      path: `/api/v1/registrations/${theirs.body.id}`,
    });
    expect([otherDistributor.status, distributor.status]).toEqual([404, 200]);
  });

  test('a rejection never names the holder to the reseller or the distributor; staff see the match', async () => {
    const uei = `AB${Date.now().toString().slice(-10)}`;
    const customerName = `${uniqueWord()} Holdings`;
    const holder = await submitAndWait(api, freshSubmission({ uei, customerName }), 'other-reseller');
    expect(holder.status).toBe('approved');
    const late = await submitAndWait(api, freshSubmission({ uei, customerName }), 'reseller');
    expect(late).toMatchObject({ status: 'rejected', reasonCode: 'already-registered' });

    for (const as of ['reseller', 'distributor'] as const) {
      const view = await api.call({ as, method: 'get', path: `/api/v1/registrations/${late.id}` });
      const text = JSON.stringify(view.body);
      expect(text).not.toContain(holder.id);
      expect(text).not.toContain('small-boutique');
      expect(view.body.decisions[0].matches).toBeUndefined();
      expect(view.body.explanation).toEqual(expect.any(String));
    }
    const staff = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${late.id}` });
    expect(staff.body.decisions[0].matches).toEqual([
      expect.objectContaining({ registrationId: holder.id, resellerId: 'small-boutique' }),
    ]);
    // The list view is redacted the same way.
    const page = await api.call({
      as: 'reseller',
      method: 'get',
      path: '/api/v1/registrations?status=rejected&limit=200',
    });
    expect(JSON.stringify(page.body)).not.toContain(holder.id);
  });

  test('lists are scoped to the caller, and staff filters are for staff', async () => {
    const mine = await submit('reseller', freshSubmission({ customerName: 'Scopetest Widgets' }));
    const theirs = await submit('other-reseller', freshSubmission({ distributorId: 'dist-b' }));
    const idsFor = async (as: 'reseller' | 'other-distributor' | 'auditor', query = '') => {
      const page = await api.call({ as, method: 'get', path: `/api/v1/registrations?limit=200${query}` });
      expect(page.status).toBe(200);
      return page.body.items.map((item: { id: string }) => item.id) as string[];
    };
    const resellerIds = await idsFor('reseller');
    expect(resellerIds).toContain(mine.body.id);
    expect(resellerIds).not.toContain(theirs.body.id);
    const distributorIds = await idsFor('other-distributor');
    expect(distributorIds).toContain(theirs.body.id);
    expect(distributorIds).not.toContain(mine.body.id);
    expect(await idsFor('auditor', '&resellerId=small-boutique&distributorId=dist-b')).toContain(theirs.body.id);
    expect(await idsFor('auditor', '&q=scopetest')).toEqual([mine.body.id]);

    const partnerFilter = await api.call({
      as: 'reseller',
      method: 'get',
      path: '/api/v1/registrations?resellerId=small-boutique',
    });
    expect(partnerFilter.status).toBe(403);
    const unknown = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/registrations?sort=asc' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'query.sort', message: 'unknown field' }]);
    const badCursor = await api.call({
      as: 'auditor',
      method: 'get',
      path: '/api/v1/registrations?cursor=bm90LWEtY3Vyc29y',
    });
    expect(badCursor.status).toBe(422);
    expect(badCursor.body.errors[0].path).toBe('query.cursor');
    const badLimit = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/registrations?limit=201' });
    expect(badLimit.status).toBe(422);
  });
});

test('paging loses and repeats nothing while registrations keep arriving', async () => {
  const before = await Promise.all(Array.from({ length: 8 }, () => submit('reseller', freshSubmission())));
  const existing = before.map((r) => r.body.id as string);
  const seen: string[] = [];
  const addedMeanwhile: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const page = await api.call({ as: 'reseller', method: 'get', path: `/api/v1/registrations?limit=3${query}` });
    expect(page.status).toBe(200);
    seen.push(...page.body.items.map((item: { id: string }) => item.id));
    cursor = page.body.nextCursor;
    // New registrations land in between pages (and concurrently with the next read).
    const added = await Promise.all([submit('reseller', freshSubmission()), submit('reseller', freshSubmission())]);
    addedMeanwhile.push(...added.map((r) => r.body.id as string));
  } while (cursor);
  expect(new Set(seen).size).toBe(seen.length);
  for (const id of existing) expect(seen).toContain(id);
  const sequences = await Registration.find({ _id: { $in: seen } })
    .select({ sequence: 1 })
    .lean()
    .exec();
  expect(sequences.length).toBe(seen.length);
  expect(addedMeanwhile.length).toBeGreaterThan(0);
});

describe('commands and history', () => {
  test('an extension extends protection once, then answers 409', async () => {
    const approved = await submitAndWait(api, freshSubmission());
    expect(approved.status).toBe('approved');
    const path = `/api/v1/registrations/${approved.id}/extension`;
    const first = await api.call({ as: 'reseller', method: 'post', path, body: { reason: 'procurement delayed' } });
    expect(first.status).toBe(200);
    expect(first.body.result).toBe('extended');
    expect(first.body.registration.extensionsUsed).toBe(1);
    expect(Date.parse(first.body.registration.protectedUntil)).toBeGreaterThan(Date.parse(approved.protectedUntil!));
    const second = await api.call({ as: 'reseller', method: 'post', path, body: { reason: 'again' } });
    expect(second.status).toBe(409);
    expect(second.body.title).toBe('No extensions left');
    const noReason = await api.call({ as: 'reseller', method: 'post', path, body: {} });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
  });

  test('a closed registration keeps its outcome and refuses a second close', async () => {
    const approved = await submitAndWait(api, freshSubmission());
    const path = `/api/v1/registrations/${approved.id}/close`;
    const bad = await api.call({ as: 'reseller', method: 'post', path, body: { outcome: 'maybe' } });
    expect(bad.status).toBe(422);
    const closed = await api.call({ as: 'reseller', method: 'post', path, body: { outcome: 'won' } });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('won');
    const again = await api.call({ as: 'reseller', method: 'post', path, body: { outcome: 'lost', reason: 'timing' } });
    expect(again.status).toBe(409);
  });

  test('the history of a finished registration is read from its closed workflow', async () => {
    const approved = await submitAndWait(api, freshSubmission());
    const withdrawn = await api.call({
      as: 'reseller',
      method: 'post',
      path: `/api/v1/registrations/${approved.id}/withdraw`,
      body: { reason: 'customer chose another vendor' },
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    const stored = await Registration.findById(approved.id).lean().exec();
    await api.system.temporal.workflow.getHandle(stored!.workflowId).result();

    const history = await api.call({
      as: 'auditor',
      method: 'get',
      path: `/api/v1/registrations/${approved.id}/history`,
    });
    expect(history.status).toBe(200);
    const events = history.body.events as Array<{ eventId: number; type: string; summary: string }>;
    expect(events[0]?.type).toBe('WORKFLOW_EXECUTION_STARTED');
    expect(events.at(-1)?.type).toBe('WORKFLOW_EXECUTION_COMPLETED');
    expect(events.some((e) => e.type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED' && /withdraw/.test(e.summary))).toBe(
      true,
    );
    const ids = events.map((e) => e.eventId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
