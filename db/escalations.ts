import { model, Schema } from 'mongoose';
import type { MatchBasis, MatchStrength } from '../domain/allocation/types';
import type { ReasonCode } from '../domain/registration';

export interface EscalationContender {
  registrationId: string;
  resellerId: string;
  distributorId: string;
  sequence: number;
  /** `holder`: already approved, shown for comparison; `contender`: waiting for this escalation. */
  role: 'holder' | 'contender';
  match?: { strength: MatchStrength; basis: MatchBasis; score: number; withRegistrationId: string };
  joinedAt: Date;
}

export type EscalationResolution =
  | { kind: 'award'; registrationId: string }
  | { kind: 'reject-all' }
  | { kind: 'distinct' };

export interface EscalationDoc {
  _id: string;
  /** `open` takes new contenders; `closing` is being resolved (no more joins); `resolved` is done. */
  status: 'open' | 'closing' | 'resolved';
  /** What the escalation decides: a contested (or unrouted / off-route) registration, or an extension. */
  subject: 'registration' | 'extension';
  reasonCode: ReasonCode;
  contenders: EscalationContender[];
  /** The contenders' registration ids: a plain array, because `$ne` on a path into an array of
   *  subdocuments is not portable (FerretDB matches it when any element differs). */
  contenderIds: string[];
  policyVersion: number;
  createdAt: Date;
  reviewDueAt: Date;
  secondReviewDueAt: Date;
  /** 1 until the first review deadline passes, then 2 (a senior reviewer is reminded). */
  level: 1 | 2;
  remindersSent: number;
  resolution?: (EscalationResolution | { kind: 'moot' }) & {
    reason: string;
    by: { kind: 'channel-manager' | 'deadline' | 'system'; id?: string };
    at: Date;
  };
  workflowId: string;
  updatedAt: Date;
}

const schema = new Schema<EscalationDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    subject: { type: String, required: true },
    reasonCode: { type: String, required: true },
    contenders: { type: Schema.Types.Mixed, default: [] },
    contenderIds: { type: [String], default: [] },
    policyVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    reviewDueAt: { type: Date, required: true },
    secondReviewDueAt: { type: Date, required: true },
    level: { type: Number, required: true, default: 1 },
    remindersSent: { type: Number, required: true, default: 0 },
    resolution: Schema.Types.Mixed,
    workflowId: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
schema.index({ status: 1, secondReviewDueAt: 1 });

export const Escalation = model<EscalationDoc>('Escalation', schema, 'escalations');
