import { useState } from 'preact/hooks';
import { bySoonestDeadline, currentDeadline, customerOf, listEscalations } from '../api/escalations';
import type { Escalation } from '../api/types';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDateTime, formatTimeLeft, words } from '../ui/format';
import { Page } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { useNow } from '../ui/use-now';

/** New escalations show up within this long without a reload. */
const POLL_MS = 4000;

function QueueTable({ escalations, showing }: { escalations: Escalation[]; showing: 'open' | 'resolved' }) {
  const now = useNow();
  return (
    <table class="data">
      <caption class="visually-hidden">
        {showing === 'open' ? 'Open escalations, soonest deadline first' : 'Resolved escalations, latest first'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Customer</th>
          <th scope="col">Why</th>
          <th scope="col">Registrations</th>
          <th scope="col">{showing === 'open' ? 'Time left' : 'Resolution'}</th>
          <th scope="col">{showing === 'open' ? 'Deadline' : 'Resolved'}</th>
          <th scope="col">Opened</th>
        </tr>
      </thead>
      <tbody>
        {escalations.map((escalation) => {
          const due = currentDeadline(escalation);
          const overdue = new Date(due).getTime() < now;
          return (
            <tr key={escalation.id}>
              <th scope="row">
                <Link to={`/escalations/${escalation.id}`}>{customerOf(escalation)}</Link>
                <div class="muted small">{escalation.id}</div>
              </th>
              <td>
                {words(escalation.reasonCode)}
                {escalation.subject === 'extension' ? ' (extension)' : ''}
                {escalation.level >= 2 ? <span class="badge badge-warning">second review</span> : null}
              </td>
              <td>{escalation.contenders.length}</td>
              {showing === 'open' ? (
                <td class={overdue ? 'overdue' : undefined}>{formatTimeLeft(due, now)}</td>
              ) : (
                <td>{words(escalation.resolution?.kind)}</td>
              )}
              <td>{formatDateTime(showing === 'open' ? due : escalation.resolution?.at)}</td>
              <td>{formatDateTime(escalation.createdAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The channel managers' queue: open escalations, soonest deadline first, refreshed every few seconds. */
export function EscalationQueue() {
  const { csrf, can } = useSession();
  const [showing, setShowing] = useState<'open' | 'resolved'>('open');
  const list = useApi((signal) => listEscalations(csrf, showing, signal), [csrf, showing], { pollMs: POLL_MS });
  const items = list.data
    ? showing === 'open'
      ? [...list.data.items].sort(bySoonestDeadline)
      : [...list.data.items].sort((a, b) => (b.resolution?.at ?? '').localeCompare(a.resolution?.at ?? ''))
    : [];
  return (
    <Page
      title="Escalations"
      lead={
        can.resolveEscalations
          ? 'Decisions waiting for a channel manager. The list refreshes by itself.'
          : 'Decisions waiting for a channel manager (read-only for your role). The list refreshes by itself.'
      }
    >
      <fieldset class="toggle">
        <legend>Show</legend>
        {(['open', 'resolved'] as const).map((status) => (
          <label key={status}>
            <input
              type="radio"
              name="escalation-status"
              value={status}
              checked={showing === status}
              onChange={() => setShowing(status)}
            />
            {status === 'open' ? 'Open' : 'Resolved'}
          </label>
        ))}
      </fieldset>
      <p class="live-count" aria-live="polite">
        {list.data ? `${items.length} ${showing} escalation${items.length === 1 ? '' : 's'}` : ''}
      </p>
      {list.data && list.updatedAt ? (
        <p class="muted small">Last updated {list.updatedAt.toLocaleTimeString()}</p>
      ) : null}
      {list.error && list.data ? (
        <p class="state state-warning" role="status">
          Could not refresh ({list.error.detail}); showing the list as it was. Retrying.
        </p>
      ) : null}
      {list.data?.truncated ? <p class="state state-warning">Only the first 2,000 escalations are shown.</p> : null}
      {!list.data && list.error ? (
        <ErrorState error={list.error} what="the escalations" onRetry={list.reload} />
      ) : !list.data ? (
        <Loading what="escalations" />
      ) : items.length === 0 ? (
        <EmptyState>
          {showing === 'open'
            ? 'No open escalations. New ones appear here within seconds.'
            : 'No escalation has been resolved yet.'}
        </EmptyState>
      ) : (
        <QueueTable escalations={items} showing={showing} />
      )}
    </Page>
  );
}
