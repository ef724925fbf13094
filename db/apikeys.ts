import { createHash, randomBytes } from 'node:crypto';
import { model, Schema } from 'mongoose';
import type { Actor } from '../domain/actor';

export const roles = ['reseller', 'distributor', 'channel-manager', 'auditor', 'admin', 'sales'] as const;
export type Role = (typeof roles)[number];

export interface ApiKeyDoc {
  /** sha256 of the key: the key itself is shown once and never stored. */
  _id: string;
  /** Short public handle (`key_…`) used in logs, audit records and revocation. */
  keyId: string;
  role: Role;
  resellerId?: string;
  distributorId?: string;
  /** A `sales` key's vendor seller. */
  sellerId?: string;
  label?: string;
  createdAt: Date;
  createdBy: string;
  /** Who created it (absent on keys created before actors were recorded, and on the bootstrap key). */
  actor?: Actor;
  revokedAt?: Date;
  revokedBy?: Actor;
}

const schema = new Schema<ApiKeyDoc>(
  {
    _id: { type: String, required: true },
    keyId: { type: String, required: true },
    role: { type: String, required: true },
    resellerId: String,
    distributorId: String,
    sellerId: String,
    label: String,
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    actor: { type: { kind: String, id: String }, _id: false },
    revokedAt: Date,
    revokedBy: { type: { kind: String, id: String }, _id: false },
  },
  { versionKey: false },
);
schema.index({ keyId: 1 }, { unique: true });

export const ApiKey = model<ApiKeyDoc>('ApiKey', schema, 'apikeys');

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): string {
  return `dr_${randomBytes(24).toString('base64url')}`;
}

export interface NewApiKey {
  role: Role;
  resellerId?: string;
  distributorId?: string;
  sellerId?: string;
  label?: string;
  createdBy: string;
  actor?: Actor;
  /** Use this key instead of generating one (the bootstrap admin key from the environment). */
  key?: string;
}

/** Stores a key's hash and returns the key once. */
export async function createApiKey(input: NewApiKey): Promise<{ key: string; keyId: string }> {
  const key = input.key ?? generateApiKey();
  // Random, not derived from the key: a published key id must tell nothing about the key.
  const keyId = `key_${randomBytes(6).toString('hex')}`;
  await ApiKey.create({
    _id: hashApiKey(key),
    keyId,
    role: input.role,
    resellerId: input.resellerId,
    distributorId: input.distributorId,
    sellerId: input.sellerId,
    label: input.label,
    createdAt: new Date(),
    createdBy: input.createdBy,
    ...(input.actor ? { actor: input.actor } : {}),
  });
  return { key, keyId };
}

/** The key that DEALREG_ADMIN_KEY bootstraps is marked by this creator. */
export const BOOTSTRAP_CREATOR = 'bootstrap';

/**
 * Revokes every bootstrap key but the one whose hash is given: replacing DEALREG_ADMIN_KEY must end the
 * old key. Bootstrap keys are few, so one equality filter on `createdBy` is cheap.
 */
export async function revokeOtherBootstrapKeys(currentHash: string): Promise<string[]> {
  const bootstrapKeys = await ApiKey.find({ createdBy: BOOTSTRAP_CREATOR }).lean<ApiKeyDoc[]>().exec();
  const stale = bootstrapKeys.filter((doc) => doc._id !== currentHash && !doc.revokedAt);
  await Promise.all(stale.map((doc) => ApiKey.updateOne({ _id: doc._id }, { $set: { revokedAt: new Date() } }).exec()));
  return stale.map((doc) => doc.keyId);
}

export async function findActiveApiKey(key: string): Promise<ApiKeyDoc | undefined> {
  const doc = await ApiKey.findById(hashApiKey(key)).lean<ApiKeyDoc>().exec();
  return doc && !doc.revokedAt ? doc : undefined;
}
