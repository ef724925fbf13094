import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { ConfirmDialog } from './confirm-dialog';
import { ProblemList } from './states';

export interface DecisionChoice {
  value: string;
  label: string;
  /** What will happen, said in the confirmation. */
  consequence: string;
}

interface ConfirmedDecisionProps {
  /** Prefix of the form's element ids, unique on the page. */
  idPrefix: string;
  title: string;
  legend: string;
  choices: DecisionChoice[];
  /** Said when nothing is chosen. */
  chooseMessage: string;
  reasonLabel: string;
  /** Said when the reason is empty: why it is needed. */
  reasonMessage: string;
  submitLabel: string;
  /** Sends the decision; a refusal is shown in the form. */
  decide(choice: string, reason: string): Promise<unknown>;
  onDecided(): void;
}

/**
 * A staff decision with a required reason, confirmed in a dialog that says what will happen before
 * anything is sent (escalations and disputes alike). Missing fields are named at the field.
 */
export function ConfirmedDecision(props: ConfirmedDecisionProps) {
  const { idPrefix, choices } = props;
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ choice?: string; reason?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const chosen = choices.find((c) => c.value === choice);
  const review = (event: Event) => {
    event.preventDefault();
    setMissing({
      ...(chosen ? {} : { choice: props.chooseMessage }),
      ...(reason.trim() ? {} : { reason: props.reasonMessage }),
    });
    if (chosen && reason.trim()) setConfirming(true);
  };
  const confirm = async () => {
    if (!chosen) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await props.decide(chosen.value, reason.trim());
      setConfirming(false);
      props.onDecided();
    } catch (error) {
      setConfirming(false);
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    } finally {
      setBusy(false);
    }
  };
  const ids = { title: `${idPrefix}-title`, choiceError: `${idPrefix}-choice-error`, reason: `${idPrefix}-reason` };
  return (
    <form class="card resolve" onSubmit={review} noValidate aria-labelledby={ids.title}>
      <h2 id={ids.title}>{props.title}</h2>
      <fieldset aria-describedby={missing.choice ? ids.choiceError : undefined}>
        <legend>{props.legend}</legend>
        {choices.map((option) => (
          <label key={option.value} class="choice">
            <input
              type="radio"
              name={`${idPrefix}-choice`}
              value={option.value}
              checked={choice === option.value}
              onChange={() => setChoice(option.value)}
            />
            {option.label}
          </label>
        ))}
        {missing.choice ? (
          <p id={ids.choiceError} class="field-error">
            {missing.choice}
          </p>
        ) : null}
      </fieldset>
      <label for={ids.reason}>{props.reasonLabel}</label>
      <textarea
        id={ids.reason}
        rows={3}
        maxLength={1000}
        value={reason}
        onInput={(event) => setReason(event.currentTarget.value)}
        aria-invalid={missing.reason ? 'true' : undefined}
        aria-describedby={missing.reason ? `${ids.reason}-error` : undefined}
      />
      {missing.reason ? (
        <p id={`${ids.reason}-error`} class="field-error">
          {missing.reason}
        </p>
      ) : null}
      {failure ? <ProblemList error={failure} /> : null}
      <div class="actions">
        <button type="submit" class="primary">
          {props.submitLabel}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Confirm the decision"
        confirmLabel="Confirm decision"
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <strong>{chosen?.label}</strong>
        </p>
        <p>{chosen?.consequence} This cannot be undone.</p>
        <p>
          Reason: <q>{reason.trim()}</q>
        </p>
      </ConfirmDialog>
    </form>
  );
}
