import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { currentPolicy, publishPolicy, simulatePolicy } from '../api/policy';
import type { Policy, SimulationJob, SimulationReport } from '../api/types';
import { useSession } from '../session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { JsonEditor, type LineError } from '../ui/json-editor';
import { lineOfPath, locateJsonPaths, syntaxErrorLine } from '../ui/json-locate';
import { Page } from '../ui/page';
import { ErrorState, Loading, ProblemList } from '../ui/states';
import { useApi } from '../ui/use-api';
import { partialNote, progressText } from './simulation-progress';
import { SimulationResult } from './simulation-report';

type Parsed = { policy: Policy } | { errors: LineError[] };

function parse(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { errors: [{ line: 1, path: '', message: 'the policy must be a JSON object' }] };
    }
    return { policy: value as Policy };
  } catch (error) {
    const syntax = error as SyntaxError;
    return { errors: [{ line: syntaxErrorLine(text, syntax) ?? 1, path: '', message: syntax.message }] };
  }
}

/** The API's field errors placed at their lines; `simulate` reports paths under `policy.`. */
function fieldErrorsAt(text: string, error: ApiError): LineError[] {
  const offsets = locateJsonPaths(text);
  return error.errors.map((field) => {
    const path = field.path.replace(/^policy(\.|$)/, '');
    return { line: lineOfPath(text, offsets, path), path, message: field.message };
  });
}

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error));

/** Edit a candidate policy as JSON, simulate it against the stored registrations, and (admins) publish it. */
export function PolicyWorkbench() {
  const { key, can } = useSession();
  const current = useApi((signal) => currentPolicy(key, signal), [key]);
  const [text, setText] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<LineError[]>([]);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [report, setReport] = useState<{ text: string; report: SimulationReport; partial?: string } | undefined>();
  const [progress, setProgress] = useState<SimulationJob['progress'] | undefined>();
  const [busy, setBusy] = useState<'simulate' | 'publish' | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();

  // Start from the policy in force; with none yet, from the smallest valid policy.
  useEffect(() => {
    if (text === undefined && !current.loading && !current.error) {
      setText(JSON.stringify(current.data?.policy ?? { model: 'open' }, null, 2));
    }
  }, [current.loading]);

  const run = async (action: 'simulate' | 'publish') => {
    if (text === undefined) return;
    const parsed = parse(text);
    setFailure(undefined);
    setNotice(undefined);
    if ('errors' in parsed) {
      setFieldErrors(parsed.errors);
      return;
    }
    setFieldErrors([]);
    setBusy(action);
    try {
      if (action === 'simulate') {
        const job = await simulatePolicy(key, parsed.policy, (running) => setProgress(running.progress));
        if (job.report) setReport({ text, report: job.report, partial: partialNote(job) });
        else
          setFailure(new ApiError(500, 'The simulation failed', job.error ?? 'the simulation ended without a report'));
      } else {
        const published = await publishPolicy(key, parsed.policy);
        setNotice(`Published as version ${published.version}. It applies to registrations submitted from now on.`);
        setText(JSON.stringify(published.policy, null, 2));
        current.reload();
      }
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.status === 422 && apiError.errors.length > 0) setFieldErrors(fieldErrorsAt(text, apiError));
      else setFailure(apiError);
    } finally {
      setBusy(undefined);
      setProgress(undefined);
      setConfirming(false);
    }
  };

  const simulatedThisText = report !== undefined && report.text === text;
  return (
    <Page
      title={can.publishPolicy ? 'Edit and simulate the policy' : 'Simulate a policy'}
      lead="Replays every stored registration under a candidate policy and shows what would change. Nothing is written until you publish."
    >
      {current.error ? <ErrorState error={current.error} what="the policy in force" onRetry={current.reload} /> : null}
      {text === undefined ? (
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
            The API checks the candidate; its errors are marked at their lines.
          </p>
          <JsonEditor
            id="policy-json"
            label="Candidate policy (JSON)"
            value={text}
            onChange={setText}
            errors={fieldErrors}
          />
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
                Publish…
              </button>
            ) : null}
          </div>
          <ConfirmDialog
            open={confirming}
            title="Publish this policy?"
            confirmLabel="Publish"
            busy={busy === 'publish'}
            onConfirm={() => void run('publish')}
            onCancel={() => setConfirming(false)}
          >
            <p>
              It becomes version {(current.data?.version ?? 0) + 1} and applies to every registration submitted from now
              on. Earlier decisions keep the version they used.
            </p>
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
