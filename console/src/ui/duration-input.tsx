import type { FieldError } from '../api/client';
import {
  type DurationUnit,
  durationInWords,
  durationParts,
  durationUnits,
  isoDuration,
  isoDurationMs,
} from './duration';
import { errorsAt, FieldMessages, fieldId } from './field-errors';

interface DurationInputProps {
  label: string;
  path: string;
  /** The ISO 8601 duration, or undefined for the service's default. */
  value: string | undefined;
  onChange(value: string | undefined): void;
  errors: readonly FieldError[];
  hint?: string;
}

/** A duration as a number and a unit, written to the policy as ISO 8601 and read back in words. */
export function DurationInput({ label, path, value, onChange, errors, hint }: DurationInputProps) {
  const id = fieldId(path);
  const ms = value === undefined ? undefined : isoDurationMs(value);
  const parts = ms === undefined ? undefined : durationParts(ms);
  const unit: DurationUnit = parts?.unit ?? 'days';
  const mine = errorsAt(errors, path);
  const unreadable = value !== undefined && ms === undefined;
  const wordsId = `${id}-words`;
  const describedBy = [wordsId, mine.length > 0 ? `${id}-errors` : ''].filter(Boolean).join(' ');
  const write = (amount: string, nextUnit: DurationUnit) => {
    const count = Number(amount);
    onChange(
      amount === '' || !Number.isFinite(count) ? undefined : isoDuration(Math.max(0, Math.round(count)), nextUnit),
    );
  };
  return (
    <div class="field duration">
      <label for={id}>{label}</label>
      <div class="duration-controls">
        <input
          id={id}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={parts ? String(parts.amount) : ''}
          aria-invalid={mine.length > 0 || unreadable ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(event) => write(event.currentTarget.value, unit)}
        />
        <select
          aria-label={`${label}: unit`}
          value={unit}
          onChange={(event) => write(parts ? String(parts.amount) : '1', event.currentTarget.value as DurationUnit)}
        >
          {durationUnits.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <p id={wordsId} class="hint" aria-live="polite">
        {unreadable
          ? `“${value}” is not a duration this form can show; edit it in the JSON view.`
          : ms !== undefined
            ? `${durationInWords(ms)} (${value})`
            : 'Empty: the service’s default applies.'}
        {hint ? ` ${hint}` : ''}
      </p>
      <FieldMessages id={`${id}-errors`} errors={mine} />
    </div>
  );
}
