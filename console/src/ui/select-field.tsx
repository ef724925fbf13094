import type { FieldError } from '../api/types';
import { describedErrors, FieldMessages } from './field-errors';

interface SelectFieldProps {
  id: string;
  label: string;
  /** The API field path whose errors belong here. */
  path: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
  errors: readonly FieldError[];
  /** The first, empty choice ("Choose…"); absent when a value is always chosen. */
  placeholder?: string;
  hint?: string;
}

/** A labelled <select> with its hint and the API's errors for its field. */
export function SelectField(props: SelectFieldProps) {
  const { id, label, path, value, options, onChange, errors, placeholder, hint } = props;
  const { mine, describedBy } = describedErrors(id, path, errors, hint);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={mine.length > 0 ? 'true' : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <FieldMessages id={`${id}-errors`} errors={mine} />
    </div>
  );
}
