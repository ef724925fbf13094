import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { EscalationResolutionRecord } from '../db/escalations';
import type { EscalationContenderView, EscalationResolutionRequest } from '../domain/escalation-plan';
import type { Actor, Requester } from '../domain/lifecycle-entries';
import {
  type EscalationResolutionResult,
  type EscalationState,
  type EscalationWorkflowInput,
  escalationFateSignal,
  escalationTurnedAwaySignal,
  registrationWorkflowId,
} from './definitions';
import { Serial } from './serial';

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['DealHeld'],
  },
});

type Resolution = EscalationResolutionRecord<string>;

/**
 * One contested deal (or one registration off its route, or one extension request) before a channel
 * manager, as a state chart: open, reminded at the first review deadline (level 2), decided by the policy
 * at the second, or resolved by a channel manager before; moot when every contender left. It owns the
 * escalation's document (the only writer, each state saved with a growing revision) and tells each
 * waiting contender its fate; each contender's own workflow records it.
 */
export class EscalationReview {
  private readonly contenders = new Map<string, EscalationContenderView>();
  private level: 1 | 2 = 1;
  private remindersSent = 0;
  private resolution?: Resolution;
  private resolving = false;
  private anyoneJoined = false;
  private revision = 0;
  private readonly saves = new Serial();

  constructor(private readonly input: EscalationWorkflowInput) {}

  async run(): Promise<EscalationState> {
    await this.notice('escalation.opened');
    if (!(await condition(() => this.settled(), untilDue(this.input.reviewDueAt)))) {
      this.level = 2;
      this.remindersSent += 1;
      await this.save();
      await this.notice('escalation.deadline-missed');
    }
    if (!(await condition(() => this.settled(), untilDue(this.input.secondReviewDueAt)))) {
      await this.resolve('deadline', { kind: 'deadline', id: 'second-review-deadline' });
    }
    if (!this.resolving) await this.resolve('moot', { kind: 'system' });
    await condition(() => allHandlersFinished() && this.saves.idle);
    return this.view();
  }

  join(joining: EscalationContenderView[]): void {
    const added = joining.filter((contender) => this.admit(contender)).length;
    if (added > 0) void this.save();
  }

  leave(registrationId: string): void {
    if (this.contenders.delete(registrationId) && !this.resolving) void this.save();
  }

  /** Refuses a resolution before anything is recorded in the workflow history or the database. */
  validateResolution({ request }: { request: EscalationResolutionRequest }): void {
    if (this.resolving) throw ApplicationFailure.nonRetryable('the escalation is already resolved', 'AlreadyResolved');
    if (!request.reason?.trim()) throw invalid('a reason is required');
    if ('award' in request) {
      const contender = this.contenders.get(request.award);
      if (!contender) throw invalid(`${request.award} is not a contender of this escalation`);
      const holder = [...this.contenders.values()].find((c) => c.role === 'holder');
      if (contender.role === 'contender' && holder) {
        throw ApplicationFailure.nonRetryable(
          `${holder.registrationId} already holds an approved registration on this deal: award it, reject all, or mark the match distinct`,
          'DealHeld',
        );
      }
    }
    if ('distinct' in request && this.input.reasonCode !== 'possible-duplicate') {
      throw invalid('only a possible duplicate can be marked distinct');
    }
  }

  async resolveByManager({
    by,
    request,
  }: {
    by: Requester;
    request: EscalationResolutionRequest;
  }): Promise<EscalationResolutionResult> {
    try {
      return await this.resolve(request, by.actor);
    } catch (error) {
      // Refused before anything was recorded (the deal has a holder): the escalation stays open.
      this.resolving = false;
      throw error;
    }
  }

  view(): EscalationState {
    return {
      escalationId: this.input.escalationId,
      status: this.resolution ? 'resolved' : 'open',
      level: this.level,
      subject: this.input.subject,
      reasonCode: this.input.reasonCode,
      contenders: [...this.contenders.values()],
    };
  }

  private async resolve(
    request: EscalationResolutionRequest | 'deadline' | 'moot',
    actor: Actor,
  ): Promise<EscalationResolutionResult> {
    this.resolving = true;
    const plan = await activities.planEscalationResolution({
      escalationId: this.input.escalationId,
      input: this.input,
      contenders: [...this.contenders.values()],
      request,
      actor,
    });
    this.resolution = {
      ...plan.resolution,
      reason: plan.reason,
      by: plan.decidedBy,
      actor: plan.actor,
      at: new Date().toISOString(),
    };
    await this.save();
    // Each contender's own workflow records its fate; one that already ended just ignores it.
    await Promise.all(
      plan.fates.map((fate) =>
        getExternalWorkflowHandle(registrationWorkflowId(fate.registrationId))
          .signal(escalationFateSignal, {
            escalationId: this.input.escalationId,
            action: fate.action,
            resolution: plan.resolution,
            reason: plan.reason,
            decidedBy: plan.decidedBy,
            actor: plan.actor,
            ...(fate.distinctFrom ? { distinctFrom: fate.distinctFrom } : {}),
          })
          .catch(() => undefined),
      ),
    );
    return {
      escalationId: this.input.escalationId,
      resolution: plan.resolution,
      fates: plan.fates.map(({ registrationId, action }) => ({ registrationId, action })),
    };
  }

  /** One more contender, unless a resolution is under way: then its registration is looked at again. */
  private admit(contender: EscalationContenderView): boolean {
    if (this.resolving) {
      if (contender.role === 'contender') {
        void getExternalWorkflowHandle(registrationWorkflowId(contender.registrationId))
          .signal(escalationTurnedAwaySignal, { escalationId: this.input.escalationId })
          .catch(() => undefined);
      }
      return false;
    }
    this.anyoneJoined = true;
    if (this.contenders.has(contender.registrationId)) return false;
    this.contenders.set(contender.registrationId, contender);
    return true;
  }

  /** Once someone has joined, nobody waiting means every contender left. */
  private settled(): boolean {
    const waiting = [...this.contenders.values()].filter((c) => c.role === 'contender').length;
    return this.resolving || (this.anyoneJoined && waiting === 0);
  }

  private save(): Promise<void> {
    const revision = ++this.revision;
    const state = {
      escalationId: this.input.escalationId,
      input: this.input,
      contenders: [...this.contenders.values()],
      level: this.level,
      remindersSent: this.remindersSent,
      ...(this.resolution ? { resolution: this.resolution } : {}),
      revision,
    };
    return this.saves.run(() => activities.saveEscalationState(state));
  }

  private async notice(type: 'escalation.opened' | 'escalation.deadline-missed'): Promise<void> {
    await activities.noticeEscalation({
      escalationId: this.input.escalationId,
      type,
      level: this.level,
      reasonCode: this.input.reasonCode,
      reviewDueAt: this.input.reviewDueAt,
      secondReviewDueAt: this.input.secondReviewDueAt,
      contenders: [...this.contenders.keys()],
    });
  }
}

const untilDue = (iso: string) => Math.max(Date.parse(iso) - Date.now(), 1);
const invalid = (message: string) => ApplicationFailure.nonRetryable(message, 'InvalidResolution');
