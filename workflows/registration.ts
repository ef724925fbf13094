import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  endStatuses,
  engineEvents,
  fateEvents,
  type LifecycleEvent,
  mayHappen,
  type TransitionContext,
  transition,
} from '../domain/lifecycle';
import {
  closingEntry,
  type EntryContent,
  engineEntry,
  expiryEntry,
  extensionEntry,
  extensionRequestEntry,
  fateEntry,
  resolutionNotifyKey,
  withdrawalEntry,
} from '../domain/lifecycle-entries';
import {
  type AcceptedRegistration,
  type Actor,
  acceptanceRefusals,
  acceptUpdate,
  closeUpdate,
  contenderLeftSignal,
  type EscalationFate,
  type ExtensionResult,
  escalationFateSignal,
  escalationTurnedAwaySignal,
  escalationWorkflowId,
  extensionUpdate,
  predecessorDecidedSignal,
  type RecordedOutcome,
  type RegistrationState,
  type RegistrationWorkflowInput,
  registrationStateQuery,
  registrationWorkflowId,
  watchDecisionSignal,
  withdrawUpdate,
} from './definitions';
import { checkRegistration, decideRegistration, lifecycle, locally } from './registration-steps';
import { searchAttributes } from './search-attributes';
import { Serial } from './serial';

const isAcceptanceRefusal = (type: string | undefined | null): boolean =>
  (acceptanceRefusals as readonly string[]).includes(type ?? '');

/**
 * While it waits for an earlier registration's word, a registration looks again after this long anyway:
 * only a safety net (every stored registration has a running workflow to answer, until it is decided).
 */
const WAIT_SAFETY_NET_MS = 30_000;
/** An earlier registration still undecided without a running workflow cannot answer: look again soon. */
const UNANSWERABLE_RETRY_MS = 1_000;

/**
 * The life of one registration: acceptance, decision, escalation, protection, extension, and its end.
 * It is the only writer of its registration's document, from the first write (the acceptance) on, one
 * activity at a time (see Serial). Runs started before the workflow stored its registration have no
 * `submission`: the API had stored it, and they begin at the decision.
 */
