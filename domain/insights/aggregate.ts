import type { InsightDimensions, InsightFact, InsightGrouping } from './facts';

export const insightBuckets = ['day', 'week', 'month'] as const;
export type InsightBucket = (typeof insightBuckets)[number];

/** Durations by logarithmic bin (index → count): a day's or a year's percentiles cost the same to merge. */
export type DurationHistogram = Record<string, number>;

/**
 * One day's measures for one combination of dimensions. A closed day's rollup is a list of these, and
 * today's facts are summarized into the same shape, so the API merges both alike.
 */
export interface DayRow extends InsightDimensions {
  submitted: number;
  approved: number;
  rejected: Record<string, number>;
  escalated: Record<string, number>;
  conflicts: number;
  decisionMs: DurationHistogram;
  resolutionMs: DurationHistogram;
  missedDeadlines: number;
  expired: number;
  won: number;
  lost: number;
  /** Amounts won, per currency. */
  wonValue: Record<string, number>;
  /** Lost deals by reason. */
  lostReasons: Record<string, number>;
  /** Disputes opened, decided, and decided overturned; how long the decided ones were open. (Absent in older rollups.) */
  disputed?: number;
  disputesDecided?: number;
  overturned?: number;
  disputeResolutionMs?: DurationHistogram;
}

export interface InsightPoint {
  bucket: string;
  group: string;
  submitted: number;
  approved: number;
  rejected: Record<string, number>;
  escalated: Record<string, number>;
  conflictRate: number;
  escalationRate: number;
  decisionMs: Percentiles;
  resolutionMs: Percentiles;
  missedDeadlines: number;
  expired: number;
  won: number;
  lost: number;
  /** Won among the deals closed in the bucket; null when none closed. */
  winRate: number | null;
  wonValue: Record<string, number>;
  lostReasons: Record<string, number>;
  disputed: number;
  disputesDecided: number;
  overturned: number;
  /** Overturned among the disputes decided in the bucket; null when none was decided. */
  overturnRate: number | null;
  disputeResolutionMs: Percentiles;
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
}

/** Bins grow by 5%: a percentile read from one is within 2.5% of the exact value. */
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);

export function durationBin(ms: number): number {
  return ms < 1 ? 0 : 1 + Math.floor(Math.log(ms) / LOG_GROWTH);
}

/** The geometric middle of a bin [GROWTH^(i-1), GROWTH^i). */
export function binValue(bin: number): number {
  return bin === 0 ? 0 : Math.round(GROWTH ** (bin - 0.5));
}

/** Nearest-rank percentile (0 < q ≤ 1) of the durations a histogram holds; null when it holds none. */
export function percentileOf(histogram: DurationHistogram, q: number): number | null {
  const bins = Object.entries(histogram)
    .map(([bin, count]) => [Number(bin), count] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [bin, count] of bins) {
    seen += count;
    if (seen >= rank) return binValue(bin);
  }
  return binValue(bins.at(-1)?.[0] ?? 0);
}

const addTo = (target: Record<string, number>, key: string, n = 1) => {
  target[key] = (target[key] ?? 0) + n;
};
/** Runs for every row of every day a query reads (13,000 for a year at 1M): no entry arrays. */
const mergeInto = (target: Record<string, number>, source: Record<string, number>) => {
  for (const key in source) target[key] = (target[key] ?? 0) + (source[key] as number);
};

const dimensionKey = (d: InsightDimensions) =>
  JSON.stringify([
    d.distributorId,
    d.segment,
    d.declaredSegment ?? d.segment,
    d.partnerType,
    d.model,
    d.policyVersion,
    d.seller ?? null,
  ]);

