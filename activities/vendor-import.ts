import { heartbeat } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import pLimit from 'p-limit';
import { accountStore } from '../db/accounts';
import {
  addChunkResult,
  chunkId,
  chunkResult,
  finishImportJob,
  type ImportChunkDoc,
  type ImportChunkResultDoc,
  type ImportJobDoc,
  importChunk,
  importJob,
  recordChunkResult,
} from '../db/imports';
import { productStore, programStore } from '../db/vendor-records';
import { ReferenceCheck } from '../db/vendor-references';
import { type FieldProblem, saveVendorRecord } from '../db/vendor-store';
import { accountCertainKeys } from '../domain/accounts/match';
import { columnOf, type ImportKind, type RecordOf, type RowError, recordFromRow } from '../domain/vendor/csv-rows';
import { rowsSharingKeys } from '../domain/vendor/row-groups';

/** Rows of a chunk written at once: enough to keep the database busy, few enough to leave the API room. */
const ROWS_IN_FLIGHT = 16;

function saveImported(kind: ImportKind, record: RecordOf<ImportKind>) {
  if (kind === 'accounts') return saveVendorRecord(accountStore, record as RecordOf<'accounts'>, 'upsert');
  if (kind === 'programs') return saveVendorRecord(programStore, record as RecordOf<'programs'>, 'upsert');
  return saveVendorRecord(productStore, record as RecordOf<'products'>, 'upsert');
}

function referencesOf(kind: ImportKind, check: ReferenceCheck, record: RecordOf<ImportKind>) {
  if (kind === 'accounts') return check.ofAccount(record as RecordOf<'accounts'>);
  if (kind === 'programs') return check.ofProgram(record as RecordOf<'programs'>);
  return Promise.resolve([]);
}

/** A record field's problem as the CSV's column: `domains.1` is column `domains`, "item 2: …". */
function rowErrorOf(row: number, problem: FieldProblem): RowError {
  const path = problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const [first, index] = path;
  const item = typeof first === 'string' && typeof index === 'number' ? `item ${index + 1}: ` : '';
  return { row, path: columnOf(path), message: `${item}${problem.message}` };
}

type RowOutcome = { outcome: 'created' | 'updated' | 'unchanged' } | { errors: RowError[] };
type ParsedRow = ReturnType<typeof recordFromRow<ImportKind>>;

async function importRow(
  job: ImportJobDoc,
  check: ReferenceCheck,
  parsed: ParsedRow,
  row: number,
): Promise<RowOutcome> {
  if ('errors' in parsed) return parsed;
  const references = await referencesOf(job.kind, check, parsed.record);
  if (references.length > 0) return { errors: references.map((problem) => rowErrorOf(row, problem)) };
  const saved = await saveImported(job.kind, parsed.record);
  if (saved.kind === 'invalid') return { errors: saved.problems.map((problem) => rowErrorOf(row, problem)) };
  if (saved.kind !== 'saved') throw new Error(`an upsert answered ${saved.kind}`);
  return { outcome: saved.outcome };
}

/** What rows must not be written at once: the id, and an account's identifiers and domains. */
function keysOf(kind: ImportKind, parsed: ParsedRow, cells: string[], idColumn: number): string[] {
  if ('errors' in parsed) return [`id:${(cells[idColumn] ?? '').trim()}`];
  const record = parsed.record;
  return [`id:${record.id}`, ...(kind === 'accounts' ? accountCertainKeys(record as RecordOf<'accounts'>) : [])];
}

/** The rows of one chunk, several at once, except those that share a key (domain/vendor/row-groups.ts). */
async function importRows(job: ImportJobDoc, chunk: ImportChunkDoc): Promise<ImportChunkResultDoc> {
  const check = new ReferenceCheck();
  const limit = pLimit(ROWS_IN_FLIGHT);
  const idColumn = job.columns.indexOf('id');
  const parsed = chunk.rows.map(({ cells }, index) =>
    recordFromRow(job.kind, job.columns, cells, chunk.firstRow + index),
  );
  const groups = rowsSharingKeys(
    chunk.rows.map(({ cells }, index) => keysOf(job.kind, parsed[index] as ParsedRow, cells, idColumn)),
  );
  const outcomes: RowOutcome[] = new Array(chunk.rows.length);
  let finished = 0;
  await Promise.all(
    groups.map((indexes) =>
      limit(async () => {
        for (const index of indexes) {
          outcomes[index] = await importRow(job, check, parsed[index] as ParsedRow, chunk.firstRow + index);
          finished += 1;
          if (finished % 50 === 0) heartbeat({ rows: finished });
        }
      }),
    ),
  );
  const result: ImportChunkResultDoc = {
    _id: chunkId(job._id, chunk.index),
    done: 0,
    failed: 0,
    outcomes: { created: 0, updated: 0, unchanged: 0 },
    rowErrors: [],
  };
  for (const outcome of outcomes) {
    if ('errors' in outcome) {
      result.failed += 1;
      result.rowErrors.push(...outcome.errors);
    } else {
      result.done += 1;
      result.outcomes[outcome.outcome] += 1;
    }
  }
  return result;
}

/**
 * Imports one chunk of an import job, once: a chunk the job counts already is passed over, and one whose
 * result was recorded by an attempt that died before counting it is counted from that result.
 */
export async function importVendorChunk(input: { jobId: string; index: number }): Promise<void> {
  const job = await importJob(input.jobId);
  if (!job) throw ApplicationFailure.nonRetryable(`import ${input.jobId} does not exist`, 'ImportMissing');
  if (job.chunksDone > input.index) return;
  let result = await chunkResult(job._id, input.index);
  if (!result) {
    const chunk = await importChunk(job._id, input.index);
    if (!chunk) throw ApplicationFailure.nonRetryable(`chunk ${input.index} of ${job._id} is missing`, 'ChunkMissing');
    result = await recordChunkResult(await importRows(job, chunk));
  }
  await addChunkResult(job, input.index, result);
}

export async function finishVendorImport(input: { jobId: string; failure?: string }): Promise<void> {
  await finishImportJob(input.jobId, input.failure);
}
