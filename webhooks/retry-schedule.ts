/** When a failed webhook delivery is tried again, and when it is given up. Pure: the dispatcher supplies the clock. */

export interface RetryPolicy {
  /** How long a delivery is retried, from when it was queued (or redelivered). */
  windowMs: number;
  /** The longest wait between two attempts. */
  maxBackoffMs: number;
}

/** 1 s, 2 s, 4 s … capped at `maxMs`, with ±20 % jitter so that the deliveries of one endpoint are not retried in step. */
export function backoffMs(attempts: number, random = Math.random, maxMs = 3_600_000): number {
  const base = Math.min(1000 * 2 ** Math.max(attempts - 1, 0), maxMs);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * The time of the next attempt after the `attempts`-th failed, or undefined when the delivery is to be
 * abandoned: the next attempt would fall after the retry window.
 */
export function nextAttemptAt(
  failure: { attempts: number; retryFrom: Date; now: Date },
  policy: RetryPolicy,
  random = Math.random,
): Date | undefined {
  const at = failure.now.getTime() + backoffMs(failure.attempts, random, policy.maxBackoffMs);
  return at > failure.retryFrom.getTime() + policy.windowMs ? undefined : new Date(at);
}
