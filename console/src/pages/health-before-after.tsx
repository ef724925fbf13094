import { useState } from 'preact/hooks';
import { getInsights } from '../api/insights';
import type { PolicyChange } from '../api/types';
import { useSession } from '../session';
import { ComparisonChart } from '../ui/comparison-chart';
import { formatMs } from '../ui/duration';
import { formatDateTime, formatPercent, words } from '../ui/format';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { addDays, beforeAndAfter, earlier, type Pooled, utcDay } from './health-series';

const WINDOWS = [1, 2, 4, 8] as const;
const beforeAfterNames = { current: 'before', candidate: 'after' };

const rateText = (value: number | null) => (value === null ? '—' : formatPercent(value));
const timeText = (value: number | null, approximate: boolean) =>
  value === null ? '—' : `${approximate ? '≈ ' : ''}${formatMs(value)}`;

/** A row per reason code seen on either side: "… unrouted". */
function byReason(what: string, before: Record<string, number>, after: Record<string, number>) {
  const codes = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return codes.map((code): [string, string, string] => [
    `… ${what}: ${words(code)}`,
    String(before[code] ?? 0),
    String(after[code] ?? 0),
  ]);
}

function Comparison({ before, after }: { before: Pooled; after: Pooled }) {
  const rows: [string, string, string][] = [
    ['Submitted', String(before.submitted), String(after.submitted)],
    ['Approved', String(before.approved), String(after.approved)],
    ['Rejected', String(before.rejected), String(after.rejected)],
    ...byReason('rejected', before.rejectedBy, after.rejectedBy),
    ['Escalated', String(before.escalated), String(after.escalated)],
    ...byReason('escalated', before.escalatedBy, after.escalatedBy),
    ['Conflict rate', rateText(before.conflictRate), rateText(after.conflictRate)],
    ['Escalation rate', rateText(before.escalationRate), rateText(after.escalationRate)],
    [
      'Decision time p50',
      timeText(before.decisionP50, before.percentilesApproximate),
      timeText(after.decisionP50, after.percentilesApproximate),
    ],
    [
      'Decision time p95',
      timeText(before.decisionP95, before.percentilesApproximate),
      timeText(after.decisionP95, after.percentilesApproximate),
    ],
    ['Missed review deadlines', String(before.missedDeadlines), String(after.missedDeadlines)],
  ];
  const approximate = before.percentilesApproximate || after.percentilesApproximate;
  return (
    <div class="charts">
      <ComparisonChart
        id="before-after-rates"
        title="Conflict and escalation rates, before and after"
        values={[
          { label: 'Conflict rate', current: before.conflictRate ?? 0, candidate: after.conflictRate ?? 0 },
          { label: 'Escalation rate', current: before.escalationRate ?? 0, candidate: after.escalationRate ?? 0 },
        ]}
        format={formatPercent}
        max={1}
        names={beforeAfterNames}
      />
      <div>
        <table class="data compact">
          <caption>Before and after the change</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([measure, was, is]) => (
              <tr key={measure}>
                <th scope="row">{measure}</th>
                <td>{was}</td>
                <td>{is}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {approximate ? (
          <p class="muted small">
            ≈: the period spans several months, so the percentile is the months’ percentiles averaged by decisions.
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The weeks around a chosen policy change, split by the version that decided each registration: those
 * under earlier versions against those under the chosen one (or later).
 */
export function BeforeAfter({ changes }: { changes: PolicyChange[] }) {
  const { csrf } = useSession();
  const [version, setVersion] = useState<number | undefined>(changes.at(-1)?.version);
  const [weeks, setWeeks] = useState<number>(2);
  const change = changes.find((candidate) => candidate.version === version) ?? changes.at(-1);
  const today = utcDay(new Date());
  const day = change ? utcDay(change.effectiveFrom) : today;
  const from = addDays(day, -7 * weeks);
  const afterEnd = addDays(day, 7 * weeks - 1);
  const to = earlier(afterEnd, today);
  const answer = useApi(
    (signal) => getInsights(csrf, { from, to, bucket: 'month', groupBy: 'policyVersion' }, signal),
    [csrf, from, to],
  );
  if (!change) return <EmptyState>No policy change has taken force yet.</EmptyState>;
  const comparison = answer.data ? beforeAndAfter(answer.data.series, change.version) : undefined;
  return (
    <>
      <div class="filters">
        <div>
          <label for="change-version">Policy change</label>
          <select
            id="change-version"
            value={String(change.version)}
            onChange={(event) => setVersion(Number(event.currentTarget.value))}
          >
            {[...changes].reverse().map((candidate) => (
              <option key={candidate.version} value={String(candidate.version)}>
                Version {candidate.version}, {formatDateTime(candidate.effectiveFrom)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="change-window">Weeks on each side</label>
          <select
            id="change-window"
            value={String(weeks)}
            onChange={(event) => setWeeks(Number(event.currentTarget.value))}
          >
            {WINDOWS.map((count) => (
              <option key={count} value={String(count)}>
                {count} week{count === 1 ? '' : 's'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="muted small">
        Registrations submitted from {from} to {to}: those decided under an earlier version are “before”, those under
        version {change.version} or later are “after”.
      </p>
      {answer.error ? (
        <ErrorState error={answer.error} what="the comparison" onRetry={answer.reload} />
      ) : !comparison ? (
        <Loading what="the comparison" />
      ) : (
        <Comparison before={comparison.before} after={comparison.after} />
      )}
    </>
  );
}
