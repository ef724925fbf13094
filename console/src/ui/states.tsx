import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client';

export function Loading({ what }: { what: string }) {
  return (
    <p class="state state-loading" role="status">
      Loading {what}…
    </p>
  );
}

/** Says what went wrong in the API's own words, and what the person can do about it. */
export function ErrorState({ error, what, onRetry }: { error: ApiError; what: string; onRetry?: () => void }) {
  const hint =
    error.status === 403
      ? 'Your role may not see this.'
      : error.status === 404
        ? 'It does not exist, or it is no longer kept.'
        : error.status === 0 || error.status >= 500
          ? 'This is probably temporary.'
          : '';
  return (
    <div class="state state-error" role="alert">
      <p>
        <strong>Could not load {what}.</strong> {error.title}: {error.detail}
      </p>
      {hint ? <p>{hint}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ComponentChildren }) {
  return <p class="state state-empty">{children}</p>;
}

/** Errors of a form submission, field by field when the API named them. */
export function ProblemList({ error }: { error: ApiError }) {
  return (
    <div class="state state-error" role="alert">
      <p>
        <strong>{error.title}.</strong> {error.detail}
      </p>
      {error.errors.length > 0 ? (
        <ul>
          {error.errors.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              <code>{field.path || '(body)'}</code>: {field.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
