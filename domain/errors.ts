import type { RefusalLimitName } from './policy/schema';

/**
 * A request that dealreg refuses for a reason the caller can act on. The API turns it into an
 * RFC 9457 problem document; command-line tools print its detail.
 */
export class RequestRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422 | 503,
    readonly title: string,
    readonly detail: string,
    readonly errors?: Array<{ path: string; message: string }>,
  ) {
    super(detail);
    this.name = 'RequestRefused';
  }
}

/** A submission over one of the policy's limits (422, problem type `limit-reached`); nothing was stored. */
export class LimitReached extends RequestRefused {
  constructor(
    readonly limit: RefusalLimitName,
    detail: string,
  ) {
    super(422, 'Limit reached', detail);
    this.name = 'LimitReached';
  }
}
