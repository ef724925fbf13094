import { useState } from 'preact/hooks';
import { getInsights } from '../api/insights';
import { useSession } from '../session';
import { formatPercent, formatSpan, words } from '../ui/format';
import { GroupByFilter } from '../ui/group-by-filter';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';

const groupings = {
  distributor: 'Distributor',
  partnerType: 'Partner type',
  policyVersion: 'Policy version',
} as const;
type Grouping = keyof typeof groupings;

/**
 * Whether a rule produces disputes: per month and group, disputes opened, decided and overturned, the
 * overturn rate and how long they stayed open (the median, the 95th percentile).
 */
export function DisputeHealth({ from, to }: { from: string; to: string }) {
  const { csrf } = useSession();
  const [groupBy, setGroupBy] = useState<Grouping>('distributor');
  const answer = useApi(
    async (signal) =>
      (await getInsights(csrf, { from, to, bucket: 'month', groupBy }, signal)).series.filter(
        (point) => point.disputed > 0 || point.disputesDecided > 0,
      ),
    [csrf, from, to, groupBy],
  );
  const span = (ms: number | null) => (ms === null ? '—' : formatSpan(ms));
  return (
    <>
      <GroupByFilter id="disputes-group-by" groupings={groupings} value={groupBy} onChange={setGroupBy} />
      {answer.error ? (
        <ErrorState error={answer.error} what="the disputes" onRetry={answer.reload} />
      ) : !answer.data ? (
        <Loading what="the disputes" />
      ) : answer.data.length === 0 ? (
        <EmptyState>No decision was disputed in this period.</EmptyState>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">Disputes by month and {groupings[groupBy].toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">{groupings[groupBy]}</th>
                <th scope="col">Disputed</th>
                <th scope="col">Decided</th>
                <th scope="col">Overturned</th>
                <th scope="col">Overturn rate</th>
                <th scope="col">Open for (median / 95%)</th>
              </tr>
            </thead>
            <tbody>
              {answer.data.map((point) => (
                <tr key={`${point.bucket} ${point.group}`}>
                  <th scope="row">{point.bucket}</th>
                  <td>{groupBy === 'policyVersion' ? `v${point.group}` : words(point.group)}</td>
                  <td>{point.disputed}</td>
                  <td>{point.disputesDecided}</td>
                  <td>{point.overturned}</td>
                  <td>{point.overturnRate === null ? '—' : formatPercent(point.overturnRate)}</td>
                  <td>
                    {span(point.disputeResolutionMs.p50)} / {span(point.disputeResolutionMs.p95)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
