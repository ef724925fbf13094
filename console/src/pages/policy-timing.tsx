import type { FieldError } from '../api/types';
import { DurationInput } from '../ui/duration-input';
import { fieldId } from '../ui/field-paths';
import { WholeNumberInput } from '../ui/whole-number-input';
import type { PolicyDraft } from './policy-draft';

type Timing = NonNullable<PolicyDraft['timing']>;

interface TimingFieldsProps {
  timing: Timing;
  onChange(timing: Timing): void;
  errors: readonly FieldError[];
}

/** How long protection lasts, when reminders go out, review deadlines and extensions. */
export function TimingFields({ timing, onChange, errors }: TimingFieldsProps) {
  const set = (patch: Partial<Timing>) => onChange({ ...timing, ...patch });
  const extension = timing.extension ?? {};
  const setExtension = (patch: Partial<NonNullable<Timing['extension']>>) =>
    set({ extension: { ...extension, ...patch } });
  return (
    <fieldset id={fieldId('timing')} tabIndex={-1}>
      <legend>Timings</legend>
      <div class="field-grid">
        <DurationInput
          label="Protection"
          path="timing.protection"
          value={timing.protection}
          onChange={(protection) => set({ protection })}
          errors={errors}
          hint="How long an approved registration holds its deal."
        />
        <DurationInput
          label="Expiry reminder"
          path="timing.expiryReminder"
          value={timing.expiryReminder}
          onChange={(expiryReminder) => set({ expiryReminder })}
          errors={errors}
          hint="Before protection ends; shorter than protection."
        />
        <DurationInput
          label="Review deadline"
          path="timing.reviewSla"
          value={timing.reviewSla}
          onChange={(reviewSla) => set({ reviewSla })}
          errors={errors}
          hint="For a channel manager to decide an escalation."
        />
        <DurationInput
          label="Second review deadline"
          path="timing.secondReviewSla"
          value={timing.secondReviewSla}
          onChange={(secondReviewSla) => set({ secondReviewSla })}
          errors={errors}
          hint="After the first deadline has passed."
        />
      </div>
      <fieldset id={fieldId('timing.onSecondSlaBreach')} tabIndex={-1}>
        <legend>When the second review deadline passes too</legend>
        <label class="choice">
          <input
            type="radio"
            name="second-breach"
            checked={(timing.onSecondSlaBreach ?? 'first-come') === 'first-come'}
            onChange={() => set({ onSecondSlaBreach: 'first-come' })}
          />
          The first registration accepted gets the deal
        </label>
        <label class="choice">
          <input
            type="radio"
            name="second-breach"
            checked={timing.onSecondSlaBreach === 'reject-all'}
            onChange={() => set({ onSecondSlaBreach: 'reject-all' })}
          />
          Every contender is rejected
        </label>
      </fieldset>
      <fieldset id={fieldId('timing.extension')} tabIndex={-1}>
        <legend>Extensions</legend>
        <div class="field-grid">
          <DurationInput
            label="Extension period"
            path="timing.extension.period"
            value={extension.period}
            onChange={(period) => setExtension({ period })}
            errors={errors}
          />
          <WholeNumberInput
            label="Extensions per registration"
            path="timing.extension.max"
            value={extension.max}
            onChange={(max) => setExtension({ max })}
            errors={errors}
            min={0}
            max={10}
          />
        </div>
        <label class="choice">
          <input
            type="checkbox"
            checked={extension.needsApproval === true}
            onChange={(event) => setExtension({ needsApproval: event.currentTarget.checked })}
          />
          An extension needs a channel manager’s approval
        </label>
      </fieldset>
    </fieldset>
  );
}
