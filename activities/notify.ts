import { enqueueNotification, type NotificationType } from '../db/outbox';
import type { RegistrationDoc } from '../db/registrations';

/**
 * Queues a notification for the reseller and the distributor of a registration. The payload carries
 * the reseller wording only: a webhook never names another partner, whoever receives it.
 */
export async function notifyPartners(
  registration: RegistrationDoc,
  type: NotificationType,
  eventKey: string,
): Promise<void> {
  const payload = {
    event: type,
    registrationId: registration._id,
    status: registration.status,
    reasonCode: registration.reasonCode,
    explanation: registration.resellerExplanation,
    protectedUntil: registration.protectedUntil?.toISOString(),
    extensionsUsed: registration.extensionsUsed,
    at: registration.updatedAt.toISOString(),
  };
  const eventId = `${registration._id}:${eventKey}`;
  await Promise.all([
    enqueueNotification({ eventId, to: { kind: 'reseller', id: registration.resellerId }, type, payload }),
    enqueueNotification({ eventId, to: { kind: 'distributor', id: registration.distributorId }, type, payload }),
  ]);
}
