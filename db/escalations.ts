import { model, Schema } from 'mongoose';
import type { EscalationContenderView, EscalationSubject } from '../domain/escalation-plan';
import type { Actor, EscalationResolutionSummary } from '../domain/lifecycle-entries';
import type { ReasonCode } from '../domain/registration';
import { insertOnce } from './insert-once';
import { type Bucketing, listingKeys } from './listing';
import { guardedById } from './server-traits';

/** A contender as the escalation workflow knows it (the document is that workflow's projection). */
export type EscalationContender = EscalationContenderView;
export type EscalationResolution = EscalationResolutionSummary;

/** How an escalation was resolved, by whom and when (`At`: a Date when stored, ISO text in a workflow). */
export type EscalationResolutionRecord<At = Date> = EscalationResolution & {
  reason: string;
  by: { kind: 'channel-manager' | 'deadline' | 'system'; id?: string };
  actor: Actor;
  at: At;
};

export interface EscalationDoc {
  _id: string;
  /** `open` takes contenders; `resolved` is decided. */
  status: 'open' | 'resolved';
  /** What the escalation decides: a contested (or unrouted / off-route) registration, or an extension. */
  subject: EscalationSubject;
  reasonCode: ReasonCode;
  contenders: EscalationContender[];
  policyVersion: number;
  createdAt: Date;
  reviewDueAt: Date;
  secondReviewDueAt: Date;
  /** 1 until the first review deadline passes, then 2 (the channel managers are reminded). */
  level: 1 | 2;
  remindersSent: number;
  resolution?: EscalationResolutionRecord;
  /** Grows with every state its workflow saves: an older state arriving late is not written over a newer. */
  revision: number;
  workflowId: string;
  updatedAt: Date;
  /** Where list pages find it (db/listing.ts). */
  listKeys?: string[];
}

const schema = new Schema<EscalationDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    subject: { type: String, required: true },
    reasonCode: { type: String, required: true },
    contenders: { type: Schema.Types.Mixed, default: [] },
    policyVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    reviewDueAt: { type: Date, required: true },
    secondReviewDueAt: { type: Date, required: true },
    level: { type: Number, required: true, default: 1 },
    remindersSent: { type: Number, required: true, default: 0 },
    resolution: Schema.Types.Mixed,
    revision: { type: Number, required: true, default: 0 },
    workflowId: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    listKeys: { type: [String], default: undefined },
  },
  { versionKey: false, minimize: false },
);
schema.index({ status: 1, secondReviewDueAt: 1 });
schema.index({ listKeys: 1 });

/** A day of creation per bucket; a page looks a month back at most. */
export const escalationBucketing: Bucketing = { width: 24 * 3600 * 1000, maxBuckets: 31, parallel: 8 };

/**
 * A projection of an escalation workflow's state, written only by that workflow (one writer per
 * document), so that lists and the console can read escalations without asking Temporal for each.
 */
export const Escalation = model<EscalationDoc>('Escalation', schema, 'escalations');

/** The day of the first escalation, so that list pages stop there instead of walking back to 1970. */
const ListFloor = model<{ _id: string; at: Date }>(
  'EscalationListFloor',
  new Schema<{ _id: string; at: Date }>({ _id: String, at: Date }, { versionKey: false }),
  'counters',
);
const FLOOR_ID = 'escalationsSince';
const floorKnownIn = new Set<string>();

/** The earliest creation time a listed escalation can have (the first one's day, a day early for safety). */
export async function escalationListFloor(): Promise<number | undefined> {
  const floor = await ListFloor.findById(FLOOR_ID).lean<{ at: Date }>().exec();
  return floor ? floor.at.getTime() - escalationBucketing.width : undefined;
}

/**
 * Writes the workflow's state unless a later one is stored already. The workflow saves one state at a
 * time, but an attempt that outlived its timeout may land after the next: the revision keeps it from
 * writing over it (checked atomically on MongoDB; on FerretDB by the read before, see db/server-traits.ts).
 */
export async function saveEscalation(doc: EscalationDoc): Promise<boolean> {
  if (!floorKnownIn.has(ListFloor.db.name)) {
    await insertOnce(ListFloor, { _id: FLOOR_ID, at: doc.createdAt });
    floorKnownIn.add(ListFloor.db.name);
  }
  const stored = {
    ...doc,
    listKeys: listingKeys({ status: doc.status }, doc.createdAt.getTime(), escalationBucketing),
  };
  const storedRevision = async () =>
    (await Escalation.findById(doc._id, { revision: 1 }).lean<Pick<EscalationDoc, 'revision'>>().exec())?.revision;
  let revision = await storedRevision();
  if (revision === undefined) {
    if (await insertOnce(Escalation, stored)) return true;
    revision = await storedRevision();
  }
  if ((revision ?? 0) >= doc.revision) return false;
  const { matchedCount } = await Escalation.replaceOne(
    guardedById(doc._id, { revision: { $lt: doc.revision } }),
    stored,
  ).exec();
  return matchedCount > 0;
}
