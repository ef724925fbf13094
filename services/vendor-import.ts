import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import type { Client } from '@temporalio/client';
import { CsvError, parse } from 'csv-parse';
import {
  chunkId,
  createImportJob,
  discardImport,
  type ImportJobDoc,
  type ImportJobKind,
  markReceived,
  ROWS_PER_CHUNK,
  storeChunk,
} from '../db/imports';
import { RequestRefused } from '../domain/errors';
import { type ImportKind, importColumns, readHeader } from '../domain/vendor/csv-rows';
import type { vendorImportWorkflow } from '../workflows/vendor-import';
import { vendorImportWorkflowId } from '../workflows/vendor-import-definitions';

/** A file larger than the deployment accepts (IMPORT_MAX_MB): nothing of it is kept. */
export class ImportTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${Math.round(maxBytes / 1_048_576)} MB`);
    this.name = 'ImportTooLarge';
  }
}

/** Counts the bytes that pass and stops the stream past the limit. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new ImportTooLarge(maxBytes));
      else done(null, chunk);
    },
  });
}

/**
 * A CSV parser as the imports read files: a byte order mark is dropped, rows may have any number of
 * fields (a row with the wrong number is that row's error, not the file's), blank lines are skipped and
 * one record may not be larger than 1 MB.
 */
export const csvParser = () =>
  parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 1_048_576 });

export const refusedFile = (message: string, title = 'Invalid CSV file') =>
  new RequestRefused(422, title, message, [{ path: '', message }]);

/** How an import's file becomes rows of cells. */
export interface RowFormat {
  kind: ImportJobKind;
  /** Turns the bytes into rows, each an array of cells. */
  parser(): Transform;
  /** The first row is a header (its columns, or what is wrong with it); fixed columns: every row is a record. */
  header: ((cells: string[]) => { columns: string[] } | { problem: string }) | { columns: string[] };
  /** What an empty file is told. */
  empty: string;
  dryRun?: boolean;
}

const csvFormat = (kind: ImportKind): RowFormat => ({
  kind,
  parser: csvParser,
  header: (cells) => readHeader(kind, cells),
  empty: `the file is empty; its first line must be the header ${importColumns[kind].join(',')}`,
});

/**
 * Receives a CSV file into an import job: the header is checked first, then the rows are stored
 * a thousand at a time as they arrive (never the whole file in memory). A file that turns out malformed or too
 * large is discarded whole. Answers the job, ready for its workflow.
 */
export function receiveImport(kind: ImportKind, body: Readable, createdBy: string, maxBytes: number) {
  return receiveRows(csvFormat(kind), body, createdBy, maxBytes);
}

/** `receiveImport` for a file of any format (a migration's CSV or JSON lines). */
export async function receiveRows(
  format: RowFormat,
  body: Readable,
  createdBy: string,
  maxBytes: number,
): Promise<ImportJobDoc> {
  const { header } = format;
  const fixed = 'columns' in header ? header.columns : undefined;
  const parser = body
    .pipe(byteLimit(maxBytes))
    .on('error', (error) => parser.destroy(error))
    .pipe(format.parser());
  body.on('error', (error) => parser.destroy(error));
  let job: ImportJobDoc | undefined;
  let rows: Array<{ cells: string[] }> = [];
  let received = 0;
  let chunks = 0;
  const flush = async () => {
    if (!job || rows.length === 0) return;
    // A spreadsheet numbers the header row 1; a file without a header starts its records at 1.
    const firstRow = received - rows.length + (fixed ? 1 : 2);
    await storeChunk({ _id: chunkId(job._id, chunks), jobId: job._id, index: chunks, firstRow, rows });
    chunks += 1;
    rows = [];
  };
  const options = { dryRun: format.dryRun };
  try {
    if (fixed) job = await createImportJob(format.kind, createdBy, fixed, options);
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!job) {
        const read = typeof header === 'function' ? header(cells) : header;
        if ('problem' in read) throw refusedFile(read.problem);
        job = await createImportJob(format.kind, createdBy, read.columns, options);
        continue;
      }
      rows.push({ cells });
      received += 1;
      if (rows.length >= ROWS_PER_CHUNK) await flush();
    }
    if (!job || (fixed && received === 0)) throw refusedFile(format.empty);
    await flush();
  } catch (error) {
    if (job) await discardImport(job._id, chunks);
    parser.destroy();
    if (error instanceof CsvError) throw refusedFile(`not valid CSV: ${error.message}`);
    throw error;
  }
  const ready = await markReceived(job._id, received, chunks);
  if (!ready) throw new Error(`import ${job._id} vanished while it was received`);
  return ready;
}

/** Starts the job's workflow; starting it again (a retried request) finds it started. */
export async function startImport(temporal: Client, taskQueue: string, job: ImportJobDoc): Promise<void> {
  await temporal.workflow.start<typeof vendorImportWorkflow>('vendorImportWorkflow', {
    workflowId: vendorImportWorkflowId(job._id),
    taskQueue,
    args: [{ jobId: job._id, chunks: job.chunks }],
  });
}
