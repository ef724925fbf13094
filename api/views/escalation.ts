import type { EscalationDoc } from '../../db/escalations';
import { Reseller, type ResellerDoc } from '../../db/partners';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { isoDate } from '../schemas/common';
import type { EscalationView } from '../schemas/escalation';
import { withoutEmpty } from './clean';

/**
 * Escalations with their contenders side by side. Registrations and resellers are read by `_id`
 * in one query each for the whole page, never one query per contender.
 */
export async function escalationViews(docs: EscalationDoc[]): Promise<EscalationView[]> {
  const registrationIds = [...new Set(docs.flatMap((doc) => (doc.contenders ?? []).map((c) => c.registrationId)))];
  const registrations = await Registration.find({ _id: { $in: registrationIds } })
    .select({ status: 1, customer: 1, opportunity: 1, program: 1, submittedAt: 1 })
    .lean<Pick<RegistrationDoc, '_id' | 'status' | 'customer' | 'opportunity' | 'program' | 'submittedAt'>[]>()
    .exec();
  const byId = new Map(registrations.map((r) => [r._id, r]));
  const resellerIds = [...new Set(docs.flatMap((doc) => (doc.contenders ?? []).map((c) => c.resellerId)))];
  const resellers = await Reseller.find({ _id: { $in: resellerIds } })
    .lean<ResellerDoc[]>()
    .exec();
  const resellerNames = new Map(resellers.map((r) => [r._id, r.name]));
  return docs.map((doc) => escalationView(doc, byId, resellerNames));
}

function escalationView(
  doc: EscalationDoc,
  registrations: Map<string, Pick<RegistrationDoc, 'status' | 'customer' | 'opportunity' | 'program' | 'submittedAt'>>,
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
        sequence: contender.sequence,
        submittedAt: isoDate(registration?.submittedAt),
        status: registration?.status,
        customer: registration?.customer,
        title: registration?.opportunity.title,
        productLines: registration?.opportunity.productLines,
        estimatedValue: registration?.opportunity.estimatedValue,
        program: registration?.program,
        match: contender.match,
        joinedAt: isoDate(contender.joinedAt),
      });
    }),
    resolution: resolution
      ? withoutEmpty({
          kind: resolution.kind,
          registrationId: 'registrationId' in resolution ? resolution.registrationId : undefined,
          reason: resolution.reason,
          by: withoutEmpty({ kind: resolution.by.kind, id: resolution.by.id }),
          at: isoDate(resolution.at) as string,
        })
      : undefined,
  });
}
