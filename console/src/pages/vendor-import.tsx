import { useEffect, useState } from 'preact/hooks';
import { getImport, type ImportJob, type ImportKind, uploadImport } from '../api/vendor-records';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Page, Section } from '../ui/page';
import { ErrorState, Loading, ProblemList } from '../ui/states';
import { useApi } from '../ui/use-api';
import { type Submission, useSubmit } from '../ui/use-submit';
import { RecordsTabs } from './vendor-records';

const columnsOf: Record<ImportKind, string> = {
  accounts: 'id,name,domains,uei,duns,taxId,segment,region,programs,ownerKind,ownerId',
  programs: 'id,name,contractNumbers,accounts',
  products: 'id,name,family',
};

/** Why an upload was refused: the file's problem (bad header, not CSV, too large) or the API's. */
export function UploadRefusal({ submit }: { submit: Submission }) {
  return (
    <>
      {submit.failure ? <ProblemList error={submit.failure} /> : null}
      {submit.fieldErrors.length > 0 ? (
        <div class="state state-error" role="alert">
          <p>
            <strong>The file was refused.</strong> {submit.fieldErrors.map((error) => error.message).join(' ')}
          </p>
        </div>
      ) : null}
    </>
  );
}

/** Chooses a file and sends it; the job's page follows (its id in the address, so a reload keeps watching). */
function UploadForm() {
  const { csrf } = useSession();
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [file, setFile] = useState<File | undefined>();
  const submit = useSubmit();
  return (
    <form
      class="partner-form"
      aria-label="Import a CSV file"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!file) return;
        let job: ImportJob | undefined;
        const ok = await submit.run(async () => {
          job = await uploadImport(csrf, kind, file);
        });
        if (ok && job) navigate(`/records/import?job=${encodeURIComponent(job.id)}`);
      }}
    >
      <div class="field-grid">
        <div class="field">
          <label for="import-kind">Kind of records</label>
          <select id="import-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as ImportKind)}>
            <option value="accounts">Accounts</option>
            <option value="programs">Programs</option>
            <option value="products">Products</option>
          </select>
        </div>
        <div class="field">
          <label for="import-file">CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby="import-file-hint"
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
          <p id="import-file-hint" class="hint">
            First line: <code>{columnsOf[kind]}</code> (any order). Lists are split by <code>;</code>. Importing the
            same rows again changes nothing.
          </p>
        </div>
      </div>
      <UploadRefusal submit={submit} />
      <div class="actions">
        <button type="submit" class="primary" disabled={submit.busy || !file}>
          {submit.busy ? 'Sending the file…' : 'Import'}
        </button>
      </div>
    </form>
  );
}

/** An import job polled every second until it ends (vendor records and migrations alike). */
export function useImportJob(id: string) {
  const { csrf } = useSession();
  const [ended, setEnded] = useState(false);
  const job = useApi((signal) => getImport(csrf, id, signal), [csrf, id], { pollMs: ended ? undefined : 1000 });
  const status = job.data?.status;
  useEffect(() => {
    if (status && status !== 'running') setEnded(true);
  }, [status]);
  return job;
}

/** A job's errors by row and column (`column` names the path: a CSV column, or a JSON field). */
export function ImportErrors({ job, column = 'Column' }: { job: ImportJob; column?: string }) {
  if (job.errors.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="data">
        <caption>
          Errors by row
          {job.errorCount > job.errors.length ? ` (the first ${job.errors.length} of ${job.errorCount})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">{column}</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {job.errors.map((error) => (
            <tr key={`${error.row}:${error.path}:${error.message}`}>
              <th scope="row">{error.row}</th>
              <td>{error.path ? <code>{error.path}</code> : 'the whole row'}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A running job polled every second; its errors by row and column as they are found. */
function JobProgress({ id }: { id: string }) {
  const job = useImportJob(id);
  const data = job.data;
  if (job.error && !data) return <ErrorState error={job.error} what="the import" onRetry={job.reload} />;
  if (!data) return <Loading what="the import" />;
  const handled = data.progress.done + data.progress.failed;
  return (
    <Section title={`Importing ${data.kind}`} id="import-job-title">
      <p role="status" aria-live="polite">
        {data.status === 'running'
          ? `Imported ${handled} of ${data.progress.rows} rows…`
          : data.status === 'done'
            ? `Done: ${data.progress.done} rows imported, ${data.progress.failed} refused.`
            : `Stopped: ${data.failure ?? 'the import failed'}.`}
      </p>
      <progress max={Math.max(data.progress.rows, 1)} value={handled} aria-label="Rows handled" />
      <dl class="facts">
        <dt>Rows in the file</dt>
        <dd>{data.progress.rows}</dd>
        <dt>Created</dt>
        <dd>{data.outcomes.created}</dd>
        <dt>Updated</dt>
        <dd>{data.outcomes.updated}</dd>
        <dt>Unchanged</dt>
        <dd>{data.outcomes.unchanged}</dd>
        <dt>Refused rows</dt>
        <dd>{data.progress.failed}</dd>
      </dl>
      <ImportErrors job={data} />
    </Section>
  );
}

/** Import accounts, programs or products from a CSV file, and watch the job. */
export function VendorImportPage() {
  const { search } = useLocation();
  const job = search.get('job');
  return (
    <Page title="Import vendor records" lead="Upload a CSV file; each row is checked and its errors are listed by row.">
      <RecordsTabs current="import" />
      <Section title="Upload" id="import-upload-title">
        <UploadForm />
      </Section>
      {job ? <JobProgress key={job} id={job} /> : null}
    </Page>
  );
}
