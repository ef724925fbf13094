import type { FieldError } from '../api/types';

/** The element id of the control for an API field path: `routes.0.distributors` → `field-routes-0-distributors`. */
export const fieldId = (path: string) => `field-${path.replaceAll('.', '-') || 'root'}`;

/** The errors the API reported at a path or inside it (a route's distributor is shown at the route's picker). */
export const errorsAt = (errors: readonly FieldError[], path: string, exact = false) =>
  errors.filter((error) => error.path === path || (!exact && error.path.startsWith(`${path}.`)));
