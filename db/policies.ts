import { model, Schema } from 'mongoose';
import type { Actor } from '../domain/actor';
import { isSettled, policyInForceAt, upcomingPolicyAt } from '../domain/policy/in-force';
import type { Policy, PolicyVersion } from '../domain/policy/schema';
import { numberHint } from './hints';
import { insertOnce } from './insert-once';
import { guardedById } from './server-traits';

interface PolicyDoc {
  /** `v<version>`: versions are immutable and numbered 1, 2, 3, …; a string `_id` is what every store indexes. */
  _id: string;
  version: number;
  policy: Policy;
  createdAt: Date;
  createdBy: string;
  actor?: Actor;
  cancelledBy?: Actor;
  /** Absent on versions stored before changes could be scheduled: those took force at `createdAt`. */
  effectiveFrom?: Date;
  cancelledAt?: Date;
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
      actor: { type: { kind: String, id: String }, _id: false },
      cancelledBy: { type: { kind: String, id: String }, _id: false },
      effectiveFrom: Date,
      cancelledAt: Date,
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
  ...(doc.actor ? { actor: doc.actor } : {}),
  ...(doc.cancelledBy ? { cancelledBy: doc.cancelledBy } : {}),
  effectiveFrom: doc.effectiveFrom ?? doc.createdAt,
  ...(doc.cancelledAt ? { cancelledAt: doc.cancelledAt } : {}),
});

/**
 * How stale a process's list of versions may be when it did not publish or cancel them: a version
 * published through one API process reaches submissions through another within this bound. A change
 * scheduled further ahead than this takes force at its instant in every process, because the policy
 * in force is computed from the list and the current time, not cached itself.
 */
export const POLICY_FRESHNESS_MS = 1000;
/**
 * A scheduled change can be cancelled only while every process will have read the cancellation before
 * the change takes force (each rereads within POLICY_FRESHNESS_MS); the rest is room for clock skew.
 */
export const CANCEL_MARGIN_MS = POLICY_FRESHNESS_MS + 1000;

/**
 * Per database (so that a process that moves to another one never sees the first one's policies): the
 * versions that can still matter, newest first, down to the one in force when the list was read.
 */
const timelines = new Map<string, { versions: PolicyVersion[]; until: number }>();
const database = () => PolicyModel.db.name;

async function timeline(): Promise<PolicyVersion[]> {
  const cached = timelines.get(database());
  if (cached && cached.until > Date.now()) return cached.versions;
  const versions = await readTimeline();
  timelines.set(database(), { versions, until: Date.now() + POLICY_FRESHNESS_MS });
  return versions;
}

/**
 * The policy in force at `at` (default: now), by the rule of domain/policy/in-force.ts. What is
 * cached is the list of versions, so a scheduled change takes force exactly at its `effectiveFrom`.
 */
export async function currentPolicy(at: Date = new Date()): Promise<PolicyVersion | undefined> {
  return policyInForceAt(await timeline(), at);
}

/** The policy in force and the change scheduled after it, as of `at`. */
export async function policySchedule(
  at: Date = new Date(),
): Promise<{ inForce?: PolicyVersion; upcoming?: PolicyVersion }> {
  const versions = await timeline();
  return { inForce: policyInForceAt(versions, at), upcoming: upcomingPolicyAt(versions, at) };
}

/**
 * From the latest version downward by point reads (every store serves an `_id` equality), stopping at
 * the first one in force: nothing below it can take force again. Versions are few, and usually only
 * one or two are read.
 */
async function readTimeline(): Promise<PolicyVersion[]> {
  const now = new Date();
  const latest = await readLatestNumber();
  const versions: PolicyVersion[] = [];
  for (let version = latest; version >= 1; version -= 1) {
    const found = await policyVersion(version);
    if (!found) continue;
    versions.push(found);
    if (policyInForceAt([found], now)) break;
  }
  return versions;
}

/** From the hint upward by point reads: versions are dense, so the first missing one ends the walk. */
async function readLatestNumber(): Promise<number> {
  const hint = await latestHint.read();
  let latest = hint;
  for (let version = hint + 1; ; version += 1) {
    if (!(await PolicyModel.exists({ _id: policyDocId(version) }).exec())) return latest;
    latest = version;
  }
}

/** Settled versions (in force, or cancelled) never change again, so one read stays good for the process. */
const versions = new Map<string, PolicyVersion>();

export async function policyVersion(version: number): Promise<PolicyVersion | undefined> {
  const known = versions.get(`${database()}/${version}`);
  if (known) return known;
  const doc = await PolicyModel.findById(policyDocId(version)).lean<PolicyDoc>().exec();
  if (!doc) return undefined;
  const found = toVersion(doc);
  if (isSettled(found, new Date())) versions.set(`${database()}/${version}`, found);
  return found;
}

/** Every version, oldest first. Versions grow with rule changes, not with registrations. */
export async function allPolicyVersions(): Promise<PolicyVersion[]> {
  const docs = await PolicyModel.find().lean<PolicyDoc[]>().exec();
  return docs.map(toVersion).sort((a, b) => a.version - b.version);
}

/**
 * Publishes a new version, in force from `effectiveFrom` (default: now). The unique `_id` makes two
 * concurrent publishers collide instead of both claiming the same number; the loser retries with the
 * next number.
 */
export async function publishPolicy(
  policy: Policy,
  createdBy: string,
  effectiveFrom: Date = new Date(),
  actor?: Actor,
): Promise<PolicyVersion> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const version = (await readLatestNumber()) + 1;
    const createdAt = new Date();
    const doc: PolicyDoc = {
      _id: policyDocId(version),
      version,
      policy,
      createdAt,
      createdBy,
      ...(actor ? { actor } : {}),
      effectiveFrom: effectiveFrom < createdAt ? createdAt : effectiveFrom,
    };
    if (await insertOnce(PolicyModel, doc)) {
      await recordLatest(version);
      timelines.delete(database()); // this process uses it from its instant on, without waiting
      return toVersion(doc);
    }
  }
  throw new Error('could not publish the policy: too many concurrent publishers');
}

export type CancelAnswer =
  | { cancelled: PolicyVersion }
  | { refused: 'none-scheduled' }
  | { refused: 'too-late'; version: PolicyVersion };

/**
 * Cancels the scheduled change, if there is one and it is not about to take force (CANCEL_MARGIN_MS).
 * A cancelled version stays stored, marked, and never takes force.
 */
export async function cancelUpcomingPolicy(now: Date = new Date(), by?: Actor): Promise<CancelAnswer> {
  timelines.delete(database());
  const upcoming = upcomingPolicyAt(await timeline(), now);
  if (!upcoming) return { refused: 'none-scheduled' };
  if (upcoming.effectiveFrom.getTime() - now.getTime() < CANCEL_MARGIN_MS)
    return { refused: 'too-late', version: upcoming };
  await PolicyModel.updateOne(guardedById(policyDocId(upcoming.version), { cancelledAt: { $exists: false } }), {
    $set: { cancelledAt: now, ...(by ? { cancelledBy: by } : {}) },
  }).exec();
  timelines.delete(database());
  versions.delete(`${database()}/${upcoming.version}`);
  return { cancelled: (await policyVersion(upcoming.version)) ?? { ...upcoming, cancelledAt: now } };
}

export async function recordLatest(version: number): Promise<void> {
  await latestHint.raise(version);
}
