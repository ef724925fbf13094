import type { SimulationReport } from '../api/types';
import { Link } from '../router';
import { ComparisonChart } from '../ui/comparison-chart';
import { formatPercent, words } from '../ui/format';
import { EmptyState } from '../ui/states';

const outcomeLabels = {
  approve: 'Approved',
  reject: 'Rejected',
  escalate: 'Escalated',
  undecided: 'Undecided',
} as const;

function Changes({ report }: { report: SimulationReport }) {
  if (report.changedCount === 0) {
    return <EmptyState>No registration would end differently under the candidate policy.</EmptyState>;
  }
  return (
    <>
      {report.changedCount > report.changes.length ? (
        <p class="muted">
          Showing the first {report.changes.length} of {report.changedCount} changes.
        </p>
      ) : null}
      <div class="table-scroll">
        <table class="data">
          <caption class="visually-hidden">Registrations whose outcome would change</caption>
          <thead>
            <tr>
              <th scope="col">Registration</th>
              <th scope="col">Sequence</th>
              <th scope="col">Now</th>
              <th scope="col">With the candidate</th>
              <th scope="col">Deciding rule and why</th>
            </tr>
          </thead>
          <tbody>
            {report.changes.map((change) => (
              <tr key={change.registrationId}>
                <th scope="row">
                  <Link to={`/registrations/${change.registrationId}`}>{change.registrationId}</Link>
                </th>
                <td>{change.sequence}</td>
                <td>
                  {words(change.actual.outcome)}
                  {change.actual.reasonCode ? ` (${words(change.actual.reasonCode)})` : ''}
                </td>
                <td>
                  {words(change.simulated.outcome)}
                  {change.simulated.reasonCode ? ` (${words(change.simulated.reasonCode)})` : ''}
                </td>
                <td>
                  <code>{change.decisiveRule}</code>: {change.detail}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** What a candidate policy would change: outcomes and distributor shares as charts, then the changed registrations. */
export function SimulationResult({ report }: { report: SimulationReport }) {
  const outcomes = (Object.keys(outcomeLabels) as (keyof typeof outcomeLabels)[]).map((outcome) => ({
    label: outcomeLabels[outcome],
    current: report.outcomes.current[outcome],
    candidate: report.outcomes.candidate[outcome],
  }));
  const shares = report.distributorShares.map((share) => ({
    label: share.name,
    current: share.current.share,
    candidate: share.candidate.share,
  }));
  return (
    <section class="card" aria-labelledby="simulation-title">
      <h2 id="simulation-title">Simulation result</h2>
      <dl class="facts">
        <dt>Registrations replayed</dt>
        <dd>{report.registrations}</dd>
        <dt>Would change</dt>
        <dd>{report.changedCount}</dd>
        <dt>Escalation rate</dt>
        <dd>
          {formatPercent(report.escalationRate.current)} now → {formatPercent(report.escalationRate.candidate)}
        </dd>
        <dt>Contested deals</dt>
        <dd>
          {report.collisions.dealGroups} deal{report.collisions.dealGroups === 1 ? '' : 's'} with{' '}
          {report.collisions.registrations} registrations
        </dd>
        {report.accounts ? (
          <>
            <dt>Routed by the vendor’s accounts</dt>
            <dd>
              {report.accounts.routedByAccount} registration{report.accounts.routedByAccount === 1 ? '' : 's'};{' '}
              {report.accounts.declaredOtherwise} of them declared otherwise (segment{' '}
              {report.accounts.declaredOtherwiseBy.segment}, region {report.accounts.declaredOtherwiseBy.region},
              program {report.accounts.declaredOtherwiseBy.program})
              {report.accounts.changedSinceAcceptance > 0
                ? `; ${report.accounts.changedSinceAcceptance} were decided by other account facts than the accounts have now`
                : ''}
            </dd>
          </>
        ) : null}
        <dt>Refused by limits</dt>
        <dd>
          {report.limits.refused === 0
            ? 'none'
            : report.limits.hits
                .map((hit) => `${hit.resellerId}: ${hit.refused} (${hit.limit}, first ${hit.firstRefusedAt})`)
                .join('; ')}
        </dd>
      </dl>
      {report.registrations === 0 ? (
        <EmptyState>There are no stored registrations to replay yet, so the charts would be empty.</EmptyState>
      ) : (
        <div class="charts">
          <ComparisonChart id="outcomes-chart" title="Outcomes" values={outcomes} format={String} />
          {shares.length > 0 ? (
            <ComparisonChart
              id="shares-chart"
              title="Each distributor’s share of approvals"
              values={shares}
              format={formatPercent}
              max={1}
            />
          ) : (
            <EmptyState>No distributor is registered.</EmptyState>
          )}
        </div>
      )}
      <h3>Registrations whose outcome would change</h3>
      <Changes report={report} />
    </section>
  );
}
