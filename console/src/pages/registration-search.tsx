import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { listPartners } from '../api/partners';
import { type RegistrationFilters, searchRegistrations } from '../api/registrations';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Page } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { LoadMore, PageCount, usePages } from '../ui/use-pages';
import { ExportButtons } from './registration-export-buttons';
import { CustomerFilter, DayFilters, filtersFrom, StatusFilter } from './registration-filters';
import { RegistrationTable } from './registration-table';

const filterNames = ['status', 'resellerId', 'distributorId', 'q', 'submittedFrom', 'submittedTo'] as const;

function FilterForm({ filters }: { filters: RegistrationFilters }) {
  const { csrf } = useSession();
  const partners = useApi((signal) => listPartners(csrf, signal), [csrf]);
  const [draft, setDraft] = useState<RegistrationFilters>(filters);
  useEffect(() => setDraft(filters), [JSON.stringify(filters)]);
  const set = (name: keyof RegistrationFilters) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [name]: event.currentTarget.value });
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(`/registrations${query({ ...draft })}`);
  };
  return (
    <form class="card filters" onSubmit={submit} aria-label="Search registrations">
      <StatusFilter value={draft.status ?? ''} onChange={set('status')} />
      <div class="field">
        <label for="filter-partner">Partner</label>
        <select id="filter-partner" value={draft.resellerId ?? ''} onChange={set('resellerId')}>
          <option value="">Any partner</option>
          {partners.data?.resellers.map((reseller) => (
            <option key={reseller.id} value={reseller.id}>
              {reseller.name} ({reseller.id})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-distributor">Distributor</label>
        <select id="filter-distributor" value={draft.distributorId ?? ''} onChange={set('distributorId')}>
          <option value="">Any distributor</option>
          {partners.data?.distributors.map((distributor) => (
            <option key={distributor.id} value={distributor.id}>
              {distributor.name} ({distributor.id})
            </option>
          ))}
        </select>
      </div>
      <CustomerFilter value={draft.q ?? ''} onInput={set('q')} />
      <DayFilters from={draft.submittedFrom ?? ''} until={draft.submittedTo ?? ''} onInput={set} />
      <div class="actions">
        <button type="submit" class="primary">
          Search
        </button>
      </div>
      {partners.error ? (
        <p class="state state-warning">Could not load the partner lists: {partners.error.detail}</p>
      ) : null}
    </form>
  );
}

/** The auditors' search: registrations by status, partner, distributor and customer, newest first. */
export function RegistrationSearch() {
  const { csrf } = useSession();
  const { search } = useLocation();
  const filters = filtersFrom(search, filterNames);
  const filterKey = JSON.stringify(filters);
  const pages = usePages((cursor, signal) => searchRegistrations(csrf, filters, cursor, signal), [csrf, filterKey]);
  const { first, items } = pages;

  return (
    <Page title="Registrations" lead="Search every registration; open one for its decisions and timeline.">
      <FilterForm filters={filters} />
      <section aria-labelledby="results-title" class="results">
        <div class="results-header">
          <h2 id="results-title">Results</h2>
          <ExportButtons filters={filters} disabled={!first.data || items.length === 0} />
        </div>
        {!first.data && first.error ? (
          <ErrorState error={first.error} what="registrations" onRetry={first.reload} />
        ) : !first.data ? (
          <Loading what="registrations" />
        ) : items.length === 0 ? (
          <EmptyState>
            {filterKey === '{}' ? 'No registration has been submitted yet.' : 'No registration matches these filters.'}
          </EmptyState>
        ) : (
          <>
            <PageCount pages={pages} />
            <RegistrationTable registrations={items} />
            <LoadMore pages={pages} what="registrations" />
          </>
        )}
      </section>
    </Page>
  );
}
