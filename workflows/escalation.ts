import { setHandler } from '@temporalio/workflow';
import {
  contenderLeftSignal,
  contendersJoinedSignal,
  type EscalationState,
  type EscalationWorkflowInput,
  escalationStateQuery,
  resolveEscalationUpdate,
} from './definitions';
import { EscalationReview } from './escalation-review';

/**
 * One escalation (`escalation-<id>`): its messages, each handed to the review's state chart in
 * `EscalationReview`. Handlers are set before the first await: contenders arrive with the start.
 */
export async function escalationWorkflow(input: EscalationWorkflowInput): Promise<EscalationState> {
  const review = new EscalationReview(input);
  setHandler(escalationStateQuery, () => review.view());
  setHandler(contendersJoinedSignal, (joining) => review.join(joining));
  setHandler(contenderLeftSignal, ({ registrationId }) => review.leave(registrationId));
  setHandler(resolveEscalationUpdate, (request) => review.resolveByManager(request), {
    validator: (request) => review.validateResolution(request),
  });
  return review.run();
}
