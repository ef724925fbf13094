import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { crashPoint } from '../config/crash-points';
import { listEscalation } from '../db/escalation-list';
import { type EscalationDoc, type EscalationResolutionRecord, saveEscalation } from '../db/escalations';
import { recordEscalationFacts } from '../db/insights';
import type { RegistrationDoc } from '../db/registrations';
import {
  type EscalationContenderView,
  type EscalationResolutionRequest,
  type EscalationSubject,
  planResolution,
  type ResolutionPlan,
} from '../domain/escalation-plan';
import type { Actor } from '../domain/lifecycle-entries';
import { timingInMs } from '../domain/policy/schema';
import type { ReasonCode } from '../domain/registration';
import { contendersJoinedSignal, type EscalationWorkflowInput, escalationWorkflowId } from '../workflows/definitions';
import type { ActivityDeps } from './context';
import { escalationIdFor } from './escalation-ids';
import { enqueueStaffNotice, type StaffNoticeType, staffNoticeEventId } from './notify';
import { loadPolicyVersion, loadRegistration, loadRegistrations } from './registration-facts';
import { weighIn } from './weigh';

/** The event id of an escalation's notice to the channel managers: one per notice and level, whatever retries. */
export const escalationNoticeId = (escalationId: string, type: StaffNoticeType, level: 1 | 2): string =>
  staffNoticeEventId(type, noticeKey(escalationId, type, level));

export function contenderOf(
  registration: RegistrationDoc,
  role: EscalationContenderView['role'],
): EscalationContenderView {
  const matches = role === 'contender' ? (registration.decisions.at(-1)?.matches ?? []) : [];
  const [match] = matches;
  return {
    registrationId: registration._id,
    resellerId: registration.resellerId,
    distributorId: registration.distributorId,
    sequence: registration.sequence ?? 0,
    role,
    ...(match
      ? {
          match: {
            strength: match.strength,
            basis: match.basis,
            score: match.score,
            withRegistrationId: match.registrationId,
            ...(match.conflictingIdentifiers && { conflictingIdentifiers: match.conflictingIdentifiers }),
          },
        }
      : {}),
    matchedWith: matches.map((m) => m.registrationId),
    joinedAt: new Date().toISOString(),
  };
}

/**
 * Starts the escalation's workflow with these contenders, or signals it if it runs. A finished escalation
 * is never started again (REJECT_DUPLICATE): `false` tells the caller it was too late to join.
 */
