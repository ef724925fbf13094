import type { Request } from 'express';
import { ipKeyGenerator, type Store } from 'express-rate-limit';
import type { Config } from '../config/config';
import { HttpProblem } from './problem';
import { memoryStores, type RateLimitStores } from './rate-limit';
import type { AppDeps } from './route-spec';

const WINDOW_MS = 15 * 60_000;
/** Reset mails per address in the window: enough for a person, too few to flood a mailbox. */
const RESETS_PER_EMAIL = 3;

/**
 * Failed sign-ins counted per client address and per email address (known or not, so a refusal says
 * nothing about which addresses exist), in express-rate-limit's stores: shared through Redis when the
 * deployment has one, like the other limits.
 */
export interface SignInGuard {
  /** Refuses with 429 and Retry-After when the address or the email has failed too often. */
  check(req: Request, email: string): Promise<void>;
  recordFailure(req: Request, email: string): Promise<void>;
  /** A person who got in is not held back by their own earlier typos. */
  clear(email: string): Promise<void>;
  /** Whether another reset mail may go to this address now (counted either way). */
  mayMailReset(email: string): Promise<boolean>;
}

const initialized = (store: Store): Store => {
  store.init?.({ windowMs: WINDOW_MS } as Parameters<NonNullable<Store['init']>>[0]);
  return store;
};

const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

export function createSignInGuard(config: Config, stores: RateLimitStores): SignInGuard {
  const byAddress = initialized(stores.create('sign-in-address'));
  const byEmail = initialized(stores.create('sign-in-email'));
  const resets = initialized(stores.create('reset-email'));
  const refusal = async (store: Store, key: string, limit: number) => {
    const seen = await store.get?.(key);
    if (!seen || seen.totalHits < limit) return undefined;
    return Math.max(1, Math.ceil(((seen.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
  };
  return {
    async check(req, email) {
      const retryAfter =
        (await refusal(byAddress, addressOf(req), config.SIGN_IN_FAILURES_PER_ADDRESS)) ??
        (await refusal(byEmail, email, config.SIGN_IN_FAILURES_PER_EMAIL));
      if (retryAfter !== undefined) {
        throw new HttpProblem(
          429,
          'Too many failed sign-ins',
          'too many failed sign-ins from this address or for this email address; retry after the time in Retry-After',
          undefined,
          { 'Retry-After': String(retryAfter) },
        );
      }
    },
    async recordFailure(req, email) {
      await Promise.all([byAddress.increment(addressOf(req)), byEmail.increment(email)]);
    },
    async clear(email) {
      await byEmail.resetKey(email);
    },
    async mayMailReset(email) {
      return (await resets.increment(email)).totalHits <= RESETS_PER_EMAIL;
    },
  };
}

/** One guard per app (its deps), made on first use from the app's rate limit stores. */
const guards = new WeakMap<AppDeps, SignInGuard>();
export function signInGuard(deps: AppDeps): SignInGuard {
  let guard = guards.get(deps);
  if (!guard) {
    guard = createSignInGuard(deps.config, deps.rateLimitStores ?? memoryStores());
    guards.set(deps, guard);
  }
  return guard;
}
