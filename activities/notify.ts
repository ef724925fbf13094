import {
  enqueueNotification,
  enqueueNotifications,
  type NotificationType,
  opaqueId,
  type PartnerNotification,
} from '../db/outbox';
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

/** Notices for the vendor's channel managers that the escalation workflow sends. */
export type StaffNoticeType = Extract<NotificationType, 'escalation.opened' | 'escalation.deadline-missed'>;

/**
 * Tells the channel managers of an escalation event: the vendor webhook (`vendor/channel-managers`),
 * its event feed, and every active channel manager by email (with a link that opens the escalation,
 * from `payload.escalationId`). `eventKey` names the occurrence (the escalation and which deadline),
 * so a retried activity sends nothing twice.
 */
/** A staff notice's event id: derived, so a retried activity enqueues nothing twice. */
export const staffNoticeEventId = (type: StaffNoticeType, eventKey: string) => opaqueId('evt', 'staff', type, eventKey);

export async function enqueueStaffNotice(
  type: StaffNoticeType,
  payload: Record<string, unknown> & { escalationId: string },
  eventKey: string,
): Promise<void> {
  await enqueueNotification({
    eventId: staffNoticeEventId(type, eventKey),
    to: { kind: 'vendor', id: 'channel-managers' },
    type,
    payload: { event: type, ...payload },
  });
}
