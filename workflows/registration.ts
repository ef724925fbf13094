import {
  ActivityCancellationType,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { RegistrationStatus } from '../domain/registration';
import {
  closeUpdate,
  type EscalationFate,
  escalationFateSignal,
  escalationTurnedAwaySignal,
  extensionUpdate,
  type RecordedOutcome,
  type RegistrationState,
  registrationStateQuery,
  withdrawUpdate,
} from './definitions';
import { searchAttributes } from './search-attributes';
import { Serial } from './serial';

/**
 * The conflict check waits (polling, then retrying) while an earlier registration on the same deal is
 * undecided, so its retries are frequent and unlimited. It heartbeats while it waits: a worker that dies
 * mid-wait is noticed in seconds, and a withdrawal can cancel it (we wait for the cancellation to land,
 * so that the withdrawal never writes while the check still might).
 */
const { decideRegistration } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: '5 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '100 milliseconds', backoffCoefficient: 1.5, maximumInterval: '2 seconds' },
});

/**
 * Every other step is a few guarded writes: retried until the database answers, never applied twice.
 * A short timeout, so that a step lost with a killed worker is retried on another within seconds.
 */
const lifecycle = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
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

/**
 * The life of one registration: decision, escalation, protection, extension, and its end. It is the
 * only writer of its registration's document, one activity at a time (see Serial).
 */
export async function registrationWorkflow({ registrationId }: RegistrationWorkflowInput): Promise<RegistrationState> {
  const state: RegistrationState = { status: 'pending', extensionsUsed: 0 };
  const serial = new Serial();
  const decision = new CancellationScope();
  const fates: EscalationFate[] = [];
  let timing = { expiryReminderMs: 0, extensionMax: 0 };
  let remindedFor: string | undefined;
  let turnedAway = false;

  const adopt = (outcome: RecordedOutcome) => {
    state.status = outcome.status;
    state.reasonCode = outcome.reasonCode;
    state.protectedUntil = outcome.protectedUntil;
    state.extensionsUsed = outcome.extensionsUsed;
    if (outcome.escalationId) state.escalationId = outcome.escalationId;
    upsertSearchAttributes([{ key: searchAttributes.status, value: state.status }]);
    return { ...state };
  };
  const ended = () => endStatuses.includes(state.status);
  const refuse = (message: string, type = 'InvalidState') => {
    throw ApplicationFailure.nonRetryable(message, type);
  };

  setHandler(registrationStateQuery, () => ({ ...state }));
  setHandler(
    withdrawUpdate,
    async ({ by, reason }) => {
      if (state.status === 'pending') decision.cancel();
      return adopt(await serial.run(() => lifecycle.withdrawRegistration({ registrationId, by, reason })));
    },
    { validator: (_request) => void (ended() && refuse(`the registration is already ${state.status}`)) },
  );
  /**
   * The document can be a step ahead of `state` (an activity has written it, the workflow has not seen
   * the result yet), so a caller who just read "approved" may be early: wait until the decision is in,
   * then check and act inside one serial step, where `state` is exact.
   */
  const whenApproved = async <T>(action: string, act: () => Promise<T>): Promise<T> => {
    await condition(() => state.status !== 'pending');
    return serial.run(async () => {
      if (state.status !== 'approved') refuse(`only an approved registration can be ${action}; it is ${state.status}`);
      return act();
    });
  };
  setHandler(
    closeUpdate,
    async ({ by, outcome }) =>
      adopt(await whenApproved('closed', () => lifecycle.closeRegistration({ registrationId, by, outcome }))),
    { validator: (_request) => void (ended() && refuse(`the registration is already ${state.status}`)) },
  );
  const checkExtensionAllowed = () => {
    if (state.extensionEscalationId) refuse('an extension request is already waiting for a channel manager');
    if (state.extensionsUsed >= timing.extensionMax && state.status === 'approved') {
      refuse(
        `no extensions left: the policy allows ${timing.extensionMax} and ${state.extensionsUsed} used`,
        'NoExtensionsLeft',
      );
    }
  };
  setHandler(
    extensionUpdate,
    ({ by, reason }) =>
      whenApproved('extended', async () => {
        checkExtensionAllowed();
        const result = await lifecycle.requestExtension({
          registrationId,
          by,
          reason,
          ordinal: state.extensionsUsed + 1,
        });
        if (result.result === 'extended') {
          state.protectedUntil = result.protectedUntil;
          state.extensionsUsed = result.extensionsUsed;
        } else {
          state.extensionEscalationId = result.escalationId;
        }
        return result;
      }),
    {
      validator: (_request) => {
        if (ended()) refuse(`only an approved registration can be extended; it is ${state.status}`);
        checkExtensionAllowed();
      },
    },
  );
  setHandler(escalationFateSignal, (fate) => void fates.push(fate));
  setHandler(escalationTurnedAwaySignal, () => {
    turnedAway = true;
  });

  /** Records the fates escalations have sent, in arrival order; a registration that ended meanwhile keeps its end. */
  const recordFates = async () => {
    while (fates.length > 0) {
      const fate = fates.shift() as EscalationFate;
      if (fate.escalationId === state.extensionEscalationId) state.extensionEscalationId = undefined;
      if (!ended()) adopt(await serial.run(() => lifecycle.recordEscalationFate({ registrationId, fate })));
    }
  };

  try {
    const decided = await serial.run(() => decision.run(() => decideRegistration({ registrationId })));
    timing = decided.timing;
    if (!ended()) adopt(decided.outcome);
  } catch (error) {
    // Cancelled only by a withdrawal, which records the end itself.
    if (!isCancellation(error)) throw error;
  }

  for (let attempt = 0; state.status === 'escalated'; ) {
    const joined = await serial.run(() => lifecycle.joinEscalation({ registrationId, attempt }));
    if (joined.escalationId) state.escalationId = joined.escalationId;
    await condition(() => state.status !== 'escalated' || fates.length > 0 || turnedAway || !joined.escalationId);
    await recordFates();
    if (turnedAway || !joined.escalationId) {
      turnedAway = false;
      attempt += 1;
    }
  }

  while (state.status === 'approved' && state.protectedUntil) {
    const until = state.protectedUntil;
    const untilMs = Date.parse(until);
    const remindAtMs = untilMs - timing.expiryReminderMs;
    if (fates.length > 0) {
      await recordFates();
    } else if (Date.now() >= untilMs) {
      // An extension before a channel manager keeps the registration protected until they decide.
      if (state.extensionEscalationId) await condition(() => fates.length > 0 || state.status !== 'approved');
      else adopt(await serial.run(() => lifecycle.expireRegistration({ registrationId, protectedUntil: until })));
    } else if (remindedFor !== until && Date.now() >= remindAtMs) {
      await serial.run(() => lifecycle.notifyExpiring({ registrationId, protectedUntil: until }));
      remindedFor = until;
    } else {
      const wakeAt = remindedFor === until ? untilMs : remindAtMs;
      await condition(
        () => state.status !== 'approved' || state.protectedUntil !== until || fates.length > 0,
        wakeAt - Date.now(),
      );
    }
  }

  await condition(() => allHandlersFinished() && serial.idle);
  return { ...state };
}
