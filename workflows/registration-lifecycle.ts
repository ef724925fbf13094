import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  sleep,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  engineEvents,
  importedEvents,
  type LifecycleEvent,
  type LifecycleState,
  mayHappen,
  reviewEvents,
  type StepFields,
  type TransitionContext,
  transition,
} from '../domain/lifecycle';
import {
  type Arrival,
  closingEntry,
  type EngineVerdict,
  type EntryContent,
  type EscalationFate,
  engineEntry,
  expiryEntry,
  extensionEntry,
  extensionRequestEntry,
  fateEntry,
  heldAtApprovalEntry,
  importedEntry,
  type Requester,
  recheckEntry,
  resolutionNotifyKey,
  withdrawalEntry,
} from '../domain/lifecycle-entries';
import { DealQueue } from './deal-queue';
import {
  type AcceptanceTerms,
  type AcceptedRegistration,
  acceptanceRefusals,
  type CloseRequest,
  contenderLeftSignal,
  type ExtensionResult,
  escalationWorkflowId,
  type LookInput,
  type Milestone,
  type RegistrationState,
  type RegistrationWorkflowInput,
  type WeighInput,
} from './definitions';
import { lifecycle, locally, outside } from './registration-steps';
import { searchAttributes } from './search-attributes';
import { Serial } from './serial';

type Settled = { registration: AcceptedRegistration } | { refusal: ApplicationFailure };

/**
 * The life of one registration as a state chart: accepted, decided (waiting for earlier registrations of
 * its deal), reviewed while escalated, protected while approved, ended. It is the only writer of its
 * registration's document, one step at a time (`steps`); every status comes from the transition table
 * (domain/lifecycle.ts) and every step is stored, with all its effects, by the one activity `recordStep`.
 */
export class RegistrationLifecycle {
  private state: LifecycleState = { status: 'pending', extensionsUsed: 0 };
  private acceptance?: Settled;
  private acceptAnswers = 0;
  private terms?: AcceptanceTerms;
  private readonly steps = new Serial();
  private readonly queue: DealQueue;
  /** The look at the deal under way, which a withdrawal cancels. */
  private deciding?: CancellationScope;
  private readonly fates: EscalationFate[] = [];
  private turnedAway = false;
  private rechecks = 0;
  private extensionReviewId?: string;
  private extensionRequests = 0;
  private remindedFor?: string;

  constructor(private readonly input: RegistrationWorkflowInput) {
    this.queue = new DealQueue(input.registrationId, (milestone) => this.reached(milestone));
  }

  // The state chart.

  async run(): Promise<RegistrationState> {
    await this.accept();
    const { arrival } = this.input.submission;
    if (arrival) await this.arrive(arrival);
    else {
      await this.answerSubmitterFirst();
      await this.decide('decision');
    }
    for (;;) {
      const { status } = this.state;
      if (status === 'pending') await condition(() => this.state.status !== 'pending');
      else if (status === 'escalated') await this.awaitReview();
      else if (status === 'approved') await this.protect();
      else break;
    }
    await condition(() => allHandlersFinished() && this.steps.idle);
    await this.queue.flush();
    return this.view();
  }

  /** Stores the registration with its sequence, or learns why it is refused (nothing stored then). */
  private async accept(): Promise<void> {
    const { registrationId, submission } = this.input;
    try {
      const accepted = await this.steps.run(() => locally.acceptRegistration({ registrationId, submission }));
      this.terms = accepted.terms;
      this.acceptance = { registration: accepted.registration };
    } catch (error) {
      // A local activity's failure arrives as the activity's own ApplicationFailure, unwrapped.
      const refusal = error instanceof ActivityFailure ? error.cause : error;
      const type = refusal instanceof ApplicationFailure ? refusal.type : undefined;
      if (!(refusal instanceof ApplicationFailure) || !acceptanceRefusals.some((known) => known === type)) throw error;
      // The caller is told, and the run fails so that the Idempotency-Key may be used again.
      this.acceptance = {
        refusal: ApplicationFailure.nonRetryable(refusal.message, refusal.type, ...(refusal.details ?? [])),
      };
      await condition(allHandlersFinished);
      throw this.acceptance.refusal;
    }
    this.queue.tellWatchers();
    upsertSearchAttributes([{ key: searchAttributes.sequence, value: this.acceptance.registration.sequence }]);
  }

  /**
   * The submitter is answered once the registration is stored: the check runs in the next workflow task,
   * so the task that completes the acceptance (and with it the Update) does not wait for it.
   */
  private answerSubmitterFirst(): Promise<void> {
    return sleep(1);
  }

