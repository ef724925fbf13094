import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { RegistrationDoc } from '../db/registrations';
import { registrationWorkflowId } from '../workflows/definitions';
import type { registrationWorkflow } from '../workflows/registration';
import { searchAttributes } from '../workflows/search-attributes';

/**
 * Starts the workflow of a registration that an API of an earlier version stored and numbered but did
 * not get to start (it died in between): the run begins at the decision, as runs of that version did.
 */
export async function startLegacyRegistration(
  deps: { temporal: Client; taskQueue: string },
  registration: RegistrationDoc,
): Promise<void> {
  const registrationId = registration._id;
  try {
    await deps.temporal.workflow.start<typeof registrationWorkflow>('registrationWorkflow', {
      workflowId: registrationWorkflowId(registrationId),
      taskQueue: deps.taskQueue,
      args: [{ registrationId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: searchAttributes.status, value: 'pending' },
        { key: searchAttributes.resellerId, value: registration.resellerId },
        { key: searchAttributes.distributorId, value: registration.distributorId },
        { key: searchAttributes.customerKeys, value: registration.customerKeys },
        { key: searchAttributes.sequence, value: registration.sequence ?? 0 },
      ],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
