import { randomBytes } from 'node:crypto';
import { model, Schema } from 'mongoose';
import type { MigrationReport } from '../domain/migration/report';
import type { ImportKind, RowError } from '../domain/vendor/csv-rows';
import { insertOnce } from './insert-once';

/**
 * A CSV import as a job. The API stores the file as chunks of parsed rows while it receives it (never
 * the whole file in memory), then a workflow imports the chunks one after another; the job records how
 * far it got, so a worker that dies mid-chunk is replaced by another that carries on from that chunk.
 * One writer at a time: the API while receiving, then the workflow's activities, one chunk at a time.
 */
export const ROWS_PER_CHUNK = 1000;
/** Errors kept on the job for reading; every one is counted. */
export const MAX_LISTED_ERRORS = 1000;

export type ImportStatus = 'receiving' | 'running' | 'done' | 'failed';
/** Vendor records, or a migration of registrations (db/registration-imports.ts). */
export type ImportJobKind = ImportKind | 'registrations';

export interface ImportOutcomes {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportJobDoc {
  _id: string;
  kind: ImportJobKind;
  status: ImportStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** The file's columns in its order (from the header). */
  columns: string[];
  /** Rows received, and the chunks they were stored in. */
  rows: number;
  chunks: number;
  /** Chunks imported: the next one to import is this one. */
  chunksDone: number;
  done: number;
  failed: number;
  outcomes: ImportOutcomes;
  rowErrors: RowError[];
  errorCount: number;
  finishedAt?: Date;
  failure?: string;
  /** A migration that only reports what it would do. */
  dryRun?: boolean;
  /** A migration's plan, once made: what it does, and how many chunks of planned rows it starts. */
  migration?: MigrationReport;
  planChunks?: number;
}

export const ImportJob = model<ImportJobDoc>(
  'ImportJob',
  new Schema<ImportJobDoc>(
    {
      _id: { type: String, required: true },
      kind: { type: String, required: true },
      status: { type: String, required: true },
      createdBy: { type: String, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      columns: { type: [String], default: [] },
      rows: { type: Number, default: 0 },
      chunks: { type: Number, default: 0 },
      chunksDone: { type: Number, default: 0 },
      done: { type: Number, default: 0 },
      failed: { type: Number, default: 0 },
      outcomes: { type: Schema.Types.Mixed, default: { created: 0, updated: 0, unchanged: 0 } },
      rowErrors: { type: Schema.Types.Mixed, default: [] },
      errorCount: { type: Number, default: 0 },
      finishedAt: Date,
      failure: String,
      dryRun: Boolean,
      migration: Schema.Types.Mixed,
      planChunks: Number,
    },
    { versionKey: false },
  ),
  'importjobs',
);

export interface ImportChunkDoc {
  /** `<job>:<index>` */
  _id: string;
  jobId: string;
  index: number;
  /** The spreadsheet row number of the chunk's first row. */
  firstRow: number;
  /** Each row's cells, wrapped: FerretDB v1 stores no array directly inside an array. */
  rows: Array<{ cells: string[] }>;
}

export const ImportChunk = model<ImportChunkDoc>(
  'ImportChunk',
  new Schema<ImportChunkDoc>(
    {
      _id: { type: String, required: true },
      jobId: { type: String, required: true },
      index: { type: Number, required: true },
      firstRow: { type: Number, required: true },
      rows: { type: Schema.Types.Mixed, required: true },
    },
    { versionKey: false },
  ),
  'importchunks',
);

/** A chunk's result, inserted once: a retried attempt finds it and does not count the chunk twice. */
export interface ImportChunkResultDoc {
  _id: string;
  done: number;
  failed: number;
  outcomes: ImportOutcomes;
  rowErrors: RowError[];
}

export const ImportChunkResult = model<ImportChunkResultDoc>(
  'ImportChunkResult',
  new Schema<ImportChunkResultDoc>(
    {
      _id: { type: String, required: true },
      done: { type: Number, required: true },
      failed: { type: Number, required: true },
      outcomes: { type: Schema.Types.Mixed, required: true },
      rowErrors: { type: Schema.Types.Mixed, required: true },
    },
    { versionKey: false },
  ),
  'importchunkresults',
);

export const chunkId = (jobId: string, index: number) => `${jobId}:${index}`;
export const newImportJobId = () => `imp_${randomBytes(12).toString('hex')}`;

export async function createImportJob(
  kind: ImportJobKind,
  createdBy: string,
  columns: string[],
  options: { dryRun?: boolean } = {},
): Promise<ImportJobDoc> {
  const now = new Date();
  const job: ImportJobDoc = {
    _id: newImportJobId(),
    kind,
    status: 'receiving',
    createdBy,
    createdAt: now,
    updatedAt: now,
    columns,
    rows: 0,
    chunks: 0,
    chunksDone: 0,
    done: 0,
    failed: 0,
    outcomes: { created: 0, updated: 0, unchanged: 0 },
    rowErrors: [],
    errorCount: 0,
    ...(options.dryRun && { dryRun: true }),
  };
  await ImportJob.create(job);
  return job;
}

export async function storeChunk(chunk: ImportChunkDoc): Promise<void> {
  await insertOnce(ImportChunk, chunk);
}

/** The file is stored whole: the job may run. */
export async function markReceived(jobId: string, rows: number, chunks: number): Promise<ImportJobDoc | null> {
  return ImportJob.findByIdAndUpdate(
    jobId,
    { $set: { status: 'running', rows, chunks, updatedAt: new Date() } },
    { new: true },
  )
    .lean<ImportJobDoc>()
    .exec();
}

/** A file refused while it was received (malformed CSV, too large): nothing of it stays. */
export async function discardImport(jobId: string, chunks: number): Promise<void> {
  await Promise.all(
    Array.from({ length: chunks }, (_, index) => ImportChunk.deleteOne({ _id: chunkId(jobId, index) })),
  );
  await ImportJob.deleteOne({ _id: jobId }).exec();
}

export async function importJob(jobId: string): Promise<ImportJobDoc | null> {
  return ImportJob.findById(jobId).lean<ImportJobDoc>().exec();
}

export async function importChunk(jobId: string, index: number): Promise<ImportChunkDoc | null> {
  return ImportChunk.findById(chunkId(jobId, index)).lean<ImportChunkDoc>().exec();
}

/**
 * Adds a chunk's result to the job, once: the job's `chunksDone` says whether it holds it already. Only
 * the import's workflow writes here, one chunk after another.
 */
export async function addChunkResult(job: ImportJobDoc, index: number, result: ImportChunkResultDoc): Promise<void> {
  if (job.chunksDone > index) return;
  const room = Math.max(0, MAX_LISTED_ERRORS - job.rowErrors.length);
  await ImportJob.updateOne(
    { _id: job._id },
    {
      $set: {
        chunksDone: index + 1,
        done: job.done + result.done,
        failed: job.failed + result.failed,
        outcomes: {
          created: job.outcomes.created + result.outcomes.created,
          updated: job.outcomes.updated + result.outcomes.updated,
          unchanged: job.outcomes.unchanged + result.outcomes.unchanged,
        },
        rowErrors: [...job.rowErrors, ...result.rowErrors.slice(0, room)],
        errorCount: job.errorCount + result.rowErrors.length,
        updatedAt: new Date(),
      },
    },
  ).exec();
}

export async function finishImportJob(jobId: string, failure?: string): Promise<void> {
  const now = new Date();
  await ImportJob.updateOne(
    { _id: jobId },
    { $set: { status: failure ? 'failed' : 'done', finishedAt: now, updatedAt: now, ...(failure && { failure }) } },
  ).exec();
}

export async function recordChunkResult(result: ImportChunkResultDoc): Promise<ImportChunkResultDoc> {
  if (await insertOnce(ImportChunkResult, result)) return result;
  return (await ImportChunkResult.findById(result._id).lean<ImportChunkResultDoc>().exec()) ?? result;
}

export async function chunkResult(jobId: string, index: number): Promise<ImportChunkResultDoc | null> {
  return ImportChunkResult.findById(chunkId(jobId, index)).lean<ImportChunkResultDoc>().exec();
}
