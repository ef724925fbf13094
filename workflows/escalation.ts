import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  type Actor,
  contenderJoinedSignal,
  contenderLeftSignal,
  type EscalationContenderView,
  type EscalationResolutionRequest,
  type EscalationResolutionResult,
  type EscalationState,
  escalationOutcomeSignal,
  escalationStateQuery,
  extensionOutcomeSignal,
  registrationWorkflowId,
  resolveEscalationUpdate,
} from './definitions';

const lifecycle = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export interface EscalationWorkflowInput {
  escalationId: string;
  subject: EscalationState['subject'];
  reasonCode: EscalationState['reasonCode'];
  reviewDueAt: string;
  secondReviewDueAt: string;
}

/**
 * One contested deal (or one unrouted registration, or one extension request) before a channel manager.
 * It holds the review deadlines: after `reviewSla` a reminder goes out and the escalation moves to the
 * second level; after `secondReviewSla` the policy decides (`first-come` or `reject-all`). Nothing waits forever.
 * Everything the Update validator needs is in the input or arrives by signal, so the handlers are set
 * before the first await: an Update sent right after the start finds them.
 */
export async function escalationWorkflow(input: EscalationWorkflowInput): Promise<EscalationState> {
  const { escalationId } = input;
  const contenders = new Map<string, EscalationContenderView>();
  const state: EscalationState = {
    escalationId,
    status: 'open',
    level: 1,
    subject: input.subject,
    reasonCode: input.reasonCode,
    contenders: [],
  };
  const view = (): EscalationState => ({ ...state, contenders: [...contenders.values()] });
  let resolving = false;

  const resolve = async (request: EscalationResolutionRequest | 'deadline' | 'moot', by: Actor) => {
    resolving = true;
    const result = await lifecycle.resolveEscalation({ escalationId, request, by });
    await notifyContenders(result);
    state.status = 'resolved';
    return result;
  };

  setHandler(escalationStateQuery, view);
  setHandler(contenderJoinedSignal, (contender) => {
    contenders.set(contender.registrationId, contender);
  });
  setHandler(contenderLeftSignal, ({ registrationId }) => {
    contenders.delete(registrationId);
  });
  setHandler(resolveEscalationUpdate, async ({ by, request }) => resolve(request, by), {
    // Refuses before anything is recorded in the workflow history or the database.
    validator: ({ request }) => {
      if (resolving || state.status === 'resolved') {
        throw ApplicationFailure.nonRetryable('the escalation is already resolved', 'AlreadyResolved');
      }
      if (!request.reason?.trim()) throw ApplicationFailure.nonRetryable('a reason is required', 'InvalidResolution');
      if ('award' in request) {
        const contender = contenders.get(request.award);
        if (!contender) {
          throw ApplicationFailure.nonRetryable(
            `${request.award} is not a contender of this escalation`,
            'InvalidResolution',
          );
        }
        const approvedHolder = [...contenders.values()].find((c) => c.role === 'holder');
        if (contender.role === 'contender' && approvedHolder && state.subject === 'registration') {
          throw ApplicationFailure.nonRetryable(
            `${approvedHolder.registrationId} already holds an approved registration on this deal: award it, reject all, or mark the match distinct`,
            'InvalidResolution',
          );
        }
      }
      if ('distinct' in request && state.reasonCode !== 'possible-duplicate') {
        throw ApplicationFailure.nonRetryable('only a possible duplicate can be marked distinct', 'InvalidResolution');
      }
    },
  });

  const untilDue = (iso: string) => Math.max(Date.parse(iso) - Date.now(), 1);
  const contenderCount = () => [...contenders.values()].filter((c) => c.role === 'contender').length;
  const settled = () => resolving || contenderCount() === 0;

  if (!(await condition(settled, untilDue(input.reviewDueAt)))) {
    await lifecycle.remindEscalation({ escalationId });
    state.level = 2;
  }
  if (!(await condition(settled, untilDue(input.secondReviewDueAt)))) {
    await resolve('deadline', { kind: 'system' });
  }
  if (!resolving) {
    // Every contender withdrew before anyone decided: close it with nothing to decide.
    await resolve('moot', { kind: 'system' });
  }
  await condition(allHandlersFinished);
  return view();
}

/** Tells each contender's workflow what was recorded for it; a contender that already ended ignores it. */
async function notifyContenders(result: EscalationResolutionResult): Promise<void> {
  await Promise.all(
    result.outcomes.map(async (outcome) => {
      const handle = getExternalWorkflowHandle(registrationWorkflowId(outcome.registrationId));
      const recorded = {
        status: outcome.status,
        reasonCode: outcome.reasonCode,
        protectedUntil: outcome.protectedUntil,
        extensionsUsed: outcome.extensionsUsed,
      };
      try {
        if (outcome.granted !== undefined)
          await handle.signal(extensionOutcomeSignal, { granted: outcome.granted, outcome: recorded });
        else await handle.signal(escalationOutcomeSignal, recorded);
      } catch {
        // The contender's workflow has already completed (it was withdrawn): nothing to tell it.
      }
    }),
  );
}
