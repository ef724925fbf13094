import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { auditKeys } from '../../config/audit-key';
import { startMailDispatcher } from '../../worker/mail-dispatcher';
import { eventually } from './harness';

/** Mail as Mailpit's API gives it back. */
export interface CaughtMail {
  id: string;
  subject: string;
  to: string[];
  text: string;
  html: string;
  headers: Record<string, string[]>;
}

/** Mailpit's web address (the test stack's, or DEALREG_TEST_MAILPIT_URL when the servers are shared). */
export function mailpitUrl(): string {
  const url = process.env.DEALREG_TEST_MAILPIT_URL;
  if (!url)
    throw new Error('DEALREG_TEST_MAILPIT_URL is not set: run the tests through jest (its globalSetup starts Mailpit)');
  return url;
}

/** An address no other test uses: each test reads only its own mail from the shared catcher. */
export const uniqueAddress = (who: string) => `${who}.${randomBytes(4).toString('hex')}@example.test`;

async function json<T>(path: string): Promise<T> {
  const response = await fetch(`${mailpitUrl()}${path}`);
  if (!response.ok) throw new Error(`Mailpit ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Every mail to the address, oldest first. */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const found = await json<{ messages: Array<{ ID: string }> }>(
    `/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=200`,
  );
  const mails = await Promise.all(
    found.messages.map(async ({ ID }) => {
      const message = await json<{
        Subject: string;
        To: Array<{ Address: string }>;
        Text: string;
        HTML: string;
        Created?: string;
      }>(`/api/v1/message/${ID}`);
      const headers = await json<Record<string, string[]>>(`/api/v1/message/${ID}/headers`);
      return {
        id: ID,
        subject: message.Subject,
        to: message.To.map((to) => to.Address),
        text: message.Text,
        html: message.HTML,
        headers,
      };
    }),
  );
  return mails.reverse();
}

/** Waits until `count` mails (default 1) to the address have arrived; answers them, oldest first. */
export function waitForMail(address: string, count = 1, what = `mail to ${address}`): Promise<CaughtMail[]> {
  return eventually(
    async () => {
      const mails = await mailsTo(address);
      return mails.length >= count ? mails : undefined;
    },
    what,
    30_000,
  );
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: CaughtMail, prefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(prefix));
  if (!link) throw new Error(`no link starting ${prefix} in:\n${mail.text}`);
  return link;
}

/** The worker's mail dispatcher, as a test runs it (the test system's worker runs workflows only). */
export function startTestMailDispatcher(publicUrl = 'http://dealreg.test') {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) throw new Error('SMTP_URL is not set: run the tests through jest (its globalSetup starts Mailpit)');
  return startMailDispatcher({
    smtpUrl,
    from: 'dealreg <dealreg@example.test>',
    publicUrl,
    linkKey: auditKeys().mailLinkKey,
    pollMs: 200,
    timeoutMs: 5000,
    concurrency: 4,
    retryWindowMs: 60_000,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
}
