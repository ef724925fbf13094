import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  /** The last good answer; kept while a refresh runs or fails, so a poll never blanks the page. */
  data?: T;
  error?: ApiError;
  loading: boolean;
  /** When `data` was last fetched. */
  updatedAt?: Date;
  reload(): void;
}

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error));

/**
 * Loads from the API when `deps` change and, with `pollMs`, again every `pollMs` (paused while the
 * tab is hidden). A newer load supersedes an older one still in flight.
 */
export function useApi<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  options: { pollMs?: number } = {},
): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ loading: true });
  const generation = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const load = useCallback((keepData: boolean) => {
    const mine = ++generation.current;
    const controller = new AbortController();
    setState((previous) => ({ ...(keepData ? previous : {}), loading: true }));
    fetcherRef.current(controller.signal).then(
      (data) => {
        if (mine === generation.current) setState({ data, loading: false, updatedAt: new Date() });
      },
      (error: unknown) => {
        if (mine !== generation.current || (error instanceof DOMException && error.name === 'AbortError')) return;
        setState((previous) => ({ ...previous, error: asApiError(error), loading: false }));
      },
    );
    return controller;
  }, []);

  useEffect(() => {
    const first = load(false);
    if (!options.pollMs) return () => first.abort();
    let latest = first;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') latest = load(true);
    }, options.pollMs);
    return () => {
      window.clearInterval(timer);
      latest.abort();
    };
  }, [...deps, options.pollMs]);

  return { ...state, reload: () => load(true) };
}
