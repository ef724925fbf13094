import { Context } from '@temporalio/activity';
import { unlistFromKeys } from '../db/dealkeys';
import { applyTransition, TransitionRefused } from '../db/decision-log';
import { Escalation, type EscalationContender, type EscalationDoc } from '../db/escalations';
import { enqueueNotification } from '../db/outbox';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { timingInMs } from '../domain/policy/schema';
import type { Actor, EscalationResolutionRequest, EscalationResolutionResult } from '../workflows/definitions';
import type { ActivityDeps } from './context';
import { signalContender } from './escalation-signal';
import { fateTransition } from './fate-transition';
import { notifyPartners } from './notify';
import { loadPolicyVersion, loadRegistration, loadRegistrations, outcomeOf } from './registration-facts';
import { planResolution } from './resolution-plan';

/** Creates the escalation document unless it exists (deadlines come from the policy version in force for it). */
export async function openEscalation(input: {
  escalationId: string;
  subject: EscalationDoc['subject'];
  reasonCode: EscalationDoc['reasonCode'];
  policyVersion: number;
}): Promise<void> {
  const { policy } = await loadPolicyVersion(input.policyVersion);
  const ms = timingInMs(policy.timing);
  const now = new Date();
  const reviewDueAt = new Date(now.getTime() + ms.reviewSlaMs);
  await Escalation.updateOne(
    { _id: input.escalationId },
    {
      $setOnInsert: {
        status: 'open',
        subject: input.subject,
        reasonCode: input.reasonCode,
        contenders: [],
        contenderIds: [],
        policyVersion: input.policyVersion,
        createdAt: now,
        reviewDueAt,
        secondReviewDueAt: new Date(reviewDueAt.getTime() + ms.secondReviewSlaMs),
        level: 1,
        remindersSent: 0,
        workflowId: `escalation-${input.escalationId}`,
        updatedAt: now,
      },
    },
    { upsert: true },
  ).exec();
}

/** Adds a contender unless it is there already; false when the escalation no longer takes contenders. */
export async function addContender(escalationId: string, contender: EscalationContender): Promise<boolean> {
  await Escalation.updateOne(
    { _id: escalationId, status: 'open', contenderIds: { $ne: contender.registrationId } },
    { $push: { contenders: contender, contenderIds: contender.registrationId }, $set: { updatedAt: new Date() } },
  ).exec();
  const doc = await Escalation.findById(escalationId).lean<EscalationDoc>().exec();
  return Boolean(doc?.contenderIds.includes(contender.registrationId));
}

export function contenderOf(registration: RegistrationDoc, role: EscalationContender['role']): EscalationContender {
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
          },
        }
      : {}),
    joinedAt: new Date(),
  };
}

const ownEscalationId = (registrationId: string, attempt: number) =>
  `esc_${registrationId.replace(/^reg_/, '')}${attempt > 0 ? `_${attempt}` : ''}`;

