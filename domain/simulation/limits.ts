import { type LimitName, limitsFor, type Policy } from '../policy/schema';
import { type PartnerType, partnerTypes } from '../registration';
import type { LimitHit, RegistrationSnapshot } from './types';

const DAY_MS = 86_400_000;

/**
 * The candidate's limits applied during a replay, as production applies them at submission: a
 * registration over its reseller's active limit is refused first, then one over the day's count;
 * a refused one is not stored, so it counts towards neither. Active means held by what the replay
 * approved or escalated until its release time.
 */
export class LimitTracker {
  private readonly activeReleases = new Map<string, number[]>();
  private readonly submittedPerDay = new Map<string, number>();
  private readonly hits = new Map<string, LimitHit>();
  /** Each partner type's limits, read once for the whole replay. */
  private readonly limitsByType: ReadonlyMap<PartnerType, ReturnType<typeof limitsFor>>;
  /** Counting only what some partner type's limit reads: without limits, a replay counts nothing. */
  private readonly counts: { active: boolean; daily: boolean };

  constructor(policy: Policy) {
    this.limitsByType = new Map(partnerTypes.map((type) => [type, limitsFor(policy.limits, type)]));
    const all = [...this.limitsByType.values()];
    this.counts = {
      active: all.some((limits) => limits.activePerReseller !== undefined),
      daily: all.some((limits) => limits.submissionsPerResellerPerDay !== undefined),
    };
  }

  /** The limit that would have refused this submission, if any. */
  refusal(snapshot: RegistrationSnapshot, submittedAt: number): LimitName | undefined {
    // A direct opportunity counts against no limit.
    if (snapshot.partnerType === 'direct') return undefined;
    const limits = this.limitsByType.get(snapshot.partnerType)!;
    if (limits.activePerReseller !== undefined) {
      const live = (this.activeReleases.get(snapshot.resellerId) ?? []).filter((releaseAt) => releaseAt > submittedAt);
      this.activeReleases.set(snapshot.resellerId, live);
      if (live.length >= limits.activePerReseller) return this.hit(snapshot, 'activePerReseller', submittedAt);
    }
    if (
      limits.submissionsPerResellerPerDay !== undefined &&
      (this.submittedPerDay.get(dayKey(snapshot.resellerId, submittedAt)) ?? 0) >= limits.submissionsPerResellerPerDay
    ) {
      return this.hit(snapshot, 'submissionsPerResellerPerDay', submittedAt);
    }
    return undefined;
  }

  /** An accepted submission; `releaseAt` when it would hold (approved or escalated), until then. */
  admit(snapshot: RegistrationSnapshot, submittedAt: number, releaseAt: number | undefined): void {
    if (this.counts.daily) {
      const day = dayKey(snapshot.resellerId, submittedAt);
      this.submittedPerDay.set(day, (this.submittedPerDay.get(day) ?? 0) + 1);
    }
    if (releaseAt === undefined || !this.counts.active) return;
    const releases = this.activeReleases.get(snapshot.resellerId);
    if (releases) releases.push(releaseAt);
    else this.activeReleases.set(snapshot.resellerId, [releaseAt]);
  }

  report(): { refused: number; hits: LimitHit[] } {
    const hits = [...this.hits.values()].sort(
      (a, b) => a.resellerId.localeCompare(b.resellerId) || a.limit.localeCompare(b.limit),
    );
    return { refused: hits.reduce((sum, hit) => sum + hit.refused, 0), hits };
  }

  private hit(snapshot: RegistrationSnapshot, limit: LimitName, submittedAt: number): LimitName {
    const key = `${snapshot.resellerId}|${limit}`;
    const existing = this.hits.get(key);
    if (existing) existing.refused++;
    else
      this.hits.set(key, {
        resellerId: snapshot.resellerId,
        limit,
        refused: 1,
        firstRefusedAt: new Date(submittedAt).toISOString(),
      });
    return limit;
  }
}

const dayKey = (resellerId: string, at: number) => `${resellerId}|${Math.floor(at / DAY_MS)}`;
