import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { type RegistrationFilters, searchRegistrations } from '../api/registrations';
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
import { CustomerFilter, DayFilters, filtersFrom, StatusFilter } from './registration-filters';

/** What a partner filters its list by (naming partners is for staff). */
const filterNames = ['status', 'q', 'submittedFrom', 'submittedTo'] as const;

function FilterForm({ filters }: { filters: RegistrationFilters }) {
  const [draft, setDraft] = useState<RegistrationFilters>(filters);
  useEffect(() => setDraft(filters), [JSON.stringify(filters)]);
  const set = (name: keyof RegistrationFilters) => (event: { currentTarget: { value: string } }) =>
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
      <DayFilters from={draft.submittedFrom ?? ''} until={draft.submittedTo ?? ''} onInput={set} />
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
            <th scope="col">{can.viewOwnResellers || can.viewSellerAccounts ? 'Reseller' : 'Distributor'}</th>
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
              <td>
                {can.viewOwnResellers || can.viewSellerAccounts
                  ? (registration.resellerId ?? 'Direct (your seller)')
                  : registration.distributorId}
              </td>
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
  const filters = filtersFrom(search, filterNames);
  const filterKey = JSON.stringify(filters);
  const pages = usePages((cursor, signal) => searchRegistrations(csrf, filters, cursor, signal), [csrf, filterKey]);
  const title = can.viewOwnResellers ? 'Registrations through us' : 'My registrations';
  return (
    <Page title={title} lead="Newest first; open one for its decisions and what you can do with it.">
      <FilterForm filters={filters} />
      <section aria-labelledby="results-title" class="results">
        <div class="results-header">
          <h2 id="results-title">Registrations</h2>
          <ExportButtons filters={filters} disabled={pages.items.length === 0} />
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
        ) : pages.items.length === 0 && !pages.cursor ? (
          <EmptyState>
            {filterKey === '{}' ? 'Nothing registered yet.' : 'No registration matches these filters.'}
          </EmptyState>
        ) : (
          <>
            <PageCount pages={pages} />
            <PartnerTable registrations={pages.items} />
            <LoadMore pages={pages} what="registrations" />
          </>
        )}
      </section>
    </Page>
  );
}
