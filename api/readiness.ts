import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal as temporalProto } from '@temporalio/proto';

/**
 * A worker counts as polling when Temporal saw one of its polls this recently. An idle worker's poll
 * waits a minute on the server before it is renewed (its last poll was up to 59 s old, measured on the
 * dev server), so a shorter window would call a healthy idle worker gone; one that died stops counting
 * within this.
 */
export const WORKER_SEEN_WITHIN_MS = 75_000;
/** Readiness probes come often (load balancers, the console): Temporal is asked at most this often. */
const ANSWER_REUSED_MS = 1_500;

const { TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY } = temporalProto.api.enums.v1.TaskQueueType;

async function seenPolling(temporal: Client, taskQueue: string, timeoutMs: number): Promise<boolean> {
  const seenSince = Date.now() - WORKER_SEEN_WITHIN_MS;
  // A registration needs both: its workflow tasks and its activities.
  const answers = await temporal.connection.withDeadline(Date.now() + timeoutMs, () =>
    Promise.all(
      [TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY].map((taskQueueType) =>
        temporal.workflowService.describeTaskQueue({
          namespace: temporal.options.namespace,
          taskQueue: { name: taskQueue },
          taskQueueType,
        }),
      ),
    ),
  );
  return answers.every(({ pollers }) =>
    (pollers ?? []).some((poller) => (optionalTsToMs(poller.lastAccessTime) ?? 0) >= seenSince),
  );
}

const recent = new WeakMap<Client, Map<string, { at: number; answer: Promise<boolean> }>>();

/** True when a worker polls `taskQueue` (both its workflow and its activity side); false when unsure. */
export function workerIsPolling(temporal: Client, taskQueue: string, timeoutMs: number): Promise<boolean> {
  const byQueue = recent.get(temporal) ?? new Map<string, { at: number; answer: Promise<boolean> }>();
  recent.set(temporal, byQueue);
  const cached = byQueue.get(taskQueue);
  if (cached && Date.now() - cached.at < ANSWER_REUSED_MS) return cached.answer;
  const answer = seenPolling(temporal, taskQueue, timeoutMs).catch(() => false);
  byQueue.set(taskQueue, { at: Date.now(), answer });
  return answer;
}
