import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { runClosedLoop } from '../load/driver';
import { type LatencySummary, summarize } from '../load/stats';
import type { AcceptedRegistration } from './load-phase';

const EventType = temporal.api.enums.v1.EventType;

/** Where a registration's submission-to-decision time goes, segment by segment (milliseconds). */
export interface DecisionBreakdown {
  sampled: number;
  /** Client send to the workflow's start event: the API's database work before it starts the workflow. */
  apiBeforeWorkflowStart: LatencySummary;
  /** Start event to the first workflow task being picked up: the workflow task's wait in its queue. */
  workflowTaskQueueWait: LatencySummary;
  /** First workflow task picked up to completed: the worker running the workflow code. */
  workflowTaskRun: LatencySummary;
  /** The conflict-check activity scheduled to picked up: its wait in the activity queue. */
  activityQueueWait: LatencySummary;
  /** The conflict-check activity picked up to completed (its own database reads and the write). */
  activityRun: LatencySummary;
  /** Retried conflict checks (waiting for an earlier registration on the same deal). */
  retriedChecks: number;
}

interface Segments {
  apiBeforeWorkflowStart: number;
  workflowTaskQueueWait: number;
  workflowTaskRun: number;
  activityQueueWait: number;
  activityRun: number;
  attempts: number;
}

async function segmentsOf(client: Client, accepted: AcceptedRegistration): Promise<Segments | undefined> {
  const history = await client.workflow.getHandle(`registration-${accepted.id}`).fetchHistory();
  const first = (type: number) => history.events?.find((event) => event.eventType === type);
  const at = (type: number) => optionalTsToMs(first(type)?.eventTime);
  const started = at(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
  const taskScheduled = at(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
  const taskStarted = at(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
  const taskCompleted = at(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  const activityScheduled = at(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
  const activityStartedEvent = first(EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
  const activityStarted = optionalTsToMs(activityStartedEvent?.eventTime);
  const activityCompleted = at(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
  const times = [
    started,
    taskScheduled,
    taskStarted,
    taskCompleted,
    activityScheduled,
    activityStarted,
    activityCompleted,
  ];
  if (times.some((time) => time === undefined)) return undefined;
  const [s, , ts, tc, as, ast, ac] = times as number[];
  return {
    apiBeforeWorkflowStart: (s as number) - accepted.sentAt,
    workflowTaskQueueWait: (ts as number) - (s as number),
    workflowTaskRun: (tc as number) - (ts as number),
    activityQueueWait: (ast as number) - (as as number),
    activityRun: (ac as number) - (ast as number),
    attempts: activityStartedEvent?.activityTaskStartedEventAttributes?.attempt ?? 1,
  };
}

/**
 * Reads the histories of `sampleSize` accepted registrations spread over the run and splits their
 * decision time into the API's part, the queues' waits and the worker's work. A retried activity
 * records its start event only at the end (with the last attempt), so its queue wait includes retries.
 */
export async function decisionBreakdown(
  client: Client,
  accepted: AcceptedRegistration[],
  sampleSize = 200,
): Promise<DecisionBreakdown> {
  const step = Math.max(1, Math.floor(accepted.length / sampleSize));
  const sample = accepted.filter((_, index) => index % step === 0).slice(0, sampleSize);
  const segments: Segments[] = [];
  await runClosedLoop(sample, 8, 300, async (registration) => {
    const found = await segmentsOf(client, registration);
    if (found) segments.push(found);
    return { ok: true, status: 200 };
  });
  const of = (name: keyof Omit<Segments, 'attempts'>) => summarize(segments.map((segment) => segment[name]));
  return {
    sampled: segments.length,
    apiBeforeWorkflowStart: of('apiBeforeWorkflowStart'),
    workflowTaskQueueWait: of('workflowTaskQueueWait'),
    workflowTaskRun: of('workflowTaskRun'),
    activityQueueWait: of('activityQueueWait'),
    activityRun: of('activityRun'),
    retriedChecks: segments.filter((segment) => segment.attempts > 1).length,
  };
}
