import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { forgetWebhookList } from '../../db/outbox';
import { startOutboxDispatcher } from '../../worker/outbox-dispatcher';
import { submission, uniqueWord } from '../support/fixtures';
import { eventually, quietLogger } from '../support/harness';
import { waitForEscalationWorkflow } from '../support/lifecycle';
import { type ApiTest, startApiTest, submitAndWait } from './api-support';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let api: ApiTest;
let server: http.Server;
let dispatcher: { stop(): Promise<void> };
const received: Received[] = [];

beforeAll(async () => {
  api = await startApiTest('partner-redaction', { DEALREG_WEBHOOKS_ALLOW_LOCAL: true });
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dispatcher = startOutboxDispatcher({
    pollMs: 100,
    timeoutMs: 2000,
    logger: quietLogger,
    targets: { allowLocal: true },
  });
});

afterAll(async () => {
  await dispatcher?.stop();
  server?.closeAllConnections();
  server?.close();
  await api?.shutdown();
});

test('a reseller joining an escalation another reseller opened learns neither its registration nor the escalation', async () => {
  const port = (server.address() as AddressInfo).port;
  const hook = await api.call({
    as: 'reseller',
    method: 'put',
    path: '/api/v1/webhooks/reseller/value-var',
    body: { url: `http://127.0.0.1:${port}/value-var` },
  });
  expect(hook.status).toBe(200);
  forgetWebhookList();

  // value-var holds the deal; small-boutique's look-alike is escalated and opens the escalation;
  // value-var's second look-alike joins that escalation, the one the other reseller's registration opened.
  const name = `${uniqueWord()} Traders`;
  const holder = await submitAndWait(api, submission({ customerName: name }), 'reseller');
  expect(holder.status).toBe('approved');
  const first = await submitAndWait(api, submission({ customerName: `${name} LLC` }), 'other-reseller');
  expect(first.status).toBe('escalated');
  const second = await submitAndWait(api, submission({ customerName: `${name} Inc` }), 'reseller');
  expect(second.status).toBe('escalated');

  const staffFirst = (await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${first.id}` })).body;
  const staffSecond = (await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${second.id}` }))
    .body;
  const escalationId = staffFirst.escalationId as string;
  // The leak needs the join: the second is in the escalation the first opened (staff see that).
  expect(staffSecond.escalationId).toBe(escalationId);
  await waitForEscalationWorkflow(api.system, escalationId, 3);

  const secrets = [
    first.id,
    first.id.replace(/^reg_/, ''),
    escalationId,
    escalationId.replace(/^esc_/, ''),
    'small-boutique',
  ];
  const leaks = (text: string) => secrets.filter((secret) => text.includes(secret));

  const partnerView = await api.call({ as: 'reseller', method: 'get', path: `/api/v1/registrations/${second.id}` });
  expect(partnerView.status).toBe(200);
  expect(leaks(JSON.stringify(partnerView.body))).toEqual([]);
  const distributorView = await api.call({
    as: 'distributor',
    method: 'get',
    path: `/api/v1/registrations/${second.id}`,
  });
  expect(leaks(JSON.stringify(distributorView.body))).toEqual([]);

  // The escalating decision's event (the step that escalates it is the one event; its id once spelled the
  // escalation's name).
  const webhooks = await eventually(async () => {
    const about = received.filter((r) => r.body.includes(second.id));
    return about.length >= 1 ? about : undefined;
  }, 'the escalation webhook of the second registration');
  expect(webhooks.flatMap((delivery) => leaks(JSON.stringify(delivery.headers) + delivery.body))).toEqual([]);
  for (const delivery of webhooks) {
    expect(delivery.headers['dealreg-delivery']).toMatch(/^dlv_[0-9a-f]{32}$/);
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: 'registration.escalated',
      data: { registrationId: second.id },
    });
  }
});
