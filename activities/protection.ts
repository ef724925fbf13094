import { Context } from '@temporalio/activity';
import type { RegistrationDoc } from '../db/registrations';
import { transition } from '../domain/lifecycle';
import {
  closingEntry,
  type EntryContent,
  expiryEntry,
  extensionEntry,
  extensionRequestEntry,
  withdrawalEntry,
} from '../domain/lifecycle-entries';
import { timingInMs } from '../domain/policy/schema';
import {
  type Actor,
  contenderLeftSignal,
  type ExtensionResult,
  escalationWorkflowId,
  type RecordedOutcome,
} from '../workflows/definitions';
import type { ActivityDeps } from './context';
import { escalationIdFor } from './escalation-ids';
import { contenderOf, enterEscalation } from './escalations';
import { notifyPartners } from './notify';
import { recordStepOn } from './record-step';
import { loadPolicyVersion, loadRegistration, outcomeOf } from './registration-facts';

/** An end: the status changes, the deal is released for the next registration, the partners hear of it. */
async function end(
  registration: RegistrationDoc,
  event: 'withdrawn' | 'won' | 'lost' | 'expired',
  entry: EntryContent,
): Promise<RecordedOutcome> {
  const step = transition(outcomeOf(registration), event, entry, { timing: noTiming, now: new Date() });
  return outcomeOf((await recordStepOn(registration, step)).recorded);
}

/** Ends change no protection, so they need no policy timing. */
const noTiming = { protectionMs: 0, extensionPeriodMs: 0 };

/** Opens the channel manager's review of an extension request (its name is the same for a retry). */
async function openExtensionReview(deps: ActivityDeps, registration: RegistrationDoc, ordinal: number) {
  const escalationId = escalationIdFor(`extension:${ordinal}`);
  // An extension weighs no competitor: the match of the decision that approved it is not this review's.
  const { match: _match, ...contender } = contenderOf(registration, 'contender');
  const entered = await enterEscalation(
    deps,
    { escalationId, subject: 'extension', reasonCode: 'extension-request', policyVersion: registration.policyVersion },
    [contender],
  );
  if (!entered) throw new Error(`escalation ${escalationId} already finished; the extension request cannot join it`);
  return escalationId;
}

export function protectionActivities(deps: ActivityDeps) {
  return {
    async withdrawRegistration(input: {
      registrationId: string;
      by: Actor;
      reason?: string;
    }): Promise<RecordedOutcome> {
      const registration = await loadRegistration(input.registrationId);
      const outcome = await end(registration, 'withdrawn', withdrawalEntry(registration, input.by, input.reason));
      if (registration.status === 'escalated' && registration.escalationId) {
        await deps.temporal.workflow
          .getHandle(escalationWorkflowId(registration.escalationId))
          .signal(contenderLeftSignal, { registrationId: registration._id })
          .catch(() => undefined); // the escalation already finished
      }
      return outcome;
    },

    async closeRegistration(input: {
      registrationId: string;
      by: Actor;
      outcome: 'won' | 'lost';
    }): Promise<RecordedOutcome> {
      const registration = await loadRegistration(input.registrationId);
      return end(registration, input.outcome, closingEntry(registration, input.by, input.outcome));
    },

    /** Expires the registration unless its protection was extended since the workflow last looked. */
    async expireRegistration(input: { registrationId: string; protectedUntil: string }): Promise<RecordedOutcome> {
      const registration = await loadRegistration(input.registrationId);
      if (registration.status !== 'approved' || registration.protectedUntil?.toISOString() !== input.protectedUntil) {
        return outcomeOf(registration);
      }
      return end(registration, 'expired', expiryEntry(registration, input.protectedUntil));
    },

    async notifyExpiring(input: { registrationId: string; protectedUntil: string }): Promise<void> {
      const registration = await loadRegistration(input.registrationId);
      if (registration.status !== 'approved') return;
      await notifyPartners(registration, 'registration.expiring', `expiring:${input.protectedUntil}`);
    },

    /**
     * Extends protection by the policy's period, or (when the policy wants approval) opens an
     * `extension-request` escalation. `ordinal` (1 for the first extension) keys the write.
     */
    async requestExtension(input: {
      registrationId: string;
      by: Actor;
      reason: string;
      ordinal: number;
    }): Promise<ExtensionResult> {
      const registration = await loadRegistration(input.registrationId);
      const { policy } = await loadPolicyVersion(registration.policyVersion);
      const ms = timingInMs(policy.timing);
      const state = outcomeOf(registration);
      const now = new Date();
      if (policy.timing.extension.needsApproval) {
        const escalationId = await openExtensionReview(deps, registration, input.ordinal);
        const requested = transition(
          state,
          'extension-requested',
          extensionRequestEntry(registration, { ...input, escalationId }),
          { timing: ms, now },
        );
        await recordStepOn(registration, requested);
        return {
          result: 'escalated',
          escalationId,
          protectedUntil: registration.protectedUntil?.toISOString() ?? '',
          extensionsUsed: registration.extensionsUsed,
        };
      }
      const step = transition(
        state,
        'extended',
        (set) =>
          extensionEntry(registration, {
            ...input,
            max: policy.timing.extension.max,
            protectedUntil: set.protectedUntil ?? '',
          }),
        // The key guards a retry; the ordinal keeps the count exact even if a retry computed it again.
        { timing: ms, now, ordinal: input.ordinal },
      );
      const { recorded } = await recordStepOn(registration, step);
      Context.current().log.info('registration extended', {
        registrationId: recorded._id,
        protectedUntil: recorded.protectedUntil,
      });
      return {
        result: 'extended',
        protectedUntil: recorded.protectedUntil?.toISOString() ?? '',
        extensionsUsed: recorded.extensionsUsed,
      };
    },

    /** The review of an extension request, for workflows that record their own steps. */
    async openExtensionReview(input: { registrationId: string; ordinal: number }): Promise<{ escalationId: string }> {
      const registration = await loadRegistration(input.registrationId);
      return { escalationId: await openExtensionReview(deps, registration, input.ordinal) };
    },
  };
}
