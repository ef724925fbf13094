import type { EscalationDoc } from '../../db/escalations';
import { Reseller, type ResellerDoc } from '../../db/partners';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { sellerOfParty } from '../../domain/direct';
import { isoDate } from '../schemas/common';
import type { EscalationView } from '../schemas/escalation';
import { withoutEmpty } from './clean';

/** What a contender shows of its registration. */
type Shown = Pick<RegistrationDoc, 'status' | 'customer' | 'opportunity' | 'program' | 'submittedAt' | 'accountId'>;

/**
 * Escalations with their contenders side by side. Registrations and resellers are point reads by
 * `_id`, each read once per page and all at once (a `$in` is served by no index on FerretDB).
 */
export async function escalationViews(docs: EscalationDoc[]): Promise<EscalationView[]> {
  const registrationIds = [...new Set(docs.flatMap((doc) => (doc.contenders ?? []).map((c) => c.registrationId)))];
  const resellerIds = [...new Set(docs.flatMap((doc) => (doc.contenders ?? []).map((c) => c.resellerId)))];
  const [registrations, resellers] = await Promise.all([
    Promise.all(
      registrationIds.map((id) =>
        Registration.findById(id)
          .select({ status: 1, customer: 1, opportunity: 1, program: 1, submittedAt: 1, accountId: 1 })
          .lean<Shown & Pick<RegistrationDoc, '_id'>>()
          .exec(),
      ),
    ),
    Promise.all(resellerIds.map((id) => Reseller.findById(id).lean<ResellerDoc>().exec())),
  ]);
  const byId = new Map(registrations.flatMap((r) => (r ? [[r._id, r] as const] : [])));
  const resellerNames = new Map(resellers.flatMap((r) => (r ? [[r._id, r.name] as const] : [])));
  return docs.map((doc) => escalationView(doc, byId, resellerNames));
}

function escalationView(
  doc: EscalationDoc,
  registrations: Map<string, Shown>,
  resellerNames: Map<string, string>,
): EscalationView {
  const resolution = doc.resolution;
  return withoutEmpty({
    id: doc._id,
    status: doc.status,
    subject: doc.subject,
    reasonCode: doc.reasonCode,
    level: doc.level,
    policyVersion: doc.policyVersion,
    createdAt: isoDate(doc.createdAt) as string,
    reviewDueAt: isoDate(doc.reviewDueAt) as string,
    secondReviewDueAt: isoDate(doc.secondReviewDueAt) as string,
    contenders: (doc.contenders ?? []).map((contender) => {
      const registration = registrations.get(contender.registrationId);
      return withoutEmpty({
        registrationId: contender.registrationId,
        role: contender.role,
        resellerId: contender.resellerId,
        resellerName: resellerNames.get(contender.resellerId),
        distributorId: contender.distributorId,
        // A vendor seller's direct opportunity: "direct" to the channel managers, with its seller.
        ...(sellerOfParty(contender.resellerId) !== undefined && {
          direct: true as const,
          sellerId: sellerOfParty(contender.resellerId),
        }),
        sequence: contender.sequence,
        submittedAt: isoDate(registration?.submittedAt),
        status: registration?.status,
        customer: registration?.customer,
        title: registration?.opportunity.title,
        productLines: registration?.opportunity.productLines,
        estimatedValue: registration?.opportunity.estimatedValue,
        program: registration?.program,
        accountId: registration?.accountId,
        match: contender.match,
        matchedWith: contender.matchedWith,
        joinedAt: isoDate(contender.joinedAt),
      });
    }),
    resolution: resolution
      ? withoutEmpty({
          kind: resolution.kind,
          registrationId: 'registrationId' in resolution ? resolution.registrationId : undefined,
          reason: resolution.reason,
          by: withoutEmpty({ kind: resolution.by.kind, id: resolution.by.id }),
          actor: resolution.actor ? withoutEmpty({ kind: resolution.actor.kind, id: resolution.actor.id }) : undefined,
          at: isoDate(resolution.at) as string,
        })
      : undefined,
  });
}
