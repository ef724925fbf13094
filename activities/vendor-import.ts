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
import { type FieldProblem, type SaveResult, saveVendorRecords } from '../db/vendor-store';
import { accountCertainKeys } from '../domain/accounts/match';
import { columnOf, type ImportKind, type RecordOf, type RowError, recordFromRow } from '../domain/vendor/csv-rows';
import { rowsSharingKeys } from '../domain/vendor/row-groups';

/** Rows checked and written one by one at once (the rows that share a key with another). */
const ROWS_IN_FLIGHT = 16;

/** The rows that share no key, written together: a few commands for the lot (db/vendor-store.ts). */
function saveImported(kind: ImportKind, records: RecordOf<ImportKind>[]): Promise<SaveResult<unknown>[]> {
  if (kind === 'accounts') return saveVendorRecords(accountStore, records as RecordOf<'accounts'>[], 'upsert');
  if (kind === 'programs') return saveVendorRecords(programStore, records as RecordOf<'programs'>[], 'upsert');
  return saveVendorRecords(productStore, records as RecordOf<'products'>[], 'upsert');
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

function outcomeOf(row: number, saved: SaveResult<unknown>): RowOutcome {
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

/**
 * The rows of one chunk: parsed and checked, then those that share no key with another row written
 * together, and the others one after another in file order (domain/vendor/row-groups.ts).
 */
async function importRows(job: ImportJobDoc, chunk: ImportChunkDoc): Promise<ImportChunkResultDoc> {
  const { kind } = job;
  if (kind === 'registrations')
    throw ApplicationFailure.nonRetryable('a migration is not a vendor import', 'WrongKind');
  const check = new ReferenceCheck();
  const limit = pLimit(ROWS_IN_FLIGHT);
  const idColumn = job.columns.indexOf('id');
  const rowOf = (index: number) => chunk.firstRow + index;
  const parsed = chunk.rows.map(({ cells }, index) => recordFromRow(kind, job.columns, cells, rowOf(index)));
  const outcomes: Array<RowOutcome | undefined> = await Promise.all(
    parsed.map((row, index) =>
      limit(async () => {
        if ('errors' in row) return row;
        const problems = await referencesOf(kind, check, row.record);
        return problems.length > 0
          ? { errors: problems.map((problem) => rowErrorOf(rowOf(index), problem)) }
          : undefined;
      }),
    ),
  );
  const groups = rowsSharingKeys(
    chunk.rows.map(({ cells }, index) => keysOf(kind, parsed[index] as ParsedRow, cells, idColumn)),
  );
  const recordAt = (index: number) => (parsed[index] as { record: RecordOf<ImportKind> }).record;
  const alone = groups.flatMap((group) => (group.length === 1 && !outcomes[group[0] as number] ? group : []));
  const saved = await saveImported(kind, alone.map(recordAt));
  alone.forEach((index, at) => {
    outcomes[index] = outcomeOf(rowOf(index), saved[at] as SaveResult<unknown>);
  });
  heartbeat({ rows: alone.length });
  await Promise.all(
    groups
      .filter((group) => group.length > 1)
      .map((group) =>
        limit(async () => {
          for (const index of group.filter((at) => !outcomes[at])) {
            const [one] = await saveImported(kind, [recordAt(index)]);
            outcomes[index] = outcomeOf(rowOf(index), one as SaveResult<unknown>);
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
  for (const outcome of outcomes as RowOutcome[]) {
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
