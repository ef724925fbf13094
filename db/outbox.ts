import { createHash } from 'node:crypto';
import { model, Schema } from 'mongoose';
import { insertOnce } from './insert-once';
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
  'escalation.reminder',
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
  lastError?: string;
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
    lastError: String,
  },
  { versionKey: false, minimize: false },
);
outboxSchema.index({ nextAttemptAt: 1 });

/** Messages still to deliver; delivered or abandoned ones move to `deliveries`, so this stays small. */
export const Outbox = model<OutboxDoc>('Outbox', outboxSchema, 'outbox');

export interface DeliveryDoc {
  _id: string;
  webhookId: string;
  type: NotificationType;
  outcome: 'delivered' | 'abandoned';
  attempts: number;
  lastError?: string;
  createdAt: Date;
  finishedAt: Date;
}

export const Delivery = model<DeliveryDoc>(
  'Delivery',
  new Schema<DeliveryDoc>(
    {
      _id: { type: String, required: true },
      webhookId: { type: String, required: true },
      type: { type: String, required: true },
      outcome: { type: String, required: true },
      attempts: { type: Number, required: true },
      lastError: String,
      createdAt: { type: Date, required: true },
      finishedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
  'deliveries',
);

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
 * Records a notification for a partner if it has a webhook. Partners without one get nothing queued,
 * which keeps the outbox as small as the set of messages really waiting. The id is derived from the
 * event and the recipient, so a retried activity enqueues nothing twice (an insert either creates it
 * or finds it).
 */
export async function enqueueNotification(event: PartnerNotification): Promise<boolean> {
  const hookId = webhookId(event.to);
  if (!(await webhookIds()).has(hookId)) return false;
  await insertOnce(Outbox, outboxMessage(event, new Date()));
  return true;
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
  };
}

/**
 * A dispatcher's claim on one delivery attempt: `_id` is `<message id>#<attempt>`, so of several
 * dispatchers exactly one inserts it (an insert is atomic where FerretDB's updates are not). Only the
 * holder then updates or removes the message.
 */
export interface OutboxLeaseDoc {
  _id: string;
  until: Date;
}

export const OutboxLease = model<OutboxLeaseDoc>(
  'OutboxLease',
  new Schema<OutboxLeaseDoc>(
    { _id: { type: String, required: true }, until: { type: Date, required: true } },
    { versionKey: false },
  ),
  'outboxleases',
);