async function enterEscalation(
  deps: ActivityDeps,
  escalation: { escalationId: string; subject: EscalationSubject; reasonCode: ReasonCode; policyVersion: number },
  joining: EscalationContenderView[],
): Promise<boolean> {
  const { policy } = await loadPolicyVersion(escalation.policyVersion);
  const ms = timingInMs(policy.timing);
  const now = Date.now();
  const input: EscalationWorkflowInput = {
    ...escalation,
    createdAt: new Date(now).toISOString(),
    reviewDueAt: new Date(now + ms.reviewSlaMs).toISOString(),
    secondReviewDueAt: new Date(now + ms.reviewSlaMs + ms.secondReviewSlaMs).toISOString(),
  };
  try {
    // One signal carries the contender and its holders, so the escalation never weighs one without the other.
    // By name, with the type only: activities never load workflow code.
    await deps.temporal.workflow.signalWithStart<
      (input: EscalationWorkflowInput) => Promise<unknown>,
      [EscalationContenderView[]]
    >('escalationWorkflow', {
      workflowId: escalationWorkflowId(escalation.escalationId),
      taskQueue: deps.taskQueue,
      args: [input],
      signal: contendersJoinedSignal,
      signalArgs: [joining],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    // A retry signals the running escalation again: joining twice admits a contender once.
    await crashPoint('escalation:started');
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

export function escalationActivities(deps: ActivityDeps) {
  return {
    /**
     * Puts an escalated registration into the escalation its decision named, with the approved registrations
     * it was matched with as holders for comparison. `joined: false` when that escalation has finished.
     */
    async joinEscalation({
      registrationId,
      escalationId,
    }: {
      registrationId: string;
      escalationId: string;
    }): Promise<{ joined: boolean }> {
      const registration = await loadRegistration(registrationId);
      if (registration.status !== 'escalated') return { joined: true };
      const contender = contenderOf(registration, 'contender');
      const holders = (await loadRegistrations(contender.matchedWith)).filter((h) => h.status === 'approved');
      const joined = await enterEscalation(
        deps,
        {
          escalationId,
          subject: 'registration',
          reasonCode: registration.reasonCode ?? 'possible-duplicate',
          policyVersion: registration.policyVersion,
        },
        [contender, ...holders.map((holder) => contenderOf(holder, 'holder'))],
      );
      return { joined };
    },

    /** Opens the channel manager's review of an extension request; `request` numbers this registration's requests. */
    async openExtensionReview(input: { registrationId: string; request: number }): Promise<{ escalationId: string }> {
      const registration = await loadRegistration(input.registrationId);
      const escalationId = escalationIdFor(`extension:${input.request}`);
      // An extension weighs no competitor: the match of the decision that approved it is not this review's.
      const { match: _match, ...contender } = contenderOf(registration, 'contender');
      const entered = await enterEscalation(
        deps,
        {
          escalationId,
          subject: 'extension',
          reasonCode: 'extension-request',
          policyVersion: registration.policyVersion,
        },
        [{ ...contender, matchedWith: [] }],
      );
      if (!entered) {
        throw ApplicationFailure.nonRetryable(`the review ${escalationId} has already finished`, 'ReviewFinished');
      }
      return { escalationId };
    },

    /** Writes the escalation workflow's state as its document (that workflow is the only writer). */
    async saveEscalationState(input: {
      escalationId: string;
      input: EscalationWorkflowInput;
      contenders: EscalationContenderView[];
      level: 1 | 2;
      remindersSent: number;
      resolution?: EscalationResolutionRecord<string>;
      revision: number;
    }): Promise<void> {
      const escalation = {
        _id: input.escalationId,
        status: input.resolution ? 'resolved' : 'open',
        subject: input.input.subject,
        reasonCode: input.input.reasonCode,
        contenders: input.contenders,
        policyVersion: input.input.policyVersion,
        createdAt: new Date(input.input.createdAt),
        reviewDueAt: new Date(input.input.reviewDueAt),
        secondReviewDueAt: new Date(input.input.secondReviewDueAt),
        level: input.level,
        remindersSent: input.remindersSent,
        ...(input.resolution ? { resolution: { ...input.resolution, at: new Date(input.resolution.at) } } : {}),
        revision: input.revision,
        workflowId: escalationWorkflowId(input.escalationId),
        updatedAt: new Date(),
      } satisfies EscalationDoc;
      // Listed first: an escalation that can be read is always on its list's page (a listed one not yet
      // stored is passed over).
      await listEscalation(escalation);
      await saveEscalation(escalation);
      await crashPoint('escalation:saved');
      // Each state the workflow saves after a deadline passed: the missed deadline is counted once.
      await recordEscalationFacts(escalation);
    },

    /**
     * What a resolution means for each waiting contender (reads only; the contenders record it). An award
     * to a contender whose deal another registration now holds is refused (`DealHeld`) before anything is
     * recorded.
     */
    async planEscalationResolution(input: {
      escalationId: string;
      input: EscalationWorkflowInput;
      contenders: EscalationContenderView[];
      request: EscalationResolutionRequest | 'deadline' | 'moot';
      actor: Actor;
    }): Promise<ResolutionPlan> {
      const { policy } = await loadPolicyVersion(input.input.policyVersion);
      const registrations = await loadRegistrations(input.contenders.map((c) => c.registrationId));
      const request = input.request;
      if (typeof request === 'object' && 'award' in request && input.input.subject === 'registration') {
        await refuseAwardOfHeldDeal(request.award, input.contenders);
      }
      return planResolution({
        subject: input.input.subject,
        reasonCode: input.input.reasonCode,
        contenders: input.contenders,
        statuses: new Map(registrations.map((r) => [r._id, r.status])),
        request,
        onSecondSlaBreach: policy.timing.onSecondSlaBreach,
        actor: input.actor,
      });
    },

    /** Tells the channel managers that an escalation opened or missed a review deadline (webhook and email). */
    async noticeEscalation(input: {
      escalationId: string;
      type: StaffNoticeType;
      level: 1 | 2;
      reasonCode: ReasonCode;
      reviewDueAt: string;
      secondReviewDueAt: string;
      contenders: string[];
    }): Promise<void> {
      const { type, ...payload } = input;
      await enqueueStaffNotice(type, payload, noticeKey(input.escalationId, type, input.level));
    },
  };
}

/** The awarded registration must not be approved where another approved registration certainly holds the deal. */
async function refuseAwardOfHeldDeal(award: string, contenders: readonly EscalationContenderView[]): Promise<void> {
  const awarded = contenders.find((c) => c.registrationId === award);
  if (awarded?.role !== 'contender') return;
  const others = contenders.map((c) => c.registrationId).filter((id) => id !== award);
  const weighed = await weighIn(() => ({ workflowId: escalationWorkflowId(award), runId: award }), {
    registrationId: award,
    mode: 'confirm',
    distinctFrom: others,
    attempt: 0,
  });
  if ('verdict' in weighed && weighed.verdict.decision.outcome === 'reject') {
    throw ApplicationFailure.nonRetryable(`the deal already has a holder: ${weighed.verdict.explanation}`, 'DealHeld');
  }
}

/** One notice per escalation, kind and level: a retried activity or a replayed workflow sends it once. */
export const noticeKey = (escalationId: string, type: StaffNoticeType, level: 1 | 2) =>
  `${escalationId}:${type}:${level}`;
