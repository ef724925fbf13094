import { model, Schema } from 'mongoose';
import type { DisputeDecision, DisputeGround, DisputeSide } from '../domain/dispute';
import { insertOnce } from './insert-once';
import { releaseHeldSlot, takeSlot } from './quota';
import { guardedById } from './server-traits';

/** A dispute as its workflow (`dispute-<id>`) last saved it: a projection, written by that workflow only. */
export interface DisputeDoc {
  _id: string;
  status: 'open' | 'decided';
  /** 1 until the first review deadline passes, then 2 (the channel managers are reminded). */
  level: 1 | 2;
  /** The disputing registration, and its partner. */
  registrationId: string;
  resellerId: string;
  distributorId: string;
  /** The registration that held the deal when the dispute opened, and its partner (absent: nobody held it). */
  holderId?: string;
  holderResellerId?: string;
  holderDistributorId?: string;
  ground: DisputeGround;
  claim: DisputeSide;
  response?: DisputeSide;
  decision?: DisputeDecision;
  policyVersion: number;
  createdAt: Date;
  /** The month (UTC, `YYYY-MM`) it counts against its reseller's monthly limit. */
  month: string;
  responseDueAt: Date;
  reviewDueAt: Date;
  secondReviewDueAt: Date;
  decidedAt?: Date;
  revision: number;
  workflowId: string;
  updatedAt: Date;
}

const schema = new Schema<DisputeDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    level: { type: Number, required: true },
    registrationId: { type: String, required: true },
    resellerId: { type: String, required: true },
    distributorId: { type: String, required: true },
    holderId: String,
    holderResellerId: String,
    holderDistributorId: String,
    ground: { type: String, required: true },
    claim: { type: Schema.Types.Mixed, required: true },
    response: Schema.Types.Mixed,
    decision: Schema.Types.Mixed,
    policyVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    month: { type: String, required: true },
    responseDueAt: { type: Date, required: true },
    reviewDueAt: { type: Date, required: true },
    secondReviewDueAt: { type: Date, required: true },
    decidedAt: Date,
    revision: { type: Number, required: true },
    workflowId: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
schema.index({ status: 1, createdAt: -1, _id: -1 });
schema.index({ createdAt: -1, _id: -1 });
schema.index({ resellerId: 1, month: 1 });
schema.index({ registrationId: 1 });
schema.index({ holderId: 1 });

export const Dispute = model<DisputeDoc>('Dispute', schema, 'disputes');

/**
 * The one open dispute of a registration, claimed by unique insert (`_id`: the registration) before its
 * workflow starts, and deleted by `_id` once it is decided: both writes FerretDB applies atomically.
 */
interface OpenDisputeClaim {
  _id: string;
  disputeId: string;
  at: Date;
}
const OpenDisputeClaimModel = model<OpenDisputeClaim>(
  'OpenDisputeClaim',
  new Schema<OpenDisputeClaim>({ _id: String, disputeId: String, at: Date }, { versionKey: false }),
  'open_dispute_claims',
);

export async function claimOpenDispute(registrationId: string, disputeId: string): Promise<boolean> {
  return insertOnce(OpenDisputeClaimModel, { _id: registrationId, disputeId, at: new Date() });
}

/** Frees the registration for a new dispute, if this dispute still holds the claim. */
export async function releaseOpenDispute(registrationId: string, disputeId: string): Promise<void> {
  const claim = await OpenDisputeClaimModel.findById(registrationId).lean<OpenDisputeClaim>().exec();
  if (claim?.disputeId === disputeId) await OpenDisputeClaimModel.deleteOne({ _id: registrationId }).exec();
}

/** A page of disputes (of a status, or all), newest first, after the one at `after` (keyset: time, then id). */
export async function disputePage(
  status: DisputeDoc['status'] | undefined,
  after: { before: string; id: string } | undefined,
  limit: number,
): Promise<{ items: DisputeDoc[]; last?: { before: string; id: string } }> {
  const at = after && new Date(after.before);
  const position = at ? { $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: after.id } }] } : {};
  const docs = await Dispute.find({ ...(status ? { status } : {}), ...position })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit + 1)
    .lean<DisputeDoc[]>()
    .exec();
  const items = docs.slice(0, limit);
  const tail = items.at(-1);
  return docs.length > limit && tail
    ? { items, last: { before: tail.createdAt.toISOString(), id: tail._id } }
    : { items };
}

/**
 * Counts a dispute against its reseller's month by taking a numbered slot (db/quota.ts): a unique insert,
 * so two disputes opened at once cannot both take the last one under a limit. False when the month is full;
 * without a limit it never is.
 */
export async function takeMonthlyDisputeSlot(
  resellerId: string,
  month: string,
  limit: number | undefined,
  disputeId: string,
): Promise<boolean> {
  const counter = {
    kind: 'dispute' as const,
    name: `${resellerId}|disputes|${month}`,
    limit: limit ?? Number.MAX_SAFE_INTEGER,
  };
  const taken = await takeSlot(counter, disputeId);
  return taken.outcome !== 'full';
}

/** Gives the slot back: the dispute was refused or failed to start, so it does not count. */
export function releaseMonthlyDisputeSlot(disputeId: string): Promise<void> {
  return releaseHeldSlot('dispute', disputeId);
}

/**
 * Writes the workflow's state unless a later one is stored already (an attempt that outlived its timeout
 * may land after the next one), as escalations do (db/escalations.ts).
 */
export async function saveDispute(doc: DisputeDoc): Promise<boolean> {
  const storedRevision = async () =>
    (await Dispute.findById(doc._id, { revision: 1 }).lean<Pick<DisputeDoc, 'revision'>>().exec())?.revision;
  let revision = await storedRevision();
  if (revision === undefined) {
    if (await insertOnce(Dispute, doc)) return true;
    revision = await storedRevision();
  }
  if ((revision ?? 0) >= doc.revision) return false;
  const { matchedCount } = await Dispute.replaceOne(
    guardedById(doc._id, { revision: { $lt: doc.revision } }),
    doc,
  ).exec();
  return matchedCount > 0;
}
