import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { enqueueNotification, forgetWebhookList, opaqueId } from '../../db/outbox';
import { Webhook } from '../../db/partners';
import { startOutboxDispatcher } from '../../worker/outbox-dispatcher';
import { eventually, quietLogger, testDatabaseUri } from '../support/harness';

/**
 * One partner's endpoint accepts connections and never answers (a blackhole); another's answers at
 * once. Two dispatchers (two worker processes) deliver both partners' messages over real sockets: the
 * healthy partner's must keep arriving within a second of being queued, while the silent one holds
 * no more requests than its endpoint's share.
 */
const TIMEOUT_MS = 2000;
const PER_ENDPOINT = 3;

const healthyArrivals = new Map<string, number[]>();
const healthy = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const { id } = JSON.parse(body) as { id: string };
    healthyArrivals.set(id, [...(healthyArrivals.get(id) ?? []), Date.now()]);
    res.writeHead(204).end();
  });
});
const silentSockets = new Set<net.Socket>();
let silentOpenMax = 0;
let silentConnections = 0;
const blackhole = net.createServer((socket) => {
  silentConnections += 1;
  silentSockets.add(socket);
  silentOpenMax = Math.max(silentOpenMax, silentSockets.size);
  socket.on('close', () => silentSockets.delete(socket));
  socket.on('error', () => {});
  socket.resume(); // reads the request, answers nothing
});

const listen = async (server: net.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
};

const dispatchers: Array<{ stop(): Promise<void> }> = [];

beforeAll(async () => {
  await connectDatabase(testDatabaseUri('delivery-lag'));
  await ensureIndexes();
  const [healthyUrl, silentUrl] = [await listen(healthy), await listen(blackhole)];
  await Webhook.create({ _id: 'reseller:prompt', url: healthyUrl, secret: 'a', createdAt: new Date() });
  await Webhook.create({ _id: 'reseller:silent', url: silentUrl, secret: 'b', createdAt: new Date() });
  forgetWebhookList();
  for (let i = 0; i < 2; i += 1) {
    dispatchers.push(
      startOutboxDispatcher({
        pollMs: 100,
        timeoutMs: TIMEOUT_MS,
        logger: quietLogger,
        targets: { allowLocal: true }, // both endpoints are local servers
        concurrencyPerEndpoint: PER_ENDPOINT,
      }),
    );
  }
});

afterAll(async () => {
  for (const socket of silentSockets) socket.destroy();
  await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
  for (const socket of silentSockets) socket.destroy();
  healthy.closeAllConnections();
  healthy.close();
  blackhole.close();
  await disconnectDatabase();
});

const notify = (eventId: string, partner: string) =>
  enqueueNotification({
    eventId,
    to: { kind: 'reseller', id: partner },
    type: 'registration.approved',
    payload: { event: 'registration.approved', registrationId: eventId },
  });

test('a healthy endpoint’s deliveries arrive within a second while another partner’s endpoint times out', async () => {
  // The silent partner's backlog is queued first: the oldest messages are all its own.
  for (let i = 0; i < 40; i += 1) await notify(`silent-${i}`, 'silent');
  const queuedAt = new Map<string, number>();
  // Three timeouts' worth of healthy traffic, a message every 150 ms.
  for (let i = 0; i < 40; i += 1) {
    const id = opaqueId('dlv', `prompt-${i}`, 'reseller:prompt');
    queuedAt.set(id, Date.now());
    await notify(`prompt-${i}`, 'prompt');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await eventually(
    async () => ([...queuedAt.keys()].every((id) => healthyArrivals.has(id)) ? true : undefined),
    'every healthy delivery',
  );
  const lags = [...queuedAt].map(([id, at]) => (healthyArrivals.get(id)?.[0] ?? Number.POSITIVE_INFINITY) - at);
  expect(Math.max(...lags)).toBeLessThan(1000);
  // Each was delivered once, though two dispatchers looked at the same queue.
  expect([...healthyArrivals.values()].every((arrivals) => arrivals.length === 1)).toBe(true);
  // The silent endpoint was tried, and never held more than its share of requests at once.
  expect(silentConnections).toBeGreaterThanOrEqual(PER_ENDPOINT);
  expect(silentOpenMax).toBeLessThanOrEqual(PER_ENDPOINT);
}, 60_000);
