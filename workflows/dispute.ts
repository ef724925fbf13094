import { setHandler } from '@temporalio/workflow';
import { transferAnsweredSignal } from './definitions';
import {
  type DisputeState,
  type DisputeWorkflowInput,
  decideDisputeUpdate,
  disputeOpenedUpdate,
  disputeStateQuery,
  respondToDisputeUpdate,
} from './dispute-definitions';
import { DisputeReview } from './dispute-review';

/**
 * One dispute (`dispute-<id>`): its messages, each handed to the state chart in `DisputeReview`. Handlers
 * are set before the first await: the opening's Update arrives with the start.
 */
export async function disputeWorkflow(input: DisputeWorkflowInput): Promise<DisputeState> {
  const review = new DisputeReview(input);
  setHandler(disputeStateQuery, () => review.view());
  setHandler(disputeOpenedUpdate, () => review.opening());
  setHandler(respondToDisputeUpdate, (request) => review.respond(request), {
    validator: (request) => review.validateResponse(request),
  });
  setHandler(decideDisputeUpdate, (request) => review.decideByManager(request), {
    validator: (request) => review.validateDecision(request),
  });
  // The receiver a decision starts (overturned with nobody holding the deal, or distinct) answers here.
  setHandler(transferAnsweredSignal, (answer) => review.receiverAnswered(answer));
  return review.run();
}
