import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { RegistrationStatus } from '../domain/registration';
import {
  closeUpdate,
  escalationOutcomeSignal,
  extensionOutcomeSignal,
  extensionUpdate,
  type RecordedOutcome,
  type RegistrationState,
  registrationStateQuery,
  withdrawUpdate,
} from './definitions';
import { searchAttributes } from './search-attributes';

/**
 * The conflict check waits (by retrying) while an earlier registration on the same deal is undecided,
 * so its retries are frequent and unlimited; the decision itself is one short database round.
 */
const { decideRegistration } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // It heartbeats while it waits, so a worker that dies mid-wait is noticed in seconds, not at the timeout.
  heartbeatTimeout: '5 seconds',
  retry: { initialInterval: '100 milliseconds', backoffCoefficient: 1.5, maximumInterval: '2 seconds' },
});

/** Every other step is a single guarded write: retried until the database answers, never twice applied. */
const lifecycle = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['TransitionRefused'],
  },
});

export interface RegistrationWorkflowInput {
  registrationId: string;
}

const endStatuses: RegistrationStatus[] = ['rejected', 'won', 'lost', 'expired', 'withdrawn'];

/** The life of one registration: decision, escalation, protection, extension, and its end. */
export async function registrationWorkflow({ registrationId }: RegistrationWorkflowInput): Promise<RegistrationState> {
  const state: RegistrationState = { status: 'pending', extensionsUsed: 0 };
  let timing = { expiryReminderMs: 0, extensionMax: 0, needsApproval: false };
  let remindedFor: string | undefined;
  let extensionInFlight = false;

  const adopt = (outcome: RecordedOutcome) => {
    state.status = outcome.status;
    state.reasonCode = outcome.reasonCode;
    state.protectedUntil = outcome.protectedUntil;
    state.extensionsUsed = outcome.extensionsUsed;
    if (outcome.escalationId) state.escalationId = outcome.escalationId;
    upsertSearchAttributes([{ key: searchAttributes.status, value: state.status }]);
  };
  const ended = () => endStatuses.includes(state.status);

  setHandler(registrationStateQuery, () => ({ ...state }));

  setHandler(
    withdrawUpdate,
    async ({ by, reason }) => {
      adopt(await lifecycle.withdrawRegistration({ registrationId, by, reason }));
      return { ...state, extensionsUsed: state.extensionsUsed };
    },
    {
      validator: (_request) => {
        if (ended())
          throw ApplicationFailure.nonRetryable(`the registration is already ${state.status}`, 'InvalidState');
      },
    },
  );

  setHandler(
    closeUpdate,
    async ({ by, outcome }) => {
      adopt(await lifecycle.closeRegistration({ registrationId, by, outcome }));
      return { ...state };
    },
    {
      validator: (_request) => {
        if (state.status !== 'approved') {
          throw ApplicationFailure.nonRetryable(
            `only an approved registration can be closed; it is ${state.status}`,
            'InvalidState',
          );
        }
      },
    },
  );

  setHandler(
    extensionUpdate,
    async ({ by, reason }) => {
      extensionInFlight = true;
      try {
        const result = await lifecycle.requestExtension({
          registrationId,
          by,
          reason,
          ordinal: state.extensionsUsed + 1,
        });
        if (result.result === 'extended') {
          state.protectedUntil = result.protectedUntil;
          state.extensionsUsed = result.extensionsUsed;
          extensionInFlight = false;
        } else {
          state.extensionEscalationId = result.escalationId;
        }
        return result;
      } catch (error) {
        extensionInFlight = false;
        throw error;
      }
    },
    {
      validator: (_request) => {
        if (state.status !== 'approved') {
          throw ApplicationFailure.nonRetryable(
            `only an approved registration can be extended; it is ${state.status}`,
            'InvalidState',
          );
        }
        if (extensionInFlight) {
          throw ApplicationFailure.nonRetryable(
            'an extension request is already waiting for a channel manager',
            'InvalidState',
          );
        }
        if (state.extensionsUsed >= timing.extensionMax) {
          throw ApplicationFailure.nonRetryable(
            `no extensions left: the policy allows ${timing.extensionMax} and ${state.extensionsUsed} used`,
            'NoExtensionsLeft',
          );
        }
      },
    },
  );

  setHandler(escalationOutcomeSignal, (outcome) => {
    if (!ended()) adopt(outcome);
  });
  setHandler(extensionOutcomeSignal, ({ outcome }) => {
    extensionInFlight = false;
    state.extensionEscalationId = undefined;
    if (!ended()) adopt(outcome);
  });

  const decided = await decideRegistration({ registrationId });
  timing = decided.timing;
  // A withdrawal may have been recorded while the decision waited for earlier registrations.
  if (!ended()) adopt(decided.outcome);

  if (state.status === 'escalated') {
    await lifecycle.joinEscalation({ registrationId });
    await condition(() => state.status !== 'escalated');
  }

  while (state.status === 'approved' && state.protectedUntil) {
    const until = state.protectedUntil;
    const untilMs = Date.parse(until);
    const remindAtMs = untilMs - timing.expiryReminderMs;
    if (Date.now() >= untilMs) {
      if (extensionInFlight) {
        // An extension is before a channel manager: the registration stays protected until they decide.
        await condition(() => !extensionInFlight || state.status !== 'approved');
        continue;
      }
      adopt(await lifecycle.expireRegistration({ registrationId, protectedUntil: until }));
      break;
    }
    if (remindedFor !== until && Date.now() >= remindAtMs) {
      await lifecycle.notifyExpiring({ registrationId, protectedUntil: until });
      remindedFor = until;
      continue;
    }
    const wakeAt = remindedFor === until ? untilMs : remindAtMs;
    await condition(() => state.status !== 'approved' || state.protectedUntil !== until, wakeAt - Date.now());
  }

  await condition(allHandlersFinished);
  return { ...state };
}