export function escalationActivities(deps: ActivityDeps) {
  return {
    /**
     * Puts an escalated registration, and the approved registrations it was matched with (for comparison),
     * into its escalation, and makes sure the escalation's workflow runs. If that escalation is already
     * being resolved, the registration gets an escalation of its own.
     */
    async joinEscalation({ registrationId }: { registrationId: string }): Promise<{ escalationId?: string }> {
      let registration = await loadRegistration(registrationId);
      for (let attempt = 1; registration.status === 'escalated' && attempt <= 5; attempt += 1) {
        const escalationId = registration.escalationId ?? ownEscalationId(registrationId, 0);
        await openEscalation({
          escalationId,
          subject: 'registration',
          reasonCode: registration.reasonCode ?? 'possible-duplicate',
          policyVersion: registration.policyVersion,
        });
        const contender = contenderOf(registration, 'contender');
        if (await addContender(escalationId, contender)) {
          const matchedIds = registration.decisions.at(-1)?.matches.map((m) => m.registrationId) ?? [];
          const approvedHolders = (await loadRegistrations(matchedIds)).filter((h) => h.status === 'approved');
          for (const holder of approvedHolders) await addContender(escalationId, contenderOf(holder, 'holder'));
          await signalContender(deps, escalationId, contender);
          for (const holder of approvedHolders)
            await signalContender(deps, escalationId, contenderOf(holder, 'holder'));
          await notifyPartners(registration, 'registration.escalated', `escalated:${escalationId}`);
          return { escalationId };
        }
        await Registration.updateOne(
          { _id: registrationId, status: 'escalated' },
          { $set: { escalationId: ownEscalationId(registrationId, attempt) } },
        ).exec();
        registration = await loadRegistration(registrationId);
      }
      return { escalationId: registration.escalationId };
    },

    /** The first review deadline passed: raise the escalation to level 2 and remind the channel managers. */
    async remindEscalation({ escalationId }: { escalationId: string }): Promise<void> {
      await Escalation.updateOne(
        { _id: escalationId, level: 1 },
        { $set: { level: 2, updatedAt: new Date() }, $inc: { remindersSent: 1 } },
      ).exec();
      const escalation = await Escalation.findById(escalationId).lean<EscalationDoc>().exec();
      if (!escalation) return;
      await enqueueNotification({
        eventId: `${escalationId}:reminder:2`,
        to: { kind: 'vendor', id: 'channel-managers' },
        type: 'escalation.reminder',
        payload: {
          event: 'escalation.reminder',
          escalationId,
          level: 2,
          reasonCode: escalation.reasonCode,
          secondReviewDueAt: escalation.secondReviewDueAt.toISOString(),
          contenders: escalation.contenders.map((c) => c.registrationId),
        },
      });
    },

    /**
     * Records a resolution: closes the escalation to new contenders, writes each contender's decision
     * (each guarded and keyed, so a retry writes nothing twice), then marks the escalation resolved.
     */
    async resolveEscalation(input: {
      escalationId: string;
      request: EscalationResolutionRequest | 'deadline' | 'moot';
      by: Actor;
    }): Promise<EscalationResolutionResult> {
      await Escalation.updateOne(
        { _id: input.escalationId, status: 'open' },
        { $set: { status: 'closing', updatedAt: new Date() } },
      ).exec();
      const escalation = await Escalation.findById(input.escalationId).lean<EscalationDoc>().exec();
      if (!escalation) throw new Error(`escalation ${input.escalationId} does not exist`);
      const { policy } = await loadPolicyVersion(escalation.policyVersion);
      const timing = timingInMs(policy.timing);
      const registrations = await loadRegistrations(escalation.contenders.map((c) => c.registrationId));
      const plan = planResolution(escalation, registrations, input.request, policy, input.by);
      const byId = new Map(registrations.map((r) => [r._id, r]));
      const outcomes: EscalationResolutionResult['outcomes'] = [];
      for (const fate of plan.fates) {
        const registration = byId.get(fate.registrationId);
        if (!registration) continue;
        try {
          const { registration: recorded } = await applyTransition(
            fateTransition(escalation, plan, fate, registration, timing),
          );
          if (recorded.status === 'rejected') await unlistFromKeys(recorded._id, recorded.lookupKeys);
          await notifyPartners(recorded, 'registration.resolved', `resolved:${escalation._id}`);
          const granted =
            fate.action === 'grant-extension' ? true : fate.action === 'deny-extension' ? false : undefined;
          outcomes.push({
            registrationId: recorded._id,
            ...outcomeOf(recorded),
            ...(granted === undefined ? {} : { granted }),
          });
        } catch (error) {
          // A contender that withdrew or expired meanwhile keeps its end.
          if (!(error instanceof TransitionRefused)) throw error;
        }
      }
      await Escalation.updateOne(
        { _id: escalation._id, status: { $ne: 'resolved' } },
        {
          $set: {
            status: 'resolved',
            resolution: { ...plan.resolution, reason: plan.reason, by: plan.decidedBy, at: new Date() },
            updatedAt: new Date(),
          },
        },
      ).exec();
      Context.current().log.info('escalation resolved', {
        escalationId: escalation._id,
        resolution: plan.resolution.kind,
      });
      return { escalationId: escalation._id, resolution: plan.resolution.kind, outcomes };
    },
  };
}