function emptyRow(d: InsightDimensions): DayRow {
  return {
    distributorId: d.distributorId,
    segment: d.segment,
    declaredSegment: d.declaredSegment ?? d.segment,
    partnerType: d.partnerType,
    model: d.model,
    policyVersion: d.policyVersion,
    ...(d.seller !== undefined && { seller: d.seller }),
    submitted: 0,
    approved: 0,
    rejected: {},
    escalated: {},
    conflicts: 0,
    decisionMs: {},
    resolutionMs: {},
    missedDeadlines: 0,
    expired: 0,
    won: 0,
    lost: 0,
    wonValue: {},
    lostReasons: {},
    disputed: 0,
    disputesDecided: 0,
    overturned: 0,
    disputeResolutionMs: {},
  };
}

/** One day's facts, summed per combination of dimensions (what a rollup stores). */
export function summarizeDay(facts: readonly InsightFact[]): DayRow[] {
  const rows = new Map<string, DayRow>();
  for (const fact of facts) {
    const key = dimensionKey(fact);
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(fact);
      rows.set(key, row);
    }
    switch (fact.kind) {
      case 'submitted':
        row.submitted += 1;
        break;
      case 'decided':
        if (fact.outcome === 'approved') row.approved += 1;
        if (fact.outcome === 'rejected') addTo(row.rejected, fact.reasonCode ?? 'unspecified');
        if (fact.outcome === 'escalated') addTo(row.escalated, fact.reasonCode ?? 'unspecified');
        if (fact.ms !== undefined) addTo(row.decisionMs, String(durationBin(fact.ms)));
        break;
      case 'conflict':
        row.conflicts += 1;
        break;
      case 'resolved':
        if (fact.ms !== undefined) addTo(row.resolutionMs, String(durationBin(fact.ms)));
        break;
      case 'missed-deadline':
        row.missedDeadlines += 1;
        break;
      case 'expired':
        row.expired += 1;
        break;
      case 'won':
        row.won += 1;
        if (fact.amount !== undefined && fact.currency) addTo(row.wonValue, fact.currency, fact.amount);
        break;
      case 'lost':
        row.lost += 1;
        if (fact.lostReason) addTo(row.lostReasons, fact.lostReason);
        break;
      case 'disputed':
        row.disputed = (row.disputed ?? 0) + 1;
        break;
      case 'dispute-decided':
        row.disputesDecided = (row.disputesDecided ?? 0) + 1;
        if (fact.disputeOutcome === 'overturned') row.overturned = (row.overturned ?? 0) + 1;
        row.disputeResolutionMs = row.disputeResolutionMs ?? {};
        if (fact.ms !== undefined) addTo(row.disputeResolutionMs, String(durationBin(fact.ms)));
        break;
    }
  }
  return [...rows.values()].sort((a, b) => dimensionKey(a).localeCompare(dimensionKey(b)));
}

