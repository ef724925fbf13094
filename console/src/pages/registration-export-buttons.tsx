import { useState } from 'preact/hooks';
import { ApiError, query } from '../api/client';
import { allRegistrations, MAX_EXPORT, type RegistrationFilters } from '../api/registrations';
import { useSession } from '../session';
import { download } from '../ui/download';

type Format = 'json';

/**
 * Exports the whole current search (every page, not only the rows on screen): CSV streamed by the API
 * (`GET /registrations/export.csv`, the session cookie goes with the link), JSON gathered here.
 */
export function ExportButtons({ filters, disabled }: { filters: RegistrationFilters; disabled: boolean }) {
  const { csrf } = useSession();
  const [busy, setBusy] = useState<Format | undefined>();
  const [message, setMessage] = useState<string | undefined>();

  const run = async (format: Format) => {
    setBusy(format);
    setMessage(undefined);
    try {
      const { items, truncated } = await allRegistrations(csrf, filters);
      const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
      const body = { exportedAt: new Date().toISOString(), filters, count: items.length, truncated, items };
      download(`registrations-${stamp}.json`, 'application/json', `${JSON.stringify(body, null, 2)}\n`);
      setMessage(
        `Exported ${items.length} registration${items.length === 1 ? '' : 's'} as ${format.toUpperCase()}` +
          (truncated ? ` (only the first ${MAX_EXPORT.toLocaleString()}).` : '.'),
      );
    } catch (error) {
      setMessage(`The export failed: ${error instanceof ApiError ? error.detail : String(error)}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="export">
      {disabled ? (
        <button type="button" disabled>
          Export CSV
        </button>
      ) : (
        <a class="button" href={`/api/v1/registrations/export.csv${query({ ...filters })}`} download>
          Export CSV
        </a>
      )}
      <button type="button" onClick={() => run('json')} disabled={disabled || busy !== undefined}>
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
      <span role="status" class="muted small">
        {message ?? ''}
      </span>
    </div>
  );
}
