import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { runClosedLoop } from '../load/driver';
import { type LatencySummary, summarize } from '../load/stats';
import type { AcceptedRegistration } from './load-phase';

const EventType = temporal.api.enums.v1.EventType;

/**
 * Where a registration's submission-to-decision time goes, segment by segment (milliseconds), in the
 * workflow's shape: a first task that accepts it (a local activity's marker) and answers the submitter by
 * scheduling the first look (an ordinary activity), then a task that records the decision (a marker).
 */
export interface DecisionBreakdown {
  sampled: number;
  /** Client send to the workflow's start event: the API's work before it starts the workflow. */
  apiBeforeWorkflowStart: LatencySummary;
  /** Start event to the first workflow task being picked up: the workflow task's wait in its queue. */
  workflowTaskQueueWait: LatencySummary;
  /** The first task picked up to completed: the acceptance (stored, numbered; the submitter's answer). */
  acceptanceRun: LatencySummary;
  /** The first look scheduled to picked up: its wait in the activity queue. */
  lookQueueWait: LatencySummary;
  /** The first look picked up to completed: the conflict check's reads. */
  lookRun: LatencySummary;
  /** The look completed to the decision's task completed: that task's queue wait and the decision's write. */
  decisionStep: LatencySummary;
  /** Registrations whose first look named an earlier one to wait for (more looks followed). */
  waited: number;
}

interface Segments {
  apiBeforeWorkflowStart: number;
  workflowTaskQueueWait: number;
  acceptanceRun: number;
  lookQueueWait: number;
  lookRun: number;
  decisionStep: number;
  waited: boolean;
}

async function segmentsOf(client: Client, accepted: AcceptedRegistration): Promise<Segments | undefined> {
  const events = (await client.workflow.getHandle(`registration-${accepted.id}`).fetchHistory()).events ?? [];
  const timeOf = (index: number) => (index < 0 ? undefined : optionalTsToMs(events[index]?.eventTime));
  const after = (type: number, from = 0) => events.findIndex((event, i) => i >= from && event.eventType === type);
  const started = after(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
  const firstTaskStarted = after(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
  const firstTaskCompleted = after(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  const lookScheduled = after(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
  const lookStarted = after(EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, lookScheduled);
  const lookCompleted = after(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, lookScheduled);
  // The decision is a marker recorded by the task after the look (or after the waits a look asked for).
  const decisionMarker = after(EventType.EVENT_TYPE_MARKER_RECORDED, lookCompleted);
  let decisionTaskCompleted = -1;
  for (let i = 0; i < decisionMarker; i += 1)
    if (events[i]?.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) decisionTaskCompleted = i;
  const times = [
    started,
    firstTaskStarted,
    firstTaskCompleted,
    lookScheduled,
    lookStarted,
    lookCompleted,
    decisionTaskCompleted,
  ].map(timeOf);
  if (times.some((time) => time === undefined)) return undefined;
  const [s, ts, tc, ls, lst, lc, dc] = times as number[];
  return {
    apiBeforeWorkflowStart: (s as number) - accepted.sentAt,
    workflowTaskQueueWait: (ts as number) - (s as number),
    acceptanceRun: (tc as number) - (ts as number),
    lookQueueWait: (lst as number) - (ls as number),
    lookRun: (lc as number) - (lst as number),
    decisionStep: (dc as number) - (lc as number),
    waited: events.some((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED),
  };
}

/**
 * Reads the histories of `sampleSize` accepted registrations spread over the run and splits their
 * decision time into the API's part, the queues' waits and the worker's work. A retried activity
 * records its start event only at the end (with the last attempt), so its queue wait includes retries;
 * a look that waited for an earlier registration puts the wait into `decisionStep`.
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
  const of = (name: keyof Omit<Segments, 'waited'>) => summarize(segments.map((segment) => segment[name]));
  return {
    sampled: segments.length,
    apiBeforeWorkflowStart: of('apiBeforeWorkflowStart'),
    workflowTaskQueueWait: of('workflowTaskQueueWait'),
    acceptanceRun: of('acceptanceRun'),
    lookQueueWait: of('lookQueueWait'),
    lookRun: of('lookRun'),
    decisionStep: of('decisionStep'),
    waited: segments.filter((segment) => segment.waited).length,
  };
}
