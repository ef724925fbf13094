import type { FieldError } from '../api/types';
import { errorsAt } from './field-paths';

/** Errors shown at their field, in red and named by `aria-describedby` of the control. */
export function FieldMessages({ id, errors }: { id: string; errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div id={id}>
      {errors.map((error) => (
        <p key={`${error.path}:${error.message}`} class="field-error">
          {error.message}
        </p>
      ))}
    </div>
  );
}

/** A control's own errors (at its API path) and the ids of its hint and errors, for `aria-describedby`. */
export function describedErrors(id: string, path: string, errors: readonly FieldError[], hint?: string) {
  const mine = errorsAt(errors, path);
  const describedBy = [hint ? `${id}-hint` : '', mine.length > 0 ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return { mine, describedBy: describedBy || undefined };
}
