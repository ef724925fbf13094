import { model, Schema } from 'mongoose';
import type { SimulationReport } from '../domain/simulation';
import { insertOnce } from './insert-once';

export const simulationStatuses = ['running', 'done', 'timed-out', 'failed'] as const;
export type SimulationStatus = (typeof simulationStatuses)[number];

/** One policy simulation: written by the thread that runs it, read by whoever polls it. */
export interface SimulationJobDoc {
  _id: string;
  status: SimulationStatus;
  label: string;
  /** API key id of who asked. */
  requestedBy: string;
  startedAt: Date;
  /** When the job stops reading, done or not. */
  deadline: Date;
  updatedAt: Date;
  finishedAt?: Date;
  progress: { read: number; totalEstimate: number };
  /** When done; when timed out, the report of what was read (marked partial). */
  report?: SimulationReport;
  partial?: boolean;
  error?: string;
}

const jobSchema = new Schema<SimulationJobDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    label: { type: String, required: true },
    requestedBy: { type: String, required: true },
    startedAt: { type: Date, required: true },
    deadline: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    finishedAt: Date,
    progress: { type: Schema.Types.Mixed, required: true },
    report: Schema.Types.Mixed,
    partial: Boolean,
    error: String,
  },
  { versionKey: false, minimize: false },
);
export const SimulationJob = model<SimulationJobDoc>('SimulationJob', jobSchema, 'simulationjobs');

/** The one simulation running in the deployment: `_id` is always `current`, so a second insert fails. */
export interface SimulationLockDoc {
  _id: string;
  jobId: string;
  expiresAt: Date;
}
const lockSchema = new Schema<SimulationLockDoc>(
  {
    _id: { type: String, required: true },
    jobId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
export const SimulationLock = model<SimulationLockDoc>('SimulationLock', lockSchema, 'simulationlocks');
const LOCK_ID = 'current';

/**
 * Takes the deployment's simulation lock for `jobId` until `expiresAt`, by unique insert. A lock past
 * its expiry belongs to a simulation that died without releasing it, and one whose job has ended is
 * about to be released: either is deleted (only if it is still that one) and the insert tried once more,
 * so of two processes taking over, one wins.
 * Answers the job holding it when refused.
 */
export async function takeSimulationLock(
  jobId: string,
  expiresAt: Date,
): Promise<{ taken: true } | { taken: false; heldBy: string }> {
  const lock = { _id: LOCK_ID, jobId, expiresAt };
  if (await insertOnce(SimulationLock, lock)) return { taken: true };
  const held = await SimulationLock.findById(LOCK_ID).lean<SimulationLockDoc>().exec();
  // A job that has written its end holds the lock only until its process gets to release it: a caller
  // who saw it done and asks again must not be refused for it.
  const holderStatus = held ? (await findSimulationJob(held.jobId))?.status : undefined;
  // (No job yet: its process has taken the lock and is about to write it.)
  const holderEnded = holderStatus !== undefined && holderStatus !== 'running';
  if (held && !holderEnded && held.expiresAt.getTime() > Date.now()) return { taken: false, heldBy: held.jobId };
  if (held) await SimulationLock.deleteOne({ _id: LOCK_ID, jobId: held.jobId }).exec();
  if (await insertOnce(SimulationLock, lock)) return { taken: true };
  const winner = await SimulationLock.findById(LOCK_ID).lean<SimulationLockDoc>().exec();
  return { taken: false, heldBy: winner?.jobId ?? 'another simulation' };
}

export async function releaseSimulationLock(jobId: string): Promise<void> {
  await SimulationLock.deleteOne({ _id: LOCK_ID, jobId }).exec();
}

export const findSimulationJob = (id: string) => SimulationJob.findById(id).lean<SimulationJobDoc>().exec();

export async function updateSimulationJob(id: string, change: Partial<SimulationJobDoc>): Promise<void> {
  await SimulationJob.updateOne({ _id: id }, { $set: { ...change, updatedAt: new Date() } }).exec();
}

/** Ends a job that is still running (its thread died or overran); a job that already ended keeps its end. */
export async function failRunningSimulationJob(id: string, error: string): Promise<void> {
  await SimulationJob.updateOne(
    { _id: id, status: 'running' },
    { $set: { status: 'failed', error, finishedAt: new Date(), updatedAt: new Date() } },
  ).exec();
}
