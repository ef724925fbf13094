import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { resolveEscalation } from '../api/escalations';
import type { Escalation, ResolutionRequest } from '../api/types';
import { useSession } from '../session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { ProblemList } from '../ui/states';

interface Choice {
  value: string;
  label: string;
  request(reason: string): ResolutionRequest;
  /** What will happen, said in the confirmation. */
  consequence: string;
}

/**
 * The choices the escalation workflow accepts: with an approved holder only the holder may be
 * awarded (awarding a newcomer would take the deal from it), and only a possible duplicate can be
 * declared distinct.
 */
function choicesFor(escalation: Escalation): Choice[] {
  const extension = escalation.subject === 'extension';
  const holder = escalation.contenders.find((c) => c.role === 'holder');
  const awardable = holder ? [holder] : escalation.contenders;
  // An unrouted or off-route escalation weighs one registration: there is nobody else to reject.
  const alone = escalation.contenders.length === 1;
  const choices: Choice[] = awardable.map((contender) => ({
    value: `award:${contender.registrationId}`,
    label: `${extension ? 'Grant the extension of' : 'Award'} ${contender.registrationId} (${contender.resellerName ?? contender.resellerId}, via ${contender.distributorId})`,
    request: (reason) => ({ award: contender.registrationId, reason }),
    consequence: extension
      ? `${contender.registrationId} gets its extension.`
      : alone
        ? `${contender.registrationId} is approved.`
        : `${contender.registrationId} wins the deal; every other contender ends rejected (resolved against).`,
  }));
  choices.push({
    value: 'reject-all',
    label: extension ? 'Deny the extension' : alone ? 'Reject this registration' : 'Reject all contenders',
    request: (reason) => ({ rejectAll: true, reason }),
    consequence: extension
      ? 'The extension is denied.'
      : alone
        ? 'The registration ends rejected (resolved against).'
        : 'Every contender ends rejected (resolved against).',
  });
  if (escalation.reasonCode === 'possible-duplicate') {
    choices.push({
      value: 'distinct',
      label: 'Not the same deal: let each registration proceed on its own',
      request: (reason) => ({ distinct: true, reason }),
      consequence: 'The match is recorded as false and every contender is decided on its own.',
    });
  }
  return choices;
}

export function ResolveForm({ escalation, onResolved }: { escalation: Escalation; onResolved(): void }) {
  const { csrf } = useSession();
  const choices = choicesFor(escalation);
  const [choice, setChoice] = useState<string>('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ choice?: string; reason?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const chosen = choices.find((c) => c.value === choice);

  const review = (event: Event) => {
    event.preventDefault();
    const problems = {
      ...(chosen ? {} : { choice: 'Choose a decision.' }),
      ...(reason.trim() ? {} : { reason: 'Give a reason: it is recorded with the decision and shown to auditors.' }),
    };
    setMissing(problems);
    if (chosen && reason.trim()) setConfirming(true);
  };

  const confirm = async () => {
    if (!chosen) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await resolveEscalation(csrf, escalation.id, chosen.request(reason.trim()));
      setConfirming(false);
      onResolved();
    } catch (error) {
      setConfirming(false);
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card resolve" onSubmit={review} noValidate aria-labelledby="resolve-title">
      <h2 id="resolve-title">Resolve</h2>
      <fieldset aria-describedby={missing.choice ? 'choice-error' : undefined}>
        <legend>Decision</legend>
        {choices.map((option) => (
          <label key={option.value} class="choice">
            <input
              type="radio"
              name="decision"
              value={option.value}
              checked={choice === option.value}
              onChange={() => setChoice(option.value)}
            />
            {option.label}
          </label>
        ))}
        {missing.choice ? (
          <p id="choice-error" class="field-error">
            {missing.choice}
          </p>
        ) : null}
      </fieldset>
      <label for="resolve-reason">Reason (required, recorded with the decision)</label>
      <textarea
        id="resolve-reason"
        rows={3}
        maxLength={1000}
        value={reason}
        onInput={(event) => setReason(event.currentTarget.value)}
        aria-invalid={missing.reason ? 'true' : undefined}
        aria-describedby={missing.reason ? 'reason-error' : undefined}
      />
      {missing.reason ? (
        <p id="reason-error" class="field-error">
          {missing.reason}
        </p>
      ) : null}
      {failure ? <ProblemList error={failure} /> : null}
      <div class="actions">
        <button type="submit" class="primary">
          Resolve…
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
