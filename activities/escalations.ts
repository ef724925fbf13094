import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { TransitionRefused } from '../db/decision-log';
import { type EscalationDoc, saveEscalation } from '../db/escalations';
import { recordEscalationFacts } from '../db/insights';
import { enqueueNotification } from '../db/outbox';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { fateEvents, transition } from '../domain/lifecycle';
import { fateEntry, resolutionNotifyKey } from '../domain/lifecycle-entries';
import { timingInMs } from '../domain/policy/schema';
import type { ReasonCode } from '../domain/registration';
import {
  type Actor,
  contendersJoinedSignal,
  type EscalationContenderView,
  type EscalationFate,
  type EscalationResolutionRequest,
  escalationWorkflowId,
  type RecordedOutcome,
} from '../workflows/definitions';
import type { EscalationWorkflowInput, escalationWorkflow } from '../workflows/escalation';
import type { ActivityDeps } from './context';
import { escalationIdFor } from './escalation-ids';
import { notifyPartners } from './notify';
import { recordStepOn } from './record-step';
import { loadPolicyVersion, loadRegistration, loadRegistrations, outcomeOf } from './registration-facts';
import { planResolution } from './resolution-plan';

export function contenderOf(
  registration: RegistrationDoc,
  role: EscalationContenderView['role'],
): EscalationContenderView {
  const match = role === 'contender' ? registration.decisions.at(-1)?.matches[0] : undefined;
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
    joinedAt: new Date().toISOString(),
  };
}

/**
 * Starts the escalation's workflow with this contender, or signals it if it runs. A finished escalation
 * is never started again (REJECT_DUPLICATE): `false` tells the caller to open a new one.
 */
export async function enterEscalation(
  deps: ActivityDeps,
  escalation: {
    escalationId: string;
    subject: EscalationDoc['subject'];
    reasonCode: ReasonCode;
    policyVersion: number;
  },
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
    await deps.temporal.workflow.signalWithStart<typeof escalationWorkflow, [EscalationContenderView[]]>(
      'escalationWorkflow',
      {
        workflowId: escalationWorkflowId(escalation.escalationId),
        taskQueue: deps.taskQueue,
        args: [input],
        signal: contendersJoinedSignal,
        signalArgs: [joining],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      },
    );
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

export function escalationActivities(deps: ActivityDeps) {
  return {
    /**
     * Puts an escalated registration into its escalation (the one its decision chose on the first attempt,
     * one of its own on later attempts), with the approved registrations it was matched with as holders
     * for comparison. Returns no id when that escalation has already finished.
     */
    async joinEscalation({
      registrationId,
      attempt,
    }: {
      registrationId: string;
      attempt: number;
    }): Promise<{ escalationId?: string }> {
      const registration = await loadRegistration(registrationId);
      if (registration.status !== 'escalated') return {};
      const escalationId =
        attempt === 0 && registration.escalationId ? registration.escalationId : escalationIdFor(`contest:${attempt}`);
      const matchedIds = registration.decisions.at(-1)?.matches.map((m) => m.registrationId) ?? [];
      const holders = (await loadRegistrations(matchedIds)).filter((h) => h.status === 'approved');
      const entered = await enterEscalation(
        deps,
        {
          escalationId,
          subject: 'registration',
          reasonCode: registration.reasonCode ?? 'possible-duplicate',
          policyVersion: registration.policyVersion,
        },
        [contenderOf(registration, 'contender'), ...holders.map((holder) => contenderOf(holder, 'holder'))],
      );
      if (!entered) return {};
      if (registration.escalationId !== escalationId) {
        // This runs in the registration's own workflow, the document's one writer.
        await Registration.updateOne({ _id: registrationId }, { $set: { escalationId } }).exec();
      }
      await notifyPartners(registration, 'registration.escalated', `escalated:${escalationId}`);
      return { escalationId };
    },

    /** Writes the escalation workflow's state as its document (that workflow is the only writer). */
    async saveEscalationState(input: {
      escalationId: string;
      input: EscalationWorkflowInput;
      contenders: EscalationContenderView[];
      level: 1 | 2;
      remindersSent: number;
      resolution: EscalationDoc['resolution'];
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
        workflowId: escalationWorkflowId(input.escalationId),
        updatedAt: new Date(),
      } satisfies EscalationDoc;
      await saveEscalation(escalation);
      // Each state the workflow saves after a deadline passed: the missed deadline is counted once.
      await recordEscalationFacts(escalation);
    },

    /** Decides what the resolution means for each waiting contender (reads only; the contenders record it). */
    async planEscalationResolution(input: {
      escalationId: string;
      input: EscalationWorkflowInput;
      contenders: EscalationContenderView[];
      request: EscalationResolutionRequest | 'deadline' | 'moot';
      by: Actor;
    }) {
      const { policy } = await loadPolicyVersion(input.input.policyVersion);
      const registrations = await loadRegistrations(input.contenders.map((c) => c.registrationId));
      return planResolution(input.input.subject, input.contenders, registrations, input.request, policy, input.by);
    },

    /** The first review deadline passed: remind the channel managers (their webhook, if one is set). */
    async remindEscalation(input: {
      escalationId: string;
      secondReviewDueAt: string;
      reasonCode: ReasonCode;
      contenders: string[];
    }) {
      await enqueueNotification({
        eventId: `${input.escalationId}:reminder:2`,
        to: { kind: 'vendor', id: 'channel-managers' },
        type: 'escalation.reminder',
        payload: { event: 'escalation.reminder', level: 2, ...input },
      });
    },

    /** Records on a registration what its escalation decided for it. Runs in the registration's workflow. */
    async recordEscalationFate({
      registrationId,
      fate,
    }: {
      registrationId: string;
      fate: EscalationFate;
    }): Promise<RecordedOutcome> {
      const registration = await loadRegistration(registrationId);
      const event = fateEvents[fate.action];
      const { policy } = await loadPolicyVersion(registration.policyVersion);
      const step = transition(outcomeOf(registration), event, fateEntry(fate, registration.policyVersion), {
        timing: timingInMs(policy.timing),
        now: new Date(),
        notifyKey: resolutionNotifyKey(fate),
      });
      try {
        return outcomeOf((await recordStepOn(registration, step)).recorded);
      } catch (error) {
        // Withdrawn or expired meanwhile: that end stands.
        if (error instanceof TransitionRefused) return outcomeOf(await loadRegistration(registrationId));
        throw error;
      }
    },
  };
}