export async function registrationWorkflow({
  registrationId,
  submission,
}: RegistrationWorkflowInput): Promise<RegistrationState> {
  const state: RegistrationState = { status: 'pending', extensionsUsed: 0 };
  /**
   * Runs started since 'workflow-owns-status' set every status themselves from the transition table
   * (domain/lifecycle.ts) and have each step stored as it is (activities/record-step.ts); earlier runs
   * let each activity decide and record its step, and adopt what it recorded. Asked once, first, so that
   * a run keeps one shape for its whole life.
   */
  const ownsStatus = submission !== undefined && patched('workflow-owns-status');
  let policyVersion = 0;
  const serial = new Serial();
  const decision = new CancellationScope();
  const fates: EscalationFate[] = [];
  let timing: {
    expiryReminderMs: number;
    extensionMax: number;
    needsApproval?: boolean;
    protectionMs?: number;
    extensionPeriodMs?: number;
  } = { expiryReminderMs: 0, extensionMax: 0 };
  let remindedFor: string | undefined;
  let turnedAway = false;

  /** Settled once the registration is stored with its sequence, or refused before anything was stored. */
  let acceptance: { registration: AcceptedRegistration } | { refusal: ApplicationFailure } | undefined = submission
    ? undefined
    : { registration: { _id: registrationId, sequence: 0 } };
  let acceptAnswers = 0;

  const watchers: Array<{ workflowId: string; until: 'accepted' | 'decided' }> = [];
  /** Words on their way: a workflow that completes first would take them with it undelivered. */
  const outgoing: Promise<void>[] = [];
  const hasHappened = (until: 'accepted' | 'decided') =>
    until === 'accepted' ? !!acceptance : state.status !== 'pending';
  const tellWatchers = () => {
    // In the order they asked (histories recorded before `until` replay the same signals in the same order).
    const told = watchers.filter((watcher) => hasHappened(watcher.until));
    watchers.splice(0, watchers.length, ...watchers.filter((watcher) => !hasHappened(watcher.until)));
    for (const watcher of told) {
      outgoing.push(
        getExternalWorkflowHandle(watcher.workflowId)
          .signal(predecessorDecidedSignal, { registrationId })
          // A watcher that ended meanwhile needs no word.
          .catch(() => undefined),
      );
    }
  };
  setHandler(watchDecisionSignal, ({ watcherWorkflowId, until = 'decided' }) => {
    watchers.push({ workflowId: watcherWorkflowId, until });
    tellWatchers();
  });
  let predecessorAnswered = false;
  setHandler(predecessorDecidedSignal, () => {
    predecessorAnswered = true;
  });

  const adopt = (outcome: RecordedOutcome) => {
    state.status = outcome.status;
    if (state.status !== 'pending') tellWatchers();
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

  /**
   * One step of the life, for runs that own their status: the table gives the step from the state, the
   * activity stores it, and the state becomes the step's next. If an earlier attempt of the step had
   * stored it already (a workflow task lost after a local activity), what it stored stands. Callers run
   * it inside a serial step, having asked `mayHappen`.
   */
  const apply = async (
    event: LifecycleEvent,
    entry: EntryContent | ((set: { protectedUntil?: string }) => EntryContent),
    context: Partial<Pick<TransitionContext, 'ordinal' | 'notifyKey' | 'now'>> = {},
    steps: Pick<typeof lifecycle, 'recordStep'> = lifecycle,
  ) => {
    const step = transition(state, event, entry, {
      timing: { protectionMs: timing.protectionMs ?? 0, extensionPeriodMs: timing.extensionPeriodMs ?? 0 },
      now: new Date(),
      ...context,
    });
    const stored = await steps.recordStep({ registrationId, step });
    return adopt(stored.applied ? step.next : stored);
  };
  const registered = () => ({ status: state.status, policyVersion });

  setHandler(registrationStateQuery, () => ({ ...state }));
  setHandler(
    acceptUpdate,
    async () => {
      await condition(() => acceptance !== undefined);
      const settled = acceptance as NonNullable<typeof acceptance>;
      if ('refusal' in settled) throw settled.refusal;
      acceptAnswers += 1;
      return { registration: settled.registration, repeated: acceptAnswers > 1 };
    },
    {
      validator: ({ requestHash }) => {
        if (!submission) refuse('this registration was stored before its workflow started: read it', 'NotThisRun');
        else if (requestHash !== submission.requestHash) {
          refuse(
            'this Idempotency-Key was already used with a different request body; use a new key for a new registration',
            'IdempotencyKeyReused',
          );
        }
      },
    },
  );
  setHandler(
    withdrawUpdate,
    async ({ by, reason }) => {
      if (state.status === 'pending') decision.cancel();
      if (!ownsStatus) {
        return adopt(await serial.run(() => lifecycle.withdrawRegistration({ registrationId, by, reason })));
      }
      return serial.run(async () => {
        if (!mayHappen('withdrawn', state.status)) refuse(`the registration is already ${state.status}`);
        const leftEscalation = state.status === 'escalated' ? state.escalationId : undefined;
        const withdrawn = await apply('withdrawn', withdrawalEntry(registered(), by, reason));
        if (leftEscalation) {
          await getExternalWorkflowHandle(escalationWorkflowId(leftEscalation))
            .signal(contenderLeftSignal, { registrationId })
            .catch(() => undefined); // the escalation already finished
        }
        return withdrawn;
      });
    },
    { validator: (_request) => void (ended() && refuse(`the registration is already ${state.status}`)) },
  );
  /**
   * The document can be a step ahead of `state` (an activity has written it, the workflow has not seen
   * the result yet), so a caller who just read "approved" may be early: wait until the decision is in,
   * then check and act inside one serial step, where `state` is exact.
   */
  const whenDecided = async <T>(action: string, event: LifecycleEvent, act: () => Promise<T>): Promise<T> => {
    await condition(() => state.status !== 'pending');
    return serial.run(async () => {
      if (!mayHappen(event, state.status)) {
        refuse(`only an approved registration can be ${action}; it is ${state.status}`);
      }
      return act();
    });
  };
  setHandler(
    closeUpdate,
    async ({ by, outcome }) =>
      ownsStatus
        ? whenDecided('closed', outcome, () => apply(outcome, closingEntry(registered(), by, outcome)))
        : adopt(
            await whenDecided('closed', outcome, () => lifecycle.closeRegistration({ registrationId, by, outcome })),
          ),
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
      whenDecided('extended', 'extended', async () => {
        checkExtensionAllowed();
        if (ownsStatus) return extend(by, reason);
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
  /** An extension, for runs that own their status: direct, or sent to a channel manager's review. */
  const extend = async (by: Actor, reason: string): Promise<ExtensionResult> => {
    const ordinal = state.extensionsUsed + 1;
    if (timing.needsApproval) {
      const { escalationId } = await lifecycle.openExtensionReview({ registrationId, ordinal });
      await apply('extension-requested', extensionRequestEntry(registered(), { by, reason, ordinal, escalationId }));
      state.extensionEscalationId = escalationId;
      return {
        result: 'escalated',
        escalationId,
        protectedUntil: state.protectedUntil ?? '',
        extensionsUsed: state.extensionsUsed,
      };
    }
    const max = timing.extensionMax;
    await apply(
      'extended',
      (set) => extensionEntry(registered(), { by, reason, ordinal, max, protectedUntil: set.protectedUntil ?? '' }),
      { ordinal },
    );
    return { result: 'extended', protectedUntil: state.protectedUntil ?? '', extensionsUsed: state.extensionsUsed };
  };
  setHandler(escalationFateSignal, (fate) => void fates.push(fate));
  setHandler(escalationTurnedAwaySignal, () => {
    turnedAway = true;
  });

  /** Records the fates escalations have sent, in arrival order; a registration that ended meanwhile keeps its end. */
  const recordFates = async () => {
    while (fates.length > 0) {
      const fate = fates.shift() as EscalationFate;
      if (fate.escalationId === state.extensionEscalationId) state.extensionEscalationId = undefined;
      if (ended()) continue;
      if (!ownsStatus) {
        adopt(await serial.run(() => lifecycle.recordEscalationFate({ registrationId, fate })));
        continue;
      }
      await serial.run(async () => {
        const event = fateEvents[fate.action];
        // Withdrawn or expired meanwhile: that end stands.
        if (!mayHappen(event, state.status)) return;
        await apply(event, fateEntry(fate, policyVersion), { notifyKey: resolutionNotifyKey(fate) });
      });
    }
  };

  /**
   * The conflict check, woken instead of polling: while an earlier registration of the deal is undecided,
   * ask it for word of its decision, wait for that word, and look again.
   */
  type Wait = { waitFor: string; until?: 'accepted' | 'decided' };
  const decideWhenEarlierDecided = async <Look extends object>(
    look: (input: { registrationId: string; neverStored?: string[]; waitFor?: 'latest' }) => Promise<Look>,
  ): Promise<Exclude<Look, Wait>> => {
    let unanswered: string | undefined;
    /** Registrations found still being stored whose workflows do not run: they will never be stored. */
    const neverStored: string[] = [];
    /** After a first wait for word, a look that must wait again names the registration just before it. */
    let hasWaited = false;
    for (;;) {
      predecessorAnswered = false;
      const input = {
        registrationId,
        ...(neverStored.length > 0 ? { neverStored } : {}),
        ...(ownsStatus && hasWaited ? { waitFor: 'latest' as const } : {}),
      };
      const looked = await look(input);
      if (!('waitFor' in looked)) return looked as Exclude<Look, Wait>;
      const checked = looked as unknown as Wait;
      const until = checked.until ?? 'decided';
      const asked = await getExternalWorkflowHandle(registrationWorkflowId(checked.waitFor))
        .signal(watchDecisionSignal, { watcherWorkflowId: workflowInfo().workflowId, until })
        .then(
          () => true,
          () => false,
        );
      if (asked) {
        unanswered = undefined;
        await condition(() => predecessorAnswered, WAIT_SAFETY_NET_MS);
        if (until === 'decided') hasWaited = true;
      } else if (until === 'accepted') {
        neverStored.push(checked.waitFor);
      } else if (unanswered !== checked.waitFor) {
        // Its workflow has ended since the look (decided, most likely): look again at once.
        unanswered = checked.waitFor;
      } else {
        await condition(() => predecessorAnswered, UNANSWERABLE_RETRY_MS);
      }
    }
  };

  /**
   * The decision, for runs that own their status: the engine's verdict (waiting, cancellably, for word
   * from earlier registrations of the deal), then its step by the table, which a withdrawal that
   * arrives meanwhile waits for (so the withdrawal follows it, never races it).
   */
  const decideAndRecord = async () => {
    const weighed = await decision.run(() => decideWhenEarlierDecided(locally.weighRegistration));
    timing = weighed.timing;
    if ('recorded' in weighed) {
      // An earlier attempt of this step stored the decision (a workflow task lost after it).
      adopt(weighed.recorded);
      return;
    }
    const { verdict } = weighed;
    policyVersion = verdict.decision.policyVersion;
    await CancellationScope.nonCancellable(() =>
      apply(
        engineEvents[verdict.decision.outcome],
        engineEntry(verdict),
        { now: new Date(weighed.decidedAt) },
        locally,
      ),
    );
  };

  if (submission) {
    try {
      // Runs that own their status run their first steps locally: one patch marker (and the SDK's search
      // attribute upsert that comes with each) instead of two.
      const local = ownsStatus || patched('local-steps');
      const registration = await serial.run(() =>
        local
          ? locally.acceptRegistration({ registrationId, submission })
          : lifecycle.acceptRegistration({ registrationId, submission }),
      );
      acceptance = { registration };
      policyVersion = Number(registration.policyVersion);
    } catch (error) {
      // A local activity's failure arrives as the activity's own ApplicationFailure, unwrapped.
      const refusal = error instanceof ActivityFailure ? error.cause : error;
      if (!(refusal instanceof ApplicationFailure) || !isAcceptanceRefusal(refusal.type)) throw error;
      // Refused before anything was stored: the caller is told, and the run fails so that the
      // Idempotency-Key may be used again.
      acceptance = {
        refusal: ApplicationFailure.nonRetryable(refusal.message, refusal.type, ...(refusal.details ?? [])),
      };
      await condition(allHandlersFinished);
      throw acceptance.refusal;
    }
    tellWatchers();
    upsertSearchAttributes([{ key: searchAttributes.sequence, value: acceptance.registration.sequence }]);
  }

  try {
    if (ownsStatus) await serial.run(decideAndRecord);
    else {
      const decided = await serial.run(() =>
        decision.run(() =>
          patched('decide-by-signal')
            ? decideWhenEarlierDecided((input) =>
                patched('local-steps') ? locally.checkRegistration(input) : checkRegistration(input),
              )
            : decideRegistration({ registrationId }),
        ),
      );
      timing = decided.timing;
      if (!ended()) adopt(decided.outcome);
    }
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
      else if (ownsStatus) {
        await serial.run(async () => {
          if (state.status === 'approved' && state.protectedUntil === until)
            await apply('expired', expiryEntry(registered(), until));
        });
      } else adopt(await serial.run(() => lifecycle.expireRegistration({ registrationId, protectedUntil: until })));
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
  while (outgoing.length > 0) await Promise.all(outgoing.splice(0));
  return { ...state };
}