  /**
   * The engine's verdict (waiting, cancellably, for word from earlier registrations of the deal), stored as
   * the step it is. `recheck`: an escalated registration looked at again, after the review `fate` that
   * decided nothing about it (ignoring the registrations it names) or after its escalation turned it away.
   */
  private async decide(mode: 'decision' | 'recheck', fate?: EscalationFate): Promise<void> {
    await this.steps.run(async () => {
      if (this.state.status !== (mode === 'decision' ? 'pending' : 'escalated')) return;
      const attempt = mode === 'recheck' ? ++this.rechecks : 0;
      const weighed = await this.weigh({ mode, distinctFrom: fate?.distinctFrom ?? [], attempt });
      if (!weighed) return; // withdrawn meanwhile: the withdrawal records the end
      const { outcome } = weighed.verdict.decision;
      const now = new Date(weighed.at);
      if (mode === 'decision') await this.record(engineEvents[outcome], engineEntry(weighed.verdict), { now });
      else
        await this.record(reviewEvents[outcome], recheckEntry(weighed.verdict, attempt, fate), {
          now,
          ...(fate ? { notifyKey: resolutionNotifyKey(fate) } : {}),
        });
    });
    if (this.state.status === 'escalated') await this.enterEscalation();
  }

  /**
   * A migrated registration, stored `pending` with its own submission time and pre-drawn number, records
   * where it stood in a signed `imported` entry: a closed one ends there (kept for history); an approved
   * one keeps its own protection end, unless a live registration or an approved import numbered before it
   * holds the deal (then it is escalated, the holders shown); a pending or escalated one is decided afresh
   * as a new one would be, after the earlier registrations of its deal.
   */
  private async arrive(arrival: Arrival): Promise<void> {
    const { onBehalfOf: _, ...actor } = this.input.submission.enteredBy;
    const entry = (heldBy?: EngineVerdict) => importedEntry(this.registered(), arrival, actor, heldBy);
    if (arrival.status !== 'approved') {
      const afresh = arrival.status === 'pending' || arrival.status === 'escalated';
      await this.steps.run(() => this.record(afresh ? 'imported-pending' : importedEvents[arrival.status], entry()));
      if (afresh) await this.decide('decision');
      return;
    }
    await this.steps.run(async () => {
      const { registrationId } = this.input;
      const weighed = await this.queue.lookUntilSettled((look: LookInput) =>
        locally.weighArrival({ registrationId, ...look }),
      );
      const held = weighed.verdict.decision.outcome !== 'approve';
      await this.record(held ? 'imported-escalated' : 'imported-approved', entry(held ? weighed.verdict : undefined), {
        now: new Date(weighed.at),
        keptUntil: arrival.protectedUntil,
      });
    });
    if (this.state.status === 'escalated') await this.enterEscalation();
  }

  /** One look at the deal until it needs nobody's word; undefined when a withdrawal cancelled it. */
  private async weigh(
    request: Pick<WeighInput, 'mode' | 'distinctFrom' | 'attempt'>,
  ): Promise<{ verdict: EngineVerdict; at: string } | undefined> {
    const scope = new CancellationScope();
    this.deciding = scope;
    try {
      return await scope.run(() =>
        this.queue.lookUntilSettled((look: LookInput) =>
          locally.weighRegistration({ registrationId: this.input.registrationId, ...request, ...look }),
        ),
      );
    } catch (error) {
      if (isCancellation(error)) return undefined;
      throw error;
    } finally {
      this.deciding = undefined;
    }
  }

  /** Puts the escalated registration into its escalation; one that is finished already means a new look. */
  private async enterEscalation(): Promise<void> {
    const { escalationId } = this.state;
    if (!escalationId) return;
    const { joined } = await this.steps.run(() =>
      lifecycle.joinEscalation({ registrationId: this.input.registrationId, escalationId }),
    );
    if (!joined) this.turnedAway = true;
  }

  private async awaitReview(): Promise<void> {
    await condition(() => this.state.status !== 'escalated' || this.fates.length > 0 || this.turnedAway);
    if (this.turnedAway) {
      this.turnedAway = false;
      await this.decide('recheck');
    } else await this.recordFates();
  }

