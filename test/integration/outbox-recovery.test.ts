import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { Delivery, type DeliveryDoc, redeliver } from '../../db/deliveries';
import { claimQueue, takeWake } from '../../db/delivery-claims';
import { enqueueNotification, forgetWebhookList, Outbox, opaqueId } from '../../db/outbox';
import { Webhook } from '../../db/partners';
import { startOutboxDispatcher } from '../../worker/outbox-dispatcher';
import { eventually, quietLogger, testDatabaseUri } from '../support/harness';

/**
 * The webhook queue survives its dispatcher dying between two writes, and redeliveries racing each
 * other or the dispatcher deliver once per accepted request and never lose a message.
 */
const TIMEOUT_MS = 250;
/** The dispatchers' lease epoch for that timeout (outbox-dispatcher's settings). */
const EPOCH_MS = 4 * TIMEOUT_MS + 2 * 1000;

/** Deliveries that arrived, by delivery id; the endpoint refuses while `failing`. */
const arrivals = new Map<string, number>();
let failing = false;
const endpoint = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    if (failing) return void res.writeHead(500).end();
    const { id } = JSON.parse(body) as { id: string };
    arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
    res.writeHead(204).end();
  });
});
let url = '';
const dispatchers: Array<{ stop(): Promise<void> }> = [];
const startDispatcher = () => {
  const dispatcher = startOutboxDispatcher({
    pollMs: 50,
    timeoutMs: TIMEOUT_MS,
    logger: quietLogger,
    targets: { allowLocal: true }, // the endpoint is a local server
    retry: { windowMs: 0, maxBackoffMs: 1000 }, // the first failure abandons
  });
  dispatchers.push(dispatcher);
  return dispatcher;
};

beforeAll(async () => {
  await connectDatabase(testDatabaseUri('outbox-recovery'));
  await ensureIndexes();
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
  endpoint.closeAllConnections();
  endpoint.close();
  await disconnectDatabase();
});

let partners = 0;
async function newPartner(): Promise<string> {
  partners += 1;
  const id = `reseller:p${partners}`;
  await Webhook.create({ _id: id, url, secret: 's', createdAt: new Date() });
  forgetWebhookList();
  return id.slice('reseller:'.length);
}

async function notify(partner: string, name: string): Promise<string> {
  const eventId = opaqueId('evt', name, String(Date.now()));
  await enqueueNotification({
    eventId,
    to: { kind: 'reseller', id: partner },
    type: 'registration.approved',
    payload: { name },
  });
  return opaqueId('dlv', eventId, `reseller:${partner}`);
}

/** The dispatcher is done with it: its record says `outcome` and the message has left its queue (written in that order). */
const finished = (id: string, outcome: DeliveryDoc['outcome']) =>
  eventually(
    async () =>
      (await Delivery.findById(id).lean<DeliveryDoc>().exec())?.outcome === outcome &&
      (await Outbox.exists({ _id: id }).exec()) === null
        ? true
        : undefined,
    `delivery ${id} ${outcome} and off its queue`,
    30_000,
  );

test('a dispatcher that dies after taking the wake, before writing the hint, strands nothing', async () => {
  const partner = await newPartner();
  const id = await notify(partner, 'stranded');
  // The dying dispatcher: the lease claimed, the wake taken, then nothing more (no read, no hint, no release).
  const lease = await claimQueue(`reseller:${partner}`, EPOCH_MS);
  expect(lease).toBeDefined();
  await takeWake(`reseller:${partner}`);

  startDispatcher();
  await eventually(
    async () => (arrivals.get(id) ? true : undefined),
    'the message delivered by another dispatcher',
    30_000,
  );
  await finished(id, 'delivered');
});

test('redeliveries at once and against a working dispatcher: one is queued, one delivery each, none lost', async () => {
  if (dispatchers.length === 0) startDispatcher();
  const partner = await newPartner();
  for (let round = 0; round < 4; round += 1) {
    failing = true;
    const id = await notify(partner, `round-${round}`);
    await finished(id, 'abandoned');
    failing = false;
    const answers = await Promise.all(Array.from({ length: 5 }, () => redeliver(id)));
    expect(answers.filter((answer) => answer === 'queued')).toHaveLength(1);
    expect(answers.filter((answer) => answer !== 'queued')).toEqual(Array(4).fill('not-abandoned'));
    await finished(id, 'delivered');
    expect(arrivals.get(id)).toBe(1);
    // Asked again once delivered: refused, nothing sent.
    expect(await redeliver(id)).toBe('not-abandoned');
  }
  expect(await Outbox.countDocuments({ webhookId: `reseller:${partner}` }).exec()).toBe(0);
});

test('a redelivery while the dispatcher is finishing the abandonment neither answers queued nor loses the message', async () => {
  if (dispatchers.length === 0) startDispatcher();
  partners += 1;
  const partner = `p${partners}`;
  forgetWebhookList();
  const id = await notify(partner, 'finishing'); // no webhook yet: recorded in the feed only
  await Webhook.create({ _id: `reseller:${partner}`, url, secret: 's', createdAt: new Date() });
  forgetWebhookList();
  // The dispatcher between its two writes: the record says abandoned, the message is still queued.
  const createdAt = new Date();
  await Outbox.create({
    _id: id,
    webhookId: `reseller:${partner}`,
    type: 'registration.approved',
    payload: { name: 'finishing' },
    createdAt,
    attempts: 1,
    nextAttemptAt: new Date(Date.now() + 3_600_000),
  });
  await Delivery.create({
    _id: id,
    webhookId: `reseller:${partner}`,
    type: 'registration.approved',
    outcome: 'abandoned',
    attempts: 1,
    createdAt,
    finishedAt: new Date(),
  });
  expect(await redeliver(id)).toBe('not-abandoned');
  await Outbox.deleteOne({ _id: id }).exec(); // the dispatcher's second write
  expect((await Delivery.findById(id).lean<DeliveryDoc>().exec())?.outcome).toBe('abandoned');
  // Asked again now, it goes out.
  expect(await redeliver(id)).toBe('queued');
  await finished(id, 'delivered');
  expect(arrivals.get(id)).toBe(1);
});
