import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { engineEvents, importedEvents, type LifecycleEvent, reviewEvents } from '../domain/lifecycle';
import {
  type Arrival,
  type EngineVerdict,
  type EscalationFate,
  engineEntry,
  expiryEntry,
  fateEntry,
  heldAtApprovalEntry,
  importedEntry,
  recheckEntry,
  resolutionNotifyKey,
  transferInEntry,
} from '../domain/lifecycle-entries';
import {
  type AcceptedRegistration,
  acceptanceRefusals,
  type LookInput,
  type Milestone,
  type RegistrationState,
  registrationWorkflowId,
  type TransferAnswer,
  type TransferOrder,
  transferAnsweredSignal,
  type WeighInput,
} from './definitions';
import { refuse, type Settled } from './lifecycle-core';
import { RegistrationCommands } from './registration-commands';
import { lifecycle, locally } from './registration-steps';
import { searchAttributes } from './search-attributes';

/** A transfer's answer as its receiver words it (its own id is added). */
type TransferAnswerBody = { approved: true } | { approved: false; type: string; message: string };

/**
 * The life of one registration as a state chart: accepted, decided (waiting for earlier registrations of
 * its deal), reviewed while escalated, protected while approved, ended. It is the only writer of its
 * registration's document, one step at a time (`steps`); every status comes from the transition table
 * (domain/lifecycle.ts) and every step is stored, with all its effects, by the one activity `recordStep`.
 */
export class RegistrationLifecycle extends RegistrationCommands {
  private acceptAnswers = 0;
  private readonly fates: EscalationFate[] = [];
  private turnedAway = false;
  private rechecks = 0;
  private remindedFor?: string;
  /** Whether the task that answered the submitter has been left (see `firstLookProxy`). */
  private submitterAnswered = false;

  // The state chart.

  async run(): Promise<RegistrationState> {
    await this.accept();
    const { arrival, transfer } = this.input.submission;
    if (arrival) await this.arrive(arrival);
    else if (transfer) await this.takeOver(transfer);
    else {
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
      const { transfer } = this.input.submission;
      if (transfer) await this.answerHolder(transfer, { approved: false, type: type ?? '', message: refusal.message });
      await condition(allHandlersFinished);
      throw this.acceptance.refusal;
    }
    this.queue.tellWatchers();
    upsertSearchAttributes([{ key: searchAttributes.sequence, value: this.acceptance.registration.sequence }]);
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
   * where it stood in a signed `imported` entry: a closed one ends there (kept for history; new imports
   * store those without a workflow); an approved one keeps its own protection end, unless a live
   * registration holds the deal or other approved imports of the file claim it (then every one of them
   * is escalated, into one escalation, the holders shown); a pending or escalated one is decided afresh
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
      const planned = arrival.conflict ? { escalationId: arrival.conflict.escalationId } : {};
      const weighed = await this.queue.lookUntilSettled((look: LookInput) =>
        locally.weighArrival({ registrationId, ...look, ...planned }),
      );
      // A conflict the plan found (another approved import of the file on this deal) escalates it too.
      const held = arrival.conflict !== undefined || weighed.verdict.decision.outcome !== 'approve';
      await this.record(held ? 'imported-escalated' : 'imported-approved', entry(held ? weighed.verdict : undefined), {
        now: new Date(weighed.at),
        keptUntil: arrival.protectedUntil,
      });
    });
    if (this.state.status === 'escalated') await this.enterEscalation();
  }

  /**
   * A transfer's receiver takes the holder's deal over: approved in one step (the holder, waiting for this
   * answer, ends in the next), unless a look at the deal now, the holder aside, finds that the receiver's
   * route refuses it or another registration holds it (rejected then, and the holder keeps the deal).
   */
  private async takeOver(order: TransferOrder): Promise<void> {
    const { registrationId } = this.input;
    await this.steps.run(async () => {
      const weighed = await locally.weighRegistration({
        registrationId,
        mode: 'confirm',
        distinctFrom: [order.from, ...(order.dispute?.distinctFrom ?? [])],
        attempt: 0,
        ...(order.dispute ? { dealOnly: true } : {}),
      });
      if ('waitFor' in weighed) throw new Error('a confirmation never waits for another registration');
      const now = new Date(weighed.at);
      if (weighed.verdict.decision.outcome === 'approve') {
        const words = { ...order, to: registrationId };
        await this.record('transferred-in', transferInEntry(this.registered(), words), { now });
      } else await this.record(engineEvents.reject, engineEntry(weighed.verdict), { now });
    });
    const answer: TransferAnswer =
      this.state.status === 'approved'
        ? { receiverId: registrationId, approved: true }
        : { receiverId: registrationId, approved: false, type: 'DealHeld', message: 'the deal is held by another' };
    await this.answerHolder(order, answer);
  }

  private async answerHolder(order: TransferOrder, answer: TransferAnswerBody): Promise<void> {
    const told = { ...answer, receiverId: this.input.registrationId } as TransferAnswer;
    const answerTo = order.dispute?.answerTo ?? registrationWorkflowId(order.from);
    await getExternalWorkflowHandle(answerTo).signal(transferAnsweredSignal, told);
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
          this.firstLookProxy(request.mode).weighRegistration({
            registrationId: this.input.registrationId,
            ...request,
            ...look,
          }),
        ),
      );
    } catch (error) {
      if (isCancellation(error)) return undefined;
      throw error;
    } finally {
      this.deciding = undefined;
    }
  }

  /**
   * The submitter is answered once the registration is stored: the first look at the deal is an ordinary
   * activity, whose scheduling completes the workflow task that completes the acceptance (and with it the
   * Update), so the 202 does not wait for the check. Every later look runs inside its task (a local one).
   */
  private firstLookProxy(mode: WeighInput['mode']): typeof locally {
    if (mode !== 'decision' || this.submitterAnswered) return locally;
    this.submitterAnswered = true;
    return lifecycle;
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

  // The chart's own messages: the submission, escalations' fates, the deal queue's words.

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
}
