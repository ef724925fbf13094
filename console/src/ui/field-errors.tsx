import type { FieldError } from '../api/types';

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
