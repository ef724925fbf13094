import { escalationNoticeId } from '../activities/escalations';
import type { StaffNoticeType } from '../activities/notify';
import { houseSellerNotice, partnerNotifications } from '../activities/notify';
import { Delivery } from '../db/deliveries';
import type { EscalationDoc } from '../db/escalations';
import { type EventDoc, EventModel } from '../db/events';
import { type NotificationType, Outbox, outboxMessage, type PartnerNotification } from '../db/outbox';
import { Webhook, type WebhookDoc } from '../db/partners';
import { findEachById } from '../db/point-reads';
import type { RegistrationDoc } from '../db/registrations';
import { effectsOf } from '../domain/lifecycle';

/** One message a partner (or the channel managers) must have been sent, by the id it is stored and delivered under. */
export interface ExpectedNotification {
  /** The delivery id: `events` and `outbox`/`deliveries` `_id`, and the webhook body's `id`. */
  id: string;
  webhookId: string;
  type: NotificationType;
  /** What it announces, for a report: `<registration> <entry key>` or `<escalation> <notice>`. */
  what: string;
}

function expected(event: PartnerNotification, what: string): ExpectedNotification {
  const { _id, webhookId } = outboxMessage(event, new Date(0));
  return { id: _id, webhookId, type: event.type, what };
}

/**
 * Every notification a registration's entries announce: one event per entry that notifies, to its reseller
 * and distributor (a direct opportunity's to its seller), and a house account's seller told of the first decision.
 */
export function registrationNotifications(doc: RegistrationDoc): ExpectedNotification[] {
  return doc.decisions.flatMap((entry) => {
    const { notify } = effectsOf(entry);
    const house = houseSellerNotice(doc, entry);
    return [
      ...(notify
        ? partnerNotifications(doc, notify.type, notify.key).map((event) =>
            expected(event, `${doc._id} ${entry.key} (${notify.type})`),
          )
        : []),
      ...(house ? [expected(house, `${doc._id} ${entry.key} (${house.type})`)] : []),
    ];
  });
}

/** The channel managers' notices of an escalation: its opening, and the first deadline when it was missed. */
export function escalationNotices(escalation: Pick<EscalationDoc, '_id' | 'level'>): ExpectedNotification[] {
  const notices: Array<[StaffNoticeType, 1 | 2]> = [['escalation.opened', 1]];
  if (escalation.level === 2) notices.push(['escalation.deadline-missed', 2]);
  return notices.map(([type, level]) =>
    expected(
      {
        eventId: escalationNoticeId(escalation._id, type, level),
        to: { kind: 'vendor', id: 'channel-managers' },
        type,
        payload: {},
      },
      `${escalation._id} ${type}`,
    ),
  );
}

/** How long an enqueuing process may go on using the list of webhooks it read (db/outbox.ts). */
const WEBHOOK_LIST_STALE_MS = 5_000;

export interface NotificationFindings {
  /** Not in the partner's feed, or in it but not queued for a webhook the partner had. */
  missing: string[];
  /** (Exhaustive only) events about these registrations and escalations that no entry announces. */
  unexpected: string[];
}

/**
 * Every expected notification is in its partner's feed (`events`, one per id: ids are derived, so a retry
 * cannot add a second) and, where the partner had a webhook by then, queued or delivered. Point reads;
 * with `exhaustive`, the whole `events` collection is read once to find events nothing announces.
 */
export async function checkNotifications(
  docs: readonly RegistrationDoc[],
  escalations: readonly EscalationDoc[],
  exhaustive: boolean,
  /** Notices that are nobody's entry's: the `deal.available` of watches that ended told. */
  others: readonly ExpectedNotification[] = [],
): Promise<NotificationFindings> {
  const wanted = [...docs.flatMap(registrationNotifications), ...escalations.flatMap(escalationNotices), ...others];
  const events = await findEachById(
    EventModel,
    wanted.map((n) => n.id),
  );
  const hooks = new Map(
    (await Webhook.find({}).lean<WebhookDoc[]>().exec()).map((hook) => [hook._id, new Date(hook.createdAt).getTime()]),
  );
  const hadWebhook = (n: ExpectedNotification, event: EventDoc) => {
    const since = hooks.get(n.webhookId);
    return since !== undefined && since + WEBHOOK_LIST_STALE_MS < new Date(event.createdAt).getTime();
  };
  const shouldBeQueued = new Set(
    wanted.filter((n) => {
      const event = events.get(n.id);
      return event !== undefined && hadWebhook(n, event);
    }),
  );
  const ids = [...shouldBeQueued].map((n) => n.id);
  const [queued, finished] = await Promise.all([findEachById(Outbox, ids), findEachById(Delivery, ids)]);
  const missing = wanted.flatMap((n) => {
    const event = events.get(n.id);
    if (!event) return [`${n.what} to ${n.webhookId}: not in its feed`];
    if (event.type !== n.type) return [`${n.what} to ${n.webhookId}: its feed says ${event.type}`];
    if (shouldBeQueued.has(n) && !queued.has(n.id) && !finished.has(n.id))
      return [`${n.what} to ${n.webhookId}: never queued for its webhook`];
    return [];
  });
  return { missing, unexpected: exhaustive ? await unannounced(docs, escalations, wanted) : [] };
}

/** Events naming a checked registration or escalation that no entry or notice accounts for (expiry reminders aside). */
async function unannounced(
  docs: readonly RegistrationDoc[],
  escalations: readonly EscalationDoc[],
  wanted: readonly ExpectedNotification[],
): Promise<string[]> {
  const known = new Set(wanted.map((n) => n.id));
  const checked = new Set([...docs.map((doc) => doc._id), ...escalations.map((e) => e._id)]);
  const all = await EventModel.find({}, { _id: 1, type: 1, audience: 1, payload: 1 }).lean<EventDoc[]>().exec();
  return all
    .filter((event) => event.type !== 'registration.expiring' && !known.has(event._id))
    .filter((event) => {
      const about = event.payload.registrationId ?? event.payload.escalationId;
      return typeof about === 'string' && checked.has(about);
    })
    .map(
      (event) =>
        `${event._id} (${event.type} to ${event.audience}, about ${String(event.payload.registrationId ?? event.payload.escalationId)})`,
    );
}
