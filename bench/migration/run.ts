import type { Client } from '@temporalio/client';
import { connectDatabase, disconnectDatabase } from '../../db/connection';
import { Registration } from '../../db/registrations';
import { progress } from '../../scripts/dev-stack/stack';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { connectTemporalClient } from '../../services/temporal';
import { publishModelPolicy, seedPartners } from '../dealreg/seed';
import { startJobProcesses, uploadFile } from '../infra/job-processes';
import { JsonClient } from '../load/http-client';
import type { LatencySummary } from '../load/stats';
import { migrationFile } from './rows';
import { READERS, readWhile, submitTargets } from './traffic';

/**
 * A migration at scale (issue 25): a generated file of `size` registrations, `protectedShare` of them
 * still protected and the rest closed, sent to `POST /registrations/import` of an API process while a
 * worker process imports it; timed from the first byte sent to every imported registration recorded
 * (closed ones by the import, protected ones by their workflows), while a few clients read other things
 * from the API (a registration, the list) to time what the migration costs them; then the invariant check.
 */
export const migrationGoals = { size: 100_000, protectedShare: 0.3, maxSeconds: 900, p99Ms: 200 } as const;

export interface MigrationBenchOptions {
  size: number;
  temporalAddress: string;
  mongodbUri: string;
}

export interface MigrationBenchResult {
  size: number;
  /** From the first byte sent to the 202: the file received and stored in chunks. */
  uploadSeconds?: number;
  /** From the first byte sent to the job done: every row planned, each registration stored or started. */
  jobSeconds?: number;
  /** From the first byte sent to every imported registration recorded in its state. */
  totalSeconds?: number;
  job?: {
    status: string;
    rows: number;
    done: number;
    failed: number;
    approved: number;
    escalated: number;
    closed: number;
  };
  /** Other requests while it ran: a registration by id, and the staff list's first page. */
  whileRunning?: { registration: LatencySummary; list: LatencySummary; errors: number };
  /** The same requests before the migration started: what the machine gives without it. */
  before?: { registration: LatencySummary; list: LatencySummary; errors: number };
  invariants?: { ok: boolean; broken: string[] };
  skipped?: string;
}

const BASELINE_SECONDS = 10;

/**
 * The protected imports' workflows would wait for months on a task queue nobody polls once the bench's
 * worker stops: on servers that outlive the bench (a shared stack) they are terminated, in one batch.
 */
async function terminateLeftovers(temporal: Client, taskQueue: string): Promise<void> {
  await temporal.workflowService
    .startBatchOperation({
      namespace: temporal.options.namespace,
      visibilityQuery: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
      jobId: `${taskQueue}-cleanup`,
      reason: 'the migration benchmark is over',
      terminationOperation: {},
    })
    .catch((error: unknown) => progress(`migration: its workflows were left running (${String(error)})`));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every imported registration recorded in its state: none still pending (closed ones never are). */
async function waitUntilRecorded(importId: string, expected: number): Promise<void> {
  let reported = performance.now();
  for (;;) {
    const [stored, pending] = await Promise.all([
      Registration.countDocuments({ 'arrival.importId': importId }).exec(),
      Registration.countDocuments({ 'arrival.importId': importId, status: 'pending' }).exec(),
    ]);
    if (stored >= expected && pending === 0) return;
    if (performance.now() - reported > 10_000) {
      progress(`migration: ${stored - pending} of ${expected} recorded`);
      reported = performance.now();
    }
    await sleep(2_000);
  }
}

export async function runMigrationBench(options: MigrationBenchOptions): Promise<MigrationBenchResult> {
  const processes = await startJobProcesses('migration', options, options.size, 'registrations');
  const { suffix, mongodbUri, adminKey, origin } = processes;
  const client = new JsonClient(origin, READERS + 2);
  const temporal = await connectTemporalClient({
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
  });
  await connectDatabase(mongodbUri);
  try {
    const resellerKeys = await seedPartners(client, adminKey);
    // The open model: imports are weighed by their deals alone.
    await publishModelPolicy(client, adminKey, 'open');
    // Keys of this run's own: a registration's workflow id derives from its reseller and key.
    const targets = await submitTargets(client, resellerKeys, suffix);
    const baselineEnds = performance.now() + BASELINE_SECONDS * 1000;
    const before = await readWhile(client, adminKey, targets, () => performance.now() >= baselineEnds);

    let finished = false;
    const reading = readWhile(client, adminKey, targets, () => finished);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let uploadSeconds: number | undefined;
    let jobSeconds: number | undefined;
    let job: Record<string, unknown> = {};
    try {
      const file = migrationFile(options.size, migrationGoals.protectedShare);
      const { id } = await uploadFile(`${origin}/api/v1/registrations/import`, adminKey, 'application/x-ndjson', file);
      uploadSeconds = seconds();
      progress(`migration: file stored in ${uploadSeconds.toFixed(1)} s, job ${id}`);
      for (;;) {
        job = (await client.request('GET', `/api/v1/imports/${id}`, undefined, { authorization: `Bearer ${adminKey}` }))
          .body as Record<string, unknown>;
        if (job.status !== 'running') break;
        await sleep(1_000);
      }
      jobSeconds = seconds();
      const p = job.progress as { done: number };
      progress(`migration: job ${job.status} after ${jobSeconds.toFixed(1)} s; waiting for every workflow's record`);
      if (job.status === 'done') await waitUntilRecorded(id, p.done);
    } finally {
      finished = true;
    }
    const totalSeconds = seconds();
    const whileRunning = await reading;
    const p = job.progress as { rows: number; done: number; failed: number };
    const m = job.migration as { approved: number; escalated: number; closed: number };
    progress(`migration: recorded in ${totalSeconds.toFixed(1)} s; checking the invariants`);
    const imported = await Registration.find({}, { _id: 1 }).lean<Array<{ _id: string }>>().exec();
    const report = await checkInvariants(
      temporal,
      imported.map((doc) => doc._id),
      { everyDecided: true },
    );
    await terminateLeftovers(temporal, processes.taskQueue);
    return {
      size: options.size,
      uploadSeconds,
      jobSeconds,
      totalSeconds,
      job: { status: String(job.status), ...p, approved: m.approved, escalated: m.escalated, closed: m.closed },
      before,
      whileRunning,
      invariants: { ok: report.ok, broken: brokenInvariants(report) },
    };
  } finally {
    client.close();
    await disconnectDatabase();
    await temporal.connection.close();
    await processes.stop();
  }
}
