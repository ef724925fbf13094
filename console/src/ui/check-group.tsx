import type { FieldError } from '../api/types';
import { FieldMessages } from './field-errors';
import { errorsAt, fieldId } from './field-paths';

interface CheckGroupProps<T extends string> {
  legend: string;
  /** The API field path, for its errors and its element id. */
  path: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange(selected: T[]): void;
  errors: readonly FieldError[];
  hint?: string;
}

/** A picker of several values: a fieldset of checkboxes, reachable and toggled by keyboard. */
export function CheckGroup<T extends string>(props: CheckGroupProps<T>) {
  const { legend, path, options, selected, onChange, errors, hint } = props;
  const id = fieldId(path);
  const mine = errorsAt(errors, path);
  const toggle = (value: T, on: boolean) =>
    onChange(options.map((option) => option.value).filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <fieldset
      id={id}
      class={`check-group${mine.length > 0 ? ' invalid' : ''}`}
      tabIndex={-1}
      aria-describedby={mine.length > 0 ? `${id}-errors` : undefined}
    >
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      <div class="choices">
        {options.map((option) => (
          <label key={option.value} class="choice">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessages id={`${id}-errors`} errors={mine} />
    </fieldset>
  );
}
