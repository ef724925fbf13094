import type { EscalationContender } from '../db/escalations';
import { contenderJoinedSignal, escalationWorkflowId } from '../workflows/definitions';
import { escalationWorkflow } from '../workflows/escalation';
import type { ActivityDeps } from './context';

/** Starts the escalation's workflow if it is not running yet and tells it about a contender, in one call. */
export async function signalContender(deps: ActivityDeps, escalationId: string, contender: EscalationContender): Promise<void> {
  await deps.temporal.workflow.signalWithStart(escalationWorkflow, {
    workflowId: escalationWorkflowId(escalationId),
    taskQueue: deps.taskQueue,
    args: [{ escalationId }],
    signal: contenderJoinedSignal,
    signalArgs: [{ registrationId: contender.registrationId, role: contender.role, sequence: contender.sequence }],
  });
}
