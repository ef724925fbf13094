import { model, Schema } from 'mongoose';
import type { ImportConflict } from '../domain/lifecycle-entries';
import type { MigrationReport } from '../domain/migration/report';
import type { ImportedRegistration } from '../domain/migration/rows';
import type { PartnerType } from '../domain/registration';
import type { RowError } from '../domain/vendor/csv-rows';
import { chunkId, ImportJob, type ImportJobDoc, MAX_LISTED_ERRORS } from './imports';
import { insertOnce } from './insert-once';

/**
 * A migration's plan: its valid rows in the order they are numbered (original `submittedAt`), each with
 * its registration id and the sequence drawn for it, a thousand to a chunk. Made once, before any
 * registration is started, and never changed: a resumed job starts what the plan says, in its order.
 */
export interface PlannedRow {
  row: number;
  registrationId: string;
  sequence: number;
  partnerType: PartnerType;
  record: ImportedRegistration;
  /** An approved import escalated for a conflict the plan found, and the escalation of its deal. */
  conflict?: ImportConflict;
}

export interface ImportPlanDoc {
  /** `<job>:<index>` */
  _id: string;
  jobId: string;
  index: number;
  rows: PlannedRow[];
}

export const ImportPlan = model<ImportPlanDoc>(
  'ImportPlan',
  new Schema<ImportPlanDoc>(
    {
      _id: { type: String, required: true },
      jobId: { type: String, required: true },
      index: { type: Number, required: true },
      rows: { type: Schema.Types.Mixed, required: true },
    },
    { versionKey: false },
  ),
  'importplans',
);

export async function storePlanChunk(jobId: string, index: number, rows: PlannedRow[]): Promise<void> {
  await insertOnce(ImportPlan, { _id: chunkId(jobId, index), jobId, index, rows });
}

export async function planChunk(jobId: string, index: number): Promise<ImportPlanDoc | null> {
  return ImportPlan.findById(chunkId(jobId, index)).lean<ImportPlanDoc>().exec();
}

/** The plan is made: what the rows will do, the errors of those refused, and the chunks to start. */
export async function recordPlan(
  jobId: string,
  plan: { planChunks: number; done: number; rowErrors: RowError[]; migration: MigrationReport },
): Promise<void> {
  await ImportJob.updateOne(
    { _id: jobId },
    {
      $set: {
        planChunks: plan.planChunks,
        done: plan.done,
        failed: new Set(plan.rowErrors.map((error) => error.row)).size,
        rowErrors: plan.rowErrors.slice(0, MAX_LISTED_ERRORS),
        errorCount: plan.rowErrors.length,
        migration: plan.migration,
        updatedAt: new Date(),
      },
    },
  ).exec();
}

/** A chunk of the plan is started, once: `chunksDone` counts the plan's chunks for a migration. */
export async function addStartedChunk(job: ImportJobDoc, index: number, started: number): Promise<void> {
  if (job.chunksDone > index) return;
  await ImportJob.updateOne(
    { _id: job._id, chunksDone: index },
    { $set: { chunksDone: index + 1, done: job.done + started, updatedAt: new Date() } },
  ).exec();
}
