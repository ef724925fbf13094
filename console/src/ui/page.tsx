import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface PageProps {
  title: string;
  /** Shown beside the title: what the page is about, in a few words. */
  lead?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * Every page: one h1 that takes the focus when the page opens, so keyboard and screen-reader users
 * land at the top of the new content after a client-side navigation, and a document title to match.
 */
export function Page({ title, lead, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · dealreg console`;
    heading.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <div class="page">
      <header class="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p class="lead">{lead}</p> : null}
      </header>
      {children}
    </div>
  );
}

/** A titled region of a page. */
export function Section({ title, id, children }: { title: string; id: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
