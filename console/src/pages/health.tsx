import { useState } from 'preact/hooks';
import { getInsights } from '../api/insights';
import { listPartners } from '../api/partners';
import type { InsightBucket } from '../api/types';
import { useSession } from '../session';
import { BarChart } from '../ui/bar-chart';
import { formatPercent } from '../ui/format';
import { Page, Section } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { BeforeAfter } from './health-before-after';
import { HealthCharts } from './health-charts';
import { ClosedDeals } from './health-closed';
import { DisputeHealth } from './health-disputes';
import { SlowestEscalations } from './health-escalations';
import { addDays, approvalShares, bucketsBetween, utcDay } from './health-series';

const bucketNames: Record<InsightBucket, string> = { day: 'Days', week: 'Weeks', month: 'Months' };

function Period(props: {
  from: string;
  to: string;
  bucket: InsightBucket;
  onChange(period: { from: string; to: string; bucket: InsightBucket }): void;
}) {
  const { from, to, bucket, onChange } = props;
  return (
    <fieldset class="filters card period">
      <legend class="visually-hidden">Period</legend>
      <div>
        <label for="health-from">From</label>
        <input
          id="health-from"
          type="date"
          value={from}
          max={to}
          onChange={(event) => event.currentTarget.value && onChange({ from: event.currentTarget.value, to, bucket })}
        />
      </div>
      <div>
        <label for="health-to">To</label>
        <input
          id="health-to"
          type="date"
          value={to}
          min={from}
          onChange={(event) => event.currentTarget.value && onChange({ from, to: event.currentTarget.value, bucket })}
        />
      </div>
      <div>
        <label for="health-bucket">Points</label>
        <select
          id="health-bucket"
          value={bucket}
          onChange={(event) => onChange({ from, to, bucket: event.currentTarget.value as InsightBucket })}
        >
          {(Object.keys(bucketNames) as InsightBucket[]).map((name) => (
            <option key={name} value={name}>
              {bucketNames[name]}
            </option>
          ))}
        </select>
      </div>
      <p class="muted small">UTC days; the API keeps up to 400 days per request.</p>
    </fieldset>
  );
}

function Shares({ from, to }: { from: string; to: string }) {
  const { csrf } = useSession();
  const answer = useApi(
    async (signal) => {
      const [insights, partners] = await Promise.all([
        getInsights(csrf, { from, to, bucket: 'month', groupBy: 'distributor' }, signal),
        listPartners(csrf, signal),
      ]);
      const names = new Map(partners.distributors.map((distributor) => [distributor.id, distributor.name]));
      return approvalShares(insights.series).map((share) => ({ ...share, name: names.get(share.id) ?? share.id }));
    },
    [csrf, from, to],
  );
  if (answer.error) return <ErrorState error={answer.error} what="the distributors’ shares" onRetry={answer.reload} />;
  if (!answer.data) return <Loading what="the distributors’ shares" />;
  if (answer.data.length === 0) return <EmptyState>No registration was approved in this period.</EmptyState>;
  return (
    <BarChart
      id="shares-chart"
      title="Each distributor’s share of approvals"
      values={answer.data.map((share) => ({
        label: share.name,
        value: share.share,
        detail: `${share.approvals} approval${share.approvals === 1 ? '' : 's'}`,
      }))}
      format={formatPercent}
      max={1}
      labelName="Distributor"
      valueName="Share"
      detailName="Approvals"
    />
  );
}

/** Is the policy working? The program's measures over time, around each policy change. */
export function ProgramHealth() {
  const { csrf } = useSession();
  const today = utcDay(new Date());
  const [period, setPeriod] = useState<{ from: string; to: string; bucket: InsightBucket }>({
    from: addDays(today, -29),
    to: today,
    bucket: 'day',
  });
  const insights = useApi((signal) => getInsights(csrf, period, signal), [csrf, period.from, period.to, period.bucket]);
  const now = new Date().toISOString();
  const changes = (insights.data?.policyChanges ?? []).filter((change) => change.effectiveFrom <= now);
  return (
    <Page
      title="Program health"
      lead="Whether conflicts and decision times got better or worse, and around which policy change."
    >
      <Period {...period} onChange={setPeriod} />
      <Section title="Over time" id="over-time-title">
        {insights.error ? (
          <ErrorState error={insights.error} what="the program’s measures" onRetry={insights.reload} />
        ) : !insights.data ? (
          <Loading what="the program’s measures" />
        ) : insights.data.series.length === 0 ? (
          <EmptyState>No registration was submitted or decided in this period.</EmptyState>
        ) : (
          <HealthCharts
            insights={insights.data}
            buckets={bucketsBetween(period.from, period.to, period.bucket)}
            bucket={period.bucket}
          />
        )}
      </Section>
      <Section title="Before and after a policy change" id="before-after-title">
        {insights.data ? <BeforeAfter changes={changes} /> : <Loading what="the policy changes" />}
      </Section>
      <Section title="Distributors’ shares of approvals" id="shares-title">
        <Shares from={period.from} to={period.to} />
      </Section>
      <Section title="Deals closed: win rate and value won" id="closed-title">
        <ClosedDeals from={period.from} to={period.to} />
      </Section>
      <Section title="Disputes: how often decisions are disputed and overturned" id="disputes-title">
        <DisputeHealth from={period.from} to={period.to} />
      </Section>
      <Section title="Slowest open escalations" id="slowest-title">
        <SlowestEscalations />
      </Section>
    </Page>
  );
}
