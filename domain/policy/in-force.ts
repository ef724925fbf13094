import type { PolicyVersion } from './schema';

type Scheduled = Pick<PolicyVersion, 'version' | 'effectiveFrom' | 'cancelledAt'>;

const takesForceBy = (version: Scheduled, at: Date) =>
  version.cancelledAt === undefined && version.effectiveFrom.getTime() <= at.getTime();

/**
 * The policy in force at `at`: the highest version that is not cancelled and whose `effectiveFrom`
 * has come. A higher version still waiting does not displace a lower one already in force.
 */
export function policyInForceAt<V extends Scheduled>(versions: readonly V[], at: Date): V | undefined {
  let found: V | undefined;
  for (const version of versions) {
    if (takesForceBy(version, at) && (!found || version.version > found.version)) found = version;
  }
  return found;
}

/** The change scheduled after `at` (not cancelled, not yet in force), if any: the lowest such version. */
export function upcomingPolicyAt<V extends Scheduled>(versions: readonly V[], at: Date): V | undefined {
  const inForce = policyInForceAt(versions, at);
  let found: V | undefined;
  for (const version of versions) {
    if (version.cancelledAt !== undefined || version.effectiveFrom.getTime() <= at.getTime()) continue;
    if (inForce && version.version < inForce.version) continue;
    if (!found || version.version < found.version) found = version;
  }
  return found;
}

/**
 * Whether a version is settled at `at`: cancelled, or in force already. Nothing about a settled
 * version can change any more, so a process may keep it for good; a waiting one may still be cancelled.
 */
export const isSettled = (version: Scheduled, at: Date): boolean =>
  version.cancelledAt !== undefined || version.effectiveFrom.getTime() <= at.getTime();

/** What partners are told of a scheduled version: it is coming, it is in force, or it will not come. */
export type PolicyAnnouncement = 'policy.scheduled' | 'policy.effective' | 'policy.cancelled';
