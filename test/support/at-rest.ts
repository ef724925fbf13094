import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import pLimit from 'p-limit';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { RequestRefused } from '../../domain/errors';
import type { Requester } from '../../domain/lifecycle-entries';
import { isActiveStatus } from '../../domain/registration';
import { withdrawRegistration } from '../../services/commands';
import { escalationIdsOf } from '../../services/invariant-deadlines';
import { escalationWorkflowId } from '../../workflows/definitions';
import { eventually } from './harness';

/** What a workflow has in flight (a workflow task, activities with their attempt and last failure), or nothing. */
async function busyWith(temporal: Client, workflowId: string): Promise<string | undefined> {
  const { raw, status } = await temporal.workflow.getHandle(workflowId).describe();
  if (status.name !== 'RUNNING') return undefined;
  const activities = (raw.pendingActivities ?? []).map(
    (a) => `${a.activityType?.name} attempt ${a.attempt} (${a.lastFailure?.message ?? 'no failure yet'})`,
  );
  if (!raw.pendingWorkflowTask && activities.length === 0) return undefined;
  return `${workflowId}: ${[raw.pendingWorkflowTask ? 'workflow task' : '', ...activities].filter(Boolean).join(', ')}`;
}

/**
 * Waits until none of these workflows has a step in flight, seen so twice in a row (one of them may wake
 * another with a signal between two looks), so that what their steps write outside the registration is
 * complete. A timer may still wake one later: lives that must be over are waited for with `untilClosed`.
 * On time-out it names what is still busy, so that a slow retry reads apart from a step stuck for good.
 */
export async function untilAtRest(temporal: Client, workflowIds: readonly string[], timeoutMs = 30_000): Promise<void> {
  const limit = pLimit(8);
  const started = Date.now();
  let calmSweeps = 0;
  while (calmSweeps < 2) {
    const busy = (await Promise.all(workflowIds.map((id) => limit(() => busyWith(temporal, id))))).filter(Boolean);
    if (busy.length > 0 && Date.now() - started > timeoutMs) {
      throw new Error(`workflows still busy after ${timeoutMs} ms:\n${busy.slice(0, 10).join('\n')}`);
    }
    calmSweeps = busy.length === 0 ? calmSweeps + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Closed; an escalation named by a registration but not started yet (its join under way) is not. */
async function closed(temporal: Client, workflowId: string): Promise<boolean> {
  try {
    return (await temporal.workflow.getHandle(workflowId).describe()).status.name !== 'RUNNING';
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/**
 * Waits until the registrations' lives are over: every registration's workflow closed, and every
 * escalation their entries name (reviews, extension reviews) closed too. Returns those escalations.
 */
export async function untilClosed(
  temporal: Client,
  registrationIds: readonly string[],
  timeoutMs: number,
): Promise<string[]> {
  const limit = pLimit(8);
  const started = Date.now();
  for (;;) {
    const docs = await Registration.find({ _id: { $in: [...registrationIds] } })
      .lean<RegistrationDoc[]>()
      .exec();
    const escalationIds = escalationIdsOf(docs);
    const workflowIds = [...docs.map((doc) => doc.workflowId), ...escalationIds.map(escalationWorkflowId)];
    const open = (
      await Promise.all(workflowIds.map((id) => limit(async () => ((await closed(temporal, id)) ? [] : [id]))))
    ).flat();
    if (open.length === 0 && docs.length === registrationIds.length) return escalationIds;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`lives not over after ${timeoutMs} ms: ${open.slice(0, 10).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Ends the lives still open: withdraws whatever is approved (an escalation may approve one later, so this
 * goes on) until none is pending, escalated or approved.
 */
export async function endEveryLife(
  temporal: Client,
  registrationIds: readonly string[],
  by: Requester,
  timeoutMs: number,
): Promise<void> {
  await eventually(
    async () => {
      const docs = await Registration.find({ _id: { $in: [...registrationIds] } })
        .lean<RegistrationDoc[]>()
        .exec();
      for (const doc of docs.filter((d) => d.status === 'approved')) {
        await withdrawRegistration(temporal, doc._id, by).catch((error: unknown) => {
          if (!(error instanceof RequestRefused)) throw error;
        });
      }
      return docs.every((doc) => !isActiveStatus(doc.status)) ? true : undefined;
    },
    'every life to end',
    timeoutMs,
  );
}
