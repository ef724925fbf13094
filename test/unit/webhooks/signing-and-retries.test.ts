import { createHmac } from 'node:crypto';
import { backoffMs, nextAttemptAt } from '../../../webhooks/retry-schedule';
import { signatureHeader } from '../../../worker/outbox-dispatcher';

test('the signature is an HMAC-SHA256 of "<timestamp>.<body>" with the partner secret', () => {
  const now = new Date('2027-01-02T03:04:05Z');
  const header = signatureHeader('s3cret', '{"a":1}', now);
  const t = Math.floor(now.getTime() / 1000);
  expect(header).toBe(`t=${t},v1=${createHmac('sha256', 's3cret').update(`${t}.{"a":1}`).digest('hex')}`);
  expect(signatureHeader('other', '{"a":1}', now)).not.toBe(header);
});

test('backoff doubles from one second, with jitter, and stops growing at an hour', () => {
  const middle = () => 0.5;
  expect([1, 2, 3, 4].map((n) => backoffMs(n, middle))).toEqual([1000, 2000, 4000, 8000]);
  expect(backoffMs(30, middle)).toBe(3_600_000);
  expect(backoffMs(1, () => 0)).toBe(800);
  expect(backoffMs(1, () => 1)).toBe(1200);
});

test('a failing delivery is retried with growing waits for the whole 24-hour window, then abandoned', () => {
  const policy = { windowMs: 24 * 3600_000, maxBackoffMs: 3600_000 };
  const retryFrom = new Date('2027-01-01T00:00:00Z');
  for (const random of [() => 0, () => 0.5, () => 1, Math.random]) {
    let now = retryFrom;
    const waits: number[] = [];
    for (let attempts = 1; attempts < 1000; attempts += 1) {
      const next = nextAttemptAt({ attempts, retryFrom, now }, policy, random);
      if (!next) break;
      waits.push(next.getTime() - now.getTime());
      now = next;
    }
    const lastAttempt = now.getTime() - retryFrom.getTime();
    // The last attempt falls within the window's last (longest) wait, and never after the window.
    expect(lastAttempt).toBeLessThanOrEqual(policy.windowMs);
    expect(lastAttempt).toBeGreaterThan(policy.windowMs - 1.2 * policy.maxBackoffMs);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1.2 * policy.maxBackoffMs);
    expect(waits[1]).toBeGreaterThan(waits[0] as number);
  }
});

test('a redelivery starts a new window: the retry window counts from retryFrom, not from the first queueing', () => {
  const policy = { windowMs: 3600_000, maxBackoffMs: 60_000 };
  const now = new Date('2027-01-02T00:00:00Z');
  expect(nextAttemptAt({ attempts: 1, retryFrom: new Date('2027-01-01T00:00:00Z'), now }, policy)).toBeUndefined();
  expect(nextAttemptAt({ attempts: 1, retryFrom: now, now }, policy)?.getTime()).toBeGreaterThan(now.getTime());
});
