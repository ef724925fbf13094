import type { InsightPoint } from '../../../console/src/api/types';
import {
  approvalShares,
  beforeAndAfter,
  bucketOf,
  bucketsBetween,
  changeMarks,
  closedDealsByGroup,
  pool,
} from '../../../console/src/pages/health-series';

// Shaping /insights for the Program health page: the axis, the policy-change marks and pooled periods.

const point = (overrides: Partial<InsightPoint>): InsightPoint => ({
  bucket: '2026-03-02',
  group: 'all',
  submitted: 0,
  approved: 0,
  rejected: {},
  escalated: {},
  conflictRate: 0,
  escalationRate: 0,
  decisionMs: { p50: null, p95: null },
  resolutionMs: { p50: null, p95: null },
  missedDeadlines: 0,
  expired: 0,
  won: 0,
  lost: 0,
  winRate: null,
  wonValue: {},
  lostReasons: {},
  disputed: 0,
  disputesDecided: 0,
  overturned: 0,
  overturnRate: null,
  disputeResolutionMs: { p50: null, p95: null },
  ...overrides,
});

test('buckets are named as the API names them: the day, the ISO week’s Monday, the month', () => {
  expect(bucketOf('2026-03-04', 'day')).toBe('2026-03-04');
  expect(bucketOf('2026-03-04', 'week')).toBe('2026-03-02');
  expect(bucketOf('2026-03-01', 'week')).toBe('2026-02-23');
  expect(bucketOf('2026-03-04', 'month')).toBe('2026-03');
});

test('the axis has every bucket of the period, empty ones included', () => {
  expect(bucketsBetween('2026-02-27', '2026-03-02', 'day')).toEqual([
    '2026-02-27',
    '2026-02-28',
    '2026-03-01',
    '2026-03-02',
  ]);
  expect(bucketsBetween('2026-02-27', '2026-03-10', 'week')).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
  expect(bucketsBetween('2026-01-31', '2026-03-01', 'month')).toEqual(['2026-01', '2026-02', '2026-03']);
});

test('a policy change is marked at the bucket it took force in, and only within the period', () => {
  const changes = [
    { version: 1, effectiveFrom: '2026-01-05T10:00:00.000Z' },
    { version: 2, effectiveFrom: '2026-03-04T23:30:00.000Z' },
  ];
  const marks = changeMarks(changes, bucketsBetween('2026-03-01', '2026-03-10', 'week'), 'week');
  expect(marks.map(({ bucket, label }) => ({ bucket, label }))).toEqual([{ bucket: '2026-03-02', label: 'v2' }]);
});

test('pooled counts add up, rates are weighted by submissions, percentiles say when they are approximate', () => {
  const pooled = pool([
    point({
      submitted: 3,
      approved: 2,
      rejected: { duplicate: 1 },
      conflictRate: 1 / 3,
      decisionMs: { p50: 100, p95: 200 },
    }),
    point({
      submitted: 1,
      approved: 1,
      escalated: { unrouted: 1 },
      escalationRate: 1,
      decisionMs: { p50: 400, p95: 800 },
    }),
  ]);
  expect(pooled).toMatchObject({ submitted: 4, approved: 3, rejected: 1, escalated: 1, percentilesApproximate: true });
  expect(pooled.rejectedBy).toEqual({ duplicate: 1 });
  expect(pooled.escalatedBy).toEqual({ unrouted: 1 });
  expect(pooled.conflictRate).toBeCloseTo(0.25);
  expect(pooled.escalationRate).toBeCloseTo(0.25);
  // Weighted by decisions: 3 at 100 ms and 1 at 400 ms.
  expect(pooled.decisionP50).toBeCloseTo(175);
  expect(pool([point({ decisionMs: { p50: 90, p95: 120 }, approved: 1 })]).percentilesApproximate).toBe(false);
  expect(pool([]).conflictRate).toBeNull();
});

test('before and after split by the version that decided, and shares are of all approvals', () => {
  const points = [
    point({ group: '1', submitted: 2, escalated: { unrouted: 2 } }),
    point({ group: '2', submitted: 1, approved: 1 }),
    point({ group: '3', submitted: 1, approved: 1 }),
  ];
  const { before, after } = beforeAndAfter(points, 2);
  expect([before.submitted, before.escalated, after.submitted, after.approved]).toEqual([2, 2, 2, 2]);
  expect(approvalShares([point({ group: 'dist-b', approved: 1 }), point({ group: 'dist-a', approved: 3 })])).toEqual([
    { id: 'dist-a', approvals: 3, share: 0.75 },
    { id: 'dist-b', approvals: 1, share: 0.25 },
  ]);
});

test('closed deals are pooled per group over the period, amounts per currency', () => {
  const rows = closedDealsByGroup([
    point({ bucket: '2026-03', group: 'dist-a', won: 2, lost: 1, wonValue: { USD: 300 }, lostReasons: { budget: 1 } }),
    point({ bucket: '2026-04', group: 'dist-a', won: 1, wonValue: { EUR: 50, USD: 100 } }),
    point({ bucket: '2026-04', group: 'dist-b', lost: 2, lostReasons: { competitor: 2 } }),
    point({ bucket: '2026-04', group: 'dist-c', submitted: 5 }),
  ]);
  expect(rows).toEqual([
    { group: 'dist-a', won: 3, lost: 1, winRate: 0.75, wonValue: { USD: 400, EUR: 50 }, lostReasons: { budget: 1 } },
    { group: 'dist-b', won: 0, lost: 2, winRate: 0, wonValue: {}, lostReasons: { competitor: 2 } },
  ]);
});
