import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;
const EventType = temporal.api.enums.v1.EventType;

export interface TimelineEvent {
  eventId: number;
  at: string;
  /** Temporal's event type without its prefix, for example `ACTIVITY_TASK_COMPLETED`. */
  type: string;
  /** One line a person can read. */
  summary: string;
  details?: unknown;
}

/** Workflow-task bookkeeping says nothing about the registration's life; everything else is kept. */
const bookkeeping = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
]);

function decode(payloads: Payloads): unknown[] {
  return (payloads?.payloads ?? []).map((payload) => {
    try {
      return defaultPayloadConverter.fromPayload(payload);
    } catch {
      return '(undecodable payload)';
    }
  });
}

function typeName(event: HistoryEvent): string {
  return (EventType[event.eventType ?? 0] ?? 'UNKNOWN').replace(/^EVENT_TYPE_/, '');
}

function timeOf(event: HistoryEvent): string {
  const t = event.eventTime;
  const ms = Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);
  return new Date(ms).toISOString();
}

const seconds = (d: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  Number(d?.seconds ?? 0) + (d?.nanos ?? 0) / 1e9;

function briefResult(value: unknown): string {
  if (value && typeof value === 'object') {
    const v = value as {
      state?: { status?: string; reasonCode?: string };
      registration?: { status?: string };
      status?: string;
      reasonCode?: string;
      result?: string;
      waitFor?: string;
      verdict?: { decision?: { outcome?: string; reasonCode?: string } };
    };
    if (v.verdict?.decision?.outcome) {
      const { outcome, reasonCode } = v.verdict.decision;
      return `verdict ${outcome}${reasonCode ? ` (${reasonCode})` : ''}`;
    }
    if (v.waitFor) return `waits for ${v.waitFor}`;
    const status = v.state?.status ?? v.registration?.status ?? v.status ?? v.result;
    const reason = v.state?.reasonCode ?? v.reasonCode;
    if (status) return `${status}${reason ? ` (${reason})` : ''}`;
  }
  return 'done';
}

/**
 * Turns a workflow history into a readable timeline: activities by name with their results, timers,
 * signals and Updates by name, search attribute changes. Auditors get the same order Temporal recorded.
 */
export function summarizeHistory(events: readonly HistoryEvent[]): TimelineEvent[] {
  const activityNames = new Map<number, string>();
  const timeline: TimelineEvent[] = [];
  for (const event of events) {
    if (bookkeeping.has(event.eventType ?? 0)) continue;
    const base = { eventId: Number(event.eventId), at: timeOf(event), type: typeName(event) };
    const summary = describe(event, activityNames);
    timeline.push({ ...base, ...summary });
  }
  return timeline;
}

function describe(event: HistoryEvent, activityNames: Map<number, string>): { summary: string; details?: unknown } {
  switch (event.eventType) {
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: {
      const a = event.workflowExecutionStartedEventAttributes;
      return { summary: `${a?.workflowType?.name} started`, details: decode(a?.input)[0] };
    }
    case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
      const a = event.activityTaskScheduledEventAttributes;
      const name = a?.activityType?.name ?? 'activity';
      activityNames.set(Number(event.eventId), name);
      return { summary: `${name} scheduled`, details: decode(a?.input)[0] };
    }
    case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
      const a = event.activityTaskCompletedEventAttributes;
      const name = activityNames.get(Number(a?.scheduledEventId)) ?? 'activity';
      const result = decode(a?.result)[0];
      return { summary: `${name} completed: ${briefResult(result)}`, details: result };
    }
    case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED: {
      const a = event.activityTaskFailedEventAttributes;
      const name = activityNames.get(Number(a?.scheduledEventId)) ?? 'activity';
      return { summary: `${name} failed: ${a?.failure?.message ?? 'unknown error'}` };
    }
    case EventType.EVENT_TYPE_MARKER_RECORDED: {
      const local = localActivityCompleted(event);
      if (local)
        return {
          summary: `${local.name} completed: ${briefResult(local.result)} (local activity)`,
          details: local.result,
        };
      return { summary: 'marker recorded' };
    }
    case EventType.EVENT_TYPE_TIMER_STARTED:
      return { summary: `timer set for ${seconds(event.timerStartedEventAttributes?.startToFireTimeout)} s` };
    case EventType.EVENT_TYPE_TIMER_FIRED:
      return { summary: 'timer fired' };
    case EventType.EVENT_TYPE_TIMER_CANCELED:
      return { summary: 'timer cancelled (something happened first)' };
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED: {
      const a = event.workflowExecutionSignaledEventAttributes;
      return { summary: `signal ${a?.signalName} received`, details: decode(a?.input)[0] };
    }
    case EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED: {
      const a = event.signalExternalWorkflowExecutionInitiatedEventAttributes;
      return { summary: `signal ${a?.signalName} sent to ${a?.workflowExecution?.workflowId}` };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
      const a = event.workflowExecutionUpdateAcceptedEventAttributes;
      const request = a?.acceptedRequest;
      return { summary: `update ${request?.input?.name} accepted`, details: decode(request?.input?.args)[0] };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
      const outcome = event.workflowExecutionUpdateCompletedEventAttributes?.outcome;
      if (outcome?.failure) return { summary: `update failed: ${outcome.failure.message}` };
      const result = decode(outcome?.success)[0];
      return { summary: `update completed: ${briefResult(result)}`, details: result };
    }
    case EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
      const fields = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {};
      const changes = Object.entries(fields).map(
        ([name, payload]) => `${name}=${JSON.stringify(decode({ payloads: [payload] })[0])}`,
      );
      return { summary: `search attributes: ${changes.join(', ')}` };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: {
      const result = decode(event.workflowExecutionCompletedEventAttributes?.result)[0];
      return { summary: `workflow completed: ${briefResult(result)}`, details: result };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
      return { summary: `workflow failed: ${event.workflowExecutionFailedEventAttributes?.failure?.message}` };
    case EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED:
      return { summary: `workflow task failed: ${event.workflowTaskFailedEventAttributes?.failure?.message}` };
    default:
      return { summary: typeName(event).toLowerCase().replaceAll('_', ' ') };
  }
}

