import type { InsightBucket, InsightPoint, PolicyChange } from '../api/types';

/**
 * Shaping the /insights answer for charts: every bucket of the period (a day without registrations is
 * a zero, not a gap in the axis), where each policy change falls, and a period's points pooled.
 */

const DAY_MS = 86_400_000;

export const utcDay = (at: Date | string) => new Date(at).toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The earlier of two UTC days (YYYY-MM-DD sorts as it reads). */
export const earlier = (a: string, b: string) => (a < b ? a : b);

/** The bucket a UTC day falls in, named as the API names it: the day, its ISO week's Monday, or YYYY-MM. */
export function bucketOf(day: string, bucket: InsightBucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return day.slice(0, 7);
  const sinceMonday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -sinceMonday);
}

/** Every bucket from the one holding `from` to the one holding `to`, in order. */
export function bucketsBetween(from: string, to: string, bucket: InsightBucket): string[] {
  const buckets: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const name = bucketOf(day, bucket);
    if (buckets.at(-1) !== name) buckets.push(name);
  }
  return buckets;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

function mergeCounts(maps: readonly Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const counts of maps) for (const [code, n] of Object.entries(counts)) merged[code] = (merged[code] ?? 0) + n;
  return merged;
}

export interface Pooled {
  submitted: number;
  approved: number;
  rejected: number;
  escalated: number;
  /** By reason code. */
  rejectedBy: Record<string, number>;
  escalatedBy: Record<string, number>;
  /** Null when nothing was submitted: a rate of nothing is not zero. */
  conflictRate: number | null;
  escalationRate: number | null;
  decisionP50: number | null;
  decisionP95: number | null;
  /** True when the percentiles are a weighted mean of several points' percentiles, not read from one. */
  percentilesApproximate: boolean;
  missedDeadlines: number;
}

/** A weighted mean of the points' values that were measured, or null when none was. */
function weightedMean(values: { value: number | null; weight: number }[]): number | null {
  const measured = values.filter((entry) => entry.value !== null && entry.weight > 0);
  const weight = measured.reduce((total, entry) => total + entry.weight, 0);
  if (weight === 0) return null;
  return measured.reduce((total, entry) => total + (entry.value as number) * entry.weight, 0) / weight;
}

/**
 * Several points as one. Counts add up and rates are re-weighted by submissions (exact); percentiles
 * cannot be merged from percentiles, so with more than one measured point they are a mean weighted by
 * decisions, and say so.
 */
export function pool(points: readonly InsightPoint[]): Pooled {
  const submitted = points.reduce((total, point) => total + point.submitted, 0);
  const decisions = (point: InsightPoint) => point.approved + sum(point.rejected);
  const rate = (of: (point: InsightPoint) => number) =>
    submitted === 0 ? null : points.reduce((total, point) => total + of(point) * point.submitted, 0) / submitted;
  const timed = points.filter((point) => point.decisionMs.p50 !== null);
  return {
    submitted,
    approved: points.reduce((total, point) => total + point.approved, 0),
    rejected: points.reduce((total, point) => total + sum(point.rejected), 0),
    escalated: points.reduce((total, point) => total + sum(point.escalated), 0),
    rejectedBy: mergeCounts(points.map((point) => point.rejected)),
    escalatedBy: mergeCounts(points.map((point) => point.escalated)),
    conflictRate: rate((point) => point.conflictRate),
    escalationRate: rate((point) => point.escalationRate),
    decisionP50: weightedMean(points.map((point) => ({ value: point.decisionMs.p50, weight: decisions(point) }))),
    decisionP95: weightedMean(points.map((point) => ({ value: point.decisionMs.p95, weight: decisions(point) }))),
    percentilesApproximate: timed.length > 1,
    missedDeadlines: points.reduce((total, point) => total + point.missedDeadlines, 0),
  };
}

/** One pooled point per bucket of the period (points of several groups in a bucket are pooled). */
export function byBucket(points: readonly InsightPoint[], buckets: readonly string[]): Map<string, Pooled | undefined> {
  const grouped = new Map<string, InsightPoint[]>();
  for (const point of points) grouped.set(point.bucket, [...(grouped.get(point.bucket) ?? []), point]);
  return new Map(buckets.map((bucket) => [bucket, grouped.has(bucket) ? pool(grouped.get(bucket) ?? []) : undefined]));
}

export interface ChangeMark {
  bucket: string;
  label: string;
  version: number;
  effectiveFrom: string;
}

/** The policy changes that took force within the period, at the bucket they fall in. */
export function changeMarks(changes: readonly PolicyChange[], buckets: readonly string[], bucket: InsightBucket) {
  const inPeriod = new Set(buckets);
  return changes
    .map((change) => ({
      bucket: bucketOf(utcDay(change.effectiveFrom), bucket),
      label: `v${change.version}`,
      version: change.version,
      effectiveFrom: change.effectiveFrom,
    }))
    .filter((mark) => inPeriod.has(mark.bucket));
}

export interface Share {
  id: string;
  approvals: number;
  share: number;
}

/** Each group's share of the approvals (groupBy=distributor), largest first. */
export function approvalShares(points: readonly InsightPoint[]): Share[] {
  const approvals = new Map<string, number>();
  for (const point of points) approvals.set(point.group, (approvals.get(point.group) ?? 0) + point.approved);
  const total = [...approvals.values()].reduce((sum, n) => sum + n, 0);
  return [...approvals.entries()]
    .filter(([, n]) => n > 0)
    .map(([id, n]) => ({ id, approvals: n, share: total === 0 ? 0 : n / total }))
    .sort((a, b) => b.approvals - a.approvals || a.id.localeCompare(b.id));
}

/**
 * Before and after a change, from a `groupBy=policyVersion` answer: registrations decided under an
 * earlier version against those under this version or a later one. By version rather than by date, so
 * that the day of the change counts on the right side.
 */
export function beforeAndAfter(points: readonly InsightPoint[], version: number): { before: Pooled; after: Pooled } {
  const versionOf = (point: InsightPoint) => Number(point.group);
  return {
    before: pool(points.filter((point) => versionOf(point) < version)),
    after: pool(points.filter((point) => versionOf(point) >= version)),
  };
}

export interface ClosedDeals {
  group: string;
  won: number;
  lost: number;
  /** Won among the closed; null when none closed. */
  winRate: number | null;
  /** Per currency: amounts in different currencies are never added together. */
  wonValue: Record<string, number>;
  lostReasons: Record<string, number>;
}

/** The deals closed in the period, per group of the answer (distributor, partner type or policy version). */
export function closedDealsByGroup(points: readonly InsightPoint[]): ClosedDeals[] {
  const groups = new Map<string, InsightPoint[]>();
  for (const point of points) groups.set(point.group, [...(groups.get(point.group) ?? []), point]);
  return [...groups.entries()]
    .map(([group, of]) => {
      const won = of.reduce((total, point) => total + point.won, 0);
      const lost = of.reduce((total, point) => total + point.lost, 0);
      return {
        group,
        won,
        lost,
        winRate: won + lost === 0 ? null : won / (won + lost),
        wonValue: mergeCounts(of.map((point) => point.wonValue)),
        lostReasons: mergeCounts(of.map((point) => point.lostReasons)),
      };
    })
    .filter((row) => row.won + row.lost > 0)
    .sort((a, b) => a.group.localeCompare(b.group, undefined, { numeric: true }));
}
