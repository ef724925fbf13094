import { useState } from 'preact/hooks';
import { getInsights } from '../api/insights';
import { useSession } from '../session';
import { formatMoney, formatPercent, words } from '../ui/format';
import { GroupByFilter } from '../ui/group-by-filter';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { closedDealsByGroup } from './health-series';

const groupings = {
  distributor: 'Distributor',
  // Routed: the vendor account's segment when one matched; declared: what the reseller typed.
  segment: 'Segment (routed)',
  declaredSegment: 'Segment (declared)',
  partnerType: 'Partner type',
  policyVersion: 'Policy version',
  seller: 'Vendor seller (house accounts)',
} as const;
type Grouping = keyof typeof groupings;

/** Won and lost deals of the period: win rate, value won per currency, and why deals were lost. */
export function ClosedDeals({ from, to }: { from: string; to: string }) {
  const { csrf } = useSession();
  const [groupBy, setGroupBy] = useState<Grouping>('distributor');
  const answer = useApi(
    async (signal) =>
      closedDealsByGroup((await getInsights(csrf, { from, to, bucket: 'month', groupBy }, signal)).series),
    [csrf, from, to, groupBy],
  );
  return (
    <>
      <GroupByFilter id="closed-group-by" groupings={groupings} value={groupBy} onChange={setGroupBy} />
      {answer.error ? (
        <ErrorState error={answer.error} what="the closed deals" onRetry={answer.reload} />
      ) : !answer.data ? (
        <Loading what="the closed deals" />
      ) : answer.data.length === 0 ? (
        <EmptyState>No deal was closed won or lost in this period.</EmptyState>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">Deals closed in the period, by {groupings[groupBy].toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">{groupings[groupBy]}</th>
                <th scope="col">Won</th>
                <th scope="col">Lost</th>
                <th scope="col">Win rate</th>
                <th scope="col">Value won</th>
                <th scope="col">Why lost</th>
              </tr>
            </thead>
            <tbody>
              {answer.data.map((row) => (
                <tr key={row.group}>
                  <th scope="row">{groupBy === 'policyVersion' ? `v${row.group}` : words(row.group)}</th>
                  <td>{row.won}</td>
                  <td>{row.lost}</td>
                  <td>{row.winRate === null ? '—' : formatPercent(row.winRate)}</td>
                  <td>
                    {Object.entries(row.wonValue)
                      .map(([currency, amount]) => formatMoney({ amount, currency }))
                      .join(', ') || '—'}
                  </td>
                  <td>
                    {Object.entries(row.lostReasons)
                      .sort((a, b) => b[1] - a[1])
                      .map(([reason, n]) => `${words(reason)} ${n}`)
                      .join(', ') || '—'}
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
