import nodemailer, { type Transporter } from 'nodemailer';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { claimQueue, releaseQueue } from '../db/delivery-claims';
import { dueMails, finishMail, type MailDoc, queueDueDigests, retryMailAt, sellerOfMailbox } from '../db/mail-queue';
import { findUser, type UserDoc } from '../db/users';
import { sellerStore } from '../db/vendor-records';
import { findVendorRecord } from '../db/vendor-store';
import { type RenderedMail, renderMail } from '../domain/email/render';
import { unsubscribeToken } from '../domain/email/unsubscribe-token';
import { nextAttemptAt } from '../webhooks/retry-schedule';
import { startPollLoop } from './poll-loop';

export interface MailDispatcherOptions {
  smtpUrl: string;
  from: string;
  /** The API's public base URL (`https://dealreg.example.com`): links point there. */
  publicUrl: string;
  /** Signs unsubscribe links (config/audit-key.ts `mailLinkKey`). */
  linkKey: Buffer;
  pollMs: number;
  timeoutMs: number;
  concurrency: number;
  retryWindowMs: number;
  logger: Logger;
}

/** The lease every mail dispatcher takes in turn (db/delivery-claims.ts): one sends at a time, others stand by. */
const MAIL_QUEUE = 'mail:smtp';

/**
 * Sends queued mail through SMTP, apart from everything else the worker does: its own loop, its own
 * connections (pooled, each step bounded by `timeoutMs`), at most `concurrency` at once. A slow or
 * failing mail server delays only mail; webhooks, workflows and the API never wait for it. Delivery is
 * at least once: a mail whose send succeeded but whose record failed is sent again, with the same
 * Message-ID, which mail clients use to fold repeats.
 */
export function startMailDispatcher(options: MailDispatcherOptions): { stop(): Promise<void> } {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.concurrency,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const epochMs = 4 * options.timeoutMs + 2000;
  const loop = startPollLoop((isStopping) => sendRound(transport, options, epochMs, isStopping), {
    pollMs: options.pollMs,
    logger: options.logger,
    what: 'mail',
  });
  return {
    async stop() {
      await loop.stop();
      transport.close();
    },
  };
}

async function sendRound(
  transport: Transporter,
  options: MailDispatcherOptions,
  epochMs: number,
  isStopping: () => boolean,
): Promise<void> {
  const lease = await claimQueue(MAIL_QUEUE, epochMs);
  if (!lease) return; // another worker sends mail now
  try {
    const lastStart = lease.until - options.timeoutMs * 3 - 1000;
    await queueDueDigests();
    const inFlight = pLimit(options.concurrency);
    await Promise.all(
      (await dueMails()).map((mail) =>
        inFlight(async () => {
          if (isStopping() || Date.now() >= lastStart) return; // the next round sends it
          await sendOne(transport, options, mail);
        }),
      ),
    );
  } finally {
    await releaseQueue(lease);
  }
}

/** The unsubscribe link of a mail, or undefined for mail that is not optional (invitations, resets). */
function unsubscribeUrl(options: MailDispatcherOptions, mail: MailDoc): string | undefined {
  const content = mail.content;
  if (!content || (content.kind !== 'notification' && content.kind !== 'digest')) return undefined;
  const kind = content.kind === 'digest' ? 'digest' : content.event.type;
  return `${options.publicUrl}/api/v1/unsubscribe/${unsubscribeToken(options.linkKey, { userId: mail.userId, kind })}`;
}

/** Whether a person should still get this mail: an invitation only while invited, the rest only while active. */
const stillWanted = (mail: MailDoc, user: UserDoc | null): user is UserDoc =>
  user !== null && (mail.kind === 'invitation' ? user.status === 'invited' : user.status === 'active');

type Addressee = Pick<UserDoc, 'name' | 'email' | 'role' | 'timeZone'>;

/** A vendor seller's own address, as its record has it now (none: nothing to send). */
async function sellerAddressee(sellerId: string): Promise<Addressee | undefined> {
  const seller = await findVendorRecord(sellerStore, sellerId);
  const email = seller?.record.email;
  return email ? { name: seller.record.name, email, role: 'sales', timeZone: 'UTC' } : undefined;
}

async function sendOne(transport: Transporter, options: MailDispatcherOptions, mail: MailDoc): Promise<void> {
  const sellerId = sellerOfMailbox(mail.userId);
  if (sellerId !== undefined) {
    const seller = await sellerAddressee(sellerId);
    if (!mail.content || !seller) return finishMail(mail, 'dropped', 'the seller has no email address');
    // No unsubscribe link: the address is the vendor's own record, changed by an administrator.
    return deliver(transport, options, mail, seller, undefined);
  }
  const user = await findUser(mail.userId);
  if (!mail.content || !stillWanted(mail, user)) {
    await finishMail(mail, 'dropped', 'the person is no longer invited or active');
    return;
  }
  return deliver(transport, options, mail, user, unsubscribeUrl(options, mail));
}

async function deliver(
  transport: Transporter,
  options: MailDispatcherOptions,
  mail: MailDoc,
  user: Addressee,
  unsubscribe: string | undefined,
): Promise<void> {
  if (!mail.content) return;
  const rendered: RenderedMail = renderMail(
    mail.content,
    { name: user.name, role: user.role, timeZone: user.timeZone },
    { consoleUrl: `${options.publicUrl}/console`, ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}) },
  );
  try {
    await transport.sendMail({
      from: options.from,
      to: { name: user.name, address: user.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<${mail._id}@dealreg>`,
      headers: { 'X-Dealreg-Mail': mail._id },
      ...(unsubscribe ? { list: { unsubscribe: { url: unsubscribe, comment: 'Stop these emails' } } } : {}),
      ...(unsubscribe
        ? { headers: { 'X-Dealreg-Mail': mail._id, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
        : {}),
    });
    await finishMail(mail, 'sent');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryAt = nextAttemptAt(
      { attempts: mail.attempts + 1, retryFrom: new Date(mail.createdAt), now: new Date() },
      { windowMs: options.retryWindowMs, maxBackoffMs: 3600_000 },
    );
    if (!retryAt) {
      options.logger.warn({ mailId: mail._id, attempts: mail.attempts + 1, error: message }, 'mail abandoned');
      await finishMail(mail, 'abandoned', message);
      return;
    }
    await retryMailAt(mail, retryAt, message);
  }
}
