import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { ChangeRefused, RequestRefused } from '../domain/errors';
import type { Closing, ReasonCode } from '../domain/registration';
import {
  type ChangeRequest,
  changeUpdate,
  closeUpdate,
  type EscalationResolutionRequest,
  type EscalationResolutionResult,
  type ExtensionResult,
  escalationWorkflowId,
  extensionUpdate,
  type RegistrationState,
  type Requester,
  registrationWorkflowId,
  resolveEscalationUpdate,
  revokeUpdate,
  type TransferRequest,
  type TransferResult,
  transferUpdate,
  withdrawUpdate,
} from '../workflows/definitions';

/** Failure types a workflow's Update validators or handlers raise, and what they mean to a caller. */
const refusals: Record<string, { status: 409 | 422; title: string }> = {
  InvalidState: { status: 409, title: 'Not possible in this state' },
  NoExtensionsLeft: { status: 409, title: 'No extensions left' },
  TransitionRefused: { status: 409, title: 'Not possible in this state' },
  AlreadyResolved: { status: 409, title: 'Escalation already resolved' },
  InvalidResolution: { status: 422, title: 'Invalid resolution' },
  DealHeld: { status: 409, title: 'The deal already has a holder' },
  TransferRefused: { status: 422, title: 'The transfer is refused' },
  LimitReached: { status: 422, title: 'The receiver’s limit is reached' },
  ReviewFinished: { status: 409, title: 'Not possible in this state' },
  NothingChanged: { status: 422, title: 'Nothing to change' },
  AlreadyDecided: { status: 409, title: 'Dispute already decided' },
  AlreadyAnswered: { status: 409, title: 'Dispute already answered' },
  ResponseWindowClosed: { status: 409, title: 'The response window has closed' },
  InvalidDecision: { status: 422, title: 'Invalid decision' },
  DisputeRefused: { status: 409, title: 'Not possible in this state' },
};

/** The innermost ApplicationFailure of an error chain (an activity failure wraps the handler's error). */
function applicationFailureOf(error: unknown): ApplicationFailure | undefined {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current instanceof ApplicationFailure) return current;
    current =
      current instanceof ActivityFailure || current instanceof WorkflowUpdateFailedError
        ? current.cause
        : (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Sends an Update and turns the workflow's refusals into RequestRefused (409/422) for the caller. */
export const commandUpdate = <Ret>(run: () => Promise<Ret>, what: string): Promise<Ret> => update(run, what);

async function update<Ret>(run: () => Promise<Ret>, what: string): Promise<Ret> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      throw new RequestRefused(
        409,
        'Not possible in this state',
        `${what} is not running (it has ended, or is still starting)`,
      );
    }
    const failure = applicationFailureOf(error);
    if (failure?.type === 'ChangeRefused') throw new ChangeRefused(failure.details?.[0] as ReasonCode, failure.message);
    const refusal = failure?.type ? refusals[failure.type] : undefined;
    if (failure && refusal) throw new RequestRefused(refusal.status, refusal.title, failure.message);
    if (isCompletedWorkflowError(error)) {
      throw new RequestRefused(409, 'Not possible in this state', `${what}: its life has already ended`);
    }
    throw error;
  }
}

function isCompletedWorkflowError(error: unknown): boolean {
  return error instanceof Error && /already completed|workflow execution already finished/i.test(error.message);
}

export function withdrawRegistration(
  temporal: Client,
  registrationId: string,
  by: Requester,
  reason?: string,
): Promise<RegistrationState> {
  const handle = temporal.workflow.getHandle(registrationWorkflowId(registrationId));
  return update(
    () => handle.executeUpdate(withdrawUpdate, { args: [{ by, reason }] }),
    `registration ${registrationId}`,
  );
}

export function closeRegistration(
  temporal: Client,
  registrationId: string,
  by: Requester,
  closing: Closing,
): Promise<RegistrationState> {
  const handle = temporal.workflow.getHandle(registrationWorkflowId(registrationId));
  return update(
    () => handle.executeUpdate(closeUpdate, { args: [{ by, ...closing }] }),
    `registration ${registrationId}`,
  );
}

export function requestExtension(
  temporal: Client,
  registrationId: string,
  by: Requester,
  reason: string,
): Promise<ExtensionResult> {
  const handle = temporal.workflow.getHandle(registrationWorkflowId(registrationId));
  return update(
    () => handle.executeUpdate(extensionUpdate, { args: [{ by, reason }] }),
    `registration ${registrationId}`,
  );
}

/** The owner's change of the opportunity; 422 (ChangeRefused) when an added line is another registration's. */
export function changeRegistration(
  temporal: Client,
  registrationId: string,
  request: ChangeRequest,
): Promise<RegistrationState> {
  const handle = temporal.workflow.getHandle(registrationWorkflowId(registrationId));
  return update(() => handle.executeUpdate(changeUpdate, { args: [request] }), `registration ${registrationId}`);
}

export function resolveEscalation(
  temporal: Client,
  escalationId: string,
  by: Requester,
  request: EscalationResolutionRequest,
): Promise<EscalationResolutionResult> {
  const handle = temporal.workflow.getHandle(escalationWorkflowId(escalationId));
  return update(
    () => handle.executeUpdate(resolveEscalationUpdate, { args: [{ by, request }] }),
    `escalation ${escalationId}`,
  );
}

/** A channel manager moves an approved registration's deal to another partner (the holder's workflow does it). */
export function transferRegistration(
  temporal: Client,
  registrationId: string,
  request: TransferRequest,
): Promise<TransferResult> {
  const handle = temporal.workflow.getHandle(registrationWorkflowId(registrationId));
  return update(() => handle.executeUpdate(transferUpdate, { args: [request] }), `registration ${registrationId}`);
}

export function revokeRegistration(
  temporal: Client,
  registrationId: string,
  by: Requester,
  reason: string,
): Promise<RegistrationState> {
  const handle = temporal.workflow.getHandle(registrationWorkflowId(registrationId));
  return update(() => handle.executeUpdate(revokeUpdate, { args: [{ by, reason }] }), `registration ${registrationId}`);
}
