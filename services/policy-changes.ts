import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { PolicyModel } from '../db/policies';
import type { PolicyVersion } from '../domain/policy/schema';
import { policyChangeWorkflowId } from '../workflows/definitions';
import type { policyChangeWorkflow } from '../workflows/policy-change';

const workflowIdOf = (version: number) => policyChangeWorkflowId(PolicyModel.db.name, version);

/** Starts the announcements of a newly published version (a repeat joins the running workflow). */
export async function startPolicyChange(
  temporal: Client,
  taskQueue: string,
  version: PolicyVersion,
  guideUrl: string,
): Promise<void> {
  try {
    await temporal.workflow.start<typeof policyChangeWorkflow>('policyChangeWorkflow', {
      workflowId: workflowIdOf(version.version),
      taskQueue,
      args: [{ version: version.version, effectiveFrom: version.effectiveFrom.toISOString(), guideUrl }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** Ends a cancelled version's wait; the version is marked cancelled already, so a missing workflow is fine. */
export async function cancelPolicyChange(temporal: Client, version: number): Promise<void> {
  try {
    await temporal.workflow.getHandle(workflowIdOf(version)).cancel();
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}
