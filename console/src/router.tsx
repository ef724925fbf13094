import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A tiny history router: the console has a handful of pages, so a library would add more than it
 * saves. The API answers index.html for every path under /console, so deep links and reloads work.
 */
export const BASE = '/console';

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', notify);

/** The path under /console, always starting with '/'. */
export function currentPath(): string {
  const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : '/';
  return path === '' ? '/' : path;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = `${BASE}${to}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setHref] = useState(() => window.location.href);
  useEffect(() => {
    const listener = () => setHref(window.location.href);
    listeners.add(listener);
    // Children's effects run before this one: catch a navigation one of them made before we listened.
    listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return { path: currentPath(), search: new URLSearchParams(window.location.search) };
}

/** Matches `/registrations/:id` against a path; the named segments come back decoded. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = have[index] as string;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}

interface LinkProps {
  to: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
}

/** A real link (middle-click and copy work) that navigates in place on a plain click. */
export function Link({ to, children, class: className, 'aria-current': ariaCurrent }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={`${BASE}${to}`} onClick={onClick} class={className} aria-current={ariaCurrent}>
      {children}
    </a>
  );
}
