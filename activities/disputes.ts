import { createHash } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { type DisputeDoc, releaseOpenDispute, saveDispute } from '../db/disputes';
import { Reseller, type ResellerDoc } from '../db/partners';
import { currentPolicy } from '../db/policies';
import type { RegistrationDoc } from '../db/registrations';
import type { DisputeDecision, DisputeGround, DisputeSide } from '../domain/dispute';
import type { DisputeStep } from '../domain/dispute-entries';
import { transition } from '../domain/lifecycle';
import type { Requester } from '../domain/lifecycle-entries';
import { customerIdentity, customerKeysOf } from '../domain/matching';
import type { RegistrationSubmission } from '../domain/registration';
import {
  type RecordedStep,
  registrationWorkflowId,
  type SubmissionInput,
  type TransferOrder,
  type TransferResult,
  transferUpdate,
} from '../workflows/definitions';
import { disputeStepUpdate } from '../workflows/dispute-definitions';
import type { ActivityDeps } from './context';
import { enqueueStaffNotice } from './notify';
import { lifecycleStateOf, recordStep } from './record-step';
import { loadRegistration } from './registration-facts';
import { confirmUnstored } from './weigh';

/** The dispute workflow's state as its document stores it (dates as ISO text in the workflow). */
export interface DisputeProjection {
  disputeId: string;
  input: {
    registrationId: string;
    resellerId: string;
    distributorId: string;
    holder?: { registrationId: string; resellerId: string; distributorId: string };
    ground: DisputeGround;
    claim: DisputeSide;
    policyVersion: number;
    createdAt: string;
    responseDueAt: string;
    reviewDueAt: string;
    secondReviewDueAt: string;
  };
  level: 1 | 2;
  response?: DisputeSide;
  decision?: DisputeDecision;
  revision: number;
}

/** A dispute's step written straight into a registration whose workflow has ended (nobody else writes it). */
async function recordOnEnded(registrationId: string, { event, content }: DisputeStep): Promise<RecordedStep> {
  const doc = await loadRegistration(registrationId);
  const state = lifecycleStateOf(doc);
  const step = transition(
    state,
    event,
    { ...content, ...(doc.reasonCode ? { reasonCode: doc.reasonCode } : {}) },
    { timing: { protectionMs: 0, extensionPeriodMs: 0 }, now: new Date() },
  );
  return recordStep({ registrationId, step });
}

const isEndedWorkflow = (error: unknown): boolean =>
  error instanceof WorkflowNotFoundError ||
  (error instanceof Error && /already completed|workflow execution already finished/i.test(error.message));

