import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  ParentClosePolicy,
  proxyActivities,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { DisputeDecision, DisputeSide } from '../domain/dispute';
import {
  type DisputeStep,
  disputeAnsweredStep,
  disputeDecidedStep,
  disputedStep,
  disputeOpenedStep,
} from '../domain/dispute-entries';
import type { DisputeOutcome } from '../domain/policy/schema';
import { registrationWorkflowId, type TransferAnswer } from './definitions';
import type {
  DisputeDecisionRequest,
  DisputeResponseRequest,
  DisputeState,
  DisputeWorkflowInput,
} from './dispute-definitions';
import { searchAttributes } from './search-attributes';
import { Serial } from './serial';

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['DealHeld', 'TransferRefused', 'LimitReached', 'DisputeRefused'],
  },
});

/**
 * One dispute as a state chart: open (the disputing registration notes it, the holder is told and may
 * answer once within the response window), reminded at the first review deadline (level 2), decided by the
 * policy's `onDeadline` at the second, or by a channel manager before. It owns the dispute's document (the
 * only writer, each state saved with a growing revision); each registration records its own steps.
 */
export class DisputeReview {
  private level: 1 | 2 = 1;
  private response?: DisputeSide;
  private decision?: DisputeDecision;
  private deciding = false;
  private opened = false;
  private revision = 0;
  private readonly saves = new Serial();
  private receiverAnswer?: TransferAnswer;

  constructor(private readonly input: DisputeWorkflowInput) {}

  async run(): Promise<DisputeState> {
    const { input } = this;
    await this.save();
    const opened = { id: input.disputeId, ground: input.ground, holderId: input.holder?.registrationId };
    await this.recordStep(input.registrationId, disputeOpenedStep(opened, input.claim.actor, input.policyVersion));
    if (input.holder) {
      const told = { id: input.disputeId, disputingId: input.registrationId, responseDueAt: input.responseDueAt };
      await this.recordStep(input.holder.registrationId, disputedStep(told, input.policyVersion));
    }
    // Open only once both registrations record it: an answer or a decision written before the opening
    // would read out of order in their logs, and the dispute's facts count from the opening's entry.
    this.opened = true;
    await this.notice('dispute.opened');
    if (!(await condition(() => this.decision !== undefined, untilDue(input.reviewDueAt)))) {
      this.level = 2;
      await this.save();
      await this.notice('dispute.deadline-missed');
    }
    if (!(await condition(() => this.decision !== undefined, untilDue(input.secondReviewDueAt)))) {
      // A channel manager's decision under way finishes first; the policy decides only if it failed.
      await condition(() => !this.deciding);
      if (!this.decision) await this.decideAtDeadline();
    }
    await condition(() => allHandlersFinished() && this.saves.idle);
    return this.view();
  }

  opening(): Promise<DisputeState> {
    return condition(() => this.opened).then(() => this.view());
  }

  validateResponse(_request: DisputeResponseRequest): void {
    if (!this.input.holder) refuse('nobody holds this deal: there is no one to answer', 'InvalidState');
    if (this.decision || this.deciding) refuse('the dispute is already decided', 'AlreadyDecided');
    if (this.response) refuse('the dispute was already answered; the holder answers once', 'AlreadyAnswered');
    if (Date.now() > Date.parse(this.input.responseDueAt))
      refuse(`the response window closed ${this.input.responseDueAt}`, 'ResponseWindowClosed');
  }

  async respond({ by, statement, evidence }: DisputeResponseRequest): Promise<DisputeState> {
    await condition(() => this.opened);
    this.validateResponse({ by, statement, evidence });
    const holder = this.input.holder as NonNullable<DisputeWorkflowInput['holder']>;
    this.response = { statement, evidence, at: new Date().toISOString(), actor: by.actor };
    await this.save();
    await this.recordStep(
      holder.registrationId,
      disputeAnsweredStep(this.input.disputeId, by.actor, this.input.policyVersion),
    );
    return this.view();
  }

  validateDecision({ reason }: DisputeDecisionRequest): void {
    if (this.decision || this.deciding) refuse('the dispute is already decided', 'AlreadyDecided');
    if (!reason?.trim()) refuse('a reason is required', 'InvalidDecision');
  }

  async decideByManager(request: DisputeDecisionRequest): Promise<DisputeState> {
    await condition(() => this.opened);
    this.validateDecision(request);
    const { by, outcome, reason } = request;
    await this.decide(outcome, reason, { kind: 'channel-manager' }, by);
    return this.view();
  }

  receiverAnswered(answer: TransferAnswer): void {
    this.receiverAnswer = answer;
  }

  view(): DisputeState {
    return {
      disputeId: this.input.disputeId,
      status: this.decision ? 'decided' : 'open',
      level: this.level,
      answered: this.response !== undefined,
      ...(this.decision ? { decision: this.decision } : {}),
    };
  }

