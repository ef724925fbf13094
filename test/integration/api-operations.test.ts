import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { fullPath } from '../../api/route-spec';
import { createRouteTable } from '../../api/routes';
import { listen } from '../../api/server';
import { apiGrpcRetry } from '../../api/temporal';
import { disconnectDatabase } from '../../db/connection';
import { eventually } from '../support/harness';
import { type ApiTest, freshSubmission, startApiTest, submitAndWait, testConfig } from './api-support';

const metricsToken = randomBytes(32).toString('base64url');
let api: ApiTest;
beforeAll(async () => {
  api = await startApiTest('apiops', { METRICS_TOKEN: metricsToken });
}, 60_000);
afterAll(() => api?.shutdown());

const appWith = (overrides: Parameters<typeof testConfig>[0] = {}, logger = pino({ level: 'silent' })) =>
  createApp({ temporal: api.system.temporal, taskQueue: api.system.taskQueue, logger, config: testConfig(overrides) });

describe('the OpenAPI document', () => {
  test('lists every route of the table with its method, at both addresses', async () => {
    const document = (await api.call({ as: 'missing', method: 'get', path: '/api/v1/openapi.json' })).body;
    expect(document.openapi).toBe('3.1.0');
    for (const route of createRouteTable().routes) {
      const template = fullPath(route);
      expect({
        route: `${route.method} ${template}`,
        documented: Boolean(document.paths[template]?.[route.method]),
      }).toEqual({
        route: `${route.method} ${template}`,
        documented: true,
      });
    }
    const alias = await request(api.app).get('/openapi.json');
    expect(alias.body).toEqual(document);
    // Registered contract schemas become named components.
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Registration', 'RegistrationRequest', 'Policy', 'Problem', 'Escalation']),
    );
  });
});

