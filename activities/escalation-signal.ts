import { Escalation, type EscalationContender, type EscalationDoc } from '../db/escalations';
import { contenderJoinedSignal, escalationWorkflowId } from '../workflows/definitions';
import { escalationWorkflow } from '../workflows/escalation';
import type { ActivityDeps } from './context';

/**
 * Starts the escalation's workflow if it is not running yet and tells it about a contender, in one call.
 * The start input carries what the workflow's Update validator needs, so it never has to read it first.
 */
export async function signalContender(
  deps: ActivityDeps,
  escalationId: string,
  contender: EscalationContender,
): Promise<void> {
  const escalation = await Escalation.findById(escalationId).lean<EscalationDoc>().exec();
  if (!escalation) throw new Error(`escalation ${escalationId} does not exist`);
  await deps.temporal.workflow.signalWithStart(escalationWorkflow, {
    workflowId: escalationWorkflowId(escalationId),
    taskQueue: deps.taskQueue,
    args: [
      {
        escalationId,
        subject: escalation.subject,
        reasonCode: escalation.reasonCode,
        reviewDueAt: escalation.reviewDueAt.toISOString(),
        secondReviewDueAt: escalation.secondReviewDueAt.toISOString(),
      },
    ],
    signal: contenderJoinedSignal,
    signalArgs: [{ registrationId: contender.registrationId, role: contender.role, sequence: contender.sequence }],
  });
}
