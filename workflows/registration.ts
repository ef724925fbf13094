import { setHandler } from '@temporalio/workflow';
import {
  acceptUpdate,
  changeUpdate,
  closeUpdate,
  escalationFateSignal,
  escalationTurnedAwaySignal,
  extensionUpdate,
  predecessorDecidedSignal,
  type RegistrationState,
  type RegistrationWorkflowInput,
  registrationStateQuery,
  revokeUpdate,
  transferAnsweredSignal,
  transferUpdate,
  watchDecisionSignal,
  withdrawUpdate,
} from './definitions';
import { disputeStepUpdate } from './dispute-definitions';
import { RegistrationLifecycle } from './registration-lifecycle';

/**
 * The life of one registration (`registration-<id>`): its messages, each handed to the state chart in
 * `RegistrationLifecycle`, which runs the life. Handlers are set before the first await, so a message
 * that arrives with the start is never lost.
 */
export async function registrationWorkflow(input: RegistrationWorkflowInput): Promise<RegistrationState> {
  const registration = new RegistrationLifecycle(input);
  setHandler(registrationStateQuery, () => registration.view());
  setHandler(acceptUpdate, () => registration.answerSubmission(), {
    validator: (request) => registration.validateSubmission(request),
  });
  setHandler(withdrawUpdate, (request) => registration.withdraw(request), {
    validator: (_request) => registration.validateChange('withdrawn'),
  });
  setHandler(closeUpdate, (request) => registration.close(request), {
    validator: (_request) => registration.validateChange('closed'),
  });
  setHandler(extensionUpdate, (request) => registration.requestExtension(request), {
    validator: (_request) => registration.validateExtension(),
  });
  setHandler(transferUpdate, (request) => registration.transfer(request), {
    validator: (_request) => registration.validateChange('transferred'),
  });
  setHandler(revokeUpdate, (request) => registration.revoke(request), {
    validator: (_request) => registration.validateChange('revoked'),
  });
  setHandler(transferAnsweredSignal, (answer) => registration.transferAnswered(answer));
  setHandler(changeUpdate, (request) => registration.changeOpportunity(request), {
    validator: (_request) => registration.validateChange('changed'),
  });
  setHandler(disputeStepUpdate, (step) => registration.recordDisputeStep(step));
  setHandler(escalationFateSignal, (fate) => registration.receiveFate(fate));
  setHandler(escalationTurnedAwaySignal, () => registration.turnAway());
  setHandler(watchDecisionSignal, (watcher) => registration.watch(watcher));
  setHandler(predecessorDecidedSignal, () => registration.predecessorAnswered());
  return registration.run();
}
