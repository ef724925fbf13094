import { createHash } from 'node:crypto';
import { model, Schema } from 'mongoose';
import { wakeQueue } from './delivery-claims';
import { recordEvents } from './events';
import { insertOnce } from './insert-once';
import { queuePeopleMail } from './mail-fanout';
import { type PartnerRef, Webhook, webhookId } from './partners';

export const notificationTypes = [
  'registration.approved',
  'registration.rejected',
  'registration.escalated',
  'registration.resolved',
  'registration.extended',
  'registration.closed',
  'registration.withdrawn',
  'registration.expiring',
  'registration.expired',
  'registration.transferred',
  'registration.revoked',
  'escalation.opened',
  'escalation.deadline-missed',
  'dispute.opened',
  'dispute.decided',
  'dispute.deadline-missed',
  'policy.scheduled',
  'policy.effective',
  'policy.cancelled',
  'deal.available',
  'account.registered-on',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

export interface OutboxDoc {
  /**
   * The delivery id a partner receives (body `id`, header `dealreg-delivery`): opaque, and derived per
   * event and recipient, so a retried activity enqueues nothing twice.
   */
  _id: string;
  webhookId: string;
  type: NotificationType;
  payload: Record<string, unknown>;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  /** Retries run for the configured window from here: when it was queued, or redelivered (absent: createdAt). */
  retryFrom?: Date;
  lastError?: string;
  /** A redelivery: the `finishedAt` (ms) of the abandoned record it was queued from. */
  redeliveryOf?: number;
}

const outboxSchema = new Schema<OutboxDoc>(
  {
    _id: { type: String, required: true },
    webhookId: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    retryFrom: Date,
    lastError: String,
    redeliveryOf: Number,
  },
  { versionKey: false, minimize: false },
);
// A queue is one webhook's messages: an equality, which every server serves from the index.
outboxSchema.index({ webhookId: 1 });

/** Messages still to deliver; delivered or abandoned ones move to `deliveries`, so this stays small. */
export const Outbox = model<OutboxDoc>('Outbox', outboxSchema, 'outbox');

/**
 * Which partners have a webhook, read at most every few seconds per process: every decision asks for
 * two partners, and the answer changes only when an admin or a partner sets a webhook (a new one is
 * used from the next refresh on).
 */
const WEBHOOK_LIST_MS = 5_000;
let webhookList: { ids: Promise<Set<string>>; until: number } | undefined;

function webhookIds(): Promise<Set<string>> {
  if (!webhookList || webhookList.until <= Date.now()) {
    const ids = Webhook.find({}, { _id: 1 })
      .lean<Array<{ _id: string }>>()
      .exec()
      .then((docs) => new Set(docs.map((doc) => doc._id)));
    webhookList = { ids, until: Date.now() + WEBHOOK_LIST_MS };
    ids.catch(() => {
      webhookList = undefined;
    });
  }
  return webhookList.ids;
}

/** Forgets the cached list (a test or an admin action that needs the change at once). */
export function forgetWebhookList(): void {
  webhookList = undefined;
}

/**
 * An id that reveals nothing of what it is derived from: a partner receives event and delivery ids,
 * and what they are derived from (a registration's id, an escalation's) may be another partner's.
 * The inputs are ids the recipient knows already or cannot guess (registration and escalation ids
 * are random), so the hash cannot be turned back into them; being derived, it is the same for a
 * retried activity, which is what keeps a retry from sending anything twice.
 */
export function opaqueId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256')
    .update(JSON.stringify([prefix, ...parts]))
    .digest('hex')
    .slice(0, 32)}`;
}

export interface PartnerNotification {
  /** Opaque (see `opaqueId`), shared by the recipients of one event. */
  eventId: string;
  to: PartnerRef;
  type: NotificationType;
  payload: Record<string, unknown>;
}

/**
 * Records notifications in their partners' event feeds (in one command), queues each one whose
 * partner has a webhook for delivery, and mails the partners' people (db/mail-fanout.ts); answers, for
 * each, whether it was queued for a webhook. Ids are derived from the event and the recipient, so a
 * retried activity records, enqueues and mails nothing twice (an insert either creates it or finds it).
 */
export async function enqueueNotifications(events: readonly PartnerNotification[]): Promise<boolean[]> {
  const now = new Date();
  const messages = events.map((event) => outboxMessage(event, now));
  // The feed and the webhook name the event alike: by its opaque delivery id.
  const recorded = await recordEvents(
    events.map((event, index) => ({
      _id: messages[index]!._id,
      audience: messages[index]!.webhookId,
      type: event.type,
      payload: event.payload,
      createdAt: now,
    })),
  );
  await queuePeopleMail(
    events.map((event, index) => ({ ...event, payload: recorded[index]!.payload })),
    now,
  );
  const hooks = await webhookIds();
  return Promise.all(
    messages.map(async (message, index) => {
      if (!hooks.has(message.webhookId)) return false;
      const event = recorded[index]!;
      await insertOnce(Outbox, {
        ...message,
        payload: event.payload,
        createdAt: event.createdAt,
        retryFrom: event.createdAt,
      });
      await wakeQueue(message.webhookId);
      return true;
    }),
  );
}

export async function enqueueNotification(event: PartnerNotification): Promise<boolean> {
  const [queued] = await enqueueNotifications([event]);
  return queued === true;
}

/** The message as stored and as delivered: its `_id` is the partner-facing delivery id. */
export function outboxMessage(event: PartnerNotification, now: Date): OutboxDoc {
  const hookId = webhookId(event.to);
  return {
    _id: opaqueId('dlv', event.eventId, hookId),
    webhookId: hookId,
    type: event.type,
    payload: event.payload,
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    retryFrom: now,
  };
}