/** The innermost ApplicationFailure of an Update's failure (the workflow's refusal). */
function refusalOf(error: unknown): ApplicationFailure | undefined {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current instanceof ApplicationFailure) return current;
    current =
      current instanceof ActivityFailure || current instanceof WorkflowUpdateFailedError
        ? current.cause
        : (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function disputeActivities(deps: ActivityDeps) {
  return {
    async saveDisputeState(state: DisputeProjection): Promise<void> {
      const { input, decision } = state;
      const doc: DisputeDoc = {
        _id: state.disputeId,
        status: decision ? 'decided' : 'open',
        level: state.level,
        registrationId: input.registrationId,
        resellerId: input.resellerId,
        distributorId: input.distributorId,
        ...(input.holder
          ? {
              holderId: input.holder.registrationId,
              holderResellerId: input.holder.resellerId,
              holderDistributorId: input.holder.distributorId,
            }
          : {}),
        ground: input.ground,
        claim: input.claim,
        ...(state.response ? { response: state.response } : {}),
        ...(decision ? { decision, decidedAt: new Date(decision.at) } : {}),
        policyVersion: input.policyVersion,
        createdAt: new Date(input.createdAt),
        month: input.createdAt.slice(0, 7),
        responseDueAt: new Date(input.responseDueAt),
        reviewDueAt: new Date(input.reviewDueAt),
        secondReviewDueAt: new Date(input.secondReviewDueAt),
        revision: state.revision,
        workflowId: `dispute-${state.disputeId}`,
        updatedAt: new Date(),
      };
      await saveDispute(doc);
      if (decision) await releaseOpenDispute(input.registrationId, state.disputeId);
    },

    /**
     * A dispute's step in a registration's decisions: by its own workflow while it runs (one writer per
     * document), else written here (an ended registration's workflow writes nothing more).
     */
    async recordDisputeStep({ registrationId, step }: { registrationId: string; step: DisputeStep }): Promise<void> {
      try {
        await deps.temporal.workflow
          .getHandle(registrationWorkflowId(registrationId))
          .executeUpdate(disputeStepUpdate, { args: [step] });
      } catch (error) {
        if (!isEndedWorkflow(error)) throw error;
        await recordOnEnded(registrationId, step);
      }
    },

    /**
     * An overturned dispute moves the held deal by the holder's own transfer. `holderGone`: the holder no
     * longer holds it (ended meanwhile), so the dispute's receiver is approved where nobody holds it.
     */
    async transferForDispute(input: {
      holderId: string;
      by: Requester;
      toResellerId: string;
      toDistributorId: string;
      reason: string;
    }): Promise<{ receiverId: string } | { holderGone: true }> {
      const { holderId, ...request } = input;
      try {
        const result: TransferResult = await deps.temporal.workflow
          .getHandle(registrationWorkflowId(holderId))
          .executeUpdate(transferUpdate, { args: [request] });
        return { receiverId: result.receiverId };
      } catch (error) {
        if (isEndedWorkflow(error)) return { holderGone: true };
        const refusal = refusalOf(error);
        if (refusal?.type === 'InvalidState' || refusal?.type === 'TransitionRefused') return { holderGone: true };
        if (refusal) throw ApplicationFailure.nonRetryable(refusal.message, refusal.type ?? 'DisputeRefused');
        throw error;
      }
    },

    /**
     * The disputing partner's new registration where nobody else holds the deal (overturned, holder gone) or
     * beside the holder (distinct): its deal judged now, the routes overridden by the channel manager's word,
     * before anything is stored; its own workflow accepts it and answers the dispute (`answerTo`).
     */
    async prepareDisputeReceiver(input: {
      disputeId: string;
      registrationId: string;
      by: Requester;
      reason: string;
      distinctFrom: string[];
      answerTo: string;
    }): Promise<{ submission: SubmissionInput; customerKeys: string[] }> {
      const disputing = await loadRegistration(input.registrationId);
      const reseller = await Reseller.findById(disputing.resellerId).lean<ResellerDoc>().exec();
      if (!reseller) throw ApplicationFailure.nonRetryable('the disputing reseller is gone', 'DisputeRefused');
      const policy = await currentPolicy(new Date());
      if (!policy) throw ApplicationFailure.nonRetryable('no allocation policy is in force', 'DisputeRefused');
      const receiver: RegistrationDoc = {
        ...disputing,
        _id: `dispute-receiver-of-${disputing._id}`,
        status: 'pending',
        partnerType: reseller.partnerType,
        sequence: undefined,
      };
      const verdict = await confirmUnstored(receiver, policy, [disputing._id, ...input.distinctFrom], true);
      if (verdict.decision.outcome !== 'approve') {
        throw ApplicationFailure.nonRetryable(
          `another registration holds this deal: ${verdict.explanation}`,
          'DealHeld',
        );
      }
      const body: RegistrationSubmission = {
        distributorId: disputing.distributorId,
        customer: disputing.customer,
        opportunity: disputing.opportunity,
        ...(disputing.program !== undefined && { program: disputing.program }),
      };
      const transfer: TransferOrder = {
        from: disputing._id,
        by: input.by,
        reason: input.reason,
        dispute: { answerTo: input.answerTo, distinctFrom: input.distinctFrom },
      };
      const submission: SubmissionInput = {
        resellerId: disputing.resellerId,
        partnerType: reseller.partnerType,
        body,
        requestHash: createHash('sha256').update(`dispute\n${input.disputeId}`).digest('hex'),
        enteredBy: input.by.actor,
        transfer,
      };
      return { submission, customerKeys: customerKeysOf(customerIdentity(disputing.customer)) };
    },

    /** Tells the channel managers a dispute needs them: opened, or its first review deadline missed. */
    async noticeDispute(input: {
      disputeId: string;
      type: 'dispute.opened' | 'dispute.deadline-missed';
      level: 1 | 2;
      reviewDueAt: string;
      secondReviewDueAt: string;
    }): Promise<void> {
      const { type, ...payload } = input;
      await enqueueStaffNotice(type, payload, `${input.disputeId}:${type}:${input.level}`);
    },
  };
}
