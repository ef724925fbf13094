import { createHmac } from 'node:crypto';
import { backoffMs, signatureHeader } from '../../../worker/outbox-dispatcher';

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