describe('operations', () => {
  test('healthz and readyz answer while everything is up', async () => {
    expect((await api.call({ as: 'missing', method: 'get', path: '/healthz' })).body).toEqual({ status: 'ok' });
    // The test's worker was started a moment ago: ready once Temporal has seen it poll.
    const ready = await eventually(async () => {
      const answer = await api.call({ as: 'missing', method: 'get', path: '/readyz' });
      return answer.status === 200 ? answer : undefined;
    }, 'a worker polling the task queue');
    expect(ready.body).toEqual({
      status: 'ready',
      checks: { temporal: true, database: true, worker: true },
      rateLimitStore: 'memory',
    });
  });

  test('readyz says not ready, and why, while no worker polls the task queue; healthz stays up', async () => {
    const app = createApp({
      temporal: api.system.temporal,
      taskQueue: 'nobody-polls-this-queue',
      logger: pino({ level: 'silent' }),
      config: testConfig(),
    });
    expect((await request(app).get('/healthz')).status).toBe(200);
    const ready = await request(app).get('/readyz');
    expect({ status: ready.status, body: ready.body, retryAfter: Boolean(ready.headers['retry-after']) }).toEqual({
      status: 503,
      body: {
        status: 'unavailable',
        checks: { temporal: true, database: true, worker: false },
        reason: 'no worker polls task queue nobody-polls-this-queue',
        rateLimitStore: 'memory',
      },
      retryAfter: true,
    });
  });

  test('metrics without METRICS_TOKEN carry process and request figures only', async () => {
    await submitAndWait(api, freshSubmission());
    for (const authorization of [undefined, `Bearer ${api.keys.admin}`, `Bearer ${metricsToken}x`]) {
      const text = (
        await api.call({
          as: 'missing',
          method: 'get',
          path: '/metrics',
          headers: authorization ? { authorization } : {},
        })
      ).text;
      expect(text).toMatch(/dealreg_api_process_cpu_seconds_total/);
      expect(text).toMatch(/dealreg_http_request_duration_seconds_count\{method="POST"/);
      expect(text).not.toMatch(
        /dealreg_registrations\{|dealreg_open_escalations|dealreg_registration_submissions_total/,
      );
    }
  });

  test('metrics count requests by route template, submissions by outcome, and report stored counts', async () => {
    await submitAndWait(api, freshSubmission());
    await api.call({ as: 'reseller', method: 'post', path: '/api/v1/registrations', body: { nonsense: true } });
    const text = (
      await api.call({
        as: 'missing',
        method: 'get',
        path: '/metrics',
        headers: { authorization: `Bearer ${metricsToken}` },
      })
    ).text;
    expect(text).toMatch(
      /dealreg_http_request_duration_seconds_count\{method="POST",route="POST \/api\/v1\/registrations",status="202"\} \d+/,
    );
    expect(text).toMatch(
      /dealreg_http_request_duration_seconds_count\{method="GET",route="GET \/api\/v1\/registrations\/\{id\}",status="200"\} \d+/,
    );
    expect(text).toMatch(/dealreg_registration_submissions_total\{outcome="accepted"\} [1-9]/);
    expect(text).toMatch(/dealreg_registrations\{status="approved"\} [1-9]/);
    expect(text).toMatch(/dealreg_open_escalations \d+/);
    expect(text).toMatch(/dealreg_webhook_deliveries_abandoned \d+/);
    // Raw ids never become label values.
    expect(text).not.toMatch(/route="[^"]*reg_/);
  });

  test('security headers, no-store on API answers, request ids echoed or made up', async () => {
    const response = await request(api.app)
      .get('/api/v1/registrations')
      .set('Authorization', `Bearer ${api.keys.auditor}`)
      .set('X-Request-Id', 'trace-123');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toBe('trace-123');
    const generated = await request(api.app).get('/healthz').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('logs are JSON lines with the request id and never the key or a created secret', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = appWith({}, pino({ level: 'info' }, sink));
    const created = await request(app)
      .post('/api/v1/api-keys')
      .set('Authorization', `Bearer ${api.keys.admin}`)
      .set('X-Request-Id', 'log-check-1')
      .send({ role: 'auditor' });
    expect(created.status).toBe(201);
    await request(app).get('/api/v1/registrations').set('Authorization', `Bearer ${api.keys.reseller}`);
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ req: expect.objectContaining({ id: 'log-check-1' }) })]),
    );
    expect(entries.find((e) => e.req?.id === 'log-check-1')).toMatchObject({
      keyId: api.keyIds.admin,
      route: 'POST /api/v1/api-keys',
    });
    const all = lines.join('\n');
    for (const secret of [api.keys.admin, api.keys.reseller, created.body.key]) expect(all).not.toContain(secret);
    expect(all.toLowerCase()).not.toContain('bearer');
  });

  test('a key over its per-minute limit gets 429 with Retry-After; other keys are not affected', async () => {
    const app = appWith({ RATE_LIMIT_PER_MINUTE: 3 });
    const get = (key: string) => request(app).get('/api/v1/policy').set('Authorization', `Bearer ${key}`);
    for (let i = 0; i < 3; i += 1) expect((await get(api.keys.auditor)).status).toBe(200);
    const limited = await get(api.keys.auditor);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    api.validator.check('get', '/api/v1/policy', limited);
    expect((await get(api.keys.admin)).status).toBe(200);
  });

  test('a wrong method answers 405 with Allow; an unknown path 404, both as problems', async () => {
    const wrong = await request(api.app).patch('/api/v1/policy').set('Authorization', `Bearer ${api.keys.admin}`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, PUT');
    const unknown = await request(api.app).get('/api/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('the console', () => {
  test('its build is served at /console with the SPA fallback, and missing assets are 404', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dealreg-console-'));
    await writeFile(
      path.join(dir, 'index.html'),
      '<!doctype html><title>console</title><script src="/console/app.js"></script>',
    );
    await writeFile(path.join(dir, 'app.js'), 'console.log("hi")');
    const app = createApp(
      {
        temporal: api.system.temporal,
        taskQueue: api.system.taskQueue,
        logger: pino({ level: 'silent' }),
        config: testConfig(),
      },
      { consoleDir: dir },
    );
    expect((await request(app).get('/console/')).text).toContain('<title>console</title>');
    expect((await request(app).get('/console/registrations/reg_123')).text).toContain('<title>console</title>');
    const script = await request(app).get('/console/app.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect((await request(app).get('/console/missing.js')).status).toBe(404);
  });
});

test('graceful shutdown finishes a request in flight and then refuses new connections', async () => {
  const running = await listen(appWith(), '127.0.0.1', 0, pino({ level: 'silent' }));
  const body = JSON.stringify({ id: 'dist-late', name: 'Arrives during shutdown' });
  const socket = connect(running.port, '127.0.0.1');
  await once(socket, 'connect');
  const answer = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    socket.on('end', () => resolve(text));
  });
  // Headers and half the body: the request is in flight when the shutdown begins.
  socket.write(
    `POST /api/v1/distributors HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${api.keys.admin}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  let closed = false;
  const shutdown = running.shutdown().then(() => {
    closed = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(closed).toBe(false);
  await expect(request(`http://127.0.0.1:${running.port}`).get('/healthz')).rejects.toThrow(/ECONNREFUSED/);
  socket.write(body.slice(10));
  expect(await answer).toMatch(/^HTTP\/1\.1 201/);
  await shutdown;
  expect(closed).toBe(true);
});

describe('when a dependency is down', () => {
  test('Temporal unreachable: commands and readiness answer 503 with Retry-After, never 500', async () => {
    const connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [apiGrpcRetry()] });
    const app = createApp({
      temporal: new Client({ connection }),
      taskQueue: api.system.taskQueue,
      logger: pino({ level: 'silent' }),
      config: testConfig(),
    });
    const registration = await submitAndWait(api, freshSubmission());
    const history = await request(app)
      .get(`/api/v1/registrations/${registration.id}/history`)
      .set('Authorization', `Bearer ${api.keys.auditor}`);
    expect(history.status).toBe(503);
    expect(history.headers['retry-after']).toBeDefined();
    api.validator.check('get', `/api/v1/registrations/${registration.id}/history`, history);
    const withdraw = await request(app)
      .post(`/api/v1/registrations/${registration.id}/withdraw`)
      .set('Authorization', `Bearer ${api.keys.reseller}`);
    expect(withdraw.status).toBe(503);
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ temporal: false, database: true, worker: false });
    expect(ready.body.reason).toBe('Temporal cannot be reached');
    await connection.close();
  });

  // Last: it disconnects this file's database.
  test('database unreachable: reads and writes answer 503 with Retry-After, never 500', async () => {
    await disconnectDatabase();
    const list = await request(api.app).get('/api/v1/registrations').set('Authorization', `Bearer ${api.keys.auditor}`);
    expect(list.status).toBe(503);
    expect(list.headers['retry-after']).toBeDefined();
    api.validator.check('get', '/api/v1/registrations', list);
    const submit = await request(api.app)
      .post('/api/v1/registrations')
      .set('Authorization', `Bearer ${api.keys.reseller}`)
      .send(freshSubmission());
    expect(submit.status).toBe(503);
    const ready = await request(api.app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database).toBe(false);
  });
});
