import { useState } from 'preact/hooks';
import { closeRegistration, requestExtension, watchDeal, withdrawRegistration } from '../api/portal';
import type { Registration } from '../api/types';
import { useSession } from '../session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formatDateTime } from '../ui/format';
import { ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';
import { ChangeForm } from './change-form';
import { closingOf, emptyClosing } from './closing-draft';
import { ClosingFields } from './closing-fields';
import { allowedActions } from './partner-words';

type Confirming = 'withdraw' | 'won' | 'lost' | undefined;

/**
 * What the owning reseller may do with its registration now: change it, withdraw, ask for an extension,
 * close. A seller's direct opportunity allows the same but changing and watching (the API's reseller only).
 */
export function RegistrationActions({ registration, onDone }: { registration: Registration; onDone(): void }) {
  const { csrf } = useSession();
  const submission = useSubmit();
  const [confirming, setConfirming] = useState<Confirming>();
  const [reason, setReason] = useState('');
  const [closing, setClosing] = useState(emptyClosing);
  const [watching, setWatching] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const actions = allowedActions(registration.status, registration.reasonCode).filter(
    (action) => !registration.direct || (action !== 'change' && action !== 'watch'),
  );
  if (actions.length === 0 && !notice) return <p class="muted">This registration has ended: nothing more to do.</p>;

  const act = async (what: () => Promise<string>) => {
    let message = '';
    const ok = await submission.run(async () => {
      message = await what();
    });
    setConfirming(undefined);
    if (ok) {
      setNotice(message);
      onDone();
    }
  };
  const confirm = () => {
    if (confirming === 'withdraw')
      void act(async () => {
        await withdrawRegistration(csrf, registration.id);
        return 'Withdrawn: the deal is free for others.';
      });
    else if (confirming)
      void act(async () => {
        await closeRegistration(csrf, registration.id, closingOf(confirming, closing));
        setClosing(emptyClosing);
        return `Closed as ${confirming}.`;
      });
  };
  const watch = () =>
    void act(async () => {
      const answer = await watchDeal(csrf, registration.id);
      setWatching(true);
      return `We will tell you by email when this deal frees up (watching until ${formatDateTime(answer.until)}).`;
    });
  const askExtension = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const answer = await requestExtension(csrf, registration.id, reason.trim());
      setReason('');
      return answer.result === 'extended'
        ? `Extended: protected until ${formatDateTime(answer.registration.protectedUntil)}.`
        : 'Your extension request went to a channel manager; you are told the outcome by email.';
    });
  };

  return (
    <div class="stack">
      {notice ? (
        <p class="state state-notice" role="status">
          {notice}
        </p>
      ) : null}
      {submission.failure ? <ProblemList error={submission.failure} /> : null}
      {actions.includes('extension') ? (
        <form onSubmit={askExtension} aria-label="Ask for an extension" class="form-grid">
          <TextField
            id="extension-reason"
            label="Why it needs more time"
            path="reason"
            value={reason}
            onChange={setReason}
            errors={submission.fieldErrors}
            required
          />
          <button type="submit" disabled={submission.busy}>
            Ask for an extension
          </button>
        </form>
      ) : null}
      {actions.includes('change') ? <ChangeForm registration={registration} submission={submission} act={act} /> : null}
      <div class="actions">
        {actions.includes('close') ? (
          <>
            <button type="button" onClick={() => setConfirming('won')} disabled={submission.busy}>
              Close as won
            </button>
            <button type="button" onClick={() => setConfirming('lost')} disabled={submission.busy}>
              Close as lost
            </button>
          </>
        ) : null}
        {actions.includes('watch') && !watching ? (
          <button type="button" onClick={watch} disabled={submission.busy}>
            Tell me when this deal frees up
          </button>
        ) : null}
        {actions.includes('withdraw') ? (
          <button type="button" onClick={() => setConfirming('withdraw')} disabled={submission.busy}>
            Withdraw
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming !== undefined}
        title={confirming === 'withdraw' ? 'Withdraw this registration?' : `Close this registration as ${confirming}?`}
        confirmLabel={confirming === 'withdraw' ? 'Withdraw' : `Close as ${confirming}`}
        busy={submission.busy}
        onConfirm={confirm}
        onCancel={() => setConfirming(undefined)}
      >
        <p>
          {confirming === 'withdraw'
            ? 'The registration ends and the deal is free for other partners. This cannot be undone.'
            : 'The registration ends with this outcome. This cannot be undone.'}
        </p>
        {confirming === 'won' || confirming === 'lost' ? (
          <ClosingFields outcome={confirming} draft={closing} onChange={setClosing} errors={submission.fieldErrors} />
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
