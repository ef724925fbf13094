import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { ErrorState } from './states';
import { type Loaded, useApi } from './use-api';

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Pages<T> {
  first: Loaded<PageOf<T>>;
  /** Every item loaded so far, the first page's then each more's. */
  items: T[];
  /** Where the next page starts; null at the end. */
  cursor: string | null;
  loadingMore: boolean;
  moreError?: ApiError;
  loadMore(): Promise<void>;
}

/**
 * A list the API pages with a cursor: the first page loads with `deps`, "Load more" appends the next.
 * A change of `deps` (or a reload of the first page, polled with `pollMs`) starts again from the top.
 */
export function usePages<T>(
  fetchPage: (cursor: string | undefined, signal?: AbortSignal) => Promise<PageOf<T>>,
  deps: readonly unknown[],
  options: { pollMs?: number } = {},
): Pages<T> {
  const first = useApi((signal) => fetchPage(undefined, signal), deps, options);
  const [more, setMore] = useState<{ items: T[]; cursor: string | null } | undefined>();
  const [moreError, setMoreError] = useState<ApiError | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => setMore(undefined), [...deps, first.data]);
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchPage(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (error) {
      setMoreError(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    } finally {
      setLoadingMore(false);
    }
  };
  return { first, items, cursor, loadingMore, moreError, loadMore };
}

/** How many are shown, and the button that loads more (with what went wrong the last time). */
export function PageCount<T>({ pages }: { pages: Pages<T> }) {
  return (
    <p class="muted" role="status">
      Showing {pages.items.length}
      {pages.cursor ? ' (more available)' : ''}
    </p>
  );
}

export function LoadMore<T>({ pages, what }: { pages: Pages<T>; what: string }) {
  return (
    <>
      {pages.moreError ? <ErrorState error={pages.moreError} what={`more ${what}`} /> : null}
      {pages.cursor ? (
        <button type="button" onClick={pages.loadMore} disabled={pages.loadingMore}>
          {pages.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </>
  );
}