  /** The policy's outcome; one the deal no longer allows (someone else holds it now) leaves the decision standing. */
  private async decideAtDeadline(): Promise<void> {
    const by = { kind: 'deadline' as const, id: 'disputes.onDeadline' };
    const system = { role: 'channel-manager' as const, actor: { kind: 'system' as const, id: 'dispute-deadline' } };
    const reason = 'no channel manager decided before the second review deadline; the policy’s rule applies';
    try {
      await this.decide(this.input.onDeadline, reason, by, system);
    } catch (error) {
      if (this.input.onDeadline === 'upheld') throw error;
      const why = error instanceof Error ? error.message : String(error);
      await this.decide('upheld', `${reason}, but ${this.input.onDeadline} was not possible (${why})`, by, system);
    }
  }

  private async decide(
    outcome: DisputeOutcome,
    reason: string,
    by: DisputeDecision['by'],
    requester: DisputeDecisionRequest['by'],
  ): Promise<void> {
    this.deciding = true;
    let receiverId: string | undefined;
    try {
      receiverId = await this.carryOut(outcome, reason, requester);
    } catch (error) {
      // Refused before anything was recorded (the deal is held by another, a limit): the dispute stays open.
      this.deciding = false;
      throw error;
    }
    const decision: DisputeDecision = {
      outcome,
      reason,
      by,
      actor: requester.actor,
      at: new Date().toISOString(),
      ...(receiverId ? { receiverId } : {}),
    };
    this.decision = decision;
    const step = disputeDecidedStep(this.input.disputeId, decision, this.input.policyVersion);
    await this.recordStep(this.input.registrationId, step);
    if (this.input.holder) await this.recordStep(this.input.holder.registrationId, step);
    await this.save();
  }

  /** What the outcome does to the deal; the registration that holds it for the disputing partner after, if any. */
  private async carryOut(
    outcome: DisputeOutcome,
    reason: string,
    by: DisputeDecisionRequest['by'],
  ): Promise<string | undefined> {
    const { holder } = this.input;
    if (outcome === 'upheld') return undefined;
    if (outcome === 'overturned' && holder) {
      const moved = await activities.transferForDispute({
        holderId: holder.registrationId,
        by,
        toResellerId: this.input.resellerId,
        toDistributorId: this.input.distributorId,
        reason,
      });
      if ('receiverId' in moved) return moved.receiverId;
    }
    // Nobody holds the deal (overturned), or a separate deal beside the holder's (distinct).
    const distinctFrom = outcome === 'distinct' && holder ? [holder.registrationId] : [];
    return this.approveReceiver(by, reason, distinctFrom);
  }

  /** A new registration for the disputing partner, approved by its own workflow as a transfer's receiver is. */
  private async approveReceiver(
    by: DisputeDecisionRequest['by'],
    reason: string,
    distinctFrom: string[],
  ): Promise<string> {
    const { submission, customerKeys } = await activities.prepareDisputeReceiver({
      disputeId: this.input.disputeId,
      registrationId: this.input.registrationId,
      by,
      reason,
      distinctFrom,
      answerTo: workflowInfo().workflowId,
    });
    const receiverId = `reg_${uuid4().replace(/-/g, '').slice(0, 24)}`;
    await startChild('registrationWorkflow', {
      workflowId: registrationWorkflowId(receiverId),
      args: [{ registrationId: receiverId, submission }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: [
        { key: searchAttributes.status, value: 'pending' },
        { key: searchAttributes.resellerId, value: submission.resellerId },
        { key: searchAttributes.distributorId, value: submission.body.distributorId },
        { key: searchAttributes.customerKeys, value: customerKeys },
      ],
    });
    await condition(() => this.receiverAnswer?.receiverId === receiverId);
    const answer = this.receiverAnswer as TransferAnswer;
    if (!answer.approved) refuse(`the disputing partner cannot take the deal: ${answer.message}`, answer.type);
    return receiverId;
  }

  private recordStep(registrationId: string, step: DisputeStep): Promise<void> {
    return activities.recordDisputeStep({ registrationId, step });
  }

  private save(): Promise<void> {
    const revision = ++this.revision;
    const { input } = this;
    const state = {
      disputeId: input.disputeId,
      input,
      level: this.level,
      ...(this.response ? { response: this.response } : {}),
      ...(this.decision ? { decision: this.decision } : {}),
      revision,
    };
    return this.saves.run(() => activities.saveDisputeState(state));
  }

  private notice(type: 'dispute.opened' | 'dispute.deadline-missed'): Promise<void> {
    const { disputeId, reviewDueAt, secondReviewDueAt } = this.input;
    return activities.noticeDispute({ disputeId, type, level: this.level, reviewDueAt, secondReviewDueAt });
  }
}

const untilDue = (iso: string) => Math.max(Date.parse(iso) - Date.now(), 1);

function refuse(message: string, type: string): never {
  throw ApplicationFailure.nonRetryable(message, type);
}