/** The timeline of a workflow, read from Temporal (also after the workflow has closed, within retention). */
export async function workflowTimeline(client: Client, workflowId: string): Promise<TimelineEvent[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return summarizeHistory(history.events ?? []);
}

/** A local activity's completion, from its marker: its type in `data`, its result in `result`. */
function localActivityCompleted(event: HistoryEvent): { name: string; result: unknown } | undefined {
  const marker = event.markerRecordedEventAttributes;
  if (event.eventType !== EventType.EVENT_TYPE_MARKER_RECORDED || marker?.markerName !== 'core_local_activity') return;
  const result = marker.details?.result;
  if (!result) return undefined;
  const data = decode(marker.details?.data as Payloads)[0] as { activity_type?: string } | undefined;
  return { name: data?.activity_type ?? 'local activity', result: decode(result as Payloads)[0] };
}

export interface CompletedActivity {
  name: string;
  input: unknown;
  result: unknown;
}

/** Each activity the workflow saw complete, with the input it was scheduled with and the result it recorded. */
export function completedActivities(events: readonly HistoryEvent[]): CompletedActivity[] {
  const scheduled = new Map<number, { name: string; input: unknown }>();
  const completed: CompletedActivity[] = [];
  for (const event of events) {
    if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
      const a = event.activityTaskScheduledEventAttributes;
      scheduled.set(Number(event.eventId), { name: a?.activityType?.name ?? '', input: decode(a?.input)[0] });
    } else if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
      const a = event.activityTaskCompletedEventAttributes;
      const origin = scheduled.get(Number(a?.scheduledEventId));
      if (origin) completed.push({ ...origin, result: decode(a?.result)[0] });
    } else {
      // A local activity's marker does not keep its input.
      const local = localActivityCompleted(event);
      if (local) completed.push({ ...local, input: undefined });
    }
  }
  return completed;
}
