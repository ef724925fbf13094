import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { EscalationDoc } from '../db/escalations';
import {
  type Actor,
  contenderJoinedSignal,
  contenderLeftSignal,
  contendersJoinedSignal,
  type EscalationContenderView,
  type EscalationResolutionRequest,
  type EscalationResolutionResult,
  type EscalationState,
  escalationFateSignal,
  escalationStateQuery,
  escalationTurnedAwaySignal,
  registrationWorkflowId,
  resolveEscalationUpdate,
} from './definitions';
import { Serial } from './serial';

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export interface EscalationWorkflowInput {
  escalationId: string;
  subject: EscalationState['subject'];
  reasonCode: EscalationState['reasonCode'];
  policyVersion: number;
  createdAt: string;
  reviewDueAt: string;
  secondReviewDueAt: string;
}

/**
 * One contested deal (or one unrouted registration, or one extension request) before a channel manager.
 * It owns the escalation's document (the only writer) and its review deadlines: after `reviewSla` a
 * reminder goes out and the escalation moves to level 2; after `secondReviewSla` the policy decides
 * (`first-come` or `reject-all`). Nothing waits forever. Everything the Update validator needs is in the
 * input or arrives by signal, so the handlers are set before the first await.
 */
export async function escalationWorkflow(input: EscalationWorkflowInput): Promise<EscalationState> {
  const { escalationId } = input;
  const contenders = new Map<string, EscalationContenderView>();
  let level: 1 | 2 = 1;
  let remindersSent = 0;
  let resolution: EscalationDoc['resolution'];
  let resolving = false;
  let anyoneJoined = false;
  const serial = new Serial();

  const view = (): EscalationState => ({
    escalationId,
    status: resolution ? 'resolved' : 'open',
    level,
    subject: input.subject,
    reasonCode: input.reasonCode,
    contenders: [...contenders.values()],
  });
  const persist = () =>
    serial.run(() =>
      activities.saveEscalationState({
        escalationId,
        input,
        contenders: [...contenders.values()],
        level,
        remindersSent,
        resolution,
      }),
    );

  const resolve = async (request: EscalationResolutionRequest | 'deadline' | 'moot', by: Actor) => {
    resolving = true;
    const plan = await activities.planEscalationResolution({
      escalationId,
      input,
      contenders: [...contenders.values()],
      request,
      by,
    });
    resolution = { ...plan.resolution, reason: plan.reason, by: plan.decidedBy, at: new Date() };
    await persist();
    // Each contender's own workflow records its fate; one that already ended just ignores it.
    await Promise.all(
      plan.fates.map((fate) =>
        getExternalWorkflowHandle(registrationWorkflowId(fate.registrationId))
          .signal(escalationFateSignal, {
            escalationId,
            action: fate.action,
            resolution: plan.resolution,
            reason: plan.reason,
            decidedBy: plan.decidedBy,
          })
          .catch(() => undefined),
      ),
    );
    const result: EscalationResolutionResult = { escalationId, resolution: plan.resolution, fates: plan.fates };
    return result;
  };

  setHandler(escalationStateQuery, view);
  const join = (contender: EscalationContenderView) => {
    if (resolving) {
      // Too late to be weighed here: the registration opens an escalation of its own.
      if (contender.role === 'contender') {
        void getExternalWorkflowHandle(registrationWorkflowId(contender.registrationId))
          .signal(escalationTurnedAwaySignal, { escalationId })
          .catch(() => undefined);
      }
      return false;
    }
    anyoneJoined = true;
    if (contenders.has(contender.registrationId)) return false;
    contenders.set(contender.registrationId, contender);
    return true;
  };
  setHandler(contenderJoinedSignal, (contender) => {
    if (join(contender)) void persist();
  });
  setHandler(contendersJoinedSignal, (joining) => {
    // Joined one by one but persisted once; `some` would stop at the first newcomer.
    const added = joining.map(join).filter(Boolean).length;
    if (added > 0) void persist();
  });
  setHandler(contenderLeftSignal, ({ registrationId }) => {
    if (contenders.delete(registrationId) && !resolving) void persist();
  });
  setHandler(resolveEscalationUpdate, async ({ by, request }) => resolve(request, by), {
    // Refuses before anything is recorded in the workflow history or the database.
    validator: ({ request }) => {
      if (resolving) throw ApplicationFailure.nonRetryable('the escalation is already resolved', 'AlreadyResolved');
      if (!request.reason?.trim()) throw ApplicationFailure.nonRetryable('a reason is required', 'InvalidResolution');
      if ('award' in request) {
        const contender = contenders.get(request.award);
        if (!contender) {
          throw ApplicationFailure.nonRetryable(
            `${request.award} is not a contender of this escalation`,
            'InvalidResolution',
          );
        }
        const holder = [...contenders.values()].find((c) => c.role === 'holder');
        if (contender.role === 'contender' && holder) {
          throw ApplicationFailure.nonRetryable(
            `${holder.registrationId} already holds an approved registration on this deal: award it, reject all, or mark the match distinct`,
            'InvalidResolution',
          );
        }
      }
      if ('distinct' in request && input.reasonCode !== 'possible-duplicate') {
        throw ApplicationFailure.nonRetryable('only a possible duplicate can be marked distinct', 'InvalidResolution');
      }
    },
  });

  const untilDue = (iso: string) => Math.max(Date.parse(iso) - Date.now(), 1);
  const waiting = () => [...contenders.values()].filter((c) => c.role === 'contender').length;
  // Once someone has joined, nobody waiting means every contender left.
  const settled = () => resolving || (anyoneJoined && waiting() === 0);

  if (!(await condition(settled, untilDue(input.reviewDueAt)))) {
    level = 2;
    remindersSent += 1;
    await persist();
    await activities.remindEscalation({
      escalationId,
      secondReviewDueAt: input.secondReviewDueAt,
      reasonCode: input.reasonCode,
      contenders: [...contenders.keys()],
    });
  }
  if (!(await condition(settled, untilDue(input.secondReviewDueAt)))) {
    await resolve('deadline', { kind: 'system' });
  }
  if (!resolving) await resolve('moot', { kind: 'system' });
  await condition(() => allHandlersFinished() && serial.idle);
  return view();
}
