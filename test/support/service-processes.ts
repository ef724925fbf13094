import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal as temporalProto } from '@temporalio/proto';
import { freePort, type ManagedProcess, spawnManaged, waitUntilReady } from '../../scripts/dev-stack/processes';
import { projectRoot } from '../../scripts/dev-stack/stack';
import { testDatabaseUri } from './harness';

/** Where the servers are and which part of them is this test's: its own database and task queue. */
export interface ServiceTarget {
  temporalAddress: string;
  mongodbUri: string;
  taskQueue: string;
  /** Pid files and logs of the processes. */
  runDir: string;
}

export interface ApiProcess extends ManagedProcess {
  url: string;
}

/** The environment both processes get; the rest (the tests' audit key among it) is inherited. */
function serviceEnv(target: ServiceTarget): NodeJS.ProcessEnv {
  return {
    TEMPORAL_ADDRESS: target.temporalAddress,
    MONGODB_URI: target.mongodbUri,
    TEMPORAL_TASK_QUEUE: target.taskQueue,
    LOG_LEVEL: 'warn',
  };
}

/**
 * A worker process as `npm run worker` runs it, so that it can be killed like one. Ready when Temporal
 * sees it polling the activity queue (its identity is `<pid>@<host>`).
 */
export async function startWorkerProcess(
  target: ServiceTarget,
  temporal: Client,
  name: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ManagedProcess> {
  const worker = await spawnWorkerProcess(target, name, env);
  await untilPolling(target, temporal, worker);
  return worker;
}

/**
 * The worker process, started: `entry` `worker/main.ts` is `npm run worker`; `test/support/worker-main.ts`
 * is the same with the tests' prebuilt workflow bundle (a restart then takes seconds less).
 */
export function spawnWorkerProcess(
  target: ServiceTarget,
  name: string,
  env: NodeJS.ProcessEnv = {},
  entry = 'worker/main.ts',
): Promise<ManagedProcess> {
  return spawnManaged({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', entry],
    cwd: projectRoot,
    runDir: target.runDir,
    env: { ...serviceEnv(target), OUTBOX_POLL_MS: '200', ...env },
  });
}

/** Until Temporal sees the worker polling its activity queue (its identity is `<pid>@<host>`). */
export async function untilPolling(target: ServiceTarget, temporal: Client, worker: ManagedProcess): Promise<void> {
  await waitUntilReady(
    worker,
    worker.name,
    async () => {
      const { pollers } = await temporal.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: target.taskQueue },
        taskQueueType: temporalProto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
      });
      return (pollers ?? []).some((poller) => poller.identity?.startsWith(`${worker.pid}@`));
    },
    90_000,
  );
}

/** An API process as `npm run api` runs it, on a free port, without rate limits (a test sends bursts). */
export async function startApiProcess(target: ServiceTarget, name: string): Promise<ApiProcess> {
  const port = await freePort();
  const api = await spawnManaged({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', 'api/main.ts'],
    cwd: projectRoot,
    runDir: target.runDir,
    env: {
      ...serviceEnv(target),
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ROOT_PER_MINUTE: '1000000',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(api, name, async () => (await fetch(`${url}/readyz`)).ok, 90_000);
  return { ...api, url };
}

export function killProcess(proc: ManagedProcess): void {
  process.kill(-proc.pid, 'SIGKILL');
}

export const runDirFor = (label: string) => path.join(projectRoot, '.data', 'test', label, 'run');

/** A database, task queue and run folder of this test file's own, on the test servers. */
export function ownServiceTarget(label: string): ServiceTarget {
  const temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) throw new Error('TEMPORAL_ADDRESS is not set: run the integration tests through jest');
  const suffix = randomBytes(4).toString('hex');
  return {
    temporalAddress,
    mongodbUri: testDatabaseUri(label.replaceAll('-', '_')),
    taskQueue: `test-${label}-${suffix}`,
    runDir: runDirFor(`${label}-${suffix}`),
  };
}

/** The sum of a Prometheus counter over its series whose labels contain `labelFilter` (e.g. `command="insert"`). */
export async function scrapeCounter(metricsUrl: string, name: string, labelFilter = ''): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labelFilter))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