  /** Protection until it ends: the reminder, the expiry, and an extension's review when one is pending. */
  private async protect(): Promise<void> {
    const until = this.state.protectedUntil;
    if (!until) return void (await condition(() => this.state.status !== 'approved'));
    const untilMs = Date.parse(until);
    const remindAtMs = untilMs - (this.terms?.timing.expiryReminderMs ?? 0);
    if (this.fates.length > 0) {
      await this.recordFates();
    } else if (Date.now() >= untilMs) {
      // An extension before a channel manager keeps the registration protected until they decide.
      if (this.extensionReviewId) await condition(() => this.fates.length > 0 || this.state.status !== 'approved');
      else
        await this.steps.run(async () => {
          if (this.state.status === 'approved' && this.state.protectedUntil === until)
            await this.record('expired', expiryEntry(this.registered(), until));
        });
    } else if (this.remindedFor !== until && Date.now() >= remindAtMs) {
      await this.steps.run(() =>
        lifecycle.remindExpiring({ registrationId: this.input.registrationId, protectedUntil: until }),
      );
      this.remindedFor = until;
    } else {
      const wakeAt = this.remindedFor === until ? untilMs : remindAtMs;
      await condition(
        () => this.state.status !== 'approved' || this.state.protectedUntil !== until || this.fates.length > 0,
        Math.max(wakeAt - Date.now(), 1),
      );
    }
  }

  /** Records the fates escalations have sent, in arrival order; a registration that ended meanwhile keeps its end. */
  private async recordFates(): Promise<void> {
    while (this.fates.length > 0) {
      const fate = this.fates.shift() as EscalationFate;
      if (fate.escalationId === this.extensionReviewId) await this.steps.run(() => this.recordExtensionFate(fate));
      else if (this.state.status === 'escalated' && fate.escalationId === this.state.escalationId) {
        if (fate.action === 'recheck') await this.decide('recheck', fate);
        else await this.steps.run(() => this.recordReviewFate(fate));
      }
    }
  }

  /** An approval is checked against the deal as it is now: another may have come to hold it since. */
  private async recordReviewFate(fate: EscalationFate): Promise<void> {
    const notifyKey = resolutionNotifyKey(fate);
    if (fate.action !== 'approve') {
      await this.record(reviewEvents.reject, fateEntry(fate, this.policyVersion()), { notifyKey });
      return;
    }
    const weighed = await locally.weighRegistration({
      registrationId: this.input.registrationId,
      mode: 'confirm',
      distinctFrom: fate.distinctFrom ?? [],
      attempt: 0,
    });
    if ('waitFor' in weighed) throw new Error('a confirmation never waits for another registration');
    const held = weighed.verdict.decision.outcome === 'reject';
    await this.record(
      held ? reviewEvents.reject : reviewEvents.approve,
      held ? heldAtApprovalEntry(weighed.verdict, fate) : fateEntry(fate, this.policyVersion()),
      { notifyKey },
    );
  }

  private async recordExtensionFate(fate: EscalationFate): Promise<void> {
    this.extensionReviewId = undefined;
    if (this.state.status !== 'approved') return;
    const event: LifecycleEvent = fate.action === 'grant-extension' ? 'extension-granted' : 'extension-denied';
    await this.record(event, fateEntry(fate, this.policyVersion()), {
      notifyKey: resolutionNotifyKey(fate),
      ...(event === 'extension-granted' ? { ordinal: this.state.extensionsUsed + 1 } : {}),
    });
  }

  // What people ask of it (each handler of the workflow is one line that calls one of these).

  validateSubmission({ requestHash }: { requestHash: string }): void {
    if (requestHash !== this.input.submission.requestHash) {
      refuse(
        'this Idempotency-Key was already used with a different request body; use a new key for a new registration',
        'IdempotencyKeyReused',
      );
    }
  }

  async answerSubmission(): Promise<{ registration: AcceptedRegistration; repeated: boolean }> {
    await condition(() => this.acceptance !== undefined);
    const settled = this.acceptance as Settled;
    if ('refusal' in settled) throw settled.refusal;
    this.acceptAnswers += 1;
    return { registration: settled.registration, repeated: this.acceptAnswers > 1 };
  }

  validateChange(action: string): void {
    if (this.ended()) refuse(`only a live registration can be ${action}; it is ${this.state.status}`);
  }

  async withdraw({ by, reason }: { by: Requester; reason?: string }): Promise<RegistrationState> {
    this.deciding?.cancel();
    return this.steps.run(async () => {
      if (!mayHappen('withdrawn', this.state.status)) refuse(`the registration is already ${this.state.status}`);
      const leftEscalation = this.state.status === 'escalated' ? this.state.escalationId : undefined;
      await this.record('withdrawn', withdrawalEntry(this.registered(), by, reason));
      for (const escalationId of [leftEscalation, this.extensionReviewId]) {
        if (!escalationId) continue;
        await getExternalWorkflowHandle(escalationWorkflowId(escalationId))
          .signal(contenderLeftSignal, { registrationId: this.input.registrationId })
          .catch(() => undefined); // the escalation already finished
      }
      return this.view();
    });
  }

  close({ by, ...closing }: CloseRequest): Promise<RegistrationState> {
    return this.whenDecided('closed', closing.outcome, async () => {
      await this.record(closing.outcome, closingEntry(this.registered(), by, closing));
      return this.view();
    });
  }

