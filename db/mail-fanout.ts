import { nextDigestAt } from '../domain/email/digest-time';
import { holdForDigest, mailId, queueMail, sellerMailbox } from './mail-queue';
import { preferenceOf, recipientsOf, type UserDoc } from './users';

/** One notification as the outbox records it: the recipient partner (or the vendor) and its webhook payload. */
export interface NotifiedEvent {
  eventId: string;
  to: { kind: 'reseller' | 'distributor' | 'vendor' | 'seller'; id: string };
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Tells the people of each notified partner (its active users; for the vendor, the channel managers;
 * for a vendor seller, its sales people)
 * by email, each as they asked: at once, in the next daily digest, or not at all. What a person is
 * sent is the payload the partner's webhook receives, no more. Ids are derived from the event and the
 * person, so a retried activity queues nothing twice.
 */
export async function queuePeopleMail(events: readonly NotifiedEvent[], now = new Date()): Promise<void> {
  const people = new Map<string, Promise<UserDoc[]>>();
  const audienceOf = (event: NotifiedEvent) => `${event.to.kind}:${event.to.id}`;
  for (const event of events) {
    const audience = audienceOf(event);
    if (!people.has(audience)) people.set(audience, recipientsOf(event.to));
  }
  await Promise.all(
    events.map(async (event) => {
      const audience = audienceOf(event);
      const mailEvent = { type: event.type, audience, payload: event.payload, at: now };
      if (event.to.kind === 'seller') {
        // The seller's own address too, when its record has one (read when sent).
        const mailbox = sellerMailbox(event.to.id);
        await queueMail(
          mailId('event', event.eventId, mailbox),
          mailbox,
          { kind: 'notification', event: mailEvent },
          now,
        );
      }
      for (const user of await (people.get(audience) as Promise<UserDoc[]>)) {
        const preference = preferenceOf(user, event.type);
        if (preference === 'off') continue;
        if (preference === 'daily') {
          await holdForDigest(user._id, event.eventId, nextDigestAt(now, user.timeZone), mailEvent);
        } else {
          await queueMail(
            mailId('event', event.eventId, user._id),
            user._id,
            { kind: 'notification', event: mailEvent },
            now,
          );
        }
      }
    }),
  );
}
