import { useEffect, useState } from 'preact/hooks';
import type { FieldError } from '../api/types';
import { FieldMessages } from './field-errors';
import { errorsAt, fieldId } from './field-paths';

interface ListInputProps {
  label: string;
  path: string;
  values: readonly string[];
  onChange(values: string[]): void;
  /** Values offered as you type (those used elsewhere in the policy). */
  suggestions: readonly string[];
  errors: readonly FieldError[];
}

const split = (text: string) =>
  text
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);

/** Free values (regions, programs) as one comma-separated field, with the known ones suggested. */
export function ListInput({ label, path, values, onChange, suggestions, errors }: ListInputProps) {
  const id = fieldId(path);
  const [text, setText] = useState(values.join(', '));
  // Keep what is being typed ("east, ") unless the list changed from outside.
  useEffect(() => {
    if (split(text).join(',') !== values.join(',')) setText(values.join(', '));
  }, [values.join(',')]);
  const mine = errorsAt(errors, path);
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        list={`${id}-suggestions`}
        aria-invalid={mine.length > 0 ? 'true' : undefined}
        aria-describedby={`${hintId}${mine.length > 0 ? ` ${id}-errors` : ''}`}
        onInput={(event) => {
          setText(event.currentTarget.value);
          onChange(split(event.currentTarget.value));
        }}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <p id={hintId} class="hint">
        Separate several with commas; leave empty for any.
      </p>
      <FieldMessages id={`${id}-errors`} errors={mine} />
    </div>
  );
}
