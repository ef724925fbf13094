import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { listRecords, type VendorCollection, type VendorRecord } from '../api/vendor-records';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Page } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { LoadMore, PageCount, usePages } from '../ui/use-pages';
import { type CollectionSpec, collectionSpecs } from './vendor-fields';

/** The vendor's records, one tab per collection, and the CSV import beside them. */
export function RecordsTabs({ current }: { current: VendorCollection | 'import' }) {
  const { can } = useSession();
  const tabs: Array<{ to: string; label: string; name: VendorCollection | 'import' }> = [
    ...Object.values(collectionSpecs).map((spec) => ({
      to: `/records/${spec.collection}`,
      label: spec.title,
      name: spec.collection,
    })),
    ...(can.editVendorRecords ? [{ to: '/records/import', label: 'Import CSV', name: 'import' as const }] : []),
  ];
  return (
    <nav aria-label="Vendor records" class="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={tab.name === current ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchForm({ spec, q }: { spec: CollectionSpec; q: string }) {
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  return (
    <form
      class="card filters"
      aria-label={`Search ${spec.title.toLowerCase()}`}
      onSubmit={(event) => {
        event.preventDefault();
        navigate(`/records/${spec.collection}${query({ q: draft.trim() })}`);
      }}
    >
      <div class="field grow">
        <label for="records-q">Find {spec.title.toLowerCase()}</label>
        <input
          id="records-q"
          type="search"
          value={draft}
          placeholder="the start of a word of the name, the id, a domain or an identifier"
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          Search
        </button>
      </div>
    </form>
  );
}

function RecordTable({ spec, records }: { spec: CollectionSpec; records: VendorRecord[] }) {
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">{spec.title}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Id</th>
            {spec.columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              <th scope="row">
                <Link to={`/records/${spec.collection}/${encodeURIComponent(record.id)}`}>{record.name}</Link>
              </th>
              <td>
                <code>{record.id}</code>
              </td>
              {spec.columns.map((column) => (
                <td key={column.label}>{column.value(record)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Search a collection of vendor records, a page at a time; admins add from here. */
export function VendorRecordsPage({ collection }: { collection: VendorCollection }) {
  const { csrf, can } = useSession();
  const { search } = useLocation();
  const spec = collectionSpecs[collection];
  const q = search.get('q')?.trim() ?? '';
  const pages = usePages(
    (cursor, signal) => listRecords(csrf, collection, q || undefined, cursor, signal),
    [csrf, collection, q],
  );
  const { first, items, cursor } = pages;
  return (
    <Page title={spec.title} lead={spec.lead}>
      <RecordsTabs current={collection} />
      <SearchForm spec={spec} q={q} />
      {can.editVendorRecords ? (
        <p>
          <Link to={`/records/${collection}/new`} class="button">
            Add {spec.noun === 'account' ? 'an' : 'a'} {spec.noun}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="records-title" class="results">
        <h2 id="records-title">{q ? `${spec.title} matching “${q}”` : spec.title}</h2>
        {!first.data && first.error ? (
          <ErrorState error={first.error} what={spec.title.toLowerCase()} onRetry={first.reload} />
        ) : !first.data ? (
          <Loading what={spec.title.toLowerCase()} />
        ) : items.length === 0 && !cursor ? (
          <EmptyState>{q ? `No ${spec.noun} matches “${q}”.` : `No ${spec.noun} yet.`}</EmptyState>
        ) : (
          <>
            <PageCount pages={pages} />
            {items.length > 0 ? <RecordTable spec={spec} records={items} /> : null}
            <LoadMore pages={pages} what={spec.title.toLowerCase()} />
          </>
        )}
      </section>
    </Page>
  );
}