  validateExtension(): void {
    this.validateChange('extended');
    this.checkExtensionAllowed();
  }

  requestExtension({ by, reason }: { by: Requester; reason: string }): Promise<ExtensionResult> {
    return this.whenDecided('extended', 'extended', async () => {
      this.checkExtensionAllowed();
      const timing = this.timing();
      const ordinal = this.state.extensionsUsed + 1;
      if (timing.needsApproval) {
        const request = ++this.extensionRequests;
        const { escalationId } = await outside.openExtensionReview({
          registrationId: this.input.registrationId,
          request,
        });
        await this.record(
          'extension-requested',
          extensionRequestEntry(this.registered(), { by, reason, request, ordinal, escalationId }),
        );
        this.extensionReviewId = escalationId;
        return { result: 'escalated', escalationId, ...this.protection() };
      }
      const max = timing.extensionMax;
      await this.record(
        'extended',
        (set: StepFields) =>
          extensionEntry(this.registered(), { by, reason, ordinal, max, protectedUntil: set.protectedUntil ?? '' }),
        { ordinal },
      );
      return { result: 'extended', ...this.protection() };
    });
  }

  receiveFate(fate: EscalationFate): void {
    this.fates.push(fate);
  }

  turnAway(): void {
    this.turnedAway = true;
  }

  watch(watcher: { watcherWorkflowId: string; until: Milestone }): void {
    this.queue.watch(watcher);
  }

  predecessorAnswered(): void {
    this.queue.predecessorAnswered();
  }

  view(): RegistrationState {
    return { ...this.state, ...(this.extensionReviewId ? { extensionReviewId: this.extensionReviewId } : {}) };
  }

  // The parts.

  /**
   * One step: the table gives it from the state, `recordStep` stores it with every effect, and the state
   * becomes what the document says after it (the same, unless an earlier attempt of the step stored it).
   */
  private async record(
    event: LifecycleEvent,
    entry: EntryContent | ((set: StepFields) => EntryContent),
    context: Partial<Pick<TransitionContext, 'ordinal' | 'notifyKey' | 'now' | 'keptUntil'>> = {},
  ): Promise<void> {
    const timing = this.timing();
    const step = transition(this.state, event, entry, {
      timing: { protectionMs: timing.protectionMs, extensionPeriodMs: timing.extensionPeriodMs },
      now: new Date(),
      ...context,
    });
    // The decision is recorded in the task that made it (a local activity); later steps are ordinary ones.
    const via = this.state.status === 'pending' ? locally : lifecycle;
    const stored = await via.recordStep({ registrationId: this.input.registrationId, step });
    this.state = stored.state;
    upsertSearchAttributes([{ key: searchAttributes.status, value: this.state.status }]);
    if (this.state.status !== 'pending') this.queue.tellWatchers();
  }

  /**
   * The document can be a step ahead of what a caller read a moment ago: wait until the decision is in,
   * then check and act inside one step, where the state is exact.
   */
  private async whenDecided<T>(action: string, event: LifecycleEvent, act: () => Promise<T>): Promise<T> {
    await condition(() => this.state.status !== 'pending');
    return this.steps.run(async () => {
      if (!mayHappen(event, this.state.status)) {
        refuse(`only an approved registration can be ${action}; it is ${this.state.status}`);
      }
      return act();
    });
  }

  private checkExtensionAllowed(): void {
    if (this.extensionReviewId) refuse('an extension request is already waiting for a channel manager');
    const max = this.terms?.timing.extensionMax ?? 0;
    if (this.state.status === 'approved' && this.state.extensionsUsed >= max) {
      refuse(`no extensions left: the policy allows ${max} and ${this.state.extensionsUsed} used`, 'NoExtensionsLeft');
    }
  }

  private reached(milestone: Milestone): boolean {
    return milestone === 'accepted' ? this.acceptance !== undefined : this.state.status !== 'pending';
  }

  private ended(): boolean {
    return !['pending', 'escalated', 'approved'].includes(this.state.status);
  }

  private protection() {
    return { protectedUntil: this.state.protectedUntil ?? '', extensionsUsed: this.state.extensionsUsed };
  }

  private timing(): AcceptanceTerms['timing'] {
    if (!this.terms) throw new Error('the registration has not been accepted');
    return this.terms.timing;
  }

  private policyVersion(): number {
    return this.terms?.policyVersion ?? 0;
  }

  private registered() {
    return { status: this.state.status, policyVersion: this.policyVersion() };
  }
}

function refuse(message: string, type = 'InvalidState'): never {
  throw ApplicationFailure.nonRetryable(message, type);
}
