import { createHash } from 'node:crypto';
import { model, Schema } from 'mongoose';
import type { MailContent, MailEvent } from '../domain/email/render';
import { insertOnce } from './insert-once';

export type { MailContent, MailEvent };

/**
 * Mail to people, queued durably like webhook deliveries: each mail is one document whose `_id` is
 * derived from the event and the recipient, inserted once (a retried activity finds it and queues
 * nothing twice), and sent at least once by the worker's mail dispatcher, which retries with backoff.
 * The mail is worded when it is sent (the recipient's current address and name, the deployment's
 * links), from what is stored here: for a partner, only what its webhook receives.
 */
export const mailKinds = ['notification', 'digest', 'invitation', 'password-reset'] as const;
export type MailKind = (typeof mailKinds)[number];
export type MailStatus = 'queued' | 'sent' | 'abandoned' | 'dropped';

export interface MailDoc {
  _id: string;
  kind: MailKind;
  userId: string;
  /** Cleared once sent when it holds a one-time link: a sent link need not stay in the database. */
  content?: MailContent;
  status: MailStatus;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  lastError?: string;
  finishedAt?: Date;
}

const mailSchema = new Schema<MailDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    userId: { type: String, required: true },
    content: Schema.Types.Mixed,
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    nextAttemptAt: { type: Date, required: true },
    lastError: String,
    finishedAt: Date,
  },
  { versionKey: false, minimize: false },
);
// The dispatcher reads the queued ones: an equality, served by the index on every server.
mailSchema.index({ status: 1 });
mailSchema.index({ userId: 1 });

export const Mail = model<MailDoc>('Mail', mailSchema, 'mails');

/** An id derived from what the mail is about and who receives it (`mail_<32 hex>`), so a retry is the same mail. */
export const mailId = (...parts: string[]): string =>
  `mail_${createHash('sha256')
    .update(JSON.stringify(['mail', ...parts]))
    .digest('hex')
    .slice(0, 32)}`;

/**
 * A vendor seller's own address (the seller record's `email`) as a mail's recipient, in place of a
 * person's id: the dispatcher reads the record when it sends, as it reads a person.
 */
export const sellerMailbox = (sellerId: string) => `seller:${sellerId}`;
export const sellerOfMailbox = (recipient: string): string | undefined =>
  recipient.startsWith('seller:') ? recipient.slice('seller:'.length) : undefined;

/** Queues a mail once: true when this call queued it, false when it was queued (or sent) already. */
export function queueMail(id: string, userId: string, content: MailContent, now = new Date()): Promise<boolean> {
  return insertOnce(Mail, {
    _id: id,
    kind: content.kind,
    userId,
    content,
    status: 'queued',
    attempts: 0,
    createdAt: now,
    nextAttemptAt: now,
  });
}

/** Mails waiting to be sent whose next attempt is due. */
export async function dueMails(now = new Date()): Promise<MailDoc[]> {
  const queued = await Mail.find({ status: 'queued' }).lean<MailDoc[]>().exec();
  return queued
    .filter((mail) => new Date(mail.nextAttemptAt).getTime() <= now.getTime())
    .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
}

/** Only the dispatcher holding the mail lease writes these. */
export async function finishMail(mail: MailDoc, status: Exclude<MailStatus, 'queued'>, error?: string): Promise<void> {
  const oneTime = mail.kind === 'invitation' || mail.kind === 'password-reset';
  await Mail.updateOne(
    { _id: mail._id },
    {
      $set: {
        status,
        attempts: mail.attempts + (status === 'dropped' ? 0 : 1),
        finishedAt: new Date(),
        ...(error ? { lastError: error } : {}),
      },
      ...(oneTime ? { $unset: { content: '' } } : {}),
    },
  ).exec();
}

export async function retryMailAt(mail: MailDoc, at: Date, error: string): Promise<void> {
  await Mail.updateOne(
    { _id: mail._id },
    { $set: { attempts: mail.attempts + 1, nextAttemptAt: at, lastError: error } },
  ).exec();
}

/**
 * Events a person asked to receive once a day: kept here until the digest is due (the next digest hour
 * in the person's time zone), then sent as one mail. `_id` is `<user>|<event id>`: inserted once.
 */
interface DigestItemDoc {
  _id: string;
  userId: string;
  dueAt: Date;
  event: MailEvent;
}

const DigestItem = model<DigestItemDoc>(
  'MailDigestItem',
  new Schema<DigestItemDoc>(
    {
      _id: { type: String, required: true },
      userId: { type: String, required: true },
      dueAt: { type: Date, required: true },
      event: { type: Schema.Types.Mixed, required: true },
    },
    { versionKey: false, minimize: false },
  ),
  'maildigestitems',
);

export function holdForDigest(userId: string, eventId: string, dueAt: Date, event: MailEvent): Promise<boolean> {
  return insertOnce(DigestItem, { _id: `${userId}|${eventId}`, userId, dueAt, event });
}

/**
 * Turns the due digest items into one mail per person and due time, then removes them. The mail's id
 * names its items, so a crash between the two queues the same mail again (nothing twice), and an
 * item that arrived meanwhile makes a digest of its own rather than being lost. The collection holds
 * only items not yet due, a day's worth at most.
 */
export async function queueDueDigests(now = new Date()): Promise<number> {
  const items = await DigestItem.find({}).lean<DigestItemDoc[]>().exec();
  const due = items.filter((item) => new Date(item.dueAt).getTime() <= now.getTime());
  const groups = new Map<string, DigestItemDoc[]>();
  for (const item of due) {
    const key = `${item.userId}|${new Date(item.dueAt).toISOString()}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const [key, group] of groups) {
    const ids = group.map((item) => item._id).sort();
    const events = group.map((item) => item.event).sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
    await queueMail(mailId('digest', key, ...ids), group[0]!.userId, { kind: 'digest', events }, now);
    await Promise.all(group.map((item) => DigestItem.deleteOne({ _id: item._id }).exec()));
  }
  return groups.size;
}
