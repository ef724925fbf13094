import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { postWebhook, type WebhookPost } from '../../webhooks/post-webhook';
import type { ResolvedAddress, Resolver } from '../../webhooks/target-policy';

/**
 * One delivery against real sockets: what the target policy lets through must be what is connected to.
 * Needs no Temporal or database, only local HTTP servers.
 */

interface Endpoint {
  server: http.Server;
  port: number;
  hits: http.IncomingMessage[];
  connections: number;
  closedSockets: number;
}

const endpoints: Endpoint[] = [];

async function endpoint(
  host: string,
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => {
    res.writeHead(204).end();
  },
  port = 0,
): Promise<Endpoint> {
  const hits: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req);
    req.resume();
    req.on('end', () => answer(req, res));
  });
  const created: Endpoint = { server, port: 0, hits, connections: 0, closedSockets: 0 };
  server.on('connection', (socket: Socket) => {
    created.connections += 1;
    socket.on('close', () => {
      created.closedSockets += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  created.port = (server.address() as AddressInfo).port;
  endpoints.push(created);
  return created;
}

afterAll(() => {
  for (const { server } of endpoints) {
    server.closeAllConnections();
    server.close();
  }
});

/** DNS that answers each lookup of a name with the next of its answers (the last one repeats). */
function scriptedDns(answers: string[]): Resolver & { calls: number } {
  const resolver = Object.assign(
    async (_hostname: string): Promise<ResolvedAddress[]> => {
      const address = answers[Math.min(resolver.calls, answers.length - 1)]!;
      resolver.calls += 1;
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    },
    { calls: 0 },
  );
  return resolver;
}

const delivery = (url: string, timeoutMs = 2000): WebhookPost => ({
  url,
  headers: { 'content-type': 'application/json', 'dealreg-signature': 't=1,v1=00' },
  body: '{"id":"evt_1"}',
  timeoutMs,
});

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

test('a local target is refused at delivery, before anything connects, unless local targets are allowed', async () => {
  const local = await endpoint('127.0.0.1');
  const strict = { allowLocal: false, resolve: scriptedDns(['127.0.0.1']) };
  expect(await postWebhook(delivery(`http://127.0.0.1:${local.port}/hook`), strict)).toMatch(/target refused.*https/);
  expect(await postWebhook(delivery(`https://127.0.0.1:${local.port}/hook`), strict)).toMatch(
    /target refused: 127\.0\.0\.1 is a loopback address/,
  );
  expect(await postWebhook(delivery(`https://0x7f000001:${local.port}/hook`), strict)).toMatch(/target refused/);
  expect(await postWebhook(delivery(`https://rebind.test:${local.port}/hook`), strict)).toMatch(
    /target refused: rebind\.test resolves to 127\.0\.0\.1/,
  );
  expect(local.connections).toBe(0);

  const allowed = { allowLocal: true, resolve: scriptedDns(['127.0.0.1']) };
  expect(await postWebhook(delivery(`http://127.0.0.1:${local.port}/hook`), allowed)).toBeUndefined();
  expect(local.hits).toHaveLength(1);
});

test('DNS rebinding: a name judged public is not looked up again, so its second answer (127.0.0.1) is never reached', async () => {
  const local = await endpoint('127.0.0.1');
  // 192.0.0.170 would be refused; 93.184.215.14 is public, and unreachable from a test machine or slow:
  // either way the delivery fails, and it must fail there, not on the local server.
  const dns = scriptedDns(['93.184.215.14', '127.0.0.1']);
  const outcome = await postWebhook(delivery(`https://rebind.test:${local.port}/hook`, 1000), {
    allowLocal: false,
    resolve: dns,
  });
  expect(outcome).toEqual(expect.any(String));
  expect(outcome).not.toMatch(/target refused/);
  expect(dns.calls).toBe(1);
  expect(local.connections).toBe(0);
});

test('the connection goes to the judged address, with the URL’s host name as Host; one lookup per delivery', async () => {
  const first = await endpoint('127.0.0.1');
  const second = await endpoint('127.0.0.2', undefined, first.port); // all of 127/8 is this machine on Linux
  const dns = scriptedDns(['127.0.0.1', '127.0.0.2']);
  const url = `http://rebind.test:${first.port}/hook`;
  expect(await postWebhook(delivery(url), { allowLocal: true, resolve: dns })).toBeUndefined();
  expect(dns.calls).toBe(1);
  expect(first.hits).toHaveLength(1);
  expect(first.hits[0]!.headers.host).toBe(`rebind.test:${first.port}`);
  expect(first.hits[0]!.headers['dealreg-signature']).toBe('t=1,v1=00');
  expect(second.hits).toHaveLength(0);

  // The next delivery judges again and goes where its own lookup said.
  expect(await postWebhook(delivery(url), { allowLocal: true, resolve: dns })).toBeUndefined();
  expect(dns.calls).toBe(2);
  expect(second.hits).toHaveLength(1);
});

test('a redirect is a failed delivery and is not followed', async () => {
  const elsewhere = await endpoint('127.0.0.1');
  const redirecting = await endpoint('127.0.0.1', (_req, res) => {
    res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/internal` }).end();
  });
  const outcome = await postWebhook(delivery(`http://127.0.0.1:${redirecting.port}/hook`), {
    allowLocal: true,
    resolve: scriptedDns(['127.0.0.1']),
  });
  expect(outcome).toBe('HTTP 302 (redirects are not followed)');
  expect(redirecting.hits).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(elsewhere.connections).toBe(0);
});

test('response bodies are read to their end, or cut off when long: the connection does not linger', async () => {
  const short = await endpoint('127.0.0.1', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
  });
  const long = await endpoint('127.0.0.1', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.alloc(8 * 1024 * 1024, 'x'));
  });
  const policy = { allowLocal: true, resolve: scriptedDns(['127.0.0.1']) };
  // The timeout is long: a body left unread would hold its connection open until then.
  expect(await postWebhook(delivery(`http://127.0.0.1:${short.port}/`, 20_000), policy)).toBeUndefined();
  expect(await postWebhook(delivery(`http://127.0.0.1:${long.port}/`, 20_000), policy)).toBeUndefined();
  expect(await waitFor(() => short.closedSockets === 1 && long.closedSockets === 1, 2000)).toBe(true);
});
