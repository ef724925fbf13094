import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { searchRegistrations } from '../api/registrations';
import type { Registration } from '../api/types';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { formatDateTime } from '../ui/format';
import { Page } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { StatusBadge } from '../ui/status';
import { useNow } from '../ui/use-now';
import { LoadMore, PageCount, usePages } from '../ui/use-pages';
import { nextStep, protectionLeft, reasonInWords } from './partner-words';
import { ExportButtons } from './registration-export-buttons';
import { CustomerFilter, StatusFilter } from './registration-filters';

interface Filters {
  status?: string;
  /** Text in the customer's name or domain, or the opportunity's title. */
  q?: string;
  /** Submitted on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Submitted on or before this day. */
  to?: string;
}

const filtersFrom = (search: URLSearchParams): Filters => {
  const filters: Filters = {};
  for (const name of ['status', 'q', 'from', 'to'] as const) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
};

/** The list is newest first, so the days filter the loaded pages; older pages load on demand. */
const submittedWithin = (filters: Filters) => (registration: Registration) => {
  const day = registration.submittedAt.slice(0, 10);
  return (!filters.from || day >= filters.from) && (!filters.to || day <= filters.to);
};

function FilterForm({ filters }: { filters: Filters }) {
  const [draft, setDraft] = useState<Filters>(filters);
  useEffect(() => setDraft(filters), [JSON.stringify(filters)]);
  const set = (name: keyof Filters) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [name]: event.currentTarget.value });
  return (
    <form
      class="card filters"
      aria-label="Filter registrations"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(`/registrations${query({ ...draft })}`);
      }}
    >
      <StatusFilter value={draft.status ?? ''} onChange={set('status')} />
      <CustomerFilter value={draft.q ?? ''} onInput={set('q')} />
      <div class="field">
        <label for="filter-from">Submitted from</label>
        <input id="filter-from" type="date" value={draft.from ?? ''} onInput={set('from')} />
      </div>
      <div class="field">
        <label for="filter-to">Submitted until</label>
        <input id="filter-to" type="date" value={draft.to ?? ''} onInput={set('to')} />
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          Filter
        </button>
      </div>
    </form>
  );
}

function PartnerTable({ registrations }: { registrations: Registration[] }) {
  const { can } = useSession();
  const now = useNow(60_000);
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">Registrations, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Status</th>
            <th scope="col">What next</th>
            <th scope="col">Protection</th>
            <th scope="col">{can.viewOwnResellers ? 'Reseller' : 'Distributor'}</th>
            <th scope="col">Submitted</th>
          </tr>
        </thead>
        <tbody>
          {registrations.map((registration) => (
            <tr key={registration.id}>
              <th scope="row">
                <Link to={`/registrations/${registration.id}`}>{registration.customer.name}</Link>
                <div class="muted small">{registration.opportunity.title}</div>
              </th>
              <td>
                <StatusBadge status={registration.status} />
                {registration.reasonCode ? <div class="small">{reasonInWords(registration.reasonCode)}</div> : null}
              </td>
              <td class="small">{nextStep(registration)}</td>
              <td>{protectionLeft(registration, now) ?? '—'}</td>
              <td>{can.viewOwnResellers ? registration.resellerId : registration.distributorId}</td>
              <td>{formatDateTime(registration.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A partner's own registrations: a reseller's, or those registered through a distributor. */
export function PartnerRegistrations() {
  const { csrf, can } = useSession();
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const filterKey = JSON.stringify(filters);
  const pages = usePages(
    (cursor, signal) => searchRegistrations(csrf, { status: filters.status, q: filters.q }, cursor, signal),
    [csrf, filters.status, filters.q],
  );
  const shown = pages.items.filter(submittedWithin(filters));
  const oldest = pages.items.at(-1)?.submittedAt.slice(0, 10);
  // Past the "from" day nothing older can match: no more pages to offer.
  const exhausted = filters.from !== undefined && oldest !== undefined && oldest < filters.from;
  const title = can.viewOwnResellers ? 'Registrations through us' : 'My registrations';
  return (
    <Page title={title} lead="Newest first; open one for its decisions and what you can do with it.">
      <FilterForm filters={filters} />
      <section aria-labelledby="results-title" class="results">
        <div class="results-header">
          <h2 id="results-title">Registrations</h2>
          <ExportButtons filters={{ status: filters.status, q: filters.q }} disabled={shown.length === 0} />
        </div>
        {can.registerDeals ? (
          <p>
            <Link to="/register">Register a deal</Link>
          </p>
        ) : null}
        {!pages.first.data && pages.first.error ? (
          <ErrorState error={pages.first.error} what="your registrations" onRetry={pages.first.reload} />
        ) : !pages.first.data ? (
          <Loading what="your registrations" />
        ) : shown.length === 0 && (!pages.cursor || exhausted) ? (
          <EmptyState>
            {filterKey === '{}' ? 'Nothing registered yet.' : 'No registration matches these filters.'}
          </EmptyState>
        ) : (
          <>
            <PageCount pages={{ ...pages, items: shown, cursor: exhausted ? null : pages.cursor }} />
            <PartnerTable registrations={shown} />
            {exhausted ? null : <LoadMore pages={pages} what="registrations" />}
          </>
        )}
      </section>
    </Page>
  );
}
