import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { listPartners } from '../api/partners';
import { currentPolicy, publishPolicy, type SimulationAccounts, simulatePolicy } from '../api/policy';
import type { FieldError, Policy, SimulationJob, SimulationReport } from '../api/types';
import { useSession } from '../session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formatDateTime } from '../ui/format';
import type { LineError } from '../ui/json-editor';
import { syntaxErrorLine } from '../ui/json-locate';
import { Page } from '../ui/page';
import { ErrorState, Loading, ProblemList } from '../ui/states';
import { useApi } from '../ui/use-api';
import { draftOf, draftText } from './policy-draft';
import { type EditorView, PolicyEditor } from './policy-editor';
import { instantOf, ScheduleChoice, scheduledAt, type TakesForce, UpcomingChange } from './policy-schedule';
import { partialNote, progressText } from './simulation-progress';
import { SimulationResult } from './simulation-report';

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error));

/** `simulate` reports the policy's fields under `policy.`; the editors know them by their own paths. */
const relativeToPolicy = (errors: FieldError[]) =>
  errors.map((error) => ({ ...error, path: error.path.replace(/^policy(\.|$)/, '') }));

/** Edit a candidate policy, simulate it against the stored registrations, and (admins) publish or schedule it. */
export function PolicyWorkbench() {
  const { csrf, can } = useSession();
  const current = useApi((signal) => currentPolicy(csrf, signal), [csrf]);
  const partners = useApi((signal) => listPartners(csrf, signal), [csrf]);
  const [text, setText] = useState<string | undefined>();
  const [view, setView] = useState<EditorView>('form');
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [syntax, setSyntax] = useState<LineError[]>([]);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [report, setReport] = useState<{ text: string; report: SimulationReport; partial?: string } | undefined>();
  const [progress, setProgress] = useState<SimulationJob['progress'] | undefined>();
  const [busy, setBusy] = useState<'simulate' | 'publish' | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [takesForce, setTakesForce] = useState<TakesForce>({ later: false });
  const takesForceAt = scheduledAt(takesForce);
  const [accounts, setAccounts] = useState<SimulationAccounts>('now');

  // Start from the policy in force; with none yet, from the smallest valid policy.
  useEffect(() => {
    if (text === undefined && !current.loading && !current.error) {
      setText(draftText(current.data?.policy ?? { model: 'open' }));
    }
  }, [current.loading]);

  const run = async (action: 'simulate' | 'publish') => {
    if (text === undefined) return;
    const parsed = draftOf(text);
    setFailure(undefined);
    setNotice(undefined);
    setProblems([]);
    if ('error' in parsed) {
      setView('json');
      setSyntax([{ line: syntaxErrorLine(text, new SyntaxError(parsed.error)) ?? 1, path: '', message: parsed.error }]);
      setConfirming(false);
      return;
    }
    setSyntax([]);
    setBusy(action);
    // The API validates the draft; the form only shapes it.
    const policy = parsed.draft as Policy;
    try {
      if (action === 'simulate') {
        const job = await simulatePolicy(csrf, policy, (running) => setProgress(running.progress), accounts);
        if (job.report) setReport({ text, report: job.report, partial: partialNote(job) });
        else
          setFailure(new ApiError(500, 'The simulation failed', job.error ?? 'the simulation ended without a report'));
      } else {
        const published = await publishPolicy(csrf, policy, takesForceAt ? instantOf(takesForceAt) : undefined);
        const scheduled = new Date(published.effectiveFrom).getTime() > Date.now() + 1000;
        setNotice(
          scheduled
            ? `Scheduled as version ${published.version}: it takes force ${formatDateTime(published.effectiveFrom)}.`
            : `Published as version ${published.version}. It applies to registrations submitted from now on.`,
        );
        setText(draftText(published.policy));
        setTakesForce({ later: false });
        current.reload();
      }
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.status === 422 && apiError.errors.length > 0) setProblems(relativeToPolicy(apiError.errors));
      else setFailure(apiError);
    } finally {
      setBusy(undefined);
      setProgress(undefined);
      setConfirming(false);
    }
  };

  const simulatedThisText = report !== undefined && report.text === text;
  const upcoming = current.data?.upcoming;
  return (
    <Page
      title={can.publishPolicy ? 'Edit and simulate the policy' : 'Simulate a policy'}
      lead="Replays every stored registration under a candidate policy and shows what would change. Nothing is written until you publish."
    >
      {current.error ? <ErrorState error={current.error} what="the policy in force" onRetry={current.reload} /> : null}
      {partners.error ? <ErrorState error={partners.error} what="the distributors" onRetry={partners.reload} /> : null}
      <UpcomingChange
        upcoming={upcoming}
        onCancelled={() => {
          setNotice(`The change to version ${upcoming?.version} was cancelled.`);
          current.reload();
        }}
      />
      {text === undefined || !partners.data ? (
        current.error ? null : (
          <Loading what="the policy in force" />
        )
      ) : (
        <form
          class="card"
          onSubmit={(event) => {
            event.preventDefault();
            void run('simulate');
          }}
        >
          <p class="muted small">
            {current.data
              ? `Starting from version ${current.data.version}, the policy in force.`
              : 'No policy is published yet.'}{' '}
            The API checks the candidate; its errors are shown at their fields.
          </p>
          <PolicyEditor
            text={text}
            onText={setText}
            view={view}
            onView={setView}
            distributors={partners.data.distributors}
            problems={problems}
            syntax={syntax}
          />
          <div class="field">
            <label for="simulation-accounts">Route the replay by the vendor’s accounts</label>
            <select
              id="simulation-accounts"
              value={accounts}
              onChange={(event) => setAccounts((event.target as HTMLSelectElement).value as SimulationAccounts)}
            >
              <option value="now">as they are now</option>
              <option value="at-acceptance">as each registration recorded them when accepted</option>
            </select>
          </div>
          {can.publishPolicy ? <ScheduleChoice choice={takesForce} onChange={setTakesForce} errors={problems} /> : null}
          {failure ? <ProblemList error={failure} /> : null}
          {notice ? (
            <p class="state state-success" role="status">
              {notice}
            </p>
          ) : null}
          <div class="actions">
            <button type="submit" class="primary" disabled={busy !== undefined}>
              {busy === 'simulate' ? 'Simulating…' : 'Simulate'}
            </button>
            {busy === 'simulate' && progress ? (
              <span role="status" class="muted small">
                {progressText(progress)}
              </span>
            ) : null}
            {can.publishPolicy ? (
              <button type="button" disabled={busy !== undefined} onClick={() => setConfirming(true)}>
                {takesForceAt ? 'Schedule…' : 'Publish…'}
              </button>
            ) : null}
          </div>
          <ConfirmDialog
            open={confirming}
            title={takesForceAt ? 'Schedule this policy?' : 'Publish this policy?'}
            confirmLabel={takesForceAt ? 'Schedule' : 'Publish'}
            busy={busy === 'publish'}
            onConfirm={() => void run('publish')}
            onCancel={() => setConfirming(false)}
          >
            <p>
              {takesForceAt
                ? `It takes force ${formatDateTime(instantOf(takesForceAt))} and applies to every registration submitted from then on.`
                : 'It applies to every registration submitted from now on.'}{' '}
              Earlier decisions keep the version they used.
            </p>
            {upcoming ? (
              <p class="state state-warning">
                Version {upcoming.version} is already scheduled: cancel it first, or the API refuses this one.
              </p>
            ) : null}
            {simulatedThisText ? null : <p class="state state-warning">You have not simulated this exact text.</p>}
          </ConfirmDialog>
        </form>
      )}
      {report?.partial ? (
        <p class="state state-warning" role="status">
          {report.partial}
        </p>
      ) : null}
      {report ? <SimulationResult report={report.report} /> : null}
    </Page>
  );
}
