import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { databaseUri } from '../../db/connection';
import {
  failRunningSimulationJob,
  releaseSimulationLock,
  SimulationJob,
  type SimulationJobDoc,
  takeSimulationLock,
} from '../../db/simulation-jobs';
import type { ReplaySetup } from '../../domain/simulation';
import type { SubmissionPeriod } from '../../domain/simulation/period';
import { HttpProblem } from '../problem';
import type { SimulationThreadInput } from './run-in-thread';

/**
 * How long past its time limit a simulation thread may take to write its end before it is stopped
 * (and the lock, for another process, counts as abandoned).
 */
export const OVERRUN_GRACE_MS = 15_000;

/**
 * A job as its readers see it: one still `running` well past its deadline belongs to an API process
 * that stopped before its thread could end it (nobody else will), and is shown failed.
 */
export function jobAsSeen(job: SimulationJobDoc, now = Date.now()): SimulationJobDoc {
  if (job.status !== 'running' || now <= new Date(job.deadline).getTime() + OVERRUN_GRACE_MS) return job;
  return { ...job, status: 'failed', error: 'abandoned: the API process running it stopped' };
}

export interface SimulationRequest {
  setup: ReplaySetup;
  /** Only the registrations submitted in it (a period replay starts with no deal held). */
  period?: SubmissionPeriod;
  /** Route by the accounts as they are now (the default), or as each registration recorded them at acceptance. */
  accounts?: SimulationThreadInput['accounts'];
  requestedBy: string;
  timeLimitMs: number;
  /** The thread's nice value (see SIMULATION_THREAD_NICE). */
  threadNice: number;
  logger: Logger;
}

/**
 * Starts a simulation on a worker thread, if none runs in the deployment (one lock for every API
 * process); answers its job document at once. The thread writes progress and the report to the job;
 * this thread only releases the lock when it ends, and fails the job if the thread died or overran.
 */
export async function startSimulation(request: SimulationRequest): Promise<SimulationJobDoc> {
  const id = `sim_${randomUUID()}`;
  const startedAt = new Date();
  const deadline = new Date(startedAt.getTime() + request.timeLimitMs);
  const lock = await takeSimulationLock(id, new Date(deadline.getTime() + OVERRUN_GRACE_MS));
  if (!lock.taken) {
    throw new HttpProblem(
      409,
      'A simulation is running',
      `simulation ${lock.heldBy} is running; one runs at a time. Poll GET /api/v1/policy/simulations/${lock.heldBy} and try again when it has ended.`,
    );
  }
  const job: SimulationJobDoc = {
    _id: id,
    status: 'running',
    label: request.setup.label,
    requestedBy: request.requestedBy,
    startedAt,
    deadline,
    updatedAt: startedAt,
    progress: { read: 0, totalEstimate: 0 },
  };
  try {
    await SimulationJob.create(job);
    // Threads take their creator's nice value: libuv's pool must not be started by the lowered thread.
    await stat(__filename);
    runOnThread(
      {
        databaseUri: databaseUri(),
        jobId: id,
        setup: request.setup,
        period: request.period,
        accounts: request.accounts ?? 'now',
        deadline: deadline.getTime(),
        nice: request.threadNice,
      },
      request.logger,
    );
  } catch (error) {
    await releaseSimulationLock(id);
    throw error;
  }
  return job;
}

function runOnThread(input: SimulationThreadInput, logger: Logger): void {
  const thread = new Worker(path.join(__dirname, 'worker-entry.cjs'), { workerData: input });
  let failure: string | undefined;
  const overrun = setTimeout(
    () => {
      failure = 'the simulation did not stop within its time limit';
      void thread.terminate();
    },
    input.deadline - Date.now() + OVERRUN_GRACE_MS,
  );
  overrun.unref();
  thread.on('message', (message: { failed?: string }) => {
    failure = message.failed ?? failure;
  });
  thread.on('error', (error) => {
    failure = error.message;
  });
  thread.on('exit', (code) => {
    clearTimeout(overrun);
    const ended = async () => {
      if (failure !== undefined || code !== 0) {
        logger.error({ jobId: input.jobId, code, failure }, 'simulation failed');
        await failRunningSimulationJob(input.jobId, failure ?? `the simulation thread exited with code ${code}`);
      }
      await releaseSimulationLock(input.jobId);
    };
    ended().catch((error: unknown) => logger.error({ err: error, jobId: input.jobId }, 'simulation end not recorded'));
  });
}
