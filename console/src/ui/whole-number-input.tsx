import type { FieldError } from '../api/types';
import { FieldMessages } from './field-errors';
import { errorsAt, fieldId } from './field-paths';

/** A labelled whole number of the policy, with the API's errors for its path; empty is `undefined`. */
export function WholeNumberInput(props: {
  label: string;
  path: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  errors: readonly FieldError[];
  min: number;
  max?: number;
  /** Shown while empty (what empty means, e.g. "no limit"). */
  placeholder?: string;
}) {
  const { label, path, value, onChange, errors, min, max, placeholder } = props;
  const id = fieldId(path);
  const mine = errorsAt(errors, path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={1}
        placeholder={placeholder}
        value={value === undefined ? '' : String(value)}
        aria-invalid={mine.length > 0 ? 'true' : undefined}
        aria-describedby={mine.length > 0 ? `${id}-errors` : undefined}
        onInput={(event) => onChange(event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value))}
      />
      <FieldMessages id={`${id}-errors`} errors={mine} />
    </div>
  );
}
