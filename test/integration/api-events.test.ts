import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { forgetWebhookList } from '../../db/outbox';
import { Webhook } from '../../db/partners';
import { startOutboxDispatcher } from '../../worker/outbox-dispatcher';
import { eventually, quietLogger } from '../support/harness';
import { type ApiTest, DISTRIBUTOR, freshSubmission, OTHER_RESELLER, startApiTest, submitAndWait } from './api-support';

/**
 * A partner's event feed (`GET /events`) and an admin's view of abandoned deliveries, through the API
 * with a worker and a dispatcher delivering to a local endpoint.
 */
let api: ApiTest;
let server: http.Server;
let baseUrl: string;
let answer = 500;
const received: Array<{ path: string; body: string }> = [];
let dispatcher: { stop(): Promise<void> };

beforeAll(async () => {
  api = await startApiTest('events');
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      res.writeHead(req.url === '/distributor' ? 204 : answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dispatcher = startOutboxDispatcher({
    pollMs: 100,
    timeoutMs: 1000,
    logger: quietLogger,
    targets: { allowLocal: true }, // the endpoints are a local server
    retry: { windowMs: 1500, maxBackoffMs: 200 }, // abandoned within seconds
  });
}, 120_000);

afterAll(async () => {
  await dispatcher?.stop();
  server?.closeAllConnections();
  server?.close();
  await api?.shutdown();
});

async function feed(as: 'reseller' | 'distributor' | 'other-reseller', cursor?: string, limit = 200) {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const response = await api.call({ as, method: 'get', path: `/api/v1/events?${query}` });
  expect(response.status).toBe(200);
  return response.body as {
    items: Array<{ id: string; type: string; data: { registrationId: string } }>;
    nextCursor: string;
  };
}

test('a partner without a webhook reads its own events, oldest first, and picks up new ones with its cursor', async () => {
  const first = await submitAndWait(api, freshSubmission(), 'reseller');
  const mine = await eventually(async () => {
    const page = await feed('reseller');
    return page.items.some((item) => item.data.registrationId === first.id) ? page : undefined;
  }, 'the first event in the feed');
  expect(mine.items.at(-1)).toMatchObject({ type: 'registration.approved', data: { registrationId: first.id } });
  // Ids are opaque: nothing in them names a registration, a partner or a webhook.
  expect(mine.items.every((item) => /^dlv_[0-9a-f]{32}$/.test(item.id))).toBe(true);
  // Another reseller sees none of it; the registration's distributor does.
  expect((await feed('other-reseller')).items.some((item) => item.data.registrationId === first.id)).toBe(false);
  const distributor = await eventually(async () => {
    const page = await feed('distributor');
    return page.items.some((item) => item.data.registrationId === first.id) ? page : undefined;
  }, 'the distributor’s event');
  // The distributor's copy of the event is its own delivery, not the reseller's.
  const resellerIds = new Set(mine.items.map((item) => item.id));
  expect(distributor.items.some((item) => resellerIds.has(item.id))).toBe(false);

  // One at a time, the cursor walks the same events in the same order.
  const walked: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await feed('reseller', cursor, 1);
    cursor = page.nextCursor;
    if (page.items.length === 0) break;
    walked.push(...page.items.map((item) => item.id));
  }
  expect(walked).toEqual(mine.items.map((item) => item.id));

  // Caught up: the cursor answers what came since, and nothing before.
  const second = await submitAndWait(api, freshSubmission(), 'reseller');
  const since = await eventually(async () => {
    const page = await feed('reseller', cursor);
    return page.items.length > 0 ? page : undefined;
  }, 'the new event after the cursor');
  expect(since.items.map((item) => item.data.registrationId)).toEqual([second.id]);
}, 60_000);

test('the feed carries the body the webhook receives', async () => {
  await Webhook.create({
    _id: `distributor:${DISTRIBUTOR}`,
    url: `${baseUrl}/distributor`,
    secret: 's',
    createdAt: new Date(),
  });
  forgetWebhookList();
  const registration = await submitAndWait(api, freshSubmission(), 'reseller');
  const delivered = await eventually(
    async () => received.find((r) => r.path === '/distributor' && r.body.includes(registration.id)),
    'the distributor’s webhook',
  );
  const item = await eventually(async () => {
    const page = await feed('distributor');
    return page.items.find((event) => event.data.registrationId === registration.id);
  }, 'the same event in the feed');
  expect(item).toEqual(JSON.parse(delivered.body));
}, 60_000);

test('an abandoned delivery is listed for admins and redelivered on request, once', async () => {
  answer = 500;
  await Webhook.create({
    _id: `reseller:${OTHER_RESELLER}`,
    url: `${baseUrl}/other`,
    secret: 's',
    createdAt: new Date(),
  });
  forgetWebhookList();
  const registration = await submitAndWait(api, freshSubmission(), 'other-reseller');
  const abandoned = await eventually(async () => {
    const page = await api.call({ as: 'admin', method: 'get', path: '/api/v1/deliveries?status=abandoned' });
    return (page.body.items as Array<{ id: string; webhook: string; attempts: number; lastError: string }>).find(
      (delivery) => delivery.webhook === `reseller:${OTHER_RESELLER}`,
    );
  }, 'the abandoned delivery');
  expect(abandoned.attempts).toBeGreaterThan(1);
  expect(abandoned.lastError).toBe('HTTP 500');
  const redeliver = (id: string) =>
    api.call({ as: 'admin', method: 'post', path: `/api/v1/deliveries/${encodeURIComponent(id)}/redeliver` });

  answer = 204;
  const before = received.filter((r) => r.path === '/other' && r.body.includes(registration.id)).length;
  expect((await redeliver(abandoned.id)).status).toBe(202);
  await eventually(async () => {
    const page = await api.call({ as: 'admin', method: 'get', path: '/api/v1/deliveries?status=delivered' });
    return page.body.items.find((delivery: { id: string }) => delivery.id === abandoned.id);
  }, 'the redelivered delivery');
  expect(received.filter((r) => r.path === '/other' && r.body.includes(registration.id)).length).toBe(before + 1);
  const stillAbandoned = await api.call({ as: 'admin', method: 'get', path: '/api/v1/deliveries' });
  expect(stillAbandoned.body.items.map((d: { id: string }) => d.id)).not.toContain(abandoned.id);

  expect((await redeliver(abandoned.id)).status).toBe(409);
  expect((await redeliver('no-such-delivery')).status).toBe(404);
}, 60_000);
