import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { allRegistrations, MAX_EXPORT, type RegistrationFilters } from '../api/registrations';
import { useSession } from '../session';
import { download } from '../ui/download';
import { registrationsCsv } from './registration-export';

type Format = 'csv' | 'json';

/** Exports the whole current search (every page, not only the rows on screen) as CSV or JSON. */
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
      if (format === 'csv') download(`registrations-${stamp}.csv`, 'text/csv;charset=utf-8', registrationsCsv(items));
      else {
        const body = { exportedAt: new Date().toISOString(), filters, count: items.length, truncated, items };
        download(`registrations-${stamp}.json`, 'application/json', `${JSON.stringify(body, null, 2)}\n`);
      }
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
      <button type="button" onClick={() => run('csv')} disabled={disabled || busy !== undefined}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" onClick={() => run('json')} disabled={disabled || busy !== undefined}>
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
      <span role="status" class="muted small">
        {message ?? ''}
      </span>
    </div>
  );
}
