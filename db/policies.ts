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
 * How long a process keeps a version that is still waiting to take force (it may yet be cancelled).
 * A version in force or cancelled never changes and is kept for good; new versions are never missed,
 * because the head is looked at on every read (see `latestNumber`).
 */
export const POLICY_FRESHNESS_MS = 1000;
/**
 * A scheduled change can be cancelled only while every process will have read the cancellation before
 * the change takes force (each rereads within POLICY_FRESHNESS_MS); the rest is room for clock skew.
 */
export const CANCEL_MARGIN_MS = POLICY_FRESHNESS_MS + 1000;

/**
 * Per database (so that a process that moves to another one never sees the first one's policies): the
 * highest version number this process knows exists, and the versions it read, with until when a
 * waiting one may be used.
 */
const known = new Map<string, { latest?: number; versions: Map<number, { version: PolicyVersion; until: number }> }>();
const database = () => PolicyModel.db.name;

function cacheOf(name = database()) {
  let cache = known.get(name);
  if (!cache) {
    cache = { versions: new Map() };
    known.set(name, cache);
  }
  return cache;
}

/**
 * The policy in force at `at` (default: now), by the rule of domain/policy/in-force.ts. Every call
 * looks at the head (one point read of the version after the latest known), so a version published
 * before the call started is seen in every process, at once: a submission whose request starts after
 * `PUT /policy` answered is decided under that version or a later one.
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
 * The versions that can still matter, newest first, down to the first one in force now: nothing below
 * it can take force again. Versions are few, and read by point reads (every store serves an `_id`
 * equality); only the head probe and a waiting version older than POLICY_FRESHNESS_MS reach the database.
 */
async function timeline(): Promise<PolicyVersion[]> {
  const now = new Date();
  const latest = await latestNumber();
  const versions: PolicyVersion[] = [];
  for (let number = latest; number >= 1; number -= 1) {
    const found = await keptVersion(number, now);
    if (!found) continue;
    versions.push(found);
    if (policyInForceAt([found], now)) break;
  }
  return versions;
}

/**
 * The highest version published, from the highest this process knew (the hint the first time) upward
 * by point reads: versions are dense and each is inserted before its publisher answers, so the first
 * missing one ends the walk and nothing published before the walk started is missed. With nothing new,
 * this is one read of a document that does not exist.
 */
async function latestNumber(): Promise<number> {
  const cache = cacheOf();
  let latest = cache.latest ?? (await latestHint.read());
  for (;;) {
    const next = await readVersion(latest + 1);
    if (!next) break;
    keep(next, new Date());
    latest += 1;
  }
  if (cache.latest === undefined || latest > cache.latest) cache.latest = latest;
  return cache.latest;
}

async function readVersion(version: number): Promise<PolicyVersion | undefined> {
  const doc = await PolicyModel.findById(policyDocId(version)).lean<PolicyDoc>().exec();
  return doc ? toVersion(doc) : undefined;
}

/** Settled versions (in force, or cancelled) never change again: kept for good. Waiting ones briefly. */
function keep(version: PolicyVersion, now: Date): void {
  const until = isSettled(version, now) ? Number.POSITIVE_INFINITY : now.getTime() + POLICY_FRESHNESS_MS;
  cacheOf().versions.set(version.version, { version, until });
}

async function keptVersion(number: number, now: Date): Promise<PolicyVersion | undefined> {
  const kept = cacheOf().versions.get(number);
  if (kept && kept.until > now.getTime()) return kept.version;
  const found = await readVersion(number);
  if (found) keep(found, now);
  return found;
}

export async function policyVersion(version: number): Promise<PolicyVersion | undefined> {
  return keptVersion(version, new Date());
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
    const version = (await latestNumber()) + 1;
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
  forgetWaitingVersions();
  const upcoming = upcomingPolicyAt(await timeline(), now);
  if (!upcoming) return { refused: 'none-scheduled' };
  if (upcoming.effectiveFrom.getTime() - now.getTime() < CANCEL_MARGIN_MS)
    return { refused: 'too-late', version: upcoming };
  await PolicyModel.updateOne(guardedById(policyDocId(upcoming.version), { cancelledAt: { $exists: false } }), {
    $set: { cancelledAt: now, ...(by ? { cancelledBy: by } : {}) },
  }).exec();
  forgetWaitingVersions();
  return { cancelled: (await policyVersion(upcoming.version)) ?? { ...upcoming, cancelledAt: now } };
}

/** Waiting versions are read again on next use (this process just changed one). */
function forgetWaitingVersions(): void {
  const { versions } = cacheOf();
  for (const [number, kept] of versions) if (kept.until !== Number.POSITIVE_INFINITY) versions.delete(number);
}

export async function recordLatest(version: number): Promise<void> {
  await latestHint.raise(version);
}
