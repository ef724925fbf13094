import type { DisputeDoc } from '../../db/disputes';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import type { DisputeSide } from '../../domain/dispute';
import type { Caller } from '../route-spec';
import { isoDate } from '../schemas/common';
import type { DisputeView } from '../schemas/dispute';
import { withoutEmpty } from './clean';
import { registrationView } from './registration';

/** Which side of the dispute the caller is on (staff: none, they see both); undefined: not a party. */
export function sideOf(caller: Caller, doc: DisputeDoc): 'staff' | 'disputing' | 'holder' | undefined {
  if (caller.role === 'reseller') {
    if (doc.resellerId === caller.resellerId) return 'disputing';
    if (doc.holderResellerId === caller.resellerId) return 'holder';
    return undefined;
  }
  if (caller.role === 'distributor') {
    if (doc.distributorId === caller.distributorId) return 'disputing';
    if (doc.holderDistributorId === caller.distributorId) return 'holder';
    return undefined;
  }
  return ['channel-manager', 'auditor'].includes(caller.role) ? 'staff' : undefined;
}

const sideView = (side: DisputeSide | undefined, staff: boolean) =>
  side &&
  withoutEmpty({
    statement: side.statement,
    evidence: side.evidence,
    at: side.at,
    actor: staff ? withoutEmpty({ kind: side.actor.kind, id: side.actor.id }) : undefined,
  });

const load = (id: string | undefined) =>
  id ? Registration.findById(id).lean<RegistrationDoc>().exec() : Promise.resolve(null);

/** Staff: both sides and both registrations (point reads by `_id`). */
export async function staffDisputeView(doc: DisputeDoc, withRegistrations: boolean): Promise<DisputeView> {
  const [disputing, holder] = withRegistrations
    ? await Promise.all([load(doc.registrationId), load(doc.holderId)])
    : [null, null];
  const { decision } = doc;
  return withoutEmpty({
    id: doc._id,
    status: doc.status,
    level: doc.level,
    ground: doc.ground,
    registrationId: doc.registrationId,
    holderId: doc.holderId,
    claim: sideView(doc.claim, true),
    response: sideView(doc.response, true),
    registration: disputing ? registrationView(disputing, 'staff') : undefined,
    holder: holder ? registrationView(holder, 'staff') : undefined,
    decision: decision
      ? withoutEmpty({
          outcome: decision.outcome,
          reason: decision.reason,
          by: withoutEmpty({ kind: decision.by.kind, id: decision.by.id }),
          actor: withoutEmpty({ kind: decision.actor.kind, id: decision.actor.id }),
          at: decision.at,
          receiverId: decision.receiverId,
        })
      : undefined,
    policyVersion: doc.policyVersion,
    createdAt: isoDate(doc.createdAt) as string,
    responseDueAt: isoDate(doc.responseDueAt),
    reviewDueAt: isoDate(doc.reviewDueAt),
    secondReviewDueAt: isoDate(doc.secondReviewDueAt),
  });
}

/** A party: its own side, its own registration's id and the outcome; nothing of the other partner. */
export function partyDisputeView(doc: DisputeDoc, side: 'disputing' | 'holder'): DisputeView {
  const { decision } = doc;
  return withoutEmpty({
    id: doc._id,
    status: doc.status,
    level: doc.level,
    side,
    ground: doc.ground,
    registrationId: side === 'disputing' ? doc.registrationId : (doc.holderId as string),
    claim: side === 'disputing' ? sideView(doc.claim, false) : undefined,
    response: side === 'holder' ? sideView(doc.response, false) : undefined,
    decision: decision
      ? withoutEmpty({
          outcome: decision.outcome,
          reason: decision.reason,
          by: { kind: decision.by.kind },
          at: decision.at,
        })
      : undefined,
    policyVersion: doc.policyVersion,
    createdAt: isoDate(doc.createdAt) as string,
    responseDueAt: side === 'holder' ? isoDate(doc.responseDueAt) : undefined,
  });
}
