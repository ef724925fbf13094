import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { Config } from '../config/config';
import { problem, sendProblem } from './problem';

const WINDOW_MS = 60_000;

/**
 * Where the counts live: in this process's memory, or in a Redis that every API process shares (then a
 * limit holds for the whole deployment, not per process). Each limiter needs a store of its own.
 */
export interface RateLimitStores {
  kind: 'memory' | 'redis';
  create(prefix: string): Store;
  close(): Promise<void>;
}

export const memoryStores = (): RateLimitStores => ({
  kind: 'memory',
  create: () => new MemoryStore(),
  close: async () => undefined,
});

/** A Redis store per limiter, all on one connection; a Redis that is down fails requests (503), never opens the limits. */
export async function redisStores(url: string, namespace = 'dealreg'): Promise<RateLimitStores> {
  const client = createClient({ url });
  client.on('error', () => undefined); // reconnects on its own; commands fail meanwhile
  await client.connect();
  return {
    kind: 'redis',
    create: (prefix) =>
      new RedisStore({
        prefix: `${namespace}:rl:${prefix}:`,
        sendCommand: (...args: string[]) => client.sendCommand(args),
      }),
    close: async () => {
      await client.close();
    },
  };
}

export async function rateLimitStoresFor(config: Config): Promise<RateLimitStores> {
  return config.RATE_LIMIT_REDIS_URL ? redisStores(config.RATE_LIMIT_REDIS_URL) : memoryStores();
}

/** The client's address as Express sees it (`trust proxy` decides whether X-Forwarded-For counts); IPv6 by /56. */
const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

const tooMany = (detail: string, retryAfterSeconds?: number) => {
  const body = problem(429, 'Too many requests', detail);
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
  return { body, headers };
};

export interface RateLimits {
  store: RateLimitStores['kind'];
  /** Before any key is looked up: an address that failed to authenticate too often is refused. */
  refuseFailingAddresses: RequestHandler;
  /** Counts a failed authentication against the request's address. */
  recordFailedAuthentication(req: Request): Promise<void>;
  /** After authentication: per key id (public routes per address). */
  perCaller: RequestHandler;
  /** The routes outside /api/v1: per address. */
  perAddress: RequestHandler;
}

export function createRateLimits(config: Config, stores: RateLimitStores): RateLimits {
  const failures = stores.create('auth-failures');
  failures.init?.({ windowMs: WINDOW_MS } as Parameters<NonNullable<Store['init']>>[0]);
  const failureLimit = config.AUTH_FAILURES_PER_MINUTE;

  const refuseFailingAddresses: RequestHandler = async (req, res, next) => {
    try {
      const seen = await failures.get?.(`ip:${addressOf(req)}`);
      if (seen && seen.totalHits >= failureLimit) {
        const retryAfter = Math.max(1, Math.ceil(((seen.resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
        const answer = tooMany(
          `more than ${failureLimit} failed authentications per minute from this address; retry after the time in Retry-After`,
          retryAfter,
        );
        sendProblem(res, answer.body, answer.headers);
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };

  const handler =
    (detail: string): NonNullable<Parameters<typeof rateLimit>[0]>['handler'] =>
    (_req, res) => {
      const answer = tooMany(detail);
      sendProblem(res, answer.body, answer.headers);
    };

  const perCaller = rateLimit({
    windowMs: WINDOW_MS,
    limit: config.RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: stores.create('caller'),
    // Only after authentication, so only real keys and people get a count: invented keys never reach here.
    keyGenerator: (req, res) => {
      const principal = (res.locals.caller as { principal?: { kind: string; id: string } } | undefined)?.principal;
      return principal ? `${principal.kind}:${principal.id}` : `ip:${addressOf(req)}`;
    },
    handler: handler(
      `at most ${config.RATE_LIMIT_PER_MINUTE} requests per minute per API key; retry after the time in Retry-After`,
    ),
  });

  const perAddress = rateLimit({
    windowMs: WINDOW_MS,
    limit: config.RATE_LIMIT_ROOT_PER_MINUTE,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: stores.create('address'),
    keyGenerator: (req) => `ip:${addressOf(req)}`,
    handler: handler(
      `at most ${config.RATE_LIMIT_ROOT_PER_MINUTE} requests per minute per address here; retry after the time in Retry-After`,
    ),
  });

  return {
    store: stores.kind,
    refuseFailingAddresses,
    recordFailedAuthentication: async (req) => {
      await failures.increment(`ip:${addressOf(req)}`);
    },
    perCaller,
    perAddress,
  };
}
