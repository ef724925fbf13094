import type { InsightBucket, Insights } from '../api/types';
import { formatMs } from '../ui/duration';
import { formatDateTime, formatPercent } from '../ui/format';
import { type Series, TimeSeriesChart } from '../ui/time-series-chart';
import { byBucket, changeMarks, type Pooled } from './health-series';

interface HealthChartsProps {
  insights: Insights;
  buckets: string[];
  bucket: InsightBucket;
}

const percentOrDash = (value: number | null) => (value === null ? '—' : formatPercent(value));
const countOrDash = (value: number | null) => (value === null ? '—' : String(Math.round(value)));

/** The program's series over the period, each policy change marked where it took force. */
export function HealthCharts({ insights, buckets, bucket }: HealthChartsProps) {
  const pooled = byBucket(insights.series, buckets);
  const values = (of: (point: Pooled) => number | null, absent: number | null) =>
    buckets.map((name) => {
      const point = pooled.get(name);
      return point ? of(point) : absent;
    });
  const markers = changeMarks(insights.policyChanges, buckets, bucket).map((mark) => ({
    bucket: mark.bucket,
    label: mark.label,
    description: `version ${mark.version} took force ${formatDateTime(mark.effectiveFrom)}`,
  }));
  const volume: Series[] = [
    { name: 'Submitted', values: values((point) => point.submitted, 0) },
    { name: 'Approved', values: values((point) => point.approved, 0) },
    { name: 'Rejected', values: values((point) => point.rejected, 0) },
    { name: 'Escalated', values: values((point) => point.escalated, 0) },
  ];
  const rates: Series[] = [
    { name: 'Conflict rate', values: values((point) => point.conflictRate, null) },
    { name: 'Escalation rate', values: values((point) => point.escalationRate, null) },
  ];
  const times: Series[] = [
    { name: 'Median (p50)', values: values((point) => point.decisionP50, null) },
    { name: '95th percentile (p95)', values: values((point) => point.decisionP95, null) },
  ];
  const highestRate = Math.max(0, ...rates.flatMap((line) => line.values.map((value) => value ?? 0)));
  return (
    <div class="charts">
      <TimeSeriesChart
        id="volume-chart"
        title="Registrations submitted and decided"
        buckets={buckets}
        series={volume}
        markers={markers}
        format={countOrDash}
      />
      <TimeSeriesChart
        id="rates-chart"
        title="Conflict and escalation rates"
        buckets={buckets}
        series={rates}
        markers={markers}
        format={percentOrDash}
        max={highestRate > 0.5 ? 1 : highestRate > 0.2 ? 0.5 : 0.2}
      />
      <TimeSeriesChart
        id="decision-time-chart"
        title="Time from submission to decision"
        buckets={buckets}
        series={times}
        markers={markers}
        format={formatMs}
      />
    </div>
  );
}
