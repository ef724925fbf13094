import { enqueueNotifications, type NotificationType, opaqueId, type PartnerNotification } from '../db/outbox';
import type { RegistrationDoc } from '../db/registrations';
import { currentPartnerExplanation, type PartnerAudience } from '../domain/allocation';

/**
 * The notifications one event of a registration sends: one to its reseller and one to its
 * distributor, each worded for its reader (see `partnerExplanation`), so that a webhook never names
 * another partner. The event id is opaque: `eventKey` may hold an escalation's id, and the id is
 * also what makes a retried activity enqueue nothing twice, so it is derived, not drawn.
 */
export function partnerNotifications(
  registration: RegistrationDoc,
  type: NotificationType,
  eventKey: string,
): PartnerNotification[] {
  const eventId = opaqueId('evt', registration._id, eventKey);
  const payloadFor = (audience: PartnerAudience) => ({
    event: type,
    registrationId: registration._id,
    status: registration.status,
    reasonCode: registration.reasonCode,
    explanation: currentPartnerExplanation(registration, audience),
    protectedUntil: registration.protectedUntil?.toISOString(),
    extensionsUsed: registration.extensionsUsed,
    at: registration.updatedAt.toISOString(),
  });
  return [
    { eventId, to: { kind: 'reseller', id: registration.resellerId }, type, payload: payloadFor('reseller') },
    {
      eventId,
      to: { kind: 'distributor', id: registration.distributorId },
      type,
      payload: payloadFor({ distributor: registration.distributorId }),
    },
  ];
}

/** Queues a registration's event for its reseller and its distributor. */
export async function notifyPartners(
  registration: RegistrationDoc,
  type: NotificationType,
  eventKey: string,
): Promise<void> {
  await enqueueNotifications(partnerNotifications(registration, type, eventKey));
}
