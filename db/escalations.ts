import { model, Schema } from 'mongoose';
import type { ReasonCode } from '../domain/registration';
import type { EscalationContenderView, EscalationResolutionSummary } from '../workflows/definitions';
import { insertOnce } from './insert-once';
import { type Bucketing, listingKeys } from './listing';

/** A contender as the escalation workflow knows it (the document is that workflow's projection). */
export type EscalationContender = EscalationContenderView;
export type EscalationResolution = EscalationResolutionSummary;

export interface EscalationDoc {
  _id: string;
  /** `open` takes contenders; `resolved` is decided. */
  status: 'open' | 'resolved';
  /** What the escalation decides: a contested (or unrouted / off-route) registration, or an extension. */
  subject: 'registration' | 'extension';
  reasonCode: ReasonCode;
  contenders: EscalationContender[];
  policyVersion: number;
  createdAt: Date;
  reviewDueAt: Date;
  secondReviewDueAt: Date;
  /** 1 until the first review deadline passes, then 2 (the channel managers are reminded). */
  level: 1 | 2;
  remindersSent: number;
  resolution?: EscalationResolution & {
    reason: string;
    by: { kind: 'channel-manager' | 'deadline' | 'system'; id?: string };
    at: Date;
  };
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

/** For escalations stored before the floor existed (db/upgrade.ts). */
export async function markEscalationListFloor(at: Date): Promise<void> {
  await ListFloor.updateOne({ _id: FLOOR_ID }, { $min: { at } }, { upsert: true }).exec();
}

export async function saveEscalation(doc: EscalationDoc): Promise<void> {
  if (!floorKnownIn.has(ListFloor.db.name)) {
    await insertOnce(ListFloor, { _id: FLOOR_ID, at: doc.createdAt });
    floorKnownIn.add(ListFloor.db.name);
  }
  const listKeys = listingKeys({ status: doc.status }, doc.createdAt.getTime(), escalationBucketing);
  await Escalation.replaceOne({ _id: doc._id }, { ...doc, listKeys }, { upsert: true }).exec();
}
