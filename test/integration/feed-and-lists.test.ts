import { randomBytes } from 'node:crypto';
import type { AnyRoute, Caller, HandlerContext } from '../../api/route-spec';
import { createRouteTable } from '../../api/routes';
import { databaseDocumentsRead } from '../../db/command-count';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { finishDelivery } from '../../db/deliveries';
import { escalationPage, listEscalation } from '../../db/escalation-list';
import { type EscalationDoc, saveEscalation } from '../../db/escalations';
import { recordEvents } from '../../db/events';
import type { OutboxDoc } from '../../db/outbox';
import { eventually, testDatabaseUri } from '../support/harness';

/**
 * The event feed never skips an event stored late, and list pages (`/events`, `/deliveries`) read what
 * their `limit` asks for, not a whole day of their list. Handlers are called as the API calls them,
 * with nothing else using the database in this process, so the documents counted are the page's.
 */
const routes = createRouteTable().routes;
const route = (operationId: string) => routes.find((r) => r.operationId === operationId) as AnyRoute;

async function call(operationId: string, caller: Caller, query: Record<string, string>) {
  const target = route(operationId);
  const parsed = target.request?.query?.parse(query);
  const result = await target.handle({ caller, query: parsed } as unknown as HandlerContext<
    never,
    never,
    never,
    never,
    Caller
  >);
  return result.body as { items: Array<{ id: string }>; nextCursor: string | null };
}

const reseller = (id: string): Caller => ({
  principal: { kind: 'key', id: 'key_test' },
  keyId: 'key_test',
  role: 'reseller',
  resellerId: id,
});
const admin: Caller = { principal: { kind: 'key', id: 'key_admin' }, keyId: 'key_admin', role: 'admin' };

beforeAll(async () => {
  await connectDatabase(testDatabaseUri('feed-lists'));
  await ensureIndexes();
});
afterAll(() => disconnectDatabase());

const event = (audience: string, createdAt = new Date()) => ({
  _id: `dlv_${randomBytes(16).toString('hex')}`,
  audience: `reseller:${audience}`,
  type: 'registration.approved',
  payload: { n: 1 },
  createdAt,
});

async function readsOf<T>(run: () => Promise<T>): Promise<{ result: T; documents: number }> {
  const before = databaseDocumentsRead();
  const result = await run();
  return { result, documents: databaseDocumentsRead() - before };
}

test('an event whose time was taken before an event the reader already passed still reaches the reader', async () => {
  const first = event('late-reader');
  await recordEvents([first]);
  const seen = await eventually(async () => {
    const page = await call('listEvents', reseller('late-reader'), { limit: '50' });
    return page.items.some((item) => item.id === first._id) ? page : undefined;
  }, 'the first event in the feed');
  // Its time was taken a minute before the first one's, and the insert landed only now (a stalled worker).
  const late = event('late-reader', new Date(first.createdAt.getTime() - 60_000));
  await recordEvents([late]);
  const after = await eventually(
    async () => {
      const page = await call('listEvents', reseller('late-reader'), {
        limit: '50',
        cursor: seen.nextCursor as string,
      });
      return page.items.length > 0 ? page : undefined;
    },
    'the late event after the cursor',
    10_000,
  );
  expect(after.items.map((item) => item.id)).toEqual([late._id]);
});

test('a feed page reads its limit, not the whole day of a busy partner', async () => {
  const busy = 'busy-partner';
  for (let i = 0; i < 300; i += 1) await recordEvents([event(busy)]);
  let cursor: string | undefined;
  const seen: string[] = [];
  for (let page = 0; page < 3; page += 1) {
    const { result, documents } = await readsOf(() =>
      call('listEvents', reseller(busy), { limit: '5', ...(cursor ? { cursor } : {}) }),
    );
    expect(result.items).toHaveLength(5);
    expect(documents).toBeLessThanOrEqual(5 + 1);
    seen.push(...result.items.map((item) => item.id));
    cursor = result.nextCursor as string;
  }
  expect(new Set(seen).size).toBe(15);
});

test('a deliveries page reads its limit and the records behind it, not the whole day', async () => {
  const createdAt = new Date();
  const ids: string[] = [];
  for (let i = 0; i < 300; i += 1) {
    const message: OutboxDoc = {
      _id: `dlv_${randomBytes(16).toString('hex')}`,
      webhookId: 'reseller:hooked',
      type: 'registration.approved',
      payload: {},
      createdAt,
      attempts: 1,
      nextAttemptAt: createdAt,
    };
    ids.push(message._id);
    await finishDelivery(message, 'abandoned', 3, 'HTTP 500');
  }
  const { result, documents } = await readsOf(() => call('listDeliveries', admin, { status: 'abandoned', limit: '5' }));
  expect(result.items.map((item) => item.id)).toEqual(ids.slice(-5).reverse());
  // Each item is a list entry and its record: the page's five, one more to know there is more, and the head.
  expect(documents).toBeLessThanOrEqual(2 * (5 + 1) + 2);
  const next = await call('listDeliveries', admin, {
    status: 'abandoned',
    limit: '5',
    cursor: result.nextCursor as string,
  });
  expect(next.items.map((item) => item.id)).toEqual(ids.slice(-10, -5).reverse());
});

test('an escalations page (once saveEscalation lists them) reads its limit and the escalations behind it', async () => {
  const now = new Date();
  const escalation = (id: string, status: EscalationDoc['status'], revision: number): EscalationDoc => ({
    _id: id,
    status,
    revision,
    subject: 'registration',
    reasonCode: 'possible-duplicate',
    contenders: [],
    policyVersion: 1,
    createdAt: now,
    reviewDueAt: now,
    secondReviewDueAt: now,
    level: 1,
    remindersSent: 0,
    workflowId: `escalation-${id}`,
    updatedAt: now,
  });
  const ids: string[] = [];
  for (let i = 0; i < 300; i += 1) {
    const doc = escalation(`esc_${randomBytes(8).toString('hex')}`, 'open', 1);
    ids.push(doc._id);
    await saveEscalation(doc);
    await listEscalation(doc);
    await listEscalation(doc); // saved again (a later state): listed once
  }
  const { result, documents } = await readsOf(() => escalationPage('open', undefined, 5));
  expect(result.items.map((item) => item._id)).toEqual(ids.slice(-5).reverse());
  expect(documents).toBeLessThanOrEqual(2 * (5 + 1) + 2);

  const resolved = escalation(ids.at(-1) as string, 'resolved', 2);
  await saveEscalation(resolved);
  await listEscalation(resolved);
  expect((await escalationPage('open', undefined, 5)).items.map((item) => item._id)).toEqual(
    ids.slice(-6, -1).reverse(),
  );
  expect((await escalationPage('resolved', undefined, 5)).items.map((item) => item._id)).toEqual([resolved._id]);
  const all = await escalationPage(undefined, undefined, 2);
  expect(all.items.map((item) => item._id)).toEqual(ids.slice(-2).reverse());
  const next = await escalationPage(undefined, all.nextBelow, 2);
  expect(next.items.map((item) => item._id)).toEqual(ids.slice(-4, -2).reverse());
});
