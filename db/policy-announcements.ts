import { model, Schema } from 'mongoose';
import type { PolicyAnnouncement as PolicyAnnouncementMessage } from '../domain/policy/in-force';
import { insertOnce } from './insert-once';

export const policyAnnouncementTypes = [
  'policy.scheduled',
  'policy.effective',
  'policy.cancelled',
] as const satisfies readonly PolicyAnnouncementMessage[];
export type PolicyAnnouncementType = (typeof policyAnnouncementTypes)[number];

/**
 * That every partner was told of a policy version: written once, by the announcement's activity, after
 * the last partner's event was queued, so an administrator sees partners told, not a promise of it.
 */
export interface PolicyAnnouncementDoc {
  /** `v<version>:<type>`. */
  _id: string;
  version: number;
  type: PolicyAnnouncementType;
  /** Distributors and resellers told (each gets the event on its feed, and on its webhook if it has one). */
  partners: number;
  at: Date;
}

const schema = new Schema<PolicyAnnouncementDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    type: { type: String, required: true },
    partners: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const PolicyAnnouncement = model<PolicyAnnouncementDoc>('PolicyAnnouncement', schema, 'policyannouncements');

const idOf = (version: number, type: PolicyAnnouncementType) => `v${version}:${type}`;

/** A retried announcement finds its record and keeps the first. */
export async function recordPolicyAnnouncement(version: number, type: PolicyAnnouncementType, partners: number) {
  await insertOnce(PolicyAnnouncement, { _id: idOf(version, type), version, type, partners, at: new Date() });
}

/** The announcements of one version made so far, by point reads on `_id`. */
export async function announcementsOf(version: number): Promise<PolicyAnnouncementDoc[]> {
  const found = await Promise.all(
    policyAnnouncementTypes.map((type) =>
      PolicyAnnouncement.findById(idOf(version, type)).lean<PolicyAnnouncementDoc>().exec(),
    ),
  );
  return found.filter((doc): doc is PolicyAnnouncementDoc => doc !== null);
}
