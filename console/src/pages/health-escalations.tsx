import { currentDeadline, customerOf, listEscalations } from '../api/escalations';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDateTime, formatSpan, formatTimeLeft, words } from '../ui/format';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { useNow } from '../ui/use-now';

/** How many of the longest-waiting escalations the page lists. */
const SHOWN = 10;

/** The open escalations that have waited longest: where the program is slow to decide. */
export function SlowestEscalations() {
  const { can } = useSession();
  if (!can.viewEscalations) {
    return <EmptyState>Open escalations are shown to channel managers and auditors.</EmptyState>;
  }
  return <OldestOpen />;
}

function OldestOpen() {
  const { csrf } = useSession();
  const now = useNow(30_000);
  const open = useApi((signal) => listEscalations(csrf, 'open', signal), [csrf]);
  if (open.error) return <ErrorState error={open.error} what="the open escalations" onRetry={open.reload} />;
  if (!open.data) return <Loading what="the open escalations" />;
  const oldest = [...open.data.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(0, SHOWN);
  if (oldest.length === 0) return <EmptyState>No escalation is waiting for a decision.</EmptyState>;
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">Open escalations, longest waiting first</caption>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Why</th>
            <th scope="col">Waiting</th>
            <th scope="col">Opened</th>
            <th scope="col">Deadline</th>
          </tr>
        </thead>
        <tbody>
          {oldest.map((escalation) => {
            const due = currentDeadline(escalation);
            return (
              <tr key={escalation.id}>
                <th scope="row">
                  <Link to={`/escalations/${escalation.id}`}>{customerOf(escalation)}</Link>
                  <div class="muted small">{escalation.id}</div>
                </th>
                <td>
                  {words(escalation.reasonCode)}
                  {escalation.level >= 2 ? <span class="badge badge-warning">second review</span> : null}
                </td>
                <td>{formatSpan(now - new Date(escalation.createdAt).getTime())}</td>
                <td>{formatDateTime(escalation.createdAt)}</td>
                <td class={new Date(due).getTime() < now ? 'overdue' : undefined}>{formatTimeLeft(due, now)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
