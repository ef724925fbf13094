import { buildSeries, daysBetween, type InsightBucket, type InsightPoint } from '../domain/insights/aggregate';
import type { InsightGrouping } from '../domain/insights/facts';
import { readDays } from './insights';
import { allPolicyVersions } from './policies';

export interface InsightsRequest {
  from: string;
  to: string;
  bucket: InsightBucket;
  groupBy?: InsightGrouping | undefined;
}

export interface InsightsAnswer {
  series: InsightPoint[];
  policyChanges: Array<{ version: number; effectiveFrom: string }>;
}

/** GET /insights: every day of the period read by equality (rollup or live facts), merged here. */
export async function readInsights(request: InsightsRequest, now = Date.now()): Promise<InsightsAnswer> {
  const [days, versions] = await Promise.all([
    readDays(daysBetween(request.from, request.to), now),
    allPolicyVersions(),
  ]);
  return {
    series: buildSeries(days, request.bucket, request.groupBy),
    // A version scheduled ahead carries when it takes force; one published before scheduling existed took force when published.
    policyChanges: versions.map((v) => ({
      version: v.version,
      effectiveFrom: new Date((v as { effectiveFrom?: Date | string }).effectiveFrom ?? v.createdAt).toISOString(),
    })),
  };
}
