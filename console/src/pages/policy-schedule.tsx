import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { cancelUpcomingPolicy } from '../api/policy';
import type { FieldError, PolicyInForce } from '../api/types';
import { useSession } from '../session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FieldMessages } from '../ui/field-errors';
import { errorsAt, fieldId } from '../ui/field-paths';
import { formatDateTime } from '../ui/format';
import { ProblemList } from '../ui/states';

/** A datetime-local value (the browser's time zone) as the ISO instant the API takes. */
export const instantOf = (local: string) => new Date(local).toISOString();

/** When a publication takes force: now, or at a later moment (a datetime-local value, once one is entered). */
export interface TakesForce {
  later: boolean;
  at?: string;
}

export const scheduledAt = (choice: TakesForce) => (choice.later && choice.at ? choice.at : undefined);

export function ScheduleChoice(props: {
  choice: TakesForce;
  onChange(choice: TakesForce): void;
  errors: readonly FieldError[];
}) {
  const { choice, onChange, errors } = props;
  const id = fieldId('effectiveFrom');
  const mine = errorsAt(errors, 'effectiveFrom');
  return (
    <fieldset class="schedule" id={`${id}-choice`}>
      <legend>Takes force</legend>
      <label class="choice">
        <input type="radio" name="takes-force" checked={!choice.later} onChange={() => onChange({ later: false })} />
        Now
      </label>
      <label class="choice">
        <input
          type="radio"
          name="takes-force"
          checked={choice.later}
          onChange={() => onChange({ ...choice, later: true })}
        />
        At a later time
      </label>
      {choice.later ? (
        <div class="field">
          <label for={id}>Takes force at (your local time)</label>
          <input
            id={id}
            type="datetime-local"
            value={choice.at ?? ''}
            aria-invalid={mine.length > 0 ? 'true' : undefined}
            aria-describedby={`${id}-hint${mine.length > 0 ? ` ${id}-errors` : ''}`}
            onInput={(event) => onChange({ later: true, at: event.currentTarget.value || undefined })}
          />
          <p id={`${id}-hint`} class="hint">
            Registrations submitted from then on are decided under it; every partner is told now and again when it takes
            force.
          </p>
          <FieldMessages id={`${id}-errors`} errors={mine} />
        </div>
      ) : null}
    </fieldset>
  );
}

/** Whether every partner has been told of the change: what the API recorded, not a promise. */
function PartnersTold({ announced }: { announced: NonNullable<PolicyInForce['upcoming']>['announced'] }) {
  const scheduled = announced.find((announcement) => announcement.event === 'policy.scheduled');
  if (!scheduled) return <p>Partners are being told; reload to see when all of them have been.</p>;
  return (
    <p>
      {scheduled.partners} {scheduled.partners === 1 ? 'partner was' : 'partners were'} told on{' '}
      {formatDateTime(scheduled.at)} (event feed, and webhook where set); they are told again when it takes force.
    </p>
  );
}

/** The change scheduled next, with the way to cancel it before it takes force. */
export function UpcomingChange({
  upcoming,
  onCancelled,
}: {
  upcoming: PolicyInForce['upcoming'];
  onCancelled(): void;
}) {
  const { csrf, can } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  if (!upcoming) return null;
  const cancel = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await cancelUpcomingPolicy(csrf);
      onCancelled();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <section class="state state-notice" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">Upcoming change</h2>
      <p>
        Version {upcoming.version} takes force {formatDateTime(upcoming.effectiveFrom)}.
      </p>
      <PartnersTold announced={upcoming.announced} />
      {failure ? <ProblemList error={failure} /> : null}
      {can.publishPolicy ? (
        <button type="button" onClick={() => setConfirming(true)}>
          Cancel this change…
        </button>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Cancel version ${upcoming.version}?`}
        confirmLabel="Cancel the change"
        busy={busy}
        onConfirm={() => void cancel()}
        onCancel={() => setConfirming(false)}
      >
        <p>It never takes force; it stays listed as cancelled, and partners are told.</p>
      </ConfirmDialog>
    </section>
  );
}
