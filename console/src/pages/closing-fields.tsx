import type { FieldError, LostReason } from '../api/types';
import { describedErrors, FieldMessages } from '../ui/field-errors';
import { MoneyFields } from '../ui/money-fields';
import { TextField } from '../ui/text-field';
import type { ClosingDraft } from './closing-draft';

const lostReasons: Record<LostReason, string> = {
  competitor: 'A competitor won it',
  'no-decision': 'The customer decided nothing',
  budget: 'No budget',
  timing: 'Not now (timing)',
  other: 'Another reason',
};

/** The facts a close records: the amount won, or why the deal was lost (program health counts both). */
export function ClosingFields(props: {
  outcome: 'won' | 'lost';
  draft: ClosingDraft;
  onChange(draft: ClosingDraft): void;
  errors: readonly FieldError[];
}) {
  const { outcome, draft, onChange, errors } = props;
  const set = (change: Partial<ClosingDraft>) => onChange({ ...draft, ...change });
  if (outcome === 'won') {
    return (
      <div class="form-grid">
        <MoneyFields
          idPrefix="closing"
          path="amount"
          amountLabel="Amount won (optional)"
          amount={draft.amount}
          currency={draft.currency}
          onChange={set}
          errors={errors}
        />
      </div>
    );
  }
  const { mine, describedBy } = describedErrors('closing-reason', 'reason', errors);
  return (
    <div class="form-grid">
      <div class="field">
        <label for="closing-reason">Why it was lost</label>
        <select
          id="closing-reason"
          required
          value={draft.reason}
          aria-invalid={mine.length > 0 ? 'true' : undefined}
          aria-describedby={describedBy}
          onChange={(event) => set({ reason: event.currentTarget.value as LostReason })}
        >
          <option value="">Choose a reason</option>
          {(Object.keys(lostReasons) as LostReason[]).map((reason) => (
            <option key={reason} value={reason}>
              {lostReasons[reason]}
            </option>
          ))}
        </select>
        <FieldMessages id="closing-reason-errors" errors={mine} />
      </div>
      <TextField
        id="closing-note"
        label="Note (optional)"
        path="note"
        value={draft.note}
        onChange={(note) => set({ note })}
        errors={errors}
      />
    </div>
  );
}
