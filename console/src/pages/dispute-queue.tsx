import { useState } from 'preact/hooks';
import { disputeDeadline, listDisputes } from '../api/disputes';
import type { Dispute } from '../api/types';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDateTime, formatTimeLeft, words } from '../ui/format';
import { Page } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useNow } from '../ui/use-now';
import { LoadMore, usePages } from '../ui/use-pages';

const POLL_MS = 4000;

function QueueTable({ disputes, showing }: { disputes: Dispute[]; showing: 'open' | 'decided' }) {
  const now = useNow();
  return (
    <table class="data">
      <caption class="visually-hidden">
        {showing === 'open' ? 'Open disputes, soonest deadline first' : 'Decided disputes, latest first'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Dispute</th>
          <th scope="col">Ground</th>
          <th scope="col">Answered</th>
          <th scope="col">{showing === 'open' ? 'Time left' : 'Outcome'}</th>
          <th scope="col">Opened</th>
        </tr>
      </thead>
      <tbody>
        {disputes.map((dispute) => {
          const due = disputeDeadline(dispute);
          return (
            <tr key={dispute.id}>
              <th scope="row">
                <Link to={`/disputes/${dispute.id}`}>{dispute.id}</Link>
                <div class="muted small">of {dispute.registrationId}</div>
              </th>
              <td>
                {words(dispute.ground)}
                {dispute.level >= 2 ? <span class="badge badge-warning">second review</span> : null}
              </td>
              <td>{dispute.response ? 'yes' : dispute.holderId ? 'no' : 'nobody holds the deal'}</td>
              {showing === 'open' ? (
                <td class={new Date(due).getTime() < now ? 'overdue' : undefined}>{formatTimeLeft(due, now)}</td>
              ) : (
                <td>{dispute.decision?.outcome ?? '—'}</td>
              )}
              <td>{formatDateTime(dispute.createdAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The channel managers' dispute queue: open disputes, soonest deadline first, refreshed every few seconds. */
export function DisputeQueue() {
  const { csrf } = useSession();
  const [showing, setShowing] = useState<'open' | 'decided'>('open');
  const pages = usePages((cursor, signal) => listDisputes(csrf, showing, cursor, signal), [csrf, showing], {
    pollMs: POLL_MS,
  });
  const list = pages.first;
  // Open ones by the deadline that matters now, among those loaded (newest first from the API).
  const items =
    showing === 'open'
      ? [...pages.items].sort((a, b) => disputeDeadline(a).localeCompare(disputeDeadline(b)))
      : pages.items;
  return (
    <Page
      title="Disputes"
      lead="Partners’ disputes of decisions about their registrations. The list refreshes by itself."
    >
      <fieldset class="toggle">
        <legend>Show</legend>
        {(['open', 'decided'] as const).map((status) => (
          <label key={status}>
            <input
              type="radio"
              name="dispute-status"
              value={status}
              checked={showing === status}
              onChange={() => setShowing(status)}
            />
            {status === 'open' ? 'Open' : 'Decided'}
          </label>
        ))}
      </fieldset>
      <p class="live-count" aria-live="polite">
        {list.data
          ? `${items.length} ${showing} dispute${items.length === 1 ? '' : 's'}${pages.cursor ? ' shown, more available' : ''}`
          : ''}
      </p>
      {!list.data && list.error ? (
        <ErrorState error={list.error} what="the disputes" onRetry={list.reload} />
      ) : !list.data ? (
        <Loading what="disputes" />
      ) : items.length === 0 ? (
        <EmptyState>{showing === 'open' ? 'No open disputes.' : 'No dispute has been decided yet.'}</EmptyState>
      ) : (
        <>
          <QueueTable disputes={items} showing={showing} />
          <LoadMore pages={pages} what="disputes" />
        </>
      )}
    </Page>
  );
}
