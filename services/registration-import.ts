import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import type { Client } from '@temporalio/client';
import type { ImportJobDoc } from '../db/imports';
import { JSON_LINE_COLUMN, migrationColumns, readMigrationHeader } from '../domain/migration/rows';
import type { registrationImportWorkflow } from '../workflows/registration-import';
import { registrationImportWorkflowId } from '../workflows/vendor-import-definitions';
import { csvParser, receiveRows, refusedFile } from './vendor-import';

/** One line of JSON lines may not be larger than a CSV record may (1 MB). */
const MAX_LINE_BYTES = 1_048_576;

/**
 * JSON lines as rows of one cell each (the line): a line that is not JSON is that row's error, not the
 * file's; blank lines are skipped, as the CSV parser skips empty ones.
 */
function jsonLines(): Transform {
  let pending = '';
  const emit = (stream: Transform, line: string) => {
    if (line.trim() !== '') stream.push([line.replace(/\r$/, '')]);
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      if (Buffer.byteLength(pending) > MAX_LINE_BYTES) {
        done(refusedFile('a line is larger than 1 MB', 'Invalid JSON lines file'));
        return;
      }
      for (const line of lines) emit(this, line);
      done();
    },
    flush(done) {
      emit(this, pending);
      done();
    },
  });
}

export type MigrationMediaType = 'text/csv' | 'application/x-ndjson';

/**
 * Receives a migration file (CSV with a header, or JSON lines) into an import job, as the vendor imports
 * receive theirs: checked and stored in chunks as it arrives; its rows are checked one by one by the job.
 */
export function receiveMigration(
  mediaType: MigrationMediaType,
  body: Readable,
  createdBy: string,
  maxBytes: number,
  dryRun: boolean,
): Promise<ImportJobDoc> {
  const format =
    mediaType === 'text/csv'
      ? {
          parser: csvParser,
          header: readMigrationHeader,
          empty: `the file is empty; its first line must be a header naming at least ${migrationColumns.required.join(',')}`,
        }
      : { parser: jsonLines, header: { columns: [JSON_LINE_COLUMN] }, empty: 'the file has no lines' };
  return receiveRows({ kind: 'registrations', dryRun, ...format }, body, createdBy, maxBytes);
}

/** Starts the migration's workflow; starting it again (a retried request) finds it started. */
export async function startMigration(temporal: Client, taskQueue: string, job: ImportJobDoc): Promise<void> {
  await temporal.workflow.start<typeof registrationImportWorkflow>('registrationImportWorkflow', {
    workflowId: registrationImportWorkflowId(job._id),
    taskQueue,
    args: [{ jobId: job._id }],
  });
}
