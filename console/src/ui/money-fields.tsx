import type { FieldError } from '../api/types';
import { TextField } from './text-field';

/**
 * An amount and its currency, each a field with its own errors (`<path>.amount`, `<path>.currency`): the
 * API never sums across currencies, so a person always says which one.
 */
export function MoneyFields(props: {
  idPrefix: string;
  path: string;
  amountLabel: string;
  amount: string;
  currency: string;
  onChange(change: { amount?: string; currency?: string }): void;
  errors: readonly FieldError[];
}) {
  const { idPrefix, path, errors, onChange } = props;
  return (
    <>
      <TextField
        id={`${idPrefix}-amount`}
        label={props.amountLabel}
        path={`${path}.amount`}
        type="number"
        value={props.amount}
        onChange={(amount) => onChange({ amount })}
        errors={errors}
      />
      <TextField
        id={`${idPrefix}-currency`}
        label="Currency"
        path={`${path}.currency`}
        hint="ISO 4217, such as USD or EUR"
        value={props.currency}
        onChange={(currency) => onChange({ currency })}
        errors={errors}
      />
    </>
  );
}
