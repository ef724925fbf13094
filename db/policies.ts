import { model, Schema } from 'mongoose';
import type { Policy, PolicyVersion } from '../domain/policy/schema';
import { isDuplicateKey } from './insert-once';

interface PolicyDoc {
  /** The version number: versions are immutable and numbered 1, 2, 3, … */
  _id: number;
  policy: Policy;
  createdAt: Date;
  createdBy: string;
}

const PolicyModel = model<PolicyDoc>(
  'Policy',
  new Schema<PolicyDoc>(
    {
      _id: { type: Number, required: true },
      policy: { type: Schema.Types.Mixed, required: true },
      createdAt: { type: Date, required: true },
      createdBy: { type: String, required: true },
    },
    { versionKey: false, minimize: false },
  ),
  'policies',
);

const toVersion = (doc: PolicyDoc): PolicyVersion => ({
  version: doc._id,
  policy: doc.policy,
  createdAt: doc.createdAt,
  createdBy: doc.createdBy,
});

export async function currentPolicy(): Promise<PolicyVersion | undefined> {
  const doc = await PolicyModel.findOne().sort({ _id: -1 }).lean<PolicyDoc>().exec();
  return doc ? toVersion(doc) : undefined;
}

export async function policyVersion(version: number): Promise<PolicyVersion | undefined> {
  const doc = await PolicyModel.findById(version).lean<PolicyDoc>().exec();
  return doc ? toVersion(doc) : undefined;
}

export async function allPolicyVersions(): Promise<PolicyVersion[]> {
  const docs = await PolicyModel.find().sort({ _id: 1 }).lean<PolicyDoc[]>().exec();
  return docs.map(toVersion);
}

/**
 * Publishes a new version. The unique `_id` makes two concurrent publishers collide instead of both
 * claiming the same number; the loser retries with the next number.
 */
export async function publishPolicy(policy: Policy, createdBy: string): Promise<PolicyVersion> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const version = ((await currentPolicy())?.version ?? 0) + 1;
    try {
      const doc = await PolicyModel.create({ _id: version, policy, createdAt: new Date(), createdBy });
      return toVersion(doc.toObject());
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error('could not publish the policy: too many concurrent publishers');
}
