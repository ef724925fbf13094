import type { DisputeOutcome, FieldError, PolicyDisputes } from '../api/types';
import { DurationInput } from '../ui/duration-input';
import { fieldId } from '../ui/field-paths';
import { WholeNumberInput } from '../ui/whole-number-input';

type Disputes = Partial<PolicyDisputes>;

const outcomeWords: Record<DisputeOutcome, string> = {
  upheld: 'The decision stands (upheld)',
  overturned: 'The deal moves to the disputing partner (overturned)',
  distinct: 'The disputed registration is approved as a separate deal (distinct)',
};

/** How partners dispute a decision: the windows, the review deadlines, the deadline's outcome and a monthly cap. */
export function DisputesFields(props: {
  disputes: Disputes;
  onChange(disputes: Disputes): void;
  errors: readonly FieldError[];
}) {
  const { disputes, onChange, errors } = props;
  const set = (patch: Disputes) => onChange({ ...disputes, ...patch });
  const onDeadline = disputes.onDeadline ?? 'upheld';
  return (
    <fieldset id={fieldId('disputes')} tabIndex={-1}>
      <legend>Disputes</legend>
      <div class="field-grid">
        <DurationInput
          label="Dispute window"
          path="disputes.window"
          value={disputes.window}
          onChange={(window) => set({ window })}
          errors={errors}
          hint="After a decision, how long its partner may dispute it."
        />
        <DurationInput
          label="Response window"
          path="disputes.responseWindow"
          value={disputes.responseWindow}
          onChange={(responseWindow) => set({ responseWindow })}
          errors={errors}
          hint="For the holder of the deal to answer once."
        />
        <DurationInput
          label="Dispute review deadline"
          path="disputes.reviewSla"
          value={disputes.reviewSla}
          onChange={(reviewSla) => set({ reviewSla })}
          errors={errors}
          hint="For a channel manager to decide; then raised to level 2."
        />
        <DurationInput
          label="Second dispute review deadline"
          path="disputes.secondReviewSla"
          value={disputes.secondReviewSla}
          onChange={(secondReviewSla) => set({ secondReviewSla })}
          errors={errors}
          hint="After the first; then the outcome below applies."
        />
        <WholeNumberInput
          label="Disputes per reseller per month"
          path="disputes.perResellerPerMonth"
          value={disputes.perResellerPerMonth}
          onChange={(cap) => {
            const { perResellerPerMonth: _previous, ...rest } = disputes;
            onChange(cap === undefined ? rest : { ...rest, perResellerPerMonth: cap });
          }}
          errors={errors}
          min={1}
          placeholder="no limit"
        />
      </div>
      <fieldset id={fieldId('disputes.onDeadline')} tabIndex={-1}>
        <legend>When the second dispute deadline passes</legend>
        {(Object.keys(outcomeWords) as DisputeOutcome[]).map((outcome) => (
          <label key={outcome} class="choice">
            <input
              type="radio"
              name="dispute-deadline"
              checked={onDeadline === outcome}
              onChange={() => set({ onDeadline: outcome })}
            />
            {outcomeWords[outcome]}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
