import { getHistory } from '../api/registrations';
import { useSession } from '../session';
import { formatDateTime } from '../ui/format';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';

/** The registration's life as its workflow history recorded it, in Temporal's order. */
export function Timeline({ id, refreshKey }: { id: string; refreshKey: unknown }) {
  const { csrf } = useSession();
  const history = useApi((signal) => getHistory(csrf, id, signal), [csrf, id, refreshKey]);
  if (!history.data && history.error) {
    return <ErrorState error={history.error} what="the timeline" onRetry={history.reload} />;
  }
  if (!history.data) return <Loading what="the timeline" />;
  if (history.data.events.length === 0) return <EmptyState>The workflow has recorded nothing yet.</EmptyState>;
  return (
    <ol class="timeline">
      {history.data.events.map((event) => (
        <li key={event.eventId}>
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          <span class="event-summary">{event.summary}</span>
          <span class="muted small">
            #{event.eventId} {event.type.toLowerCase().replaceAll('_', ' ')}
          </span>
          {event.details !== undefined ? (
            <details>
              <summary>Details of event {event.eventId}</summary>
              <pre>{JSON.stringify(event.details, null, 2)}</pre>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
