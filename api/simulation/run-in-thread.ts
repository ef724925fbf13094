import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { connectDatabase, disconnectDatabase } from '../../db/connection';
import { CurrentAccounts } from '../../db/current-accounts';
import { updateSimulationJob } from '../../db/simulation-jobs';
import { PolicyReplay, type ReplaySetup, replayPage } from '../../domain/simulation';
import { type SubmissionPeriod, submittedWithin } from '../../domain/simulation/period';
import { walkStoredRegistrations, withCurrentAccounts } from '../simulation-snapshots';

/** What the API thread hands the simulation thread. */
export interface SimulationThreadInput {
  databaseUri: string;
  jobId: string;
  setup: ReplaySetup;
  period?: SubmissionPeriod;
  /** `now`: each registration routed by its customer's account as it is now; else as recorded at acceptance. */
  accounts: 'now' | 'at-acceptance';
  /** Epoch ms after which no further page is read. */
  deadline: number;
  /** This thread's nice value; 0 leaves it at the process's. */
  nice: number;
}

/**
 * Lowers this thread's CPU priority alone, by `nice` from the process's: Linux gives each thread its own
 * nice value, set by the thread id that /proc/thread-self names. Elsewhere the thread keeps the
 * process's priority.
 */
function lowerThreadPriority(nice: number): void {
  if (nice === 0) return;
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(thread, Math.min(19, getPriority(thread) + nice));
  } catch {
    // Not Linux, or not allowed: the replay competes with the requests as an equal.
  }
}

const PROGRESS_EVERY_MS = 500;

/**
 * The simulation itself, on its own thread with its own database connection: the API's event loop
 * only starts it and reads its job document. The job ends `done`, or `timed-out` with the report of
 * what was read by the deadline, marked partial.
 */
async function run(input: SimulationThreadInput): Promise<void> {
  lowerThreadPriority(input.nice);
  await connectDatabase(input.databaseUri);
  try {
    const replay = new PolicyReplay(input.setup);
    const walk = await walkStoredRegistrations();
    const accounts = new CurrentAccounts(walk.top);
    const progress = { read: 0, totalEstimate: walk.top };
    await updateSimulationJob(input.jobId, { progress });
    let reported = Date.now();
    let timedOut = false;
    for (;;) {
      if (Date.now() >= input.deadline) {
        timedOut = true;
        break;
      }
      const next = await walk.pages.next();
      if (next.done) break;
      const page = input.period ? submittedWithin(next.value, input.period) : next.value;
      replayPage(replay, input.accounts === 'now' ? await withCurrentAccounts(page, accounts) : page);
      progress.read += next.value.length;
      if (Date.now() - reported >= PROGRESS_EVERY_MS) {
        reported = Date.now();
        await updateSimulationJob(input.jobId, { progress });
      }
    }
    await updateSimulationJob(input.jobId, {
      status: timedOut ? 'timed-out' : 'done',
      progress,
      report: replay.report(),
      partial: timedOut,
      finishedAt: new Date(),
    });
  } finally {
    await disconnectDatabase();
  }
}

run(workerData as SimulationThreadInput).catch((error: unknown) => {
  // The API thread fails the job with this message.
  parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
});
