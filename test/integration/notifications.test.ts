import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Delivery } from '../../db/deliveries';
import { wakeQueue } from '../../db/delivery-claims';
import { forgetWebhookList, Outbox } from '../../db/outbox';
import { Webhook } from '../../db/partners';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { startOutboxDispatcher } from '../../worker/outbox-dispatcher';
import { untilAtRest } from '../support/at-rest';
import { publishTestPolicy, seedPartners, submission } from '../support/fixtures';
import { eventually, quietLogger, startTestSystem, type TestSystem } from '../support/harness';
import { submitAndDecide } from '../support/lifecycle';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let system: TestSystem;
let server: http.Server;
let baseUrl: string;
const received: Received[] = [];
let dispatcher: { stop(): Promise<void> };
/** Per path: how to answer. `fail` 500s, `hang` never answers (the dispatcher's timeout must cut it). */
const behaviour = new Map<string, 'ok' | 'fail' | 'hang'>();

beforeAll(async () => {
  system = await startTestSystem('notifications');
  await seedPartners();
  await publishTestPolicy({ model: 'open', timing: { protection: 'PT1H', expiryReminder: 'PT10M' } });
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      const mode = behaviour.get(req.url ?? '') ?? 'ok';
      if (mode === 'hang') return;
      res.writeHead(mode === 'fail' ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dispatcher = startOutboxDispatcher({
    pollMs: 100,
    timeoutMs: 500,
    logger: quietLogger,
    targets: { allowLocal: true }, // the partners' endpoints are a local http server
  });
});

afterAll(async () => {
  await dispatcher?.stop();
  server?.closeAllConnections();
  server?.close();
  await system?.shutdown();
});

function verifySignature(secret: string, header: string | string[] | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header));
  if (!match) return false;
  return createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex') === match[2];
}

test('a decision reaches the reseller and the distributor as signed webhooks', async () => {
  await Webhook.create({
    _id: 'reseller:value-var',
    url: `${baseUrl}/value-var`,
    secret: 'reseller-secret',
    createdAt: new Date(),
  });
  await Webhook.create({
    _id: 'distributor:dist-a',
    url: `${baseUrl}/dist-a`,
    secret: 'dist-secret',
    createdAt: new Date(),
  });
  const approved = await submitAndDecide(system, 'value-var', submission());
  const [toReseller, toDistributor] = await eventually(async () => {
    const r = received.find((x) => x.path === '/value-var' && x.body.includes(approved._id));
    const d = received.find((x) => x.path === '/dist-a' && x.body.includes(approved._id));
    return r && d ? [r, d] : undefined;
  }, 'both webhooks');
  expect(verifySignature('reseller-secret', toReseller.headers['dealreg-signature'], toReseller.body)).toBe(true);
  expect(verifySignature('dist-secret', toDistributor.headers['dealreg-signature'], toDistributor.body)).toBe(true);
  expect(verifySignature('wrong', toReseller.headers['dealreg-signature'], toReseller.body)).toBe(false);
  expect(JSON.parse(toReseller.body)).toMatchObject({
    type: 'registration.approved',
    data: { registrationId: approved._id, status: 'approved' },
  });
  await eventually(
    async () => ((await Delivery.countDocuments({ outcome: 'delivered' })) >= 2 ? true : undefined),
    'deliveries recorded',
  );
});

test('a failing or hanging webhook delays no decision, and its delivery is retried until it succeeds', async () => {
  behaviour.set('/boutique', 'fail');
  behaviour.set('/other', 'hang');
  await Webhook.create({
    _id: 'reseller:small-boutique',
    url: `${baseUrl}/boutique`,
    secret: 's1',
    createdAt: new Date(),
  });
  await Webhook.create({
    _id: 'reseller:other-integrator',
    url: `${baseUrl}/other`,
    secret: 's2',
    createdAt: new Date(),
  });
  forgetWebhookList(); // the worker process would see new webhooks within seconds; this test wants them now

  const started = Date.now();
  const first = await submitAndDecide(system, 'small-boutique', submission());
  const second = await submitAndDecide(system, 'other-integrator', submission());
  expect(first.status).toBe('approved');
  expect(second.status).toBe('approved');
  // Decisions do not wait for partners' endpoints (the hanging one would take the timeout each time).
  expect(Date.now() - started).toBeLessThan(5000);

  const retried = await eventually(async () => {
    const message = await Outbox.findOne({ webhookId: 'reseller:small-boutique' }).lean().exec();
    return message && message.attempts >= 2 ? message : undefined;
  }, 'two failed attempts');
  expect(retried.lastError).toBe('HTTP 500');
  expect(retried.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

  behaviour.set('/boutique', 'ok');
  // Skip the backoff wait: due now, and its queue woken as a redelivery would.
  await Outbox.updateOne({ _id: retried._id }, { $set: { nextAttemptAt: new Date() } }).exec();
  await wakeQueue('reseller:small-boutique');
  const delivered = await eventually(
    async () => (await Delivery.findOne({ _id: retried._id, outcome: 'delivered' }).lean().exec()) ?? undefined,
    'the retried delivery',
  );
  expect(delivered.attempts).toBe(3);
  const hanging = await eventually(async () => {
    const message = await Outbox.findOne({ webhookId: 'reseller:other-integrator' }).lean().exec();
    return message && message.attempts >= 1 ? message : undefined;
  }, 'a timed-out attempt');
  expect(hanging.lastError).toMatch(/Timeout|abort/i);
  await untilAtRest(system.temporal, [first.workflowId, second.workflowId]);
  const report = await checkInvariants(system.temporal, [first._id, second._id]);
  expect(brokenInvariants(report)).toEqual([]);
});
