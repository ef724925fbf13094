import {
  buildSeries,
  type DayRow,
  daysBetween,
  groupRows,
  type InsightBucket,
  type InsightPoint,
} from '../domain/insights/aggregate';
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

/**
 * A closed day's rows are one array for as long as its rollup is kept in memory (db/insights.ts), and
 * never change: their grouped form is kept with them, and goes when they go.
 */
const grouped = new WeakMap<readonly DayRow[], Map<string, DayRow[]>>();

function groupedRows(rows: readonly DayRow[], groupBy: InsightGrouping | undefined): DayRow[] {
  let byGrouping = grouped.get(rows);
  if (!byGrouping) {
    byGrouping = new Map();
    grouped.set(rows, byGrouping);
  }
  const key = groupBy ?? 'all';
  let found = byGrouping.get(key);
  if (!found) {
    found = groupRows(rows, groupBy);
    byGrouping.set(key, found);
  }
  return found;
}

/** GET /insights: every day of the period read by equality (rollup or live facts), merged here. */
export async function readInsights(request: InsightsRequest, now = Date.now()): Promise<InsightsAnswer> {
  const [days, versions] = await Promise.all([
    readDays(daysBetween(request.from, request.to), now),
    allPolicyVersions(),
  ]);
  return {
    series: buildSeries(
      days.map(({ day, rows }) => ({ day, rows: groupedRows(rows, request.groupBy) })),
      request.bucket,
      request.groupBy,
    ),
    // A version scheduled ahead carries when it takes force; one published before scheduling existed took force when published.
    policyChanges: versions.map((v) => ({
      version: v.version,
      effectiveFrom: new Date((v as { effectiveFrom?: Date | string }).effectiveFrom ?? v.createdAt).toISOString(),
    })),
  };
}
