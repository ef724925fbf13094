import type { FieldError } from '../api/types';
import { describedErrors, FieldMessages } from './field-errors';

interface TextFieldProps {
  id: string;
  label: string;
  /** The API field path whose errors belong here. */
  path: string;
  value: string;
  onChange(value: string): void;
  errors: readonly FieldError[];
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  /** `text` unless given: `date`, `number`, `email`. */
  type?: 'text' | 'date' | 'number' | 'email';
  /** The id of a <datalist> of suggestions. */
  list?: string;
}

/** A labelled text input with its hint and the API's errors for its field. */
export function TextField(props: TextFieldProps) {
  const { id, label, path, value, onChange, errors, hint, required, disabled, type, list } = props;
  const { mine, describedBy } = describedErrors(id, path, errors, hint);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type ?? 'text'}
        list={list}
        value={value}
        required={required}
        disabled={disabled}
        autocomplete="off"
        aria-invalid={mine.length > 0 ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <FieldMessages id={`${id}-errors`} errors={mine} />
    </div>
  );
}
