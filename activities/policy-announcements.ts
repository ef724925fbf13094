import { heartbeat } from '@temporalio/activity';
import { enqueueNotifications, opaqueId, type PartnerNotification } from '../db/outbox';
import { Distributor, type PartnerRef, Reseller } from '../db/partners';
import { allPolicyVersions, policyVersion } from '../db/policies';
import { recordPolicyAnnouncement } from '../db/policy-announcements';
import { policyInForceAt } from '../domain/policy/in-force';
import type { PolicyVersion } from '../domain/policy/schema';
import type { PolicyAnnouncement, PolicyChangeInput } from '../workflows/definitions';

/** Partners are told in small batches, so that a program with many resellers neither floods nor stalls. */
const BATCH = 20;

async function* everyPartner(): AsyncGenerator<PartnerRef> {
  for await (const doc of Distributor.find({}, { _id: 1 }).lean<{ _id: string }>().cursor()) {
    yield { kind: 'distributor', id: doc._id };
  }
  for await (const doc of Reseller.find({}, { _id: 1 }).lean<{ _id: string }>().cursor()) {
    yield { kind: 'reseller', id: doc._id };
  }
}

/**
 * Whether the version was the one in force at its own instant: not if it was cancelled, nor if a
 * higher version had taken force before it (two changes scheduled at once by concurrent publishers).
 * Read from every version, not from the cache, because the answer is sent to every partner.
 */
async function tookForce(version: PolicyVersion): Promise<boolean> {
  return policyInForceAt(await allPolicyVersions(), version.effectiveFrom)?.version === version.version;
}

/**
 * Tells every partner (event feed, and webhook if it has one) about a policy version. The event id
 * is derived from the version and the announcement, so a retry sends nothing twice. `policy.effective`
 * is sent only for a version that did take force; answers whether the announcement went out.
 */
export async function announcePolicyChange(input: PolicyChangeInput & { type: PolicyAnnouncement }): Promise<boolean> {
  const stored = await policyVersion(input.version);
  if (!stored) throw new Error(`policy version ${input.version} is not stored`);
  if (input.type === 'policy.effective' && !(await tookForce(stored))) return false;
  const eventId = opaqueId('evt', 'policy', String(input.version), input.type);
  const payload = {
    event: input.type,
    version: input.version,
    effectiveFrom: stored.effectiveFrom.toISOString(),
    guideUrl: input.guideUrl,
  };
  let batch: PartnerNotification[] = [];
  let told = 0;
  for await (const to of everyPartner()) {
    told += 1;
    batch.push({ eventId, to, type: input.type, payload });
    if (batch.length >= BATCH) {
      await enqueueNotifications(batch);
      batch = [];
      heartbeat();
    }
  }
  await enqueueNotifications(batch);
  await recordPolicyAnnouncement(input.version, input.type, told);
  return true;
}
