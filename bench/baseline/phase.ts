import type { Client } from '@temporalio/client';
import type { ManagedProcess } from '../../scripts/dev-stack/processes';
import { progress } from '../../scripts/dev-stack/stack';
import { startChild, stopChild, waitForHttp, waitForLogLine } from '../infra/children';
import { type UsageWindow, type WatchedProcess, watchUsage } from '../infra/proc-stats';
import { type LoadResult, runClosedLoop } from '../load/driver';
import { JsonClient } from '../load/http-client';
import { baselineWorkflow } from './workflows';

const BARE_EXPRESS_PORT = 27301;
export const BASELINE_QUEUE = 'bench-baseline';

export interface BaselineWorkflowRun {
  load: LoadResult<string>;
  /** Epoch ms at which each started workflow's activity finished, by sample index. */
  completedAt: Map<number, number>;
  usage: UsageWindow;
}

export interface BareExpressRun {
  load: LoadResult<unknown>;
  usage: UsageWindow;
}

/**
 * The baseline worker (its own process and task queue, the same SDK and defaults as the dealreg worker),
 * running the no-op workflow and the shape twin while `measure` drives them.
 */
export async function withBaselineWorker<T>(
  options: { temporalAddress: string; bundlePath: string },
  measure: (worker: WatchedProcess) => Promise<T>,
): Promise<T> {
  const worker = await startChild({
    name: 'baseline-worker',
    entry: 'bench/baseline/worker-main.ts',
    env: {
      TEMPORAL_ADDRESS: options.temporalAddress,
      BENCH_BASELINE_QUEUE: BASELINE_QUEUE,
      BENCH_BASELINE_BUNDLE: options.bundlePath,
    },
  });
  try {
    await waitForLogLine(worker, 'the baseline worker', /baseline worker ready/);
    return await measure(processOf('baseline worker', worker));
  } finally {
    await stopChild(worker);
  }
}

/**
 * The least Temporal work a registration could be: a workflow with one no-op activity, started through
 * @temporalio/client at the same concurrency, on the baseline worker.
 */
export async function runBaselineWorkflows(options: {
  client: Client;
  worker: WatchedProcess;
  count: number;
  concurrency: number;
  maxSeconds: number;
  runLabel: string;
  servers: WatchedProcess[];
}): Promise<BaselineWorkflowRun> {
  progress(`baseline workflows: ${options.count} at concurrency ${options.concurrency}`);
  const usage = watchUsage([...options.servers, options.worker]);
  const ids = Array.from({ length: options.count }, (_, i) => `baseline-${options.runLabel}-${i}`);
  const load = await runClosedLoop(ids, options.concurrency, options.maxSeconds, async (workflowId) => {
    await options.client.workflow.start(baselineWorkflow, { workflowId, taskQueue: BASELINE_QUEUE });
    return { ok: true, status: 200, value: workflowId };
  });
  const completedAt = new Map<number, number>();
  const started = load.samples.filter((sample) => sample.ok);
  await runClosedLoop(started, options.concurrency, 300, async (sample) => {
    const finishedAt = await options.client.workflow.getHandle(sample.value as string).result();
    completedAt.set(sample.index, finishedAt as number);
    return { ok: true, status: 200 };
  });
  return { load, completedAt, usage: usage.stop() };
}

/** Express answering the same bodies with 202 and nothing behind it, at the same concurrency. */
export async function runBareExpress(options: {
  bodies: unknown[];
  concurrency: number;
  maxSeconds: number;
}): Promise<BareExpressRun> {
  const server = await startChild({
    name: 'bare-express',
    entry: 'bench/baseline/bare-express.ts',
    env: { PORT: String(BARE_EXPRESS_PORT) },
  });
  const url = `http://127.0.0.1:${BARE_EXPRESS_PORT}`;
  const client = new JsonClient(url, options.concurrency);
  try {
    await waitForHttp(server, 'the bare Express server', `${url}/healthz`);
    progress(`bare Express: ${options.bodies.length} requests at concurrency ${options.concurrency}`);
    const usage = watchUsage([processOf('bare express', server), benchProcess]);
    const load = await runClosedLoop(options.bodies, options.concurrency, options.maxSeconds, async (body) => {
      const answer = await client.request('POST', '/bare', body);
      return { ok: answer.status === 202, status: answer.status };
    });
    return { load, usage: usage.stop() };
  } finally {
    client.close();
    await stopChild(server);
  }
}

export const processOf = (label: string, proc: ManagedProcess): WatchedProcess => ({ label, pids: () => [proc.pid] });
export const benchProcess: WatchedProcess = { label: 'bench (load generator)', pids: () => [process.pid] };
