import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of an email's "stop these emails" link and List-Unsubscribe header: who and which kind,
 * signed (HMAC-SHA256 under a key derived from the audit key), so it needs no sign-in and cannot be
 * made for someone else. `kind` is an event type, or `digest` for the daily digest.
 */
export interface UnsubscribeSubject {
  userId: string;
  kind: string;
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(`unsubscribe.${body}`).digest('base64url');

export function unsubscribeToken(key: Buffer, subject: UnsubscribeSubject): string {
  const body = Buffer.from(JSON.stringify([subject.userId, subject.kind]), 'utf8').toString('base64url');
  return `${body}.${mac(key, body)}`;
}

export function readUnsubscribeToken(key: Buffer, token: string): UnsubscribeSubject | undefined {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const [userId, kind] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
    return typeof userId === 'string' && typeof kind === 'string' ? { userId, kind } : undefined;
  } catch {
    return undefined;
  }
}
