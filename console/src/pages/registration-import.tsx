import { useState } from 'preact/hooks';
import { type MigrationReport, uploadMigration } from '../api/registration-import';
import type { ImportJob } from '../api/vendor-records';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Page, Section } from '../ui/page';
import { ErrorState, Loading } from '../ui/states';
import { useSubmit } from '../ui/use-submit';
import { ImportErrors, UploadRefusal, useImportJob } from './vendor-import';

const REQUIRED = 'resellerId,distributorId,submittedAt,status,customerName,segment,opportunityTitle,productLines';

/**
 * Chooses a migration file and sends it, as a dry run or for real; the file stays chosen, so a dry run's
 * report can be read and the same file imported next.
 */
function UploadForm() {
  const { csrf } = useSession();
  const [file, setFile] = useState<File | undefined>();
  const submit = useSubmit();
  const send = async (dryRun: boolean) => {
    if (!file) return;
    let job: ImportJob | undefined;
    const ok = await submit.run(async () => {
      job = await uploadMigration(csrf, file, dryRun);
    });
    if (ok && job) navigate(`/registrations/import?job=${encodeURIComponent(job.id)}`);
  };
  return (
    <form
      class="partner-form"
      aria-label="Migrate registrations"
      onSubmit={(event) => {
        event.preventDefault();
        void send(true);
      }}
    >
      <div class="field">
        <label for="migration-file">Migration file (CSV or JSON lines)</label>
        <input
          id="migration-file"
          type="file"
          accept=".csv,text/csv,.ndjson,.jsonl,application/x-ndjson"
          required
          aria-describedby="migration-file-hint"
          onChange={(event) => setFile(event.currentTarget.files?.[0])}
        />
        <p id="migration-file-hint" class="hint">
          CSV: first line names at least <code>{REQUIRED}</code>, and may add <code>protectedUntil</code>,{' '}
          <code>note</code>, <code>customerDomain</code>, <code>uei</code>, <code>duns</code>, <code>taxId</code>,{' '}
          <code>region</code>, <code>estimatedValue</code>, <code>currency</code>, <code>expectedCloseDate</code>,{' '}
          <code>program</code>. JSON lines: one registration body per line with <code>resellerId</code>,{' '}
          <code>submittedAt</code>, <code>status</code>, <code>protectedUntil</code> and <code>note</code>. Rows are
          numbered after every registration here, in their original order; importing the same rows again skips them.
        </p>
      </div>
      <UploadRefusal submit={submit} />
      <div class="actions">
        <button type="submit" class="primary" disabled={submit.busy || !file}>
          {submit.busy ? 'Sending the file…' : 'Dry run'}
        </button>
        <button type="button" disabled={submit.busy || !file} onClick={() => void send(false)}>
          Import
        </button>
      </div>
    </form>
  );
}

/** The approved imports that a channel manager will decide, with who holds their deal; listed first. */
function Conflicts({ report }: { report: MigrationReport }) {
  if (report.conflicts.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="data">
        <caption>
          Conflicts: approved imports {report.dryRun ? 'that would be' : ''} escalated
          {report.conflictCount > report.conflicts.length
            ? ` (the first ${report.conflicts.length} of ${report.conflictCount})`
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Reseller</th>
            <th scope="col">Registration</th>
            <th scope="col">Other parties to the deal</th>
          </tr>
        </thead>
        <tbody>
          {report.conflicts.map((conflict) => (
            <tr key={conflict.registrationId}>
              <th scope="row">{conflict.row}</th>
              <td>{conflict.resellerId}</td>
              <td>
                {report.dryRun ? (
                  <code>{conflict.registrationId}</code>
                ) : (
                  <Link to={`/registrations/${conflict.registrationId}`}>{conflict.registrationId}</Link>
                )}
              </td>
              <td>
                {conflict.heldBy.map((holder, index) => (
                  <span key={holder.registrationId}>
                    {index > 0 ? ', ' : ''}
                    {holder.row !== undefined ? (
                      `row ${holder.row} (${holder.resellerId})`
                    ) : (
                      <Link to={`/registrations/${holder.registrationId}`}>
                        {holder.registrationId} ({holder.resellerId})
                      </Link>
                    )}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Report({ report }: { report: MigrationReport }) {
  return (
    <dl class="facts">
      <dt>Approved, protected to their own end</dt>
      <dd>{report.approved}</dd>
      <dt>Approved but escalated (deal held)</dt>
      <dd>{report.escalated}</dd>
      <dt>Decided afresh (pending, escalated)</dt>
      <dd>{report.decidedAfresh}</dd>
      <dt>Closed, stored for history</dt>
      <dd>{report.closed}</dd>
      <dt>Imported already (skipped)</dt>
      <dd>{report.alreadyImported}</dd>
    </dl>
  );
}

/** A migration job polled every second: its report once planned, its conflicts first, its errors by row. */
function MigrationProgress({ id }: { id: string }) {
  const job = useImportJob(id);
  const data = job.data;
  if (job.error && !data) return <ErrorState error={job.error} what="the migration" onRetry={job.reload} />;
  if (!data) return <Loading what="the migration" />;
  const report = data.migration;
  const handled = data.progress.done + data.progress.failed;
  const dryRun = report?.dryRun === true;
  return (
    <Section title={dryRun ? 'Dry run' : 'Migration'} id="migration-job-title">
      <p role="status" aria-live="polite">
        {data.status === 'running'
          ? report
            ? `Started ${handled} of ${data.progress.rows} rows…`
            : `Checking and ordering ${data.progress.rows} rows…`
          : data.status === 'done'
            ? dryRun
              ? `Dry run done: ${data.progress.done} rows would be imported and ${data.progress.failed} refused. Nothing was stored.`
              : `Done: ${data.progress.done} rows imported, ${data.progress.failed} refused.`
            : `Stopped: ${data.failure ?? 'the migration failed'}.`}
      </p>
      <progress max={Math.max(data.progress.rows, 1)} value={handled} aria-label="Rows handled" />
      {report ? <Conflicts report={report} /> : null}
      {report ? <Report report={report} /> : null}
      <ImportErrors job={data} column="Field" />
    </Section>
  );
}

/** Migrate live registrations from a spreadsheet or another PRM: dry run, import, watch the job. */
export function RegistrationImportPage() {
  const { search } = useLocation();
  const job = search.get('job');
  return (
    <Page
      title="Migrate registrations"
      lead="Bring registrations from a spreadsheet or another PRM in their original order. Read the dry run first: its conflicts go to a channel manager."
    >
      <Section title="Upload" id="migration-upload-title">
        <UploadForm />
      </Section>
      {job ? <MigrationProgress key={job} id={job} /> : null}
    </Page>
  );
}