/** The bucket a UTC day falls in: the day, the Monday of its ISO week, or its month (YYYY-MM). */
export function bucketOf(day: string, bucket: InsightBucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return day.slice(0, 7);
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** Every UTC day from `from` to `to`, both included (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export function groupOf(row: InsightDimensions, groupBy: InsightGrouping | undefined): string {
  switch (groupBy) {
    case undefined:
      return 'all';
    case 'distributor':
      return row.distributorId;
    case 'policyVersion':
      return String(row.policyVersion);
    case 'declaredSegment':
      // Facts from before declarations were kept apart were written with the declared segment.
      return row.declaredSegment ?? row.segment;
    case 'seller':
      return row.seller ?? 'none';
    default:
      return row[groupBy];
  }
}

function mergeRow(target: DayRow, row: DayRow): void {
  target.submitted += row.submitted;
  target.approved += row.approved;
  target.conflicts += row.conflicts;
  target.missedDeadlines += row.missedDeadlines;
  target.expired += row.expired;
  target.won += row.won;
  target.lost += row.lost;
  mergeInto(target.rejected, row.rejected);
  mergeInto(target.escalated, row.escalated);
  mergeInto(target.decisionMs, row.decisionMs);
  mergeInto(target.resolutionMs, row.resolutionMs);
  // A rollup stored before closings had figures lacks them.
  mergeInto(target.wonValue, row.wonValue ?? {});
  mergeInto(target.lostReasons, row.lostReasons ?? {});
  // Rollups stored before disputes lack their counts.
  target.disputed = (target.disputed ?? 0) + (row.disputed ?? 0);
  target.disputesDecided = (target.disputesDecided ?? 0) + (row.disputesDecided ?? 0);
  target.overturned = (target.overturned ?? 0) + (row.overturned ?? 0);
  target.disputeResolutionMs = target.disputeResolutionMs ?? {};
  mergeInto(target.disputeResolutionMs, row.disputeResolutionMs ?? {});
}

/**
 * One day's rows merged per group: what `buildSeries` would merge of that day anyway, so a closed day's
 * grouped rows can be kept and a year's series merges a few rows a day instead of every combination.
 */
export function groupRows(rows: readonly DayRow[], groupBy: InsightGrouping | undefined): DayRow[] {
  const groups = new Map<string, DayRow>();
  for (const row of rows) {
    const group = groupOf(row, groupBy);
    let into = groups.get(group);
    if (!into) {
      into = emptyRow(row);
      groups.set(group, into);
    }
    mergeRow(into, row);
  }
  return [...groups.values()];
}

/** Merges the rows of the days read into one point per bucket and group, in bucket then group order. */
export function buildSeries(
  days: ReadonlyArray<{ day: string; rows: readonly DayRow[] }>,
  bucket: InsightBucket,
  groupBy: InsightGrouping | undefined,
): InsightPoint[] {
  const merged = new Map<string, { bucket: string; group: string; row: DayRow }>();
  for (const { day, rows } of days) {
    // Once per day, not per row: a week's bucket is a date computation.
    const at = bucketOf(day, bucket);
    for (const row of rows) {
      const group = groupOf(row, groupBy);
      // The bucket (a date or a month) holds no newline, so the first one always ends it.
      const key = `${at}\n${group}`;
      let into = merged.get(key);
      if (!into) {
        into = { bucket: at, group, row: emptyRow(row) };
        merged.set(key, into);
      }
      mergeRow(into.row, row);
    }
  }
  return [...merged.values()]
    .sort((a, b) => a.bucket.localeCompare(b.bucket) || a.group.localeCompare(b.group))
    .map(({ bucket: at, group, row }) => {
      const escalations = Object.values(row.escalated).reduce((sum, n) => sum + n, 0);
      return {
        bucket: at,
        group,
        submitted: row.submitted,
        approved: row.approved,
        rejected: row.rejected,
        escalated: row.escalated,
        conflictRate: row.submitted === 0 ? 0 : row.conflicts / row.submitted,
        escalationRate: row.submitted === 0 ? 0 : escalations / row.submitted,
        decisionMs: { p50: percentileOf(row.decisionMs, 0.5), p95: percentileOf(row.decisionMs, 0.95) },
        resolutionMs: { p50: percentileOf(row.resolutionMs, 0.5), p95: percentileOf(row.resolutionMs, 0.95) },
        missedDeadlines: row.missedDeadlines,
        expired: row.expired,
        won: row.won,
        lost: row.lost,
        winRate: row.won + row.lost === 0 ? null : row.won / (row.won + row.lost),
        wonValue: row.wonValue,
        lostReasons: row.lostReasons,
        ...disputeMeasures(row),
      };
    });
}

function disputeMeasures(row: DayRow) {
  const decided = row.disputesDecided ?? 0;
  const overturned = row.overturned ?? 0;
  const resolution = row.disputeResolutionMs ?? {};
  return {
    disputed: row.disputed ?? 0,
    disputesDecided: decided,
    overturned,
    overturnRate: decided === 0 ? null : overturned / decided,
    disputeResolutionMs: { p50: percentileOf(resolution, 0.5), p95: percentileOf(resolution, 0.95) },
  };
}
