import type { RefusalLimitName } from './policy/schema';
import type { ReasonCode } from './registration';

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

/**
 * A change refused because a product line it adds is another registration's (422, problem type the reason
 * code, such as `already-registered`); nothing was changed and the holder is never named.
 */
export class ChangeRefused extends RequestRefused {
  constructor(
    readonly reasonCode: ReasonCode,
    detail: string,
  ) {
    super(422, 'Change refused', detail);
    this.name = 'ChangeRefused';
  }
}
