import { model, Schema } from 'mongoose';
import type { Policy, PolicyVersion } from '../domain/policy/schema';
import { numberHint } from './hints';
import { insertOnce } from './insert-once';

interface PolicyDoc {
  /** `v<version>`: versions are immutable and numbered 1, 2, 3, …; a string `_id` is what every store indexes. */
  _id: string;
  version: number;
  policy: Policy;
  createdAt: Date;
  createdBy: string;
}

export const PolicyModel = model<PolicyDoc>(
  'Policy',
  new Schema<PolicyDoc>(
    {
      _id: { type: String, required: true },
      version: { type: Number, required: true },
      policy: { type: Schema.Types.Mixed, required: true },
      createdAt: { type: Date, required: true },
      createdBy: { type: String, required: true },
    },
    { versionKey: false, minimize: false },
  ),
  'policies',
);

/** The latest version published, as a starting point: a lost update only means one more probe. */
const latestHint = numberHint('policyVersion');

export const policyDocId = (version: number): string => `v${version}`;

export const toVersion = (doc: PolicyDoc): PolicyVersion => ({
  version: doc.version,
  policy: doc.policy,
  createdAt: doc.createdAt,
  createdBy: doc.createdBy,
});

/**
 * How stale the policy in force may be in a process that did not publish it: a version published
 * through one API process reaches submissions through another within this bound.
 */
export const POLICY_FRESHNESS_MS = 1000;
/** Per database, so that a process that moves to another one never sees the first one's policy. */
const inForce = new Map<string, { policy: PolicyVersion | undefined; until: number }>();
const database = () => PolicyModel.db.name;

export async function currentPolicy(): Promise<PolicyVersion | undefined> {
  const cached = inForce.get(database());
  if (cached && cached.until > Date.now()) return cached.policy;
  const policy = await readLatest();
  inForce.set(database(), { policy, until: Date.now() + POLICY_FRESHNESS_MS });
  return policy;
}

/** From the hint upward by point reads: versions are dense, so the first missing one ends the walk. */
async function readLatest(): Promise<PolicyVersion | undefined> {
  const hint = await latestHint.read();
  let latest = hint > 0 ? await policyVersion(hint) : undefined;
  for (let version = hint + 1; ; version += 1) {
    const next = await policyVersion(version);
    if (!next) return latest;
    latest = next;
  }
}

/** Versions never change, so a read one stays good for the life of the process. */
const versions = new Map<string, PolicyVersion>();

export async function policyVersion(version: number): Promise<PolicyVersion | undefined> {
  const known = versions.get(`${database()}/${version}`);
  if (known) return known;
  const doc = await PolicyModel.findById(policyDocId(version)).lean<PolicyDoc>().exec();
  if (!doc) return undefined;
  const found = toVersion(doc);
  versions.set(`${database()}/${version}`, found);
  return found;
}

/** Every version, oldest first. Versions grow with rule changes, not with registrations. */
export async function allPolicyVersions(): Promise<PolicyVersion[]> {
  const docs = await PolicyModel.find().lean<PolicyDoc[]>().exec();
  return docs.map(toVersion).sort((a, b) => a.version - b.version);
}

/**
 * Publishes a new version. The unique `_id` makes two concurrent publishers collide instead of both
 * claiming the same number; the loser retries with the next number.
 */
export async function publishPolicy(policy: Policy, createdBy: string): Promise<PolicyVersion> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const version = ((await readLatest())?.version ?? 0) + 1;
    const doc: PolicyDoc = { _id: policyDocId(version), version, policy, createdAt: new Date(), createdBy };
    if (await insertOnce(PolicyModel, doc)) {
      await recordLatest(version);
      const published = toVersion(doc);
      inForce.set(database(), { policy: published, until: Date.now() + POLICY_FRESHNESS_MS });
      return published;
    }
  }
  throw new Error('could not publish the policy: too many concurrent publishers');
}

export async function recordLatest(version: number): Promise<void> {
  await latestHint.raise(version);
}

/** For tests that publish through another process or database: forget what this process read. */
export function forgetPolicies(): void {
  inForce.clear();
  versions.clear();
}
