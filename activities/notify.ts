import {
  enqueueNotification,
  enqueueNotifications,
  type NotificationType,
  opaqueId,
  type PartnerNotification,
} from '../db/outbox';
import type { DecisionRecord, RegistrationDoc } from '../db/registrations';
import { houseAccountSeller } from '../domain/accounts/routing-facts';
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
  if (registration.sellerId !== undefined)
    return [directNotification(registration, type, eventId, registration.sellerId)];
  const payloadFor = (audience: PartnerAudience) => ({
    event: type,
    registrationId: registration._id,
    status: registration.status,
    reasonCode: registration.reasonCode,
    explanation: currentPartnerExplanation(registration, audience),
    protectedUntil: registration.protectedUntil?.toISOString(),
    extensionsUsed: registration.extensionsUsed,
    at: registration.updatedAt.toISOString(),
    ...disputeFields(registration, type),
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

/** A direct opportunity has no partner to tell: its seller hears of it, in staff words. */
function directNotification(
  registration: RegistrationDoc,
  type: NotificationType,
  eventId: string,
  sellerId: string,
): PartnerNotification {
  return {
    eventId,
    to: { kind: 'seller', id: sellerId },
    type,
    payload: {
      event: type,
      registrationId: registration._id,
      status: registration.status,
      reasonCode: registration.reasonCode,
      explanation: registration.explanation,
      protectedUntil: registration.protectedUntil?.toISOString(),
      extensionsUsed: registration.extensionsUsed,
      at: registration.updatedAt.toISOString(),
    },
  };
}

/** A dispute's notice names the dispute and, once decided, its outcome (its reason is in the explanation). */
function disputeFields(registration: RegistrationDoc, type: NotificationType) {
  if (!type.startsWith('dispute.')) return {};
  const note = [...registration.decisions].reverse().find((entry) => entry.dispute)?.dispute;
  return note ? { disputeId: note.id, ...(note.outcome ? { outcome: note.outcome } : {}) } : {};
}

/** Queues a registration's event for its reseller and its distributor (a direct opportunity's for its seller). */
export async function notifyPartners(
  registration: RegistrationDoc,
  type: NotificationType,
  eventKey: string,
): Promise<void> {
  await enqueueNotifications(partnerNotifications(registration, type, eventKey));
}

/**
 * Whether an entry is a registration's first decision (from `pending`): the moment a partner's
 * registration on a house account has met the policy's rule, whichever it was.
 */
const isFirstDecision = (entry: DecisionRecord) => entry.kind === 'decision' && entry.fromStatus === 'pending';

/**
 * What the seller is told: vendor staff, so the partner and the staff explanation are named. The event
 * id derives from the registration alone, so a retried step sends it once.
 */
export function sellerNotification(registration: RegistrationDoc, sellerId: string): PartnerNotification {
  const type = 'account.registered-on';
  return {
    eventId: opaqueId('evt', registration._id, type),
    to: { kind: 'seller', id: sellerId },
    type,
    payload: {
      event: type,
      registrationId: registration._id,
      accountId: registration.accountId,
      customerName: registration.customer.name,
      title: registration.opportunity.title,
      resellerId: registration.resellerId,
      distributorId: registration.distributorId,
      status: registration.status,
      reasonCode: registration.reasonCode,
      explanation: registration.explanation,
      at: registration.updatedAt.toISOString(),
    },
  };
}

/**
 * Tells the seller whose house account a partner registered on (`account.registered-on`), under every
 * `houseAccounts` rule, once the registration's first decision is stored: event, its sales people and
 * the seller's own address by email.
 */
export async function notifyHouseSeller(registration: RegistrationDoc, entry: DecisionRecord): Promise<void> {
  const notice = houseSellerNotice(registration, entry);
  if (notice) await enqueueNotification(notice);
}

/** The `account.registered-on` an entry of a registration sends, if any (the invariant check expects the same). */
export function houseSellerNotice(
  registration: RegistrationDoc,
  entry: DecisionRecord,
): PartnerNotification | undefined {
  const sellerId = houseAccountSeller(registration.account);
  // A seller's own direct opportunity is no partner arriving on its account.
  if (sellerId === undefined || registration.sellerId !== undefined || !isFirstDecision(entry)) return undefined;
  return sellerNotification(registration, sellerId);
}

/** Notices for the vendor's channel managers that the escalation workflow sends. */
export type StaffNoticeType = Extract<
  NotificationType,
  'escalation.opened' | 'escalation.deadline-missed' | 'dispute.opened' | 'dispute.deadline-missed'
>;

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
  payload: Record<string, unknown> & ({ escalationId: string } | { disputeId: string }),
  eventKey: string,
): Promise<void> {
  await enqueueNotification({
    eventId: staffNoticeEventId(type, eventKey),
    to: { kind: 'vendor', id: 'channel-managers' },
    type,
    payload: { event: type, ...payload },
  });
}
