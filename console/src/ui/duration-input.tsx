import { useEffect, useState } from 'preact/hooks';
import type { FieldError } from '../api/types';
import {
  type DurationUnit,
  durationInWords,
  durationParts,
  durationUnits,
  isoDuration,
  isoDurationMs,
} from './duration';
import { FieldMessages } from './field-errors';
import { errorsAt, fieldId } from './field-paths';

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
  // What is being typed, in the unit chosen: 14 days stays 14 days, not 2 weeks, while one types.
  const fromValue = () => {
    const parts = ms === undefined ? undefined : durationParts(ms);
    return { amount: parts ? String(parts.amount) : '', unit: parts?.unit ?? ('days' as DurationUnit) };
  };
  const [local, setLocal] = useState(fromValue);
  const localMs = local.amount === '' ? undefined : isoDurationMs(isoDuration(Number(local.amount), local.unit));
  // A value changed from outside (the JSON view, a published version) replaces what was typed.
  useEffect(() => {
    if (localMs !== ms) setLocal(fromValue());
  }, [value]);
  const mine = errorsAt(errors, path);
  const unreadable = value !== undefined && ms === undefined;
  const wordsId = `${id}-words`;
  const describedBy = [wordsId, mine.length > 0 ? `${id}-errors` : ''].filter(Boolean).join(' ');
  const write = (amount: string, unit: DurationUnit) => {
    const count = Math.max(0, Math.round(Number(amount)));
    const valid = amount !== '' && Number.isFinite(count);
    setLocal({ amount: valid ? String(count) : amount, unit });
    onChange(valid ? isoDuration(count, unit) : undefined);
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
          value={local.amount}
          aria-invalid={mine.length > 0 || unreadable ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(event) => write(event.currentTarget.value, local.unit)}
        />
        <select
          aria-label={`${label}: unit`}
          value={local.unit}
          onChange={(event) => write(local.amount || '1', event.currentTarget.value as DurationUnit)}
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
