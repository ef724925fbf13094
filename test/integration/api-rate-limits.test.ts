import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { type RateLimitStores, redisStores } from '../../api/rate-limit';
import { ApiKey } from '../../db/apikeys';
import { type ApiTest, startApiTest, testConfig } from './api-support';

let api: ApiTest;
beforeAll(async () => {
  api = await startApiTest('apirate');
}, 60_000);
afterAll(() => api?.shutdown());
afterEach(() => jest.restoreAllMocks());

const appWith = (overrides: Parameters<typeof testConfig>[0], rateLimitStores?: RateLimitStores) =>
  createApp({
    temporal: api.system.temporal,
    taskQueue: api.system.taskQueue,
    logger: pino({ level: 'silent' }),
    config: testConfig(overrides),
    rateLimitStores,
  });
const inventedKey = () => `dr_${randomBytes(24).toString('base64url')}`;

describe('failed authentications', () => {
  test('invented keys from one address are refused with 429 before their key is looked up', async () => {
    const app = appWith({ AUTH_FAILURES_PER_MINUTE: 5 });
    const lookups = jest.spyOn(ApiKey, 'findById');
    const statuses: number[] = [];
    let refused: request.Response | undefined;
    for (let i = 0; i < 30; i += 1) {
      const answer = await request(app).get('/api/v1/policy').set('Authorization', `Bearer ${inventedKey()}`);
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    expect(lookups).toHaveBeenCalledTimes(5);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    api.validator.check('get', '/api/v1/policy', refused!);
    // The address is refused whatever it presents next, a valid key included: no lookup at all.
    expect((await request(app).get('/api/v1/policy').set('Authorization', `Bearer ${api.keys.admin}`)).status).toBe(
      429,
    );
    expect(lookups).toHaveBeenCalledTimes(5);
  });

  test('valid keys are counted per key id, not as failures', async () => {
    const app = appWith({ AUTH_FAILURES_PER_MINUTE: 2 });
    for (let i = 0; i < 10; i += 1) {
      expect((await request(app).get('/api/v1/policy').set('Authorization', `Bearer ${api.keys.auditor}`)).status).toBe(
        200,
      );
    }
  });

  test('with trust proxy off, a forged X-Forwarded-For does not make a fresh address', async () => {
    const app = appWith({ AUTH_FAILURES_PER_MINUTE: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const answer = await request(app)
        .get('/api/v1/policy')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .set('Authorization', `Bearer ${inventedKey()}`);
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
  });

  test('with one trusted proxy hop, X-Forwarded-For names the client', async () => {
    const app = appWith({ AUTH_FAILURES_PER_MINUTE: 1, TRUST_PROXY: 1 });
    const from = (address: string) =>
      request(app)
        .get('/api/v1/policy')
        .set('X-Forwarded-For', address)
        .set('Authorization', `Bearer ${inventedKey()}`);
    expect((await from('203.0.113.1')).status).toBe(401);
    expect((await from('203.0.113.1')).status).toBe(429);
    expect((await from('203.0.113.2')).status).toBe(401);
  });
});

describe('routes outside /api/v1', () => {
  test('are limited per address', async () => {
    const app = appWith({ RATE_LIMIT_ROOT_PER_MINUTE: 4 });
    expect((await request(app).get('/healthz')).status).toBe(200);
    expect((await request(app).get('/metrics')).status).toBe(200);
    expect((await request(app).get('/openapi.json')).status).toBe(200);
    expect((await request(app).get('/healthz').set('X-Forwarded-For', '198.51.100.7')).status).toBe(200);
    const limited = await request(app).get('/readyz');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await request(app).get('/console/')).status).toBe(429);
    // API requests have their own limits.
    expect((await request(app).get('/api/v1/policy').set('Authorization', `Bearer ${api.keys.auditor}`)).status).toBe(
      200,
    );
  });
});

const redisUrl = process.env.RATE_LIMIT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(redisUrl);
  const socket = new Socket();
  try {
    return await new Promise<boolean>((resolve) => {
      socket.setTimeout(500);
      socket.once('connect', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => resolve(false));
      socket.connect(Number(port || 6379), hostname);
    });
  } finally {
    socket.destroy();
  }
}

describe('a shared store', () => {
  test('without one, /readyz says the counts are per process', async () => {
    expect((await request(appWith({})).get('/readyz')).body.rateLimitStore).toBe('memory');
  });

  test('with Redis, two API processes share the counts and /readyz says so', async () => {
    if (!(await redisAnswers())) {
      console.warn(`no Redis at ${redisUrl}: the shared-store test is skipped`);
      return;
    }
    const namespace = `dealreg-test-${randomBytes(6).toString('hex')}`;
    const [storesA, storesB] = [await redisStores(redisUrl, namespace), await redisStores(redisUrl, namespace)];
    try {
      const a = appWith({ AUTH_FAILURES_PER_MINUTE: 2, RATE_LIMIT_ROOT_PER_MINUTE: 100 }, storesA);
      const b = appWith({ AUTH_FAILURES_PER_MINUTE: 2, RATE_LIMIT_ROOT_PER_MINUTE: 100 }, storesB);
      const invented = (app: typeof a) =>
        request(app).get('/api/v1/policy').set('Authorization', `Bearer ${inventedKey()}`);
      expect((await invented(a)).status).toBe(401);
      expect((await invented(b)).status).toBe(401);
      expect((await invented(a)).status).toBe(429);
      expect((await invented(b)).status).toBe(429);
      expect((await request(a).get('/readyz')).body.rateLimitStore).toBe('redis');
    } finally {
      await storesA.close();
      await storesB.close();
    }
  });
});
