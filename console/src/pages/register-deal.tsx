import { useEffect, useState } from 'preact/hooks';
import { type RegistrationForm, registrationForm, submitRegistration } from '../api/portal';
import { getRegistration } from '../api/registrations';
import type { Registration } from '../api/types';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { fieldId } from '../ui/field-paths';
import { Page, Section } from '../ui/page';
import { ErrorState, Loading, ProblemList } from '../ui/states';
import { useApi } from '../ui/use-api';
import { useSubmit } from '../ui/use-submit';
import { PartnerSummary } from './partner-registration';
import { type DealDraft, draftPaths, emptyDraft, submissionOf } from './register-draft';
import { RegisterFields } from './register-fields';

/** Waits for the decision politely: soon at first, then less often, and not while the tab is hidden. */
const POLL_STEPS_MS = [1000, 1000, 2000, 3000, 5000, 10_000];

function useDecision(submitted: Registration): Registration {
  const { csrf } = useSession();
  const [latest, setLatest] = useState(submitted);
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let current = submitted;
    const poll = (attempt: number) => {
      timer = window.setTimeout(
        async () => {
          if (stopped) return;
          // A failed read (a blip) keeps what was shown and tries again at the next step.
          if (document.visibilityState === 'visible') {
            current = await getRegistration(csrf, submitted.id).catch(() => current);
            if (!stopped) setLatest(current);
          }
          if (!stopped && current.status === 'pending') poll(attempt + 1);
        },
        POLL_STEPS_MS[Math.min(attempt, POLL_STEPS_MS.length - 1)],
      );
    };
    if (submitted.status === 'pending') poll(0);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [submitted.id]);
  return latest;
}

function Answer({ submitted, onAnother }: { submitted: Registration; onAnother(): void }) {
  const registration = useDecision(submitted);
  const pending = registration.status === 'pending';
  return (
    <Section title={pending ? 'Submitted: the decision is under way' : 'The decision'} id="answer-title">
      <div role="status" aria-live="polite">
        <PartnerSummary registration={registration} />
      </div>
      <p class="actions">
        <Link to={`/registrations/${registration.id}`}>Open this registration</Link>
        <button type="button" onClick={onAnother}>
          Register another deal
        </button>
      </p>
    </Section>
  );
}

/** Moves the focus to the first field the API refused, so a keyboard user lands where to fix it. */
function focusFirstError(paths: string[]) {
  for (const path of paths) {
    const segments = path.split('.');
    for (let length = segments.length; length > 0; length -= 1) {
      const element = document.getElementById(fieldId(segments.slice(0, length).join('.')));
      if (element) {
        element.focus();
        return;
      }
    }
  }
}

function DealForm({ form, onSubmitted }: { form: RegistrationForm; onSubmitted(registration: Registration): void }) {
  const { csrf, can } = useSession();
  const registrant = can.registerDirect ? 'direct' : form.resellers !== undefined ? 'distributor' : 'reseller';
  const { search } = useLocation();
  const [draft, setDraft] = useState<DealDraft>(() => emptyDraft(form, search.get('reseller') ?? ''));
  // One key per filled-in form: a double click or a retry after a lost answer registers once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const submission = useSubmit();
  const placed = (path: string) => draftPaths.some((known) => path === known || path.startsWith(`${known}.`));
  const unplaced = submission.fieldErrors.filter((error) => !placed(error.path));
  useEffect(() => focusFirstError(submission.fieldErrors.map((error) => error.path)), [submission.fieldErrors]);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (submission.busy) return;
    let answer: Registration | undefined;
    const body = submissionOf(draft, form.products.length > 0, registrant);
    const ok = await submission.run(async () => {
      answer = await submitRegistration(csrf, body, idempotencyKey);
    });
    if (ok && answer) onSubmitted(answer);
  };
  return (
    <form onSubmit={submit} aria-label="Register a deal" noValidate>
      <RegisterFields
        form={form}
        draft={draft}
        onChange={setDraft}
        errors={submission.fieldErrors}
        direct={registrant === 'direct'}
      />
      {submission.failure ? <ProblemList error={submission.failure} /> : null}
      {unplaced.length > 0 ? (
        <ul class="state state-error" role="alert">
          {unplaced.map((error) => (
            <li key={`${error.path}:${error.message}`}>
              <code>{error.path || '(body)'}</code>: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      {submission.fieldErrors.length > 0 ? (
        <p class="field-error" role="alert">
          Some fields need a change: see the messages at them.
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {submission.busy ? 'Registering…' : 'Register the deal'}
        </button>
      </div>
    </form>
  );
}

/**
 * Register a deal: a reseller for itself, a distributor for one of its resellers, a vendor seller a direct
 * opportunity; the decision shows here.
 */
export function RegisterDealPage() {
  const { csrf, can } = useSession();
  const form = useApi((signal) => registrationForm(csrf, signal), [csrf]);
  const [submitted, setSubmitted] = useState<Registration | undefined>();
  // A new form (and a new Idempotency-Key) for each deal.
  const [round, setRound] = useState(0);
  return (
    <Page
      title="Register a deal"
      lead={
        <>
          {can.registerDirect ? 'A direct opportunity, through no partner: first' : 'First'} come, first served under
          the <Link to="/policy/guide">rules of engagement</Link>.
        </>
      }
    >
      {submitted ? (
        <Answer
          submitted={submitted}
          onAnother={() => {
            setSubmitted(undefined);
            setRound(round + 1);
          }}
        />
      ) : form.data ? (
        <DealForm key={round} form={form.data} onSubmitted={setSubmitted} />
      ) : form.error ? (
        <ErrorState error={form.error} what="the registration form" onRetry={form.reload} />
      ) : (
        <Loading what="the registration form" />
      )}
    </Page>
  );
}
