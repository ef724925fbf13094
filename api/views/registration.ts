import { type DecisionRecord, type RegistrationDoc, sellersConcerned } from '../../db/registrations';
import { declaredOtherwise } from '../../domain/accounts/registration-account';
import type { Actor } from '../../domain/actor';
import { type Audience, currentPartnerExplanation, partnerExplanation, renderTrace } from '../../domain/allocation';
import { type Caller, isStaff } from '../route-spec';
import type { ActorView } from '../schemas/actor';
import { isoDate } from '../schemas/common';
import type { RegistrationView } from '../schemas/registration';
import { withoutEmpty } from './clean';

/**
 * Staff see everything; a partner (reseller or distributor) sees the partner wording and a redacted
 * trace, worded for it, so that no other partner's registration, name or id reaches it.
 */
export type ViewAudience = Audience;
export function audienceOf(caller: Caller): ViewAudience {
  // A seller is vendor staff too: it may see which partners work its accounts.
  if (isStaff(caller) || caller.role === 'sales') return 'staff';
  return caller.role === 'distributor' ? { distributor: caller.distributorId ?? '' } : 'reseller';
}

/** Whether the caller may know that this registration exists (otherwise it answers 404). */
export function canSee(
  caller: Caller,
  doc: Pick<RegistrationDoc, 'resellerId' | 'distributorId' | 'sequence' | 'account' | 'sellerId'>,
): boolean {
  // Without a sequence it was never accepted (no 202 was sent): it does not exist for anyone yet.
  if (doc.sequence === undefined || doc.sequence === null) return false;
  switch (caller.role) {
    case 'reseller':
      return doc.resellerId === caller.resellerId;
    case 'distributor':
      return doc.distributorId === caller.distributorId;
    case 'sales':
      return caller.sellerId !== undefined && sellersConcerned(doc).includes(caller.sellerId);
    default:
      return true;
  }
}

/** Names the actors of what is shown (api/… passes one from services/actor-names.ts); ids alone without it. */
type Namer = (actor?: Actor) => ActorView | undefined;
const byId: Namer = (actor) => (actor ? withoutEmpty({ kind: actor.kind, id: actor.id }) : undefined);

function decisionView(
  record: DecisionRecord,
  audience: ViewAudience,
  named: Namer,
): RegistrationView['decisions'][number] {
  const staff = audience === 'staff';
  return withoutEmpty({
    at: record.at,
    kind: record.kind,
    fromStatus: record.fromStatus,
    toStatus: record.toStatus,
    reasonCode: record.reasonCode,
    explanation: audience === 'staff' ? record.explanation : partnerExplanation(record, audience),
    trace: renderTrace(record.trace ?? [], audience),
    policyVersion: record.policyVersion,
    // Who at the vendor decided is staff business; partners learn only what kind of decision it was.
    decidedBy: staff
      ? withoutEmpty({ kind: record.decidedBy.kind, id: record.decidedBy.id })
      : { kind: record.decidedBy.kind },
    actor: staff ? named(record.actor) : undefined,
    protectedUntil: record.protectedUntil,
    matches: staff ? (record.matches ?? []) : undefined,
    escalationId: staff ? record.escalationId : undefined,
    closing: record.closing,
    change: record.change,
    account: staff ? record.account : undefined,
    transfer: staff ? record.transfer : undefined,
    dispute: record.dispute && (staff ? record.dispute : { id: record.dispute.id, outcome: record.dispute.outcome }),
    hash: record.hash,
    prevHash: record.prevHash,
  });
}

function accountFieldsView(doc: RegistrationDoc) {
  const differing = declaredOtherwise(doc);
  return {
    accountId: doc.accountId,
    account: doc.account,
    declared: doc.declared,
    declaredOtherwise: differing.length > 0 ? differing : undefined,
    accountCandidates: doc.accountCandidates?.length ? doc.accountCandidates : undefined,
  };
}

/** The contract's registration JSON; internal fields (request hash, lookup keys, idempotency key) never leave. */
export function registrationView(doc: RegistrationDoc, audience: ViewAudience, named: Namer = byId): RegistrationView {
  const staff = audience === 'staff';
  return withoutEmpty({
    id: doc._id,
    status: doc.status,
    reasonCode: doc.reasonCode,
    explanation: audience === 'staff' ? doc.explanation : currentPartnerExplanation(doc, audience),
    // A direct opportunity names its seller instead of partners (only staff and the seller read one).
    ...(doc.sellerId !== undefined
      ? { direct: true as const, sellerId: doc.sellerId }
      : { resellerId: doc.resellerId, distributorId: doc.distributorId }),
    customer: doc.customer,
    opportunity: doc.opportunity,
    program: doc.program,
    // The vendor's account and what it overrode are the vendor's (its owner above all): staff only.
    ...(staff && accountFieldsView(doc)),
    submittedAt: isoDate(doc.submittedAt) as string,
    sequence: doc.sequence as number,
    decidedAt: isoDate(doc.decidedAt),
    protectedUntil: isoDate(doc.protectedUntil),
    extensionsUsed: doc.extensionsUsed ?? 0,
    policyVersion: doc.policyVersion,
    escalationId: staff ? doc.escalationId : undefined,
    endedAt: isoDate(doc.endedAt),
    enteredBy: !doc.enteredBy
      ? undefined
      : staff
        ? withoutEmpty({
            ...(named(doc.enteredBy) as ActorView),
            onBehalfOf: doc.enteredBy.onBehalfOf,
          })
        : // A partner learns that its distributor entered it (its own distributor), never who at it did.
          doc.enteredBy.onBehalfOf
          ? { kind: doc.enteredBy.kind, onBehalfOf: doc.enteredBy.onBehalfOf }
          : undefined,
    arrival: staff && doc.arrival ? arrivalView(doc.arrival) : undefined,
    transferredFrom: staff ? doc.transferredFrom : undefined,
    decisions: (doc.decisions ?? []).map((record) => decisionView(record, audience, named)),
  });
}

function arrivalView({ importId, row, status, protectedUntil, note }: NonNullable<RegistrationDoc['arrival']>) {
  return withoutEmpty({ importId, row, status, protectedUntil, note });
}
